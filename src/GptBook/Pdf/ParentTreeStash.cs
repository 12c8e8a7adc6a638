using PdfSharp.Pdf;

namespace GptBook.Pdf;

/// <summary>
/// Keeps PDFsharp's structure parent tree short while pages are drawn. PDFsharp's StructureBuilder searches the
/// whole /ParentTree /Nums array on every marked-content sequence it opens, and that array gains an entry for every
/// page and link drawn so far, so tagging a book costs time quadratic in its length (80 chapters took three times as
/// long as 40). Nothing ever looks up a finished page's entries, so after each page they are moved aside, and
/// <see cref="Restore"/> puts them back, in their order, before the document is saved: the file is unchanged.
/// </summary>
internal sealed class ParentTreeStash(PdfDocument document)
{
    private readonly List<PdfItem> _finished = [];

    /// <summary>Moves the entries of the pages drawn so far out of the parent tree.</summary>
    public void SetAsideFinishedPages()
    {
        if (Nums() is not { } nums) return;
        for (var i = 0; i < nums.Elements.Count; i++)
            _finished.Add(nums.Elements[i]);
        nums.Elements.Clear();
    }

    /// <summary>Returns every entry to the parent tree, the ones set aside first (they have the lower keys).</summary>
    public void Restore()
    {
        if (_finished.Count == 0) return;
        var nums = Nums() ?? throw new InvalidOperationException("the structure parent tree disappeared while pages were drawn");
        var current = new List<PdfItem>();
        for (var i = 0; i < nums.Elements.Count; i++)
            current.Add(nums.Elements[i]);
        nums.Elements.Clear();
        foreach (var item in _finished.Concat(current))
            nums.Elements.Add(item);
        _finished.Clear();
    }

    private PdfArray? Nums() =>
        document.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")?.Elements.GetDictionary("/ParentTree")?.Elements.GetArray("/Nums");
}
