using Markdig;
using Markdig.Extensions.Emoji;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;

namespace GptBook.Loading;

/// <summary>
/// Emoji shortcodes written straight after Chinese, as Chinese writers type them (<c>核心:smile:。</c>, with no space):
/// GitHub shows an emoji there, but Markdig's emoji parser takes a shortcode only after a space or ASCII
/// punctuation, so that the colons of <c>a:b:c</c> stay text. This parser takes the case it leaves, a shortcode right
/// after a CJK character or punctuation mark, with the same table (GitHub's names, no smileys), and leaves every
/// other colon to it.
/// </summary>
public sealed class HanEmojiShortcodeExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (!pipeline.InlineParsers.Contains<HanEmojiShortcodeParser>())
            pipeline.InlineParsers.Insert(0, new HanEmojiShortcodeParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private sealed class HanEmojiShortcodeParser : InlineParser
    {
        private static readonly IDictionary<string, string> Shortcodes = EmojiMapping.GetDefaultEmojiShortcodeToUnicode();

        /// <summary>The longest shortcode in GitHub's table is about 40 characters; a longer run is no shortcode.</summary>
        private const int MaximumLength = 64;

        public HanEmojiShortcodeParser() => OpeningCharacters = [':'];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            if (!IsCjk(slice.PeekCharExtra(-1))) return false;
            var end = slice.Start + 1;
            while (end <= slice.End && end - slice.Start < MaximumLength && IsNameCharacter(slice.Text[end])) end++;
            if (end > slice.End || end == slice.Start + 1 || slice.Text[end] != ':') return false;
            var code = slice.Text.Substring(slice.Start, end - slice.Start + 1);
            if (!Shortcodes.TryGetValue(code, out var emoji)) return false;
            var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
            processor.Inline = new EmojiInline(emoji)
            {
                Span = new Markdig.Syntax.SourceSpan(start, start + code.Length - 1),
                Line = line,
                Column = column,
                Match = code,
            };
            slice.Start = end + 1;
            return true;
        }

        private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '-';

        /// <summary>Han, kana, hangul and the CJK and full-width punctuation: the scripts written without spaces.</summary>
        private static bool IsCjk(char c) =>
            c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF')
            || char.IsSurrogate(c);
    }
}
