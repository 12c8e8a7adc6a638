using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GptBook.Pdf;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace GptBook.Tests.Pdf;

/// <summary>Objects replaced in a file PDFsharp saved: the new object in place, every other object and the
/// cross-reference table still pointing at the right bytes.</summary>
public sealed partial class SavedObjectReplacerTests
{
    [Theory]
    [InlineData(5000)]  // longer than the original: everything after it moves on
    [InlineData(1)]     // shorter: everything after it moves back
    public void A_replaced_stream_is_read_back_and_every_offset_points_at_its_object(int length)
    {
        var (saved, first, last) = SavedWithTwoStreams();
        var data = Enumerable.Range(0, length).Select(i => (byte)('a' + i % 26)).ToArray();
        var patched = SavedObjectReplacer.Replace(saved, new Dictionary<int, byte[]>
        {
            [first] = SavedObjectReplacer.StreamObject(first, 0, "/Length " + length.ToString(CultureInfo.InvariantCulture), data),
            [last] = SavedObjectReplacer.StreamObject(last, 0, "/Length 3", "xyz"u8.ToArray()),
        });

        using (var document = PdfReader.Open(new MemoryStream(patched), PdfDocumentOpenMode.Import))
        {
            var streams = document.Internals.GetAllObjects().OfType<PdfDictionary>().Where(d => d.Stream != null)
                .ToDictionary(d => d.Reference!.ObjectNumber, d => Encoding.ASCII.GetString(d.Stream.Value));
            Assert.Equal(Encoding.ASCII.GetString(data), streams[first]);
            Assert.Equal("xyz", streams[last]);
            Assert.Equal(2, document.PageCount);
        }

        // Each in-use entry of the one table points at "N 0 obj", and startxref at the table.
        var text = Encoding.Latin1.GetString(patched);
        var startxref = int.Parse(StartXref().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n0 ", text[startxref..], StringComparison.Ordinal);
        var entries = XrefEntry().Matches(text[startxref..]);
        Assert.NotEmpty(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            var offset = int.Parse(entries[i].Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.StartsWith($"{i + 1} 0 obj\n", text[offset..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_object_the_file_does_not_have_is_refused()
    {
        var (saved, _, _) = SavedWithTwoStreams();
        Assert.Throws<InvalidOperationException>(() => SavedObjectReplacer.Replace(saved, new Dictionary<int, byte[]> { [9999] = [] }));
    }

    /// <summary>A two-page document with an uncompressed stream object near the start and one at the end.</summary>
    private static (byte[] Saved, int First, int Last) SavedWithTwoStreams()
    {
        using var document = new PdfDocument();
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        var first = new PdfDictionary(document);
        document.Internals.AddObject(first);
        first.CreateStream("first stream"u8.ToArray());
        document.AddPage().Elements["/GptBookFirst"] = first.Reference;
        document.AddPage();
        var last = new PdfDictionary(document);
        document.Internals.AddObject(last);
        last.CreateStream("last stream"u8.ToArray());
        document.Pages[1].Elements["/GptBookLast"] = last.Reference;
        using var ms = new MemoryStream();
        document.Save(ms, closeStream: false);
        return (ms.ToArray(), first.Reference!.ObjectNumber, last.Reference!.ObjectNumber);
    }

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF\n$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"(\d{10}) 00000 n \n")]
    private static partial Regex XrefEntry();
}
