using System.Text;
using System.Text.RegularExpressions;
using GptBook.IO;
using GptBook.Model;
using GptBook.Tests.Epub;
using GptBook.Transforms;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Graphics.Colors;

namespace GptBook.Tests.Transforms;

/// <summary>Fenced code with a language is tokenized once on the model, and every output shows the same tokens.</summary>
public sealed partial class CodeHighlightTests(HighlightedCodeBook fixture) : IClassFixture<HighlightedCodeBook>
{
    private static CodeBlock Highlight(string language, string code) => HighlightWith(DerivedFileCache.None, language, code);

    private static CodeBlock HighlightWith(DerivedFileCache cache, string language, string code)
    {
        var block = new CodeBlock(language, code, new SourceSpan("t.md", 1, 1));
        var book = new Book(new BookMetadata("t", "t", null, "zh-CN", [], new DateOnly(2026, 1, 1), null, []),
            [new Chapter("t", "t.md", [block], [])]);
        return (CodeBlock)new CodeHighlightTransform(cache).Rewrite(book).Chapters[0].Blocks[0];
    }

    [Fact]
    public void Tokens_come_from_the_cache_when_it_has_them_and_a_damaged_entry_is_made_again_and_replaced()
    {
        const string Code = "def f(): pass";
        var directory = Directory.CreateTempSubdirectory("gptbook-code-cache-").FullName;
        try
        {
            var cache = new DerivedFileCache(directory);
            var first = KindsOf(HighlightWith(cache, "python", Code));
            Assert.Equal(KindsOf(Highlight("python", Code)), first);
            Assert.Contains("Keyword:def", first);
            var entry = Assert.Single(Directory.GetFiles(directory, "code-tokens-*"));

            // What the cache holds is what the build uses (here: an entry saying the whole line is a comment).
            File.WriteAllBytes(entry, [0, 0, 0, 0, 13, 0, 0, 0, (byte)CodeTokenKind.Comment]);
            Assert.Equal("Comment:" + Code, KindsOf(HighlightWith(cache, "python", Code)));
            // A damaged entry (not whole tokens, a token beyond the code, an unknown kind) is refused and the tokens made again.
            foreach (var damaged in new byte[][] { [1, 2, 3], [0, 0, 0, 0, 99, 0, 0, 0, 7], [0, 0, 0, 0, 3, 0, 0, 0, 200] })
            {
                File.WriteAllBytes(entry, damaged);
                Assert.Equal(first, KindsOf(HighlightWith(cache, "python", Code)));
                // ... and written over, so the next build reads it instead of making the tokens once more.
                Assert.NotEqual(damaged, File.ReadAllBytes(entry));
            }
            // Code in a language no grammar knows stays plain and is not cached.
            Assert.Empty(HighlightWith(cache, "no-such-language", Code).Tokens);
            Assert.Single(Directory.GetFiles(directory, "code-tokens-*"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string KindsOf(CodeBlock code) =>
        string.Join(" ", code.Tokens.Select(t => $"{t.Kind}:{code.Code.Substring(t.Start, t.Length)}"));

    [Theory]
    [InlineData("python", "def f(x):\n    return x + 1  # 注释", new[] { "Keyword:def", "Function:f", "Keyword:return", "Number:1", "Comment:# 注释" })]
    [InlineData("py", "print('hi')", new[] { "Function:print", "String:'hi'" })]
    [InlineData("cpp", "int main() { return 0; } // c", new[] { "Keyword:int", "Function:main", "Keyword:return", "Number:0", "Comment:// c" })]
    [InlineData("c++", "for (auto x : v) {}", new[] { "Keyword:for", "Keyword:auto" })]
    [InlineData("javascript", "const s = \"a\"; // c", new[] { "Keyword:const", "String:\"a\"", "Comment:// c" })]
    [InlineData("bash", "for f in *.md; do echo \"$f\"; done # c", new[] { "Keyword:for", "Keyword:do", "Keyword:done", "Comment:# c" })]
    [InlineData("json", "{\"a\": 0.5, \"b\": true}", new[] { "Property:\"a\"", "Number:0.5", "Constant:true" })]
    public void Each_language_gets_its_kinds(string language, string code, string[] expected)
    {
        var kinds = KindsOf(Highlight(language, code));
        foreach (var e in expected) Assert.Contains(e, kinds);
    }

    [Fact]
    public void Tokens_are_in_order_inside_the_code_and_a_language_without_a_grammar_stays_plain()
    {
        var code = Highlight("python", "x = 1\r\ny = 'a'  # end\n");
        var at = 0;
        foreach (var token in code.Tokens)
        {
            Assert.True(token.Start >= at && token.Length > 0 && token.Start + token.Length <= code.Code.Length);
            at = token.Start + token.Length;
        }
        Assert.EndsWith("Comment:# end", KindsOf(code));
        Assert.Empty(Highlight("klingon", "qaStaH nuq").Tokens);
    }

    [Fact]
    public void The_pdf_prints_comments_lighter_and_keywords_bold_in_black_ink()
    {
        Assert.Equal(Publishing.PublishOutcome.Built, fixture.Book.Result.Outcome);
        using var pdf = PdfDocument.Open(fixture.Book.PdfPath);
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        var text = string.Concat(letters.Select(l => l.Value));
        var comment = text.IndexOf("计算斐波那契数列", StringComparison.Ordinal);
        Assert.True(comment >= 0);
        var commentInk = Assert.IsType<CMYKColor>(letters[comment].FillColor);
        Assert.Equal((0, 0, 0), ((double)commentInk.C, (double)commentInk.M, (double)commentInk.Y));
        Assert.InRange((double)commentInk.K, 0.5, 0.6);
        var def = text.IndexOf("def", StringComparison.Ordinal);
        Assert.True(def >= 0);
        Assert.Contains("Bold", letters[def].FontName ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Bold", letters[def + 3].FontName ?? "", StringComparison.Ordinal);
        Assert.Equal(1, (double)Assert.IsType<CMYKColor>(letters[def].FillColor).K, 2);
    }

    [Fact]
    public void The_epub_and_site_mark_tokens_with_classes_only_and_style_them_from_their_stylesheets()
    {
        var epub = new EpubFile(fixture.Book.EpubPath);
        var xhtml = string.Concat(epub.Entries.Where(e => e.Key.EndsWith(".xhtml", StringComparison.Ordinal)).Select(e => Encoding.UTF8.GetString(e.Value)));
        var site = string.Concat(Directory.GetFiles(fixture.Book.SiteDirectory, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var page in new[] { xhtml, site })
        {
            Assert.Contains("<span class=\"tok-kw\">def</span>", page);
            Assert.Contains("<span class=\"tok-cm\"># 计算斐波那契数列</span>", page);
            Assert.Contains("<span class=\"tok-pr\">\"model\"</span>", page);
            Assert.Contains("qaStaH nuq", page);
            foreach (Match pre in PreBlock().Matches(page)) Assert.DoesNotContain("style=", pre.Value);
        }
        var css = Encoding.UTF8.GetString(epub.Entries.Single(e => e.Key.EndsWith(".css", StringComparison.Ordinal)).Value);
        Assert.Contains(".tok-kw", css);
        var siteCss = File.ReadAllText(Path.Combine(fixture.Book.SiteDirectory, "site.css"));
        var dark = siteCss[siteCss.LastIndexOf("@media (prefers-color-scheme: dark)", StringComparison.Ordinal)..];
        Assert.Contains("--tok-kw", dark);
        Assert.Contains(".tok-cm", siteCss);
    }

    [GeneratedRegex("<pre[\\s\\S]*?</pre>")]
    private static partial Regex PreBlock();
}
