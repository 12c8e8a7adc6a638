using GptBook.Pdf;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace GptBook.Tests.Pdf;

/// <summary>
/// The page transparency groups of the one save: PDFsharp would give every page a group in the colour mode the pages
/// were drawn in; the print PDF has one in CMYK on a page where something is transparent, and none elsewhere.
/// </summary>
public sealed class PdfXConformanceTests
{
    [Fact]
    public void Only_the_page_with_a_soft_masked_image_is_saved_with_a_cmyk_transparency_group()
    {
        using var document = new PdfDocument();
        document.Options.ColorMode = PdfColorMode.Cmyk; // as the writer draws
        var plain = document.AddPage();
        var masked = document.AddPage();
        var mask = new PdfDictionary(document);
        document.Internals.AddObject(mask);
        var image = new PdfDictionary(document);
        image.Elements.SetName("/Subtype", "/Image");
        image.Elements["/SMask"] = mask.Reference;
        var xobjects = new PdfDictionary(document);
        xobjects.Elements["/Im0"] = image;
        masked.Resources.Elements["/XObject"] = xobjects;

        PdfXConformance.Apply(document);
        using var saved = new MemoryStream();
        document.Save(saved, closeStream: false);

        using var read = PdfReader.Open(new MemoryStream(saved.ToArray()), PdfDocumentOpenMode.Import);
        Assert.False(read.Pages[0].Elements.ContainsKey("/Group"));
        var group = read.Pages[1].Elements.GetDictionary("/Group");
        Assert.NotNull(group);
        Assert.Equal("/DeviceCMYK", group.Elements.GetName("/CS"));
        Assert.Equal("/Transparency", group.Elements.GetName("/S"));
    }
}
