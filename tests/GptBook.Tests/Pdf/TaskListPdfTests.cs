using GptBook.Diagnostics;
using GptBook.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace GptBook.Tests.Pdf;

/// <summary>
/// GitHub task items in print, from Markdown through the real stages: the box is the item's marker, drawn where a
/// plain item's bullet is, in a face that has it, and the item has no bullet of its own.
/// </summary>
public sealed class TaskListPdfTests : IDisposable
{
    private readonly TempBookDirectory _book = new();

    public void Dispose() => _book.Dispose();

    [Fact]
    public void ATaskItemsBoxStandsWhereTheBulletWouldAndThePlainItemKeepsItsBullet()
    {
        _book.Write("chapter.md", "# 任务\n\n- 普通条目\n- [x] 线性回归\n- [ ] 逻辑回归\n");
        var (path, diagnostics) = OneChapterPdf.Write(_book, "任务");
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity >= DiagnosticSeverity.Warning);

        using var pdf = PdfDocument.Open(path);
        var page = pdf.GetPages().Single(p => p.Text.Contains("线性回归", StringComparison.Ordinal));
        var letters = page.Letters.ToList();
        IReadOnlyList<Letter> Line(string first)
        {
            var start = letters.First(l => l.Value == first);
            return letters.Where(l => Math.Abs(l.StartBaseLine.Y - start.StartBaseLine.Y) < 0.5).OrderBy(l => l.StartBaseLine.X).ToList();
        }

        var plain = Line("普");
        var done = Line("线");
        var open = Line("逻");
        var bullet = Assert.Single(plain, l => l.Value == "•");
        foreach (var (line, box, text) in new[] { (done, "\u2611", "线"), (open, "\u2610", "逻") })
        {
            // No bullet on a task line: the box is its marker, first on the line, and drawn by a face that has it.
            Assert.DoesNotContain(line, l => l.Value is "•" or "◦" or "·" or "-");
            Assert.Equal(box, line[0].Value);
            Assert.Single(line, l => l.Value == box);
            Assert.Contains("Symbols", line[0].FontName, StringComparison.Ordinal);
            Assert.True(line[0].GlyphRectangle.Width > 2, $"{box} has an empty outline");
            // The box ends where the bullet ends, and the text starts where the plain item's text starts.
            Assert.Equal(bullet.EndBaseLine.X, line[0].EndBaseLine.X, 0.5);
            Assert.Equal(plain[1].StartBaseLine.X, line.First(l => l.Value == text).StartBaseLine.X, 0.1);
            Assert.Equal(text, line[1].Value);
        }
    }
}
