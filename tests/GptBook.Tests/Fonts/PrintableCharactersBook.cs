using GptBook.Tests.Support;

namespace GptBook.Tests.Fonts;

/// <summary>
/// A chapter written the way Chinese technical books use rare characters: emoji in headings (so in the TOC and
/// the bookmarks), a Han Extension B character, ℝ, ⟨ ⟩, modifier letters, mathematical alphanumerics, ballot
/// boxes, emoji with a variation selector, and emoji in code. Built once to all three formats.
/// </summary>
public sealed class PrintableCharactersBook : IDisposable
{
    public const string Heading = "🚀 快速开始 ✅";

    public const string Chapter = """
        # 每个字符都印得出

        ## 🚀 快速开始 ✅

        “𠮷野家”的“𠮷”（U+20BB7）在扩展 B 区，常用字体里没有它。

        设实数集为 ℝ，内积记作 ⟨x, y⟩；上标字母 xᵃ 与 xⁿ，下标 aᵢ 与 H₂O；数学字母 𝐀、𝔸、𝒜 和 𝑥。

        待办清单：☐ 写初稿，☑ 改稿。心情 😀 👍 🎉 ⭐ ❤️ 都要印出来。

        ## 📚 参考资料

        ```python
        print("🚀 ℝ ⟨x⟩")
        ```
        """;

    public PublishedBook Book { get; } = new("printable", new Dictionary<string, byte[]>
    {
        ["book/book.yml"] = PublishedBook.Utf8("""
            id: printable
            title: 每个字符都印得出
            language: zh-CN
            root: ..
            chapters: [chapter.md]
            """),
        ["book/chapter.md"] = PublishedBook.Utf8(Chapter),
    }, bookFile: "book/book.yml");

    public void Dispose() => Book.Dispose();
}
