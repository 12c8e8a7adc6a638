using System.Globalization;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace GptBook.Benchmarks;

/// <summary>
/// A book of 60 figures (about 13 MB) as technical books have them, generated deterministically (a fixed seed per
/// figure, so every run measures the same bytes): 24 camera photographs as JPEG (1024–3000 px, smooth light with
/// texture and grain, most with EXIF as cameras write it, two turned by their EXIF orientation), 24 diagrams as
/// PNG (a white ground, boxes, arrows and anti-aliased strokes in a few colours) and 12 screenshots as PNG (panels,
/// lines of "text", an image area, two with a transparent surround). The figures are written once per generator
/// version and reused: generating them is not what is measured.
/// </summary>
public static class SyntheticFigures
{
    private const string Version = "figures-3";
    public const int Photos = 24;
    public const int Diagrams = 24;
    public const int Screenshots = 12;

    /// <summary>Writes the book (a single Markdown file whose figures are under <c>images/</c>) and returns its path.</summary>
    public static string Write(string directory)
    {
        var root = Path.Combine(directory, "figures-60");
        var markdown = Path.Combine(root, "figures.md");
        var stamp = Path.Combine(root, ".version");
        if (File.Exists(markdown) && File.Exists(stamp) && File.ReadAllText(stamp) == Version) return markdown;

        var images = Path.Combine(root, "images");
        Directory.CreateDirectory(images);
        var text = new StringBuilder("# 六十幅图\n\n");
        var names = new List<string>();
        Parallel.For(0, Photos + Diagrams + Screenshots, i =>
        {
            var name = i < Photos ? WritePhoto(images, i)
                : i < Photos + Diagrams ? WriteDiagram(images, i)
                : WriteScreenshot(images, i);
            lock (names) names.Add(name);
        });
        names.Sort(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
            text.Append(CultureInfo.InvariantCulture, $"第 {i + 1} 幅图如下所示，正文在图的前后各有一段。\n\n![图 {i + 1}](images/{names[i]})\n\n");
        File.WriteAllText(markdown, text.ToString());
        File.WriteAllText(stamp, Version);
        return markdown;
    }

    private static string WritePhoto(string folder, int i)
    {
        var random = new Random(1000 + i);
        (int W, int H)[] sizes = [(3000, 2000), (2400, 1600), (2048, 1536), (1600, 1200), (1280, 960), (1024, 768)];
        var (w, h) = sizes[i % sizes.Length];
        using var image = new Image<Rgb24>(w, h);
        // Light falling across a scene: low-frequency colour fields, a few soft shapes, fine texture and sensor grain.
        var hue = random.NextDouble() * 6.28;
        var blobs = Enumerable.Range(0, 6).Select(_ => (X: random.Next(w), Y: random.Next(h), R: 200 + random.Next(w / 3),
            C: (random.Next(256), random.Next(256), random.Next(256)))).ToArray();
        image.ProcessPixelRows(rows =>
        {
            var grain = new Random(2000 + i);
            for (var y = 0; y < h; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < w; x++)
                {
                    double r = 110 + 70 * Math.Sin(hue + x * 0.0021 + y * 0.0007);
                    double g = 120 + 60 * Math.Sin(hue * 1.7 + y * 0.0019);
                    double b = 130 + 70 * Math.Cos(hue * 0.6 + (x + y) * 0.0013);
                    foreach (var (bx, by, br, c) in blobs)
                    {
                        var d = ((x - bx) * (x - bx) + (y - by) * (y - by)) / (double)(br * br);
                        if (d >= 1) continue;
                        var a = (1 - d) * 0.8;
                        r += (c.Item1 - r) * a; g += (c.Item2 - g) * a; b += (c.Item3 - b) * a;
                    }
                    var texture = 14 * Math.Sin(x * 0.31 + Math.Sin(y * 0.07) * 3) * Math.Cos(y * 0.23);
                    var noise = grain.Next(-9, 10);
                    row[x] = new Rgb24(Clamp(r + texture + noise), Clamp(g + texture + noise), Clamp(b + texture * 0.8 + noise));
                }
            }
        });
        // Most cameras write EXIF (model, time, sometimes GPS); two photos were taken with the camera turned.
        if (i % 4 != 3)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Model, "Synthetic Camera");
            image.Metadata.ExifProfile.SetValue(ExifTag.DateTimeOriginal, "2026:11:30 12:00:00");
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)(i is 7 or 14 ? 6 : 1));
        }
        var name = $"photo-{i:00}.jpg";
        image.SaveAsJpeg(Path.Combine(folder, name), new JpegEncoder { Quality = 65 });
        return name;
    }

    private static string WriteDiagram(string folder, int i)
    {
        var random = new Random(3000 + i);
        (int W, int H)[] sizes = [(1600, 1000), (2000, 1200), (2400, 1400), (1200, 900)];
        var (w, h) = sizes[i % sizes.Length];
        using var image = new Image<Rgba32>(w, h, new Rgba32(255, 255, 255));
        Rgba32[] palette = [new(52, 101, 164), new(204, 0, 0), new(78, 154, 6), new(245, 121, 0), new(117, 80, 123), new(46, 52, 54)];
        for (var box = 0; box < 8; box++)
        {
            var bw = 150 + random.Next(w / 5);
            var bh = 80 + random.Next(h / 6);
            var bx = random.Next(20, w - bw - 20);
            var by = random.Next(20, h - bh - 20);
            var fill = palette[random.Next(palette.Length)];
            FillRect(image, bx, by, bw, bh, new Rgba32((byte)((fill.R + 510) / 3), (byte)((fill.G + 510) / 3), (byte)((fill.B + 510) / 3)));
            StrokeRect(image, bx, by, bw, bh, fill, 3);
            for (var line = 0; line < 3; line++) TextLine(image, random, bx + 12, by + 16 + line * 22, bw - 24, palette[5]);
        }
        for (var arrow = 0; arrow < 10; arrow++)
            Line(image, random.Next(w), random.Next(h), random.Next(w), random.Next(h), palette[random.Next(palette.Length)], 2.5);
        var name = $"diagram-{i:00}.png";
        image.SaveAsPng(Path.Combine(folder, name), new PngEncoder { ColorType = PngColorType.Rgb });
        return name;
    }

    private static string WriteScreenshot(string folder, int i)
    {
        var random = new Random(4000 + i);
        var (w, h) = i % 2 == 0 ? (1440, 900) : (1280, 800);
        var transparent = i % 6 == 0;
        using var image = new Image<Rgba32>(w, h, transparent ? new Rgba32(0, 0, 0, 0) : new Rgba32(246, 246, 246));
        var margin = transparent ? 40 : 0;
        FillRect(image, margin, margin, w - 2 * margin, h - 2 * margin, new Rgba32(250, 250, 250));
        FillRect(image, margin, margin, w - 2 * margin, 48, new Rgba32(60, 63, 65));
        FillRect(image, margin, margin + 48, 260, h - 2 * margin - 48, new Rgba32(236, 238, 240));
        for (var y = margin + 70; y < h - margin - 30; y += 26)
            TextLine(image, random, margin + 300, y, w - 2 * margin - 340, new Rgba32(30, 30, 30));
        for (var y = margin + 70; y < h - margin - 30; y += 30)
            TextLine(image, random, margin + 20, y, 200, new Rgba32(80, 80, 90));
        // An embedded picture area (a chart or photo inside the window) gives the screenshot many colours.
        var (px, py, pw, ph) = (margin + 320 + random.Next(200), margin + 200, 420, 260);
        image.ProcessPixelRows(rows =>
        {
            for (var y = py; y < py + ph; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = px; x < px + pw; x++)
                    row[x] = new Rgba32(Clamp(100 + 80 * Math.Sin(x * 0.05)), Clamp(140 + 60 * Math.Cos(y * 0.04)), Clamp(160 + random.Next(-20, 20)));
            }
        });
        var name = $"screenshot-{i:00}.png";
        image.SaveAsPng(Path.Combine(folder, name), new PngEncoder { ColorType = transparent ? PngColorType.RgbWithAlpha : PngColorType.Rgb });
        return name;
    }

    private static void FillRect(Image<Rgba32> image, int x, int y, int w, int h, Rgba32 colour) =>
        image.ProcessPixelRows(rows =>
        {
            for (var yy = Math.Max(0, y); yy < Math.Min(rows.Height, y + h); yy++)
                rows.GetRowSpan(yy).Slice(Math.Max(0, x), Math.Max(0, Math.Min(rows.Width, x + w) - Math.Max(0, x))).Fill(colour);
        });

    private static void StrokeRect(Image<Rgba32> image, int x, int y, int w, int h, Rgba32 colour, int width)
    {
        FillRect(image, x, y, w, width, colour);
        FillRect(image, x, y + h - width, w, width, colour);
        FillRect(image, x, y, width, h, colour);
        FillRect(image, x + w - width, y, width, h, colour);
    }

    /// <summary>A line of "text": short dark words of anti-aliased strokes, as rasterised type looks.</summary>
    private static void TextLine(Image<Rgba32> image, Random random, int x, int y, int width, Rgba32 colour)
    {
        var end = x + width * (60 + random.Next(40)) / 100;
        for (var cx = x; cx < end - 10;)
        {
            var word = 20 + random.Next(60);
            for (var gx = cx; gx < Math.Min(cx + word, end); gx += 7)
                Line(image, gx, y + random.Next(3), gx + random.Next(-2, 5), y + 11, colour, 1.3);
            cx += word + 8;
        }
    }

    /// <summary>An anti-aliased line: coverage from the distance to the segment, blended over what is there.</summary>
    private static void Line(Image<Rgba32> image, double x0, double y0, double x1, double y1, Rgba32 colour, double width)
    {
        var (minX, maxX) = ((int)Math.Max(0, Math.Min(x0, x1) - width - 1), (int)Math.Min(image.Width - 1, Math.Max(x0, x1) + width + 1));
        var (minY, maxY) = ((int)Math.Max(0, Math.Min(y0, y1) - width - 1), (int)Math.Min(image.Height - 1, Math.Max(y0, y1) + width + 1));
        var (dx, dy) = (x1 - x0, y1 - y0);
        var length2 = Math.Max(1e-9, dx * dx + dy * dy);
        image.ProcessPixelRows(rows =>
        {
            for (var y = minY; y <= maxY; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = minX; x <= maxX; x++)
                {
                    var t = Math.Clamp(((x - x0) * dx + (y - y0) * dy) / length2, 0, 1);
                    var distance = Math.Sqrt(Math.Pow(x - (x0 + t * dx), 2) + Math.Pow(y - (y0 + t * dy), 2));
                    var coverage = Math.Clamp(width / 2 + 0.5 - distance, 0, 1);
                    if (coverage <= 0) continue;
                    ref var p = ref row[x];
                    p = new Rgba32(Blend(p.R, colour.R, coverage), Blend(p.G, colour.G, coverage), Blend(p.B, colour.B, coverage),
                        (byte)Math.Max(p.A, (int)(255 * coverage)));
                }
            }
        });
    }

    private static byte Blend(byte under, byte over, double coverage) => (byte)Math.Round(under + (over - under) * coverage);

    private static byte Clamp(double v) => (byte)Math.Clamp((int)Math.Round(v), 0, 255);
}
