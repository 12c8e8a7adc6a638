using GptBook.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Tests.Pdf;

/// <summary>
/// A chapter with two SVG figures, built once to all three formats: one SVG referenced directly (gradients, a clip
/// path, group opacity, dashes, curves and arcs, a marker, a symbol, text with 𠮷 and an emoji, rotated text, an
/// embedded PNG), and one PNG whose SVG master lies beside it (the article's arrangement).
/// </summary>
public sealed class VectorFigureBook : IDisposable
{
    public const string MasterText = "主矢量稿";

    public VectorFigureBook()
    {
        using var bitmap = new Image<Rgb24>(16, 8, new Rgb24(0, 150, 136));
        using var pngBytes = new MemoryStream();
        bitmap.SaveAsPng(pngBytes);
        using var chart = new Image<Rgb24>(300, 150, new Rgb24(240, 240, 240));
        using var chartBytes = new MemoryStream();
        chart.SaveAsPng(chartBytes);
        var shapes = File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, "vector", "shapes.svg"))
            .Replace("EMBEDDED_PNG", Convert.ToBase64String(pngBytes.ToArray()));
        Book = new PublishedBook("vector", new Dictionary<string, byte[]>
        {
            ["book/book.yml"] = PublishedBook.Utf8("""
                id: vector
                title: 矢量插图
                language: zh-CN
                chapters: [chapter.md]
                """),
            ["book/chapter.md"] = PublishedBook.Utf8("""
                # 矢量插图

                ## 一张 SVG

                下图直接引用 SVG 文件。

                ![渐变、裁剪、透明度与文字](fig/shapes.svg)

                下图引用 PNG，旁边放着同名的 SVG 母版。

                ![时间线](fig/chart.png)
                """),
            ["book/fig/shapes.svg"] = PublishedBook.Utf8(shapes),
            ["book/fig/chart.png"] = chartBytes.ToArray(),
            ["book/fig/chart.svg"] = PublishedBook.Utf8($"""
                <svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" viewBox="0 0 600 300">
                  <rect width="600" height="300" fill="#fafafa" stroke="#999"/>
                  <line x1="40" y1="150" x2="560" y2="150" stroke="#616e7c" stroke-width="4"/>
                  <text x="300" y="120" text-anchor="middle" font-family="Noto Sans SC" font-weight="bold" font-size="36">{MasterText}</text>
                </svg>
                """),
        }, bookFile: "book/book.yml");
    }

    public PublishedBook Book { get; }

    public void Dispose() => Book.Dispose();
}
