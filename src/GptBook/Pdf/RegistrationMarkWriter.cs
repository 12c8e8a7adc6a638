using System.Globalization;
using System.Text;
using GptBook.Layout;
using GptBook.Units;
using PdfSharp.Pdf;

namespace GptBook.Pdf;

/// <summary>
/// Draws crop marks in registration colour: a Separation colour space named /All, which a RIP puts on every
/// printing plate, so the marks line up the separations as well as the trim. PDFsharp draws only RGB or CMYK, so
/// the marks go into a content stream of their own, appended after the page's graphics and marked as an artifact.
/// One colour space object serves every page.
/// </summary>
internal sealed class RegistrationMarkWriter(PdfDocument document)
{
    private const string ColorSpaceName = "/GptBookRegistration";
    private PdfArray? _colorSpace;

    public void Append(PdfPage page, IEnumerable<CropMarkFragment> marks, Length mediaHeight)
    {
        var sb = new StringBuilder();
        foreach (var m in marks)
        {
            if (sb.Length == 0) sb.Append("q\n/Artifact BMC\n").Append(ColorSpaceName).Append(" CS 1 SCN\n");
            sb.Append(Number(m.Thickness.Points)).Append(" w ")
                .Append(Number(m.X1.Points)).Append(' ').Append(Number((mediaHeight - m.Y1).Points)).Append(" m ")
                .Append(Number(m.X2.Points)).Append(' ').Append(Number((mediaHeight - m.Y2).Points)).Append(" l S\n");
        }
        if (sb.Length == 0) return;
        sb.Append("EMC\nQ\n");
        var spaces = page.Resources.Elements.GetDictionary("/ColorSpace");
        if (spaces == null)
        {
            spaces = new PdfDictionary(document);
            page.Resources.Elements["/ColorSpace"] = spaces;
        }
        spaces.Elements[ColorSpaceName] = ColorSpace().Reference;
        page.Contents.AppendContent().CreateStream(Encoding.ASCII.GetBytes(sb.ToString()));
    }

    /// <summary>[/Separation /All /DeviceCMYK f], f mapping the tint t to C = M = Y = K = t.</summary>
    private PdfArray ColorSpace()
    {
        if (_colorSpace != null) return _colorSpace;
        var tint = new PdfDictionary(document);
        tint.Elements.SetInteger("/FunctionType", 2);
        tint.Elements["/Domain"] = Numbers(0, 1);
        tint.Elements["/C0"] = Numbers(0, 0, 0, 0);
        tint.Elements["/C1"] = Numbers(1, 1, 1, 1);
        tint.Elements.SetInteger("/N", 1);
        _colorSpace = new PdfArray(document, new PdfName("/Separation"), new PdfName("/All"), new PdfName("/DeviceCMYK"), tint);
        document.Internals.AddObject(_colorSpace);
        return _colorSpace;
    }

    private PdfArray Numbers(params int[] values) => new(document, values.Select(v => (PdfItem)new PdfInteger(v)).ToArray());

    private static string Number(double v) => Math.Round(v, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
