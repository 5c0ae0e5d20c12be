/*
 * The search page's query splitter for text written without spaces
 * (_ext/site_languages/search.py splits the index the same way): each run
 * of Han, kana or full-width characters becomes its overlapping character
 * pairs, every other word stays whole. Sphinx's searchtools.js takes a
 * splitQuery defined before it loads. Terms of one character are left out,
 * as the Japanese index leaves them out.
 */
var splitQuery = (query) => {
  const cjkRun =
    /[\u3005\u3006\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+/gu;
  const terms = [];
  for (const word of query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)) {
    if (!word) continue;
    let position = 0;
    for (const run of word.matchAll(cjkRun)) {
      if (run.index > position) terms.push(word.slice(position, run.index));
      const chars = run[0];
      if (chars.length === 1) terms.push(chars);
      for (let i = 0; i + 1 < chars.length; i++) terms.push(chars.slice(i, i + 2));
      position = run.index + chars.length;
    }
    if (position < word.length) terms.push(word.slice(position));
  }
  return terms.filter((term) => term.length > 1);
};
