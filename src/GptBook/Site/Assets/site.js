// GptBook's one script for the site. Every page reads fully without it; with it, the search box in the header
// works, search.html answers queries from the index the build wrote into it, and a page left at an old address
// keeps the fragment when it sends the reader on. No network access, no eval, no HTML from strings: works from
// file:// and under the site's policy (script-src 'self').
(() => {
  'use strict';

  // Text is matched after the same folding the build applies (SiteSearchText.Fold): full-width ASCII to ASCII and
  // lower case, one character for one, so that positions in the folded text are positions in the original.
  const fold = (text) => {
    let out = '';
    for (const ch of text) {
      let c = ch;
      const code = ch.codePointAt(0);
      if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
      const lower = c.toLowerCase();
      out += lower.length === c.length ? lower : c;
    }
    return out;
  };

  // Han (and kana, hangul): indexed as overlapping pairs. The same ranges as SiteSearchText.IsIdeographic.
  const isIdeographic = (code) =>
    (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x323af);
  const isWordChar = (ch) => /[\p{L}\p{N}]/u.test(ch) && !isIdeographic(ch.codePointAt(0));

  // A term's runs: ideographic runs and word runs, in order; anything else separates them.
  const runs = (term) => {
    const out = [];
    let current = null;
    for (const ch of term) {
      const kind = isIdeographic(ch.codePointAt(0)) ? 'i' : isWordChar(ch) ? 'w' : null;
      if (kind && current && current.kind === kind) current.text += ch;
      else if (kind) out.push(current = { kind, text: ch });
      else current = null;
    }
    return out;
  };

  const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  // A term as a pattern: its characters in order; where writing changes script (Han to Latin and back) the text
  // may or may not have a space; a term that starts with a word character starts at a word's start.
  const patternOf = (term) => {
    let source = '';
    let previous = null;
    for (const ch of term) {
      const kind = isIdeographic(ch.codePointAt(0)) ? 'i' : isWordChar(ch) ? 'w' : 'o';
      if (previous !== null && previous !== kind && (previous === 'i' || kind === 'i')) source += '\\s*';
      source += /\s/.test(ch) ? '\\s+' : escapeRegExp(ch);
      previous = kind;
    }
    const start = isWordChar(Array.from(term)[0]) ? '(?<![\\p{L}\\p{N}])' : '';
    return new RegExp(start + source, 'gu');
  };

  const lowerBound = (sorted, key) => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < key) lo = mid + 1; else hi = mid; }
    return lo;
  };

  // The index as the build wrote it (SiteSearchIndex): sections with their page, anchor, heading and chapter; their
  // text; the sorted ideographic pairs and words, each with the sections that hold it (gaps between section numbers).
  const load = (data) => {
    const decode = (list) => { let at = 0; return list.map((gap) => (at += gap)); };
    const index = {
      pages: data.pages, chapters: data.chapters, sections: data.sections, texts: data.texts,
      folded: data.texts.map(fold), headings: data.sections.map((s) => fold(s[2])),
      pairs: new Map(), words: data.words, wordPostings: data.wordPostings.map(decode),
    };
    const pairChars = Array.from(data.pairs);
    for (let i = 0; i < data.pairPostings.length; i++) index.pairs.set(pairChars[2 * i] + pairChars[2 * i + 1], decode(data.pairPostings[i]));
    return index;
  };

  const intersect = (a, b) => { const set = new Set(b); return a.filter((x) => set.has(x)); };

  // The sections the index says may hold the term (every pair of an ideographic run, a word by its start); null
  // when the index cannot narrow it (a single Han character), and the text decides alone.
  const candidates = (index, term) => {
    let found = null;
    for (const run of runs(term)) {
      let sections = null;
      if (run.kind === 'i') {
        const chars = Array.from(run.text);
        for (let i = 0; i + 1 < chars.length; i++) {
          const postings = index.pairs.get(chars[i] + chars[i + 1]) || [];
          sections = sections === null ? postings : intersect(sections, postings);
        }
      } else {
        const union = new Set();
        for (let at = lowerBound(index.words, run.text); at < index.words.length && index.words[at].startsWith(run.text); at++)
          for (const s of index.wordPostings[at]) union.add(s);
        sections = Array.from(union).sort((x, y) => x - y);
      }
      if (sections !== null) found = found === null ? sections : intersect(found, sections);
    }
    return found;
  };

  const search = (index, query) => {
    const terms = fold(query).split(/\s+/).filter((t) => runs(t).length > 0);
    if (terms.length === 0) return { terms, results: [] };
    const patterns = terms.map(patternOf);
    let pool = null;
    for (const term of terms) {
      const c = candidates(index, term);
      if (c !== null) pool = pool === null ? c : intersect(pool, c);
    }
    if (pool === null) pool = index.texts.map((_, i) => i);
    const counts = new Map();
    for (const s of pool) {
      const perTerm = patterns.map((p) => (index.folded[s].match(p) || []).length + (index.headings[s].match(p) || []).length);
      if (perTerm.every((n) => n > 0)) counts.set(s, perTerm);
    }
    // Rarer terms weigh more; a term in the heading more still.
    const weights = patterns.map((_, t) => Math.log(1 + index.sections.length / Math.max(1, Array.from(counts.values()).filter((c) => c[t] > 0).length)));
    const results = Array.from(counts.entries()).map(([s, perTerm]) => ({
      section: s,
      score: perTerm.reduce((sum, n, t) => sum + Math.log(1 + n) * weights[t], 0) +
        patterns.reduce((sum, p, t) => sum + (index.headings[s].match(p) ? 2 * weights[t] : 0), 0),
    }));
    results.sort((a, b) => b.score - a.score || a.section - b.section);
    return { terms, patterns, results };
  };

  // Up to about 100 characters around the first match, every match inside marked.
  const snippet = (index, s, patterns) => {
    const text = index.texts[s], folded = index.folded[s];
    let first = -1;
    for (const p of patterns) { p.lastIndex = 0; const m = p.exec(folded); if (m && (first < 0 || m.index < first)) first = m.index; }
    const start = Math.max(0, first < 0 ? 0 : first - 30), end = Math.min(text.length, start + 110);
    const marks = [];
    for (const p of patterns) {
      p.lastIndex = 0;
      for (const m of folded.slice(start, end).matchAll(p)) if (m[0].length > 0) marks.push([m.index, m.index + m[0].length]);
    }
    marks.sort((a, b) => a[0] - b[0]);
    const piece = text.slice(start, end);
    const nodes = [];
    let at = 0;
    for (const [from, to] of marks) {
      if (from < at) continue;
      if (from > at) nodes.push(document.createTextNode(piece.slice(at, from)));
      const mark = document.createElement('mark');
      mark.textContent = piece.slice(from, to);
      nodes.push(mark);
      at = to;
    }
    nodes.push(document.createTextNode(piece.slice(at) + (end < text.length ? '…' : '')));
    if (start > 0) nodes.unshift(document.createTextNode('…'));
    return nodes;
  };

  const render = (index, query, list, status, words) => {
    const { results, patterns } = search(index, query);
    list.replaceChildren();
    if (query.trim() === '') { status.textContent = ''; return; }
    status.textContent = results.length === 0 ? words.none.replace('{q}', query.trim()) : words.found.replace('{n}', results.length).replace('{q}', query.trim());
    for (const { section } of results.slice(0, 50)) {
      const [page, anchor, heading, chapter] = index.sections[section];
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = index.pages[page] + (anchor ? '#' + anchor : '');
      const where = document.createElement('span');
      where.className = 'result-chapter';
      where.textContent = index.chapters[chapter];
      const title = document.createElement('span');
      title.className = 'result-heading';
      title.textContent = heading;
      link.append(title, where);
      const text = document.createElement('p');
      text.className = 'result-snippet';
      text.append(...snippet(index, section, patterns));
      item.append(link, text);
      list.append(item);
    }
  };

  const searchPage = () => {
    const data = document.getElementById('search-index');
    if (!data) return;
    const index = load(JSON.parse(data.textContent));
    const input = document.getElementById('search-input');
    const list = document.getElementById('search-results');
    const status = document.getElementById('search-status');
    const words = { none: status.dataset.none, found: status.dataset.found };
    document.querySelector('.search-needs-script').hidden = true;
    const run = () => {
      render(index, input.value, list, status, words);
      const url = new URL(location.href);
      url.searchParams.set('q', input.value);
      if (location.protocol !== 'file:') history.replaceState(null, '', url);
    };
    input.addEventListener('input', run);
    input.value = new URLSearchParams(location.search).get('q') || '';
    if (input.value) run();
  };

  // The header's box: Enter opens the results page (search.html lies beside every page).
  const headerBox = () => {
    const box = document.querySelector('.site-search input');
    if (!box) return;
    box.closest('.site-search').classList.add('has-script');
    box.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || box.value.trim() === '') return;
      e.preventDefault();
      location.href = box.dataset.results + '?q=' + encodeURIComponent(box.value.trim());
    });
  };

  // A page left at an old address: carry the fragment along (a meta refresh drops it).
  const redirect = () => {
    const refresh = document.querySelector('meta[http-equiv="refresh"]');
    if (!refresh || !location.hash) return;
    const target = refresh.content.replace(/^\s*0\s*;\s*url=/i, '');
    if (!target.includes('#')) location.replace(target + location.hash);
  };

  redirect();
  headerBox();
  searchPage();
})();
