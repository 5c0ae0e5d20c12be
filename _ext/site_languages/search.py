"""Search in text written without spaces (Japanese, Chinese): the index
and the browser split text into the same terms.

Sphinx's Japanese index splits text with TinySegmenter, while the search
page splits the reader's query only at spaces and punctuation, so a
compound word typed as one (本サービス) is one query term that no index
term equals, and the page that holds it is not found (sphinx-doc/sphinx
#13395). Here both sides use one rule, simple enough to write twice: a run
of Han, kana or full-width characters becomes its overlapping character
pairs (本サービス: 本サ, サー, ービ, ビス), every other word stays whole.
Every pair of a query is then a term of each page that holds the query.

- `CJKBigramSplitter`: the index side, for ``html_search_options =
  {"type": "site_languages.search.CJKBigramSplitter"}`` (a splitter class
  of ``sphinx.search.ja``'s public interface);
- ``static/cjk-search.js``: the browser side, the same rule as the
  ``splitQuery`` that Sphinx's search page takes when a page defines one;
  added to HTML builds in Japanese and Chinese only.
"""

from __future__ import annotations

import re

from sphinx.search.ja import BaseSplitter

__all__ = ["CJK_LANGUAGES", "CJKBigramSplitter", "split_terms"]

#: The languages written without spaces between words.
CJK_LANGUAGES = frozenset({"ja", "zh", "zh_CN", "zh_TW"})

#: Han (with 々 and 〆), hiragana, katakana (with ー), half-width katakana.
#: The same ranges are in static/cjk-search.js.
_CJK_RUN = re.compile(
    "[\u3005\u3006\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+"
)
#: A word as Sphinx's search page splits a query: letters, digits and _.
_WORD = re.compile(r"[^\W]+")


def split_terms(text: str) -> list[str]:
    """The search terms of `text`: each CJK run as its character pairs (a
    run of one character as itself), each other word whole."""
    terms: list[str] = []
    for word in _WORD.findall(text):
        position = 0
        for run in _CJK_RUN.finditer(word):
            if run.start() > position:
                terms.append(word[position:run.start()])
            chars = run.group()
            if len(chars) == 1:
                terms.append(chars)
            else:
                terms.extend(chars[i:i + 2] for i in range(len(chars) - 1))
            position = run.end()
        if position < len(word):
            terms.append(word[position:])
    return terms


class CJKBigramSplitter(BaseSplitter):
    """The index's splitter: `split_terms`."""

    def split(self, input: str) -> list[str]:
        return split_terms(input)
