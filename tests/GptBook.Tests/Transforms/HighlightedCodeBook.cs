using GptBook.Tests.Support;

namespace GptBook.Tests.Transforms;

/// <summary>Fenced code in five languages (and one no grammar knows), as a technical book has it; built once to all three formats.</summary>
public sealed class HighlightedCodeBook : IDisposable
{
    public const string Chapter = """
        # 代码高亮

        ## 五种语言

        ```python
        # 计算斐波那契数列
        def fib(n: int) -> int:
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        ```

        ```cpp
        #include <vector>
        // 向量求和
        int sum(const std::vector<int>& v) { int s = 0; for (auto x : v) s += x; return s; }
        ```

        ```javascript
        const greet = (name) => `你好，${name}!`; // 箭头函数
        ```

        ```bash
        for f in *.md; do echo "处理 $f"; done  # 循环
        ```

        ```json
        {"model": "gpt-4", "temperature": 0.7, "stream": false}
        ```

        ```klingon
        qaStaH nuq
        ```
        """;

    public PublishedBook Book { get; } = new("code", new Dictionary<string, byte[]>
    {
        ["book/book.yml"] = PublishedBook.Utf8("""
            id: code
            title: 代码高亮
            language: zh-CN
            chapters: [chapter.md]
            """),
        ["book/chapter.md"] = PublishedBook.Utf8(Chapter),
    }, bookFile: "book/book.yml");

    public void Dispose() => Book.Dispose();
}
