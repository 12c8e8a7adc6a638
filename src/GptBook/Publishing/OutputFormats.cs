namespace GptBook.Publishing;

/// <summary>The outputs a build can produce; the default builds all of them.</summary>
[Flags]
public enum OutputFormats
{
    None = 0,
    Epub = 1,
    Pdf = 2,
    Site = 4,
    All = Epub | Pdf | Site,
}
