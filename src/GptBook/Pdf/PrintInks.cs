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

    /// <summary>
    /// The print theme for highlighted code, in tints of black so that it survives any press and photocopier:
    /// keywords black and bold (the layout sets them in JetBrains Mono Bold), names and plain code black, numbers,
    /// constants, operators and keys a little lighter, strings lighter still, comments lightest.
    /// </summary>
    public static XColor Code(Model.CodeTokenKind kind) => kind switch
    {
        Model.CodeTokenKind.Comment => Black(0.55),
        Model.CodeTokenKind.String => Black(0.7),
        Model.CodeTokenKind.Number or Model.CodeTokenKind.Constant or Model.CodeTokenKind.Operator
            or Model.CodeTokenKind.Attribute or Model.CodeTokenKind.Property => Black(0.85),
        _ => Text,
    };

    private static XColor Black(double tint) => XColor.FromCmyk(0, 0, 0, tint);
}
