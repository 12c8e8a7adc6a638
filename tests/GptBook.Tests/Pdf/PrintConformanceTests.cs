using System.IO.Compression;
using System.Text;
using GptBook.Configuration;
using GptBook.Layout;
using GptBook.Units;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using UglyToad.PdfPig.Graphics.Colors;
using PdfSharpReader = PdfSharp.Pdf.IO.PdfReader;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace GptBook.Tests.Pdf;

/// <summary>The print PDF as a print shop's preflight reads it: PDF/X-4, black ink, registration marks, subset tags.</summary>
[Collection(SamplePdfs.Name)]
public sealed class PrintConformanceTests(PdfOutputFixture output)
{
    [Fact]
    public void Every_letter_is_black_ink_only_and_no_content_stream_sets_an_rgb_colour()
    {
        foreach (var written in new[] { output.Article, output.Constructs })
        {
            using var pdf = PigDocument.Open(written.Path);
            foreach (var page in pdf.GetPages())
            {
                // Figures keep their colours (an SVG figure's labels are text in the figure's colours).
                var figures = written.Layout.Pages[page.Number - 1].Fragments.OfType<ImageFragment>()
                    .Select(f => f.Box).ToList();
                var height = page.Height;
                foreach (var letter in page.Letters.Where(l => !figures.Any(b =>
                             l.BoundingBox.Left >= b.X.Points - 1 && l.BoundingBox.Right <= b.Right.Points + 1 &&
                             height - l.BoundingBox.Top >= b.Y.Points - 1 && height - l.BoundingBox.Bottom <= b.Bottom.Points + 1)))
                {
                    var color = Assert.IsType<CMYKColor>(letter.FillColor);
                    Assert.True(color is { C: 0, M: 0, Y: 0 } && color.K > 0.5, $"'{letter.Value}' on page {page.Number} is {color}");
                }
                var operators = page.Operations.Select(o => o.Operator).ToHashSet();
                Assert.DoesNotContain("rg", operators);
                Assert.DoesNotContain("RG", operators);
            }
        }
    }

    [Fact]
    public void The_file_is_pdf_x4_with_an_output_intent_and_its_cmyk_profile()
    {
        Assert.StartsWith("%PDF-1.6", Encoding.ASCII.GetString(File.ReadAllBytes(output.Article.Path), 0, 8));
        using var document = PdfSharpReader.Open(output.Article.Path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var intents = document.Internals.Catalog.Elements.GetArray("/OutputIntents");
        Assert.NotNull(intents);
        var intent = Assert.IsType<PdfDictionary>(Assert.Single(intents.Elements.Select(Resolve)));
        Assert.Equal("/GTS_PDFX", intent.Elements.GetName("/S"));
        Assert.Equal("FOGRA39", intent.Elements.GetString("/OutputConditionIdentifier"));
        var profile = Assert.IsType<PdfDictionary>(intent.Elements.GetReference("/DestOutputProfile")!.Value);
        Assert.Equal(4, profile.Elements.GetInteger("/N"));
        var icc = Inflate(profile.Stream.Value);
        Assert.Equal("prtr", Encoding.ASCII.GetString(icc, 12, 4));
        Assert.Equal("CMYK", Encoding.ASCII.GetString(icc, 16, 4));

        var info = document.Info.Elements;
        Assert.Equal("PDF/X-4", info.GetString("/GTS_PDFXVersion"));
        Assert.Equal("/False", info.GetName("/Trapped"));
        var xmp = Encoding.UTF8.GetString(Assert.IsType<PdfDictionary>(document.Internals.Catalog.Elements.GetReference("/Metadata")!.Value).Stream.UnfilteredValue);
        Assert.Contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>", xmp);
        Assert.Contains("<xmpMM:RenditionClass>default</xmpMM:RenditionClass>", xmp);
        Assert.Contains("<pdf:Trapped>False</pdf:Trapped>", xmp);
        Assert.DoesNotContain("pdfuaid", xmp);
        System.Xml.Linq.XDocument.Parse(xmp[xmp.IndexOf("<x:xmpmeta", StringComparison.Ordinal)..(xmp.IndexOf("</x:xmpmeta>", StringComparison.Ordinal) + 12)]);
    }

    [Fact]
    public void Pages_have_no_transparency_group_and_rgb_images_carry_the_srgb_profile()
    {
        using var article = PdfSharpReader.Open(output.Article.Path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        foreach (var page in article.Pages) Assert.False(page.Elements.ContainsKey("/Group"));
        // The article's figures print as vectors; a figure with a photograph (a file of this class's own, as
        // other classes rewrite the shared ones).
        var photo = output.Constructs.Book.Figures().First(f => f.Id == "fig-photo").Image;
        var catalog = new GptBook.Images.ImageCatalog(new Dictionary<(string, GptBook.Images.ImageProfile), GptBook.Images.NormalizedImage>
        {
            [(photo.Key, GptBook.Images.ImageProfile.Print)] = new(output.Jpeg, 600, 400, "image/jpeg", 150),
        });
        var written = output.Write(output.Constructs.Book, "constructs-srgb.pdf", images: catalog);
        using var document = PdfSharpReader.Open(written.Path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        var images = document.Internals.GetAllObjects().OfType<PdfDictionary>().Where(d => d.Elements.GetName("/Subtype") == "/Image").ToList();
        Assert.NotEmpty(images);
        foreach (var image in images)
        {
            var space = Assert.IsType<PdfArray>(Resolve(image.Elements["/ColorSpace"]!));
            Assert.Equal("/ICCBased", space.Elements.GetName(0));
            var profile = Assert.IsType<PdfDictionary>(space.Elements.GetReference(1)!.Value);
            Assert.Equal(3, profile.Elements.GetInteger("/N"));
        }
    }

    [Fact]
    public void Crop_marks_are_drawn_in_registration_colour_as_artifacts()
    {
        var options = new PdfOptions { PageSize = PageSize.B5, Bleed = Length.Mm(3), CropMarks = true };
        var written = output.Write(output.Constructs.Book, "constructs-marks.pdf", options);
        using var document = PdfSharpReader.Open(written.Path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        foreach (var page in document.Pages)
        {
            var spaces = page.Resources.Elements.GetDictionary("/ColorSpace")!;
            var registration = Assert.IsType<PdfArray>(Resolve(spaces.Elements["/GptBookRegistration"]!));
            Assert.Equal(["/Separation", "/All"], [registration.Elements.GetName(0), registration.Elements.GetName(1)]);
            var content = string.Concat(page.Contents.Elements.Select(e => Encoding.Latin1.GetString(((PdfDictionary)Resolve(e)).Stream.UnfilteredValue)));
            var marks = content[content.LastIndexOf("/Artifact BMC", StringComparison.Ordinal)..];
            Assert.StartsWith("/Artifact BMC\n/GptBookRegistration CS 1 SCN", marks);
            Assert.Equal(8, marks.Split(" l S").Length - 1);
            Assert.False(page.Elements.ContainsKey("/ArtBox"));
        }
    }

    [Fact]
    public void Subset_tags_follow_the_subsets_glyphs()
    {
        var article = SubsetNames(output.Article.Path);
        var constructs = SubsetNames(output.Constructs.Path);
        Assert.All(article.Concat(constructs), name => Assert.Matches("^/[A-Z]{6}\\+", name));
        // The same face subset differently in the two books gets a different tag.
        var serif = (article.Single(n => n.EndsWith("Serif SC Regular", StringComparison.Ordinal)), constructs.Single(n => n.EndsWith("Serif SC Regular", StringComparison.Ordinal)));
        Assert.NotEqual(serif.Item1, serif.Item2);
    }

    [Fact]
    public void A_footnote_is_set_at_the_foot_of_the_page_that_references_it()
    {
        using var pdf = PigDocument.Open(output.Constructs.Path);
        var page = Assert.Single(pdf.GetPages(), p => p.Text.Contains("以及脚注", StringComparison.Ordinal));
        var note = page.GetWords().Where(w => w.Text.Contains("脚注的内容", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(note);
        // Below every line of body text on that page, and in the smaller size.
        var body = page.Letters.Where(l => l.PointSize > 10).ToList();
        Assert.True(note[0].BoundingBox.Top < body.Min(l => l.BoundingBox.Bottom), "the note is not below the text");
        Assert.True(note[0].Letters[0].PointSize < 10);
        Assert.Single(pdf.GetPages(), p => p.Text.Contains("脚注的内容", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void The_text_layer_reads_the_source_without_inserted_spaces_or_hyphens()
    {
        var result = GptBook.Tests.Support.ExternalTool.Run("pdftotext", ["-enc", "UTF-8", output.Article.Path, "-"]);
        Assert.Equal(0, result.ExitCode);
        // The source has no space in these; the Han–Latin quarter em and the justification are positioning only.
        Assert.Contains("迁移学习使GPT成为一个执行", result.StdOut.Replace("\n", ""));
        Assert.Contains("OpenAI设计", result.StdOut.Replace("\n", ""));
    }

    private static List<string> SubsetNames(string path)
    {
        using var document = PdfSharpReader.Open(path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return document.Internals.GetAllObjects().OfType<PdfDictionary>()
            .Where(d => d.Elements.GetName("/Type") == "/FontDescriptor").Select(d => d.Elements.GetName("/FontName")).ToList();
    }

    private static PdfItem Resolve(PdfItem item) => item is PdfReference r ? r.Value : item;

    private static byte[] Inflate(byte[] data)
    {
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress)) z.CopyTo(inflated);
        return inflated.ToArray();
    }
}
