"""Lines and sentences inside a block of text (a paragraph, a list item's
paragraph, a heading), worked out once per block.

A role knows only the first line of its paragraph, and a defining sentence
is found in the paragraph's whole text. Asking that of the paragraph once
per role would cost the paragraph's length each time: a paragraph of 500
definitions would be read 500 times. Here each block is walked once, and
every question about it is then answered by a lookup.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from docutils import nodes

from .doctree import enclosing_block, located, normalize_space
from .term_nodes import term_definition

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["BlockText", "assign_exact_lines", "sentence_ends"]


def assign_exact_lines(targets: Iterable[nodes.Element]) -> None:
    """Give each of `targets` (role nodes) the source line where it starts:
    the line of its block plus the line breaks of the block's text before
    it, counted in one walk per block."""
    by_block: dict[int, tuple[nodes.Element, set[int]]] = {}
    for node in targets:
        block = enclosing_block(node)
        if block is None:
            node.line = node.line or getattr(located(node), "line", None)
            continue
        by_block.setdefault(id(block), (block, set()))[1].add(id(node))
    for block, wanted in by_block.values():
        breaks = 0
        # Document order, with a stack: the text before a node is the text
        # of everything visited before it.
        stack: list[nodes.Node] = list(reversed(block.children))
        while stack and wanted:
            current = stack.pop()
            if isinstance(current, nodes.Text):
                breaks += current.count("\n")
                continue
            if id(current) in wanted:
                wanted.discard(id(current))
                base = current.line or block.line
                current.line = base + breaks if base else current.line
            stack.extend(reversed(current.children))


#: A sentence ends at ., ! or ? (with any closing quotes or brackets) and
#: whitespace, unless the full stop closes a usual abbreviation or an initial;
#: or at Japanese 。, ！ or ？ (with any closing quotes), which no space
#: follows, except inside brackets: （以下「甲」という。） is part of its
#: sentence.
_SENTENCE_END = re.compile(
    r"[.!?][\"'\u201d\u2019)\]]*\s+|[\u3002\uff01\uff1f](?![\uff09)])[\u300d\u300f]*\s*"
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:Inc|Ltd|Co|Corp|LLC|No|Nos|e\.g|i\.e|etc|vs|cf|U\.S|Mr|Mrs|Ms|Dr|St|Art|Sec)"
    r"|\b[A-Z])\.$"
)


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of `text` but the last ends (after the space that
    follows its full stop), in order."""
    ends = []
    for match in _SENTENCE_END.finditer(text):
        stop = match.start() + 1
        if not _ABBREVIATION.search(text, max(0, stop - 6), stop):
            ends.append(match.end())
    return ends


#: The longest defining sentence kept whole. A longer one (a paragraph
#: without full stops, text written without spaces) is cut to this many
#: characters around the term: the sentence is each link's description,
#: and must not grow with the paragraph.
SENTENCE_LIMIT = 600


class BlockText:
    """The text of a block, where each definition in it starts, and where
    its sentences end."""

    def __init__(self, block: nodes.Element) -> None:
        parts: list[str] = []
        self.starts: dict[int, int] = {}
        length = 0
        stack: list[nodes.Node] = list(reversed(block.children))
        while stack:
            node = stack.pop()
            if isinstance(node, nodes.Text):
                # As the reader sees it: without the marks docutils keeps
                # for backslash escapes ("\\ " between a role and Japanese).
                piece = node.astext()
                parts.append(piece)
                length += len(piece)
            else:
                if isinstance(node, term_definition):
                    self.starts[id(node)] = length
                stack.extend(reversed(node.children))
        self.text = "".join(parts)
        self.ends = sentence_ends(self.text)

    def sentence_of(self, node: nodes.Node) -> str:
        """The sentence that holds the definition `node`."""
        offset = self.starts.get(id(node), 0)
        after = bisect.bisect_right(self.ends, offset)
        start = self.ends[after - 1] if after else 0
        end = self.ends[after] if after < len(self.ends) else len(self.text)
        if end - start <= SENTENCE_LIMIT:
            return normalize_space(self.text[start:end])
        # A list of definitions written as one sentence ("“A” means ...;
        # “B” means ..."): the part between the semicolons around the term,
        # looked for no further than the limit.
        before = self.text.rfind(";", max(start, offset - SENTENCE_LIMIT), offset)
        after = self.text.find(";", offset, min(end, offset + SENTENCE_LIMIT))
        if before != -1 or after != -1:
            low = before + 1 if before != -1 else start
            high = after + 1 if after != -1 else end
            if high - low <= SENTENCE_LIMIT:
                return normalize_space(self.text[low:high])
        half = SENTENCE_LIMIT // 2
        low, high = max(start, offset - half), min(end, offset + half)
        window = self.text[low:high]
        # Cut at spaces, where there are any, so that no word is halved.
        if low > start and " " in window[:half]:
            window = window[window.index(" ") + 1:]
        if high < end and " " in window[-half:]:
            window = window[:window.rindex(" ")]
        return ("\u2026 " if low > start else "") + normalize_space(window) + (
            " \u2026" if high < end else "")
