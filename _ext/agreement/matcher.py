"""The matcher that finds the uses of an agreement's defined terms in its
running text, and the node that carries the links it finds.

This module and the HTML visitors of ``term_nodes`` are where the
extension's performance tricks live (each with the figure of ``bench/``
that justifies it); the rest of the extension is written the plain way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .forms import straight_quotes

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["TermMatcher", "matcher_for"]


#: The characters of scripts written without spaces between words (kana,
#: CJK ideographs, half-width katakana): each is a token of its own, so that
#: a term matches wherever its characters occur.
CJK = "\u3005\u3006\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
#: A word of a spaced script (a run of letters, digits, underscores), one
#: character of an unspaced one, or one other visible character: the units
#: in which terms are matched.
_TOKEN = re.compile(rf"[^\W{CJK}]+|[{CJK}]|[^\w\s]")
#: The whitespace after a position, and the token after it.
_NEXT_TOKEN = re.compile(rf"(\s*)([^\W{CJK}]+|[{CJK}]|[^\w\s])")
_WORD_CHAR = re.compile(r"\w")
_CJK_CHAR = re.compile(f"[{CJK}]")
#: Prefixed to a trie key: the token touches the one before (no space).
_GLUED = "\x00"
#: Between the tokens of a path in the trie: whitespace, so never in a token.
_STEP = "\x1f"
#: Words of a spaced script with one space between them: their tokens are
#: the words.
_PLAIN_WORDS = re.compile(rf"[^\W{CJK}]+(?: [^\W{CJK}]+)*")
_QUOTES = "'\"\u2018\u2019\u201c\u201d"


class TermMatcher:
    """The forms of all the terms of an agreement in one structure, a trie
    of tokens (the Aho-Corasick idea, one token at a time), so that a text
    node is scanned once, at the cost of its length and not of the number of
    terms; all that is compiled per agreement is a character class of the
    first characters of its terms, to skip the words no term starts with.

    Matching is case-sensitive and by whole words (in scripts written
    without spaces, by characters: a term matches wherever its characters
    occur, the longest first, as everywhere); any run of whitespace
    inside a term matches any other (a line break in the source); a curly
    quote matches the straight one (smart quotes curl the running text); at
    each position the longest form wins (``Customer Data`` before
    ``Customer``). Text as docutils keeps it (reST's backslash escapes as
    null characters) is matched as it is shown.
    """

    def __init__(self, owners: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        #: form -> the term it belongs to
        self.owner = dict(owners)
        #: The trie of the forms' tokens, flat: the path of tokens from a
        #: form's first (each but the first prefixed with _GLUED when it
        #: touches the one before, joined with _STEP) -> the form that ends
        #: there, or "" if only longer forms go on from there. One dict of
        #: strings, not a dict per node: a nested trie holds 1.07x the peak
        #: memory of the build (bench/tricks_bench.py, 30 pages x 500
        #: terms). It takes less CPU time (0.93x, spread 0.87-1.12), but
        #: memory is the figure furthest from its target (guide/performance).
        self.trie: dict[str, str] = {}
        #: Whether any form holds a quote: only then is the text's quote
        #: style worth normalising.
        every_form = "\n".join(self.owner)
        self.quoted = any(char in every_form for char in _QUOTES)
        #: The paths that longer forms go on from: the walk stops at a form
        #: that is not one of them, without looking at the token after it.
        self.continued: set[str] = set()
        trie, continued = self.trie, self.continued
        starts = set()
        for form in self.owner:
            keys = _keys(straight_quotes(form) if self.quoted else form)
            starts.add(keys[0][0])
            path = keys[0]
            for key in keys[1:]:
                trie.setdefault(path, "")
                continued.add(path)
                path = f"{path}{_STEP}{key}"
            trie[path] = form
        #: Finds the tokens that may start a form: a word that starts with
        #: the first letter of a form's first word, or a character that
        #: starts a form. The scan skips the other tokens in one call.
        # A word of a spaced script starts after a character that is not part
        # of such a word (a space, punctuation, or a kana as in のServices).
        unspaced = "".join(sorted(char for char in starts if _CJK_CHAR.match(char)))
        letters = "".join(sorted(char for char in starts
                                 if _WORD_CHAR.match(char) and char not in unspaced))
        others = "".join(sorted(starts - set(letters) - set(unspaced)))
        self.candidates = re.compile("|".join(
            ([rf"(?<![^\W{CJK}])[{re.escape(letters)}][^\W{CJK}]*"] if letters else [])
            + ([f"[{re.escape(unspaced)}]"] if unspaced else [])
            + ([f"[{re.escape(others)}]"] if others else [])) or "(?!)")

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term) of every use of a term in `text`."""
        if self.quoted:
            text = straight_quotes(text)
        if "\x00" in text:
            shown, positions = _without_null_escapes(text)
            return [(positions[start], positions[end - 1] + 1, term)
                    for start, end, term in self._find(shown)]
        return self._find(text)

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        trie, owner, continued = self.trie, self.owner, self.continued
        search, next_token = self.candidates.search, _NEXT_TOKEN.match
        found = []
        first = search(text)
        while first is not None:
            start, end = first.span()
            path = last = first.group()
            node = trie.get(path)
            if node is None or (start and not path[0].isalnum()
                                and _WORD_CHAR.match(text, start - 1)):
                first = search(text, end)
                continue
            # Walk the trie as far as the text follows it; keep the longest
            # form that ends on a word boundary.
            best: str | None = None
            best_end = end
            word_end = end
            while True:
                if node and (last[-1].isalnum() or not _WORD_CHAR.match(text, end)):
                    best, best_end = node, end
                    if path not in continued:
                        break
                following = next_token(text, end)
                if following is None:
                    break
                space, last = following.groups()
                path = (f"{path}{_STEP}{last}" if space
                        else f"{path}{_STEP}{_GLUED}{last}")
                node = trie.get(path)
                if node is None:
                    break
                end = following.end()
            if best is None:
                first = search(text, word_end)
            else:
                found.append((start, best_end, owner[best]))
                first = search(text, best_end)
        return found


def _without_null_escapes(text: str) -> tuple[str, list[int]]:
    """`text` as shown (docutils' `unescape`: a null character marks a
    backslash escape and goes, with the space or line break it escapes),
    and the position in `text` of each character kept."""
    kept: list[str] = []
    positions: list[int] = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char == "\x00":
            index += 2 if index + 1 < length and text[index + 1] in (" ", "\n") else 1
            continue
        kept.append(char)
        positions.append(index)
        index += 1
    return "".join(kept), positions


def _keys(form: str) -> list[str]:
    """The trie keys of a form: its tokens, each but the first prefixed with
    _GLUED when it touches the one before."""
    if _PLAIN_WORDS.fullmatch(form):
        return form.split(" ")
    keys, end = [], None
    for match in _TOKEN.finditer(form):
        keys.append(_GLUED + match.group() if match.start() == end else match.group())
        end = match.end()
    return keys


#: The matchers compiled last, by key (see `matcher_for`), oldest first.
_MATCHERS: dict[tuple[tuple[str, str], ...], TermMatcher] = {}
_MATCHERS_KEPT = 4


def matcher_for(owners: Mapping[str, str] | Iterable[tuple[str, str]]) -> TermMatcher:
    """The matcher of an agreement's terms (form -> term), compiled once
    and cached, so that a re-read of an unchanged agreement, and every later
    lookup, reuses it, keyed by its (form, term) pairs. (A key joined into
    one string, to spare the garbage collector the pairs, measured 0.98x
    the CPU time of this plain key, spread 0.80-1.28, in
    bench/tricks_bench.py: not kept.) A few are kept: a build reads each
    agreement once, and every matcher kept is memory held to the end of
    the build."""
    owner = dict(owners)
    key = tuple(owner.items())
    matcher = _MATCHERS.pop(key, None) or TermMatcher(owner)
    _MATCHERS[key] = matcher
    while len(_MATCHERS) > _MATCHERS_KEPT:
        del _MATCHERS[next(iter(_MATCHERS))]
    return matcher
