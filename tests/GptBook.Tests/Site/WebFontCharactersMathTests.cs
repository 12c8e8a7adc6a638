using System.Xml.Linq;
using GptBook.Fonts;
using GptBook.Policies;
using GptBook.Site.WebFonts;

namespace GptBook.Tests.Site;

/// <summary>
/// The characters a formula needs from the page's own faces: its Chinese in the surrounding text's face, and the whole
/// text of a \textbf or \texttt in the bold or the code face, which the stylesheet gives those mtext elements.
/// </summary>
public sealed class WebFontCharactersMathTests
{
    private static readonly XNamespace Html = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace M = MathMLAllowList.Namespace;

    [Fact]
    public void Bold_and_monospace_formula_text_is_recorded_for_the_bold_and_the_code_face()
    {
        var page = new XElement(Html + "body", new XElement(Html + "p", "正文",
            new XElement(M + "math",
                new XElement(M + "mi", "x"),
                new XElement(M + "mtext", new XAttribute("mathvariant", "bold"), "粗体b"),
                new XElement(M + "mtext", new XAttribute("mathvariant", "monospace"), "lr"),
                new XElement(M + "mtext", "否则"))));
        var byRole = WebFontCharacters.Read(page).ByRole;
        Assert.Subset(byRole[FontRole.SerifBold], new HashSet<int>("粗体b".Select(c => (int)c)));
        Assert.Subset(byRole[FontRole.Mono], new HashSet<int>("lr".Select(c => (int)c)));
        Assert.Subset(byRole[FontRole.SerifRegular], new HashSet<int>("正文否则".Select(c => (int)c)));
        Assert.DoesNotContain('x', byRole[FontRole.SerifRegular]); // the math face draws a formula's Latin
        Assert.DoesNotContain('b', byRole[FontRole.SerifRegular]);
    }
}
