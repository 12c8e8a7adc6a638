namespace GptBook.Html;

/// <summary>
/// A formula drawn as a picture: <see cref="Href"/> relative to the content pages, its size in em of the text around
/// it, reaching <see cref="Height"/> above the baseline and <see cref="Depth"/> below it (what it is lowered by, so
/// it sits on the line and grows with the reader's font size).
/// </summary>
public sealed record FormulaPicture(string Href, double Width, double Height, double Depth);
