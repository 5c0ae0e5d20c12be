"""How hard a clause is to read: its words, sentences, longest sentence and
Flesch-Kincaid grade, measured on the clause's text as the reader sees it.

The text is the export's (`export.plain_text`): the clause's own blocks as
rendered -- numbers, terms and references with the text they show --
without its subclauses, summaries and index. It is only complete once the
references are resolved, so the figures are measured at write time, from
the resolved doctree. The grade is the `textstat` library's
(``textstat.flesch_kincaid_grade`` of the whole text); words are counted
with ``textstat.lexicon_count``, sentence by sentence, so that the words of
the sentences add up to the clause's words. Sentences end where the rest of
the extension says they do (`blocktext.sentence_ends`), within one block.

Each block is walked once and split once: the cost grows with the text.
"""

from __future__ import annotations

import bisect
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docutils import nodes

from .blocktext import sentence_ends
from .doctree import normalize_space

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.config import Config

    from .records import ReadingExport

__all__ = ["BlockLines", "ClauseReading", "Sentence", "clause_blocks", "grade_of",
           "is_english", "measure_clause", "measured_once", "words_of"]


def is_english(config: Config) -> bool:
    """Whether the build is in English: words, sentences and grades are
    English measures, and the critique reads English only."""
    language = (config.language or "en").lower()
    return language == "en" or language.startswith(("en_", "en-"))


def words_of(text: str) -> int:
    """The words of `text`, as textstat counts them."""
    # Imported when first needed: a build without agreements never is.
    import textstat  # noqa: PLC0415

    return int(textstat.lexicon_count(text)) if text.strip() else 0


def grade_of(text: str) -> float:
    """The Flesch-Kincaid grade of `text` (textstat's figure; 0 for no text)."""
    import textstat  # noqa: PLC0415

    return float(textstat.flesch_kincaid_grade(text)) if text.strip() else 0.0


def clause_blocks(section: nodes.Element) -> list[tuple[nodes.Element, str]]:
    """Each block of the clause `section`'s own text with its text as the
    export writes it (``"\\n\\n".join`` of the texts is `plain_text`)."""
    from .export import _NOT_TEXT, _NOT_TEXT_CLASSES  # noqa: PLC0415 - export measures with this module
    out: list[tuple[nodes.Element, str]] = []
    stack: list[nodes.Node] = list(reversed(section.children))
    while stack:
        node = stack.pop()
        if not isinstance(node, nodes.Element):
            continue
        if isinstance(node, _NOT_TEXT) or not _NOT_TEXT_CLASSES.isdisjoint(node["classes"]):
            continue
        if isinstance(node, nodes.title) and isinstance(node.parent, nodes.section):
            continue
        if isinstance(node, nodes.FixedTextElement):
            text = node.astext().rstrip()
        elif isinstance(node, nodes.TextElement):
            text = normalize_space(node.astext())
        else:
            stack.extend(reversed(node.children))
            continue
        if text:
            out.append((node, text))
    return out


@dataclass
class Sentence:
    """A sentence of a clause: its words, its text and where it starts."""

    words: int
    text: str
    block: nodes.Element
    offset: int  # in the block's text, as the export writes it


@dataclass
class ClauseReading:
    """The figures of one clause."""

    text: str
    words: int = 0
    sentences: list[Sentence] = field(default_factory=list)
    grade: float = 0.0

    @property
    def longest(self) -> int:
        return max((sentence.words for sentence in self.sentences), default=0)

    def export(self) -> ReadingExport:
        return {"words": self.words, "sentences": len(self.sentences),
                "longest_sentence": self.longest, "grade": self.grade}


#: While a doctree is resolved (`measured_once`), the figures of its clauses
#: by id: the export and the critique's checks ask for the same clause one
#: after the other. Dropped at the end, so that no doctree outlives its write.
_CACHES: list[dict[int, tuple[nodes.Element, ClauseReading]]] = []


@contextmanager
def measured_once() -> Iterator[None]:
    """Measure each clause once until the end of the block."""
    _CACHES.append({})
    try:
        yield
    finally:
        _CACHES.pop()


def measure_clause(section: nodes.Element) -> ClauseReading:
    """The figures of the clause `section` (its own text)."""
    if not _CACHES:
        return _measure(section)
    cache = _CACHES[-1]
    found = cache.get(id(section))
    if found is not None and found[0] is section:
        return found[1]
    reading = _measure(section)
    cache[id(section)] = (section, reading)
    return reading


def _measure(section: nodes.Element) -> ClauseReading:
    blocks = clause_blocks(section)
    reading = ClauseReading("\n\n".join(text for _, text in blocks))
    for block, text in blocks:
        start = 0
        for end in [*sentence_ends(text), len(text)]:
            words = words_of(text[start:end])
            if words:
                reading.sentences.append(Sentence(words, text[start:end].strip(), block, start))
                reading.words += words
            start = end
    reading.grade = grade_of(reading.text)
    return reading


class BlockLines:
    """The source line of an offset in the text of a block as the export
    writes it (whitespace collapsed, except in literal blocks): the block's
    first line plus the line breaks before it. Each block's lines are
    counted once, however many offsets of it are asked."""

    def __init__(self) -> None:
        #: per block: the collapsed text, and the words before each raw line
        self._maps: dict[int, tuple[str, list[int]]] = {}

    def line(self, block: nodes.Element, offset: int) -> int | None:
        base = block.line
        if base is None or offset == 0:
            return base
        if isinstance(block, nodes.FixedTextElement):
            return base + block.astext().count("\n", 0, offset)
        found = self._maps.get(id(block))
        if found is None:
            # The collapsed text joins the raw text's words with one space:
            # the word at `offset` is found by the words of each raw line.
            lines = block.astext().split("\n")
            before = [0]
            for text in lines:
                before.append(before[-1] + len(text.split()))
            found = self._maps[id(block)] = (normalize_space(block.astext()), before)
        text, before = found
        word = text.count(" ", 0, offset)  # words before the one at `offset`
        return base + max(0, bisect.bisect_right(before, word) - 1)
