namespace GptBook.Layout.Text;

/// <summary>One input stretch of a paragraph: text in one style. A paragraph is a list of these.</summary>
public sealed record StyledText(string Text, TextStyle Style);
