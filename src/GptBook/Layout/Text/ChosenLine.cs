namespace GptBook.Layout.Text;

/// <summary>
/// One line chosen by a line breaker: items <see cref="Start"/>..<see cref="End"/> (a trailing space included),
/// set <see cref="Indent"/> in, in <see cref="Avail"/> points, with the code-continuation mark if <see cref="WithMark"/>.
/// </summary>
internal readonly record struct ChosenLine(int Start, int End, double Indent, double Avail, bool WithMark);
