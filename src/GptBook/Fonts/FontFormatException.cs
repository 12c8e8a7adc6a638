namespace GptBook.Fonts;

/// <summary>A font file that is not a TrueType font we can read, or whose tables are truncated or inconsistent.</summary>
public sealed class FontFormatException(string message) : Exception(message);
