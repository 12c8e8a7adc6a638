using System.Text;
using FsCheck;
using FsCheck.Fluent;
using GptBook.Configuration;
using GptBook.Diagnostics;
using GptBook.Tests.Support;

namespace GptBook.Tests.Configuration;

/// <summary>
/// book.yml against generated documents: every setting the reader knows with values of every shape (numbers where
/// text belongs, lists where a mapping belongs, bad sizes, paths that leave the root), unknown keys, YAML's own
/// traps (anchors, aliases, tags, flow collections, tabs, duplicate keys), and the repository's book.yml with
/// characters cut out or inserted. Whatever comes in, the reader never throws, gives options only when it
/// reported no error, and every diagnostic points into book.yml with a line and a column.
/// </summary>
public sealed class BookYamlPropertyTests
{
    private static readonly string[] Keys =
        ["id", "title", "subtitle", "language", "authors", "date", "description", "keywords", "chapters", "links", "figures", "root",
         "epub", "pdf", "site", "images", "split_level", "toc_depth", "cover", "math", "page_size", "margins", "inner", "outer", "top", "bottom",
         "font_size", "toc_levels", "max_bytes", "max_pixels", "base_url", "caption", "alt", "unknown_key", "&a id", "<<", "? x"];

    private static readonly string[] Scalars =
        ["t", "\"引号\"", "'单引号'", "0", "-1", "2147483648", "1e309", "3.5", "true", "null", "~", "2026-13-45", "2026-11-30",
         "A5", "B5", "16开", "170mm x 240mm", "0mm x 0mm", "-5mm", "20mm", "10.5pt", "1 GB", "50MB", "9999999999999 TB", "x.md",
         "../outside.md", "/etc/passwd", "file:///etc/passwd", "content/a.md", "https://example.com/", "javascript:alert(1)",
         "mathml", "*a", "&b v", "!!binary aGk=", "!!int x", "!custom v", "[a, b", "{a: 1", "|", ">", "\"\\u0000\"", "'", "\t", ":", "- -", "%TAG"];

    private static Gen<string> Value(int depth, int indent) =>
        depth <= 0
            ? Gen.Elements(Scalars)
            : Gen.OneOf(
                Gen.Elements(Scalars),
                Gen.Elements(Scalars).ListOf(3).Select(items => "[" + string.Join(", ", items) + "]"),
                Gen.Elements(Scalars).ListOf(2).Select(items => string.Concat(items.Select(i => "\n" + new string(' ', indent + 2) + "- " + i))),
                Mapping(depth - 1, indent + 2).Select(m => "\n" + m));

    private static Gen<string> Mapping(int depth, int indent) =>
        from count in Gen.Choose(1, 4)
        from entries in (from key in Gen.Elements(Keys)
                         from value in Value(depth, indent)
                         select new string(' ', indent) + key + ": " + value).ListOf(count)
        select string.Join("\n", entries);

    /// <summary>The repository's book.yml with up to three cuts or insertions of YAML's structural characters.</summary>
    private static Gen<string> Mutated()
    {
        var original = File.ReadAllText(RepositoryPaths.BookYml);
        var edit = from at in Gen.Choose(0, original.Length)
                   from kind in Gen.Choose(0, 2)
                   from insert in Gen.Elements(":", "-", "[", "{", "}", "\t", "\"", "'", "&x", "*x", "!!str", "\n  ", "#", "|", "\0", "\uFEFF")
                   select (at, kind, insert);
        return edit.ListOf(3).Select(edits =>
        {
            var text = original;
            foreach (var (at, kind, insert) in edits)
            {
                var i = Math.Min(at, text.Length);
                text = kind == 0 && i < text.Length ? text.Remove(i, Math.Min(5, text.Length - i)) : text.Insert(i, insert);
            }
            return text;
        });
    }

    private static readonly Gen<string> Documents = Gen.OneOf(
        Gen.Sized(size => Mapping(Math.Min(size / 10, 3), 0)),
        Mutated());

    [Fact]
    public void The_reader_never_throws_and_every_diagnostic_has_a_position_in_book_yml()
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/a.md", "# A\n");
        dir.Write("content/gpt1-to-gpt4.md", "# B\n");
        var bookFile = dir.PathOf("content/book.yml");
        var checkedDocuments = 0;
        Prop.ForAll(Arb.From(Documents), yaml =>
        {
            File.WriteAllText(bookFile, yaml, new UTF8Encoding(false));
            var diagnostics = new DiagnosticBag();
            var options = BookOptionsReader.Read(bookFile, diagnostics);
            checkedDocuments++;
            Assert.True(options == null || !diagnostics.HasErrors, "options despite an error:\n" + yaml);
            Assert.True(options != null || diagnostics.HasErrors, "no options and no error:\n" + yaml);
            foreach (var d in diagnostics.Items)
            {
                // Shown relative to the book's root, which a generated `root:` may move (`root: ""` is the book's own
                // folder, where the file is just book.yml).
                Assert.True(Path.GetFileName(d.Span.File) == "book.yml", $"{d} does not point into book.yml:\n{yaml}");
                Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, $"{d} has no line and column:\n{yaml}");
            }
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(400));
        Assert.Equal(400, checkedDocuments);
    }

    /// <summary>Found by the property above: a YAML escape puts a NUL into a path, which the file APIs throw on.</summary>
    [Theory]
    [InlineData("chapters: \"\\u0000\"", 4)]
    [InlineData("chapters: [a.md]\nfigures:\n  \"x\\u0000.png\": {alt: x}", 6)]
    [InlineData("chapters: [a.md]\nepub:\n  cover: \"c\\u0007.png\"", 6)]
    [InlineData("chapters: [a.md]\nroot: \"\\u0000\"", 5)]
    public void A_control_character_in_a_path_is_an_error_at_its_line(string yaml, int line)
    {
        using var dir = new TempBookDirectory();
        dir.Write("content/a.md", "# A\n");
        var bookFile = dir.PathOf("content/book.yml");
        File.WriteAllText(bookFile, "id: b\ntitle: B\nlanguage: zh-CN\n" + yaml, new UTF8Encoding(false));
        var diagnostics = new DiagnosticBag();
        var options = BookOptionsReader.Read(bookFile, diagnostics);
        Assert.Null(options);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("control character", error.Message);
        Assert.Contains("\\u00", error.Message);
        Assert.Equal(line, error.Span.Line);
    }
}
