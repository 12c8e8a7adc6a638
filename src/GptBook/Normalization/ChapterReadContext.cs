using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Formulas;

namespace GptBook.Normalization;

/// <summary>What reading one chapter is handed: the book's options, the chapter's root-relative file, and where to report.</summary>
public sealed record ChapterReadContext(BookOptions Options, string ChapterFile, DiagnosticBag Diagnostics)
{
    /// <summary>The formulas parsed so far in this reading of the book, shared by its chapters (one of its own unless given).</summary>
    internal ParsedFormulas Formulas { get; init; } = new();

    /// <summary>The chapter's folder, relative to the root ("" at the root): relative references start here.</summary>
    public string ChapterDirectory
    {
        get
        {
            var slash = ChapterFile.LastIndexOf('/');
            return slash < 0 ? "" : ChapterFile[..slash];
        }
    }
}
