using GptBook.Model;

namespace GptBook.Html;

/// <summary>
/// The class each kind of highlighted code carries in the EPUB and the site (a span per token, no inline style);
/// their stylesheets give the colours: one theme for e-readers, light and dark ones for the site.
/// </summary>
public static class CodeTokenClasses
{
    public static string? ClassOf(CodeTokenKind kind) => kind switch
    {
        CodeTokenKind.Keyword => "tok-kw",
        CodeTokenKind.Type => "tok-ty",
        CodeTokenKind.Function => "tok-fn",
        CodeTokenKind.String => "tok-st",
        CodeTokenKind.Number => "tok-nu",
        CodeTokenKind.Constant => "tok-co",
        CodeTokenKind.Comment => "tok-cm",
        CodeTokenKind.Operator => "tok-op",
        CodeTokenKind.Tag => "tok-tg",
        CodeTokenKind.Attribute => "tok-at",
        CodeTokenKind.Property => "tok-pr",
        _ => null,
    };
}
