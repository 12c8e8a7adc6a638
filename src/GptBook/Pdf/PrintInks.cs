using PdfSharp.Drawing;

namespace GptBook.Pdf;

/// <summary>
/// The colours the print PDF draws with, all in black ink only (DeviceCMYK with C = M = Y = 0): a one-colour
/// press prints them solid, and a four-colour press never builds small text from four screened inks that could
/// misregister. Greys are tints of black. Links print like body text: on paper the colour would only mislead.
/// </summary>
internal static class PrintInks
{
    public static readonly XColor Text = Black(1);
    public static readonly XColor Muted = Black(0.6);
    public static readonly XColor Rule = Black(1);
    public static readonly XColor Shade = Black(0.05);
    public static readonly XColor PlaceholderFrame = Black(0.4);

    private static XColor Black(double tint) => XColor.FromCmyk(0, 0, 0, tint);
}
