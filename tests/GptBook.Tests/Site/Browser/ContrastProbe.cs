namespace GptBook.Tests.Site.Browser;

/// <summary>
/// A script the tests evaluate in the page (never shipped with the site): for every element with its own visible
/// text, the WCAG contrast ratio between its colour and the first opaque background behind it. Returns the
/// elements below 4.5:1 (3:1 for large text: 24 px, or 18.66 px bold) as "tag.class 'text' ratio".
/// </summary>
internal static class ContrastProbe
{
    public const string Script = """
        (() => {
          const parse = c => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
          const lum = ({ r, g, b }) => {
            const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const background = el => {
            for (let e = el; e; e = e.parentElement) {
              const c = parse(getComputedStyle(e).backgroundColor);
              if (c.a >= 0.99) return c;
            }
            return parse(getComputedStyle(document.documentElement).backgroundColor);
          };
          const failures = [];
          for (const el of document.body.querySelectorAll('*')) {
            const own = Array.from(el.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
            if (!own) continue;
            const style = getComputedStyle(el);
            if (style.visibility === 'hidden' || style.display === 'none' || el.closest('[aria-hidden="true"]')) continue;
            const rect = el.getBoundingClientRect();
            if (rect.width === 0 || rect.height === 0 || rect.bottom < 0) continue;
            const fg = parse(style.color), bg = background(el);
            const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
            const ratio = (hi + 0.05) / (lo + 0.05);
            const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
            const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            if (ratio < needed) failures.push(`${el.tagName.toLowerCase()}.${el.className} '${own.slice(0, 20)}' ${ratio.toFixed(2)}`);
          }
          return failures.join('\n');
        })()
        """;
}
