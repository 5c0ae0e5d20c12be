"""Checks of an agreement's running text: definitions that are not marked
with `define`, and clause references typed by hand."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .diagnostics import __, warn

if TYPE_CHECKING:
    from docutils import nodes

# A parenthesised, quoted, capitalised phrase: (the "Services"),
# ("Order Form"), (collectively, the “Services”). A marked definition never
# matches: its quotes are inside the `define` node, not in the text around.
# Each part is bounded, so that text with many brackets and quotes and no
# closing bracket is scanned in linear time, not once per bracket.
_UNDECLARED = re.compile(
    r"\([^()\"\u201c\u201d]{0,200}[\"\u201c]([^\W\d_][^\"\u201c\u201d]{0,200}?)[\"\u201d]"
    r"[^()]{0,200}\)"
)

# The Japanese forms of a definition: （以下「本サービス」という。）,
# （以下「本サービス」といいます。）, 「本サービス」とは -- full-width or half-width
# brackets and corner quotes. Bounded as above.
_UNDECLARED_JA = re.compile(
    r"[\uff08(]\s*以下[\u3001,\uff0c]?\s*[\u300c\uff62]([^\u300c\u300d\uff62\uff63]{1,200})"
    r"[\u300d\uff63]\s*(?:という|といいます)[\u3002.]?\s*[\uff09)]"
    r"|[\u300c\uff62]([^\u300c\u300d\uff62\uff63]{1,200})[\u300d\uff63]とは"
)

# Section 4, Sections 4 through 10, Clause 2.1, sections 4, 5 and 7 ...
_NUMBER = r"\d+(?:\.\d+)*(?:\([a-z0-9]+\))*"
_UNMARKED = re.compile(
    rf"(?<![\w\u00a7])(?:[Ss]ections?|[Cc]lauses?)\s+{_NUMBER}"
    rf"(?:\s*(?:,|and|or|through|to|\u2013|-)\s*{_NUMBER})*(?!\w)"
)
# ... but not a section of a statute: "Section 1542 of the California Civil
# Code", "Section 512 of the DMCA", "17 U.S.C. Section 107".
_STATUTE_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w.'\u2019-]*\s+){0,6}?"
    r"(?:Act|Code|Regulations?|Law|Statutes?|Convention|Directive|Rules|Constitution|Treaty)\b"
    r"|[A-Z]{2,}\b)"
)
_STATUTE_BEFORE = ("U.S.C.", "C.F.R.")


def _after_statute_code(text: str, start: int) -> bool:
    """Whether `text` before `start` ends with "U.S.C." or "C.F.R." and
    whitespace (looked at from `start` back, not from the text's start)."""
    end = start
    while end and text[end - 1].isspace():
        end -= 1
    return text.endswith(_STATUTE_BEFORE, max(0, end - 6), end)


class _Lines:
    """The line of an offset in a text node that starts at `line`, for
    offsets asked in increasing order: each line break is counted once."""

    def __init__(self, line: int | None) -> None:
        self.line, self.offset = line, 0

    def at(self, text: str, offset: int) -> int | None:
        if self.line is not None:
            self.line += text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def check_text(text: str, source: str | None, line: int | None,
               fallback: nodes.Node) -> None:
    """Warn about undeclared definitions and unmarked clause references in
    one text node of an agreement's running text that starts at `line` of
    `source` (else the warnings are placed at `fallback`)."""
    # Both patterns need a bracket, "section" or "clause"; most text holds
    # none, and a substring test is cheaper than their scans.
    japanese = "\u300c" in text or "\uff62" in text
    if "(" not in text and "ection" not in text and "lause" not in text and not japanese:
        return

    def location(lines: _Lines, offset: int) -> str | nodes.Node:
        found = lines.at(text, offset)
        return f"{source}:{found}" if source and found else fallback

    lines = _Lines(line)
    for match in _UNDECLARED.finditer(text):
        if match.group(1)[0].isupper():
            warn("undeclared-definition", __("{text} looks like a definition: mark the term "
                                             "with the define role").format(
                                                 text=repr(match.group(0))),
                 location(lines, match.start()))
    if japanese:
        lines = _Lines(line)
        for match in _UNDECLARED_JA.finditer(text):
            warn("undeclared-definition", __("{text} looks like a definition: mark the term "
                                             "with the define role").format(
                                                 text=repr(match.group(0))),
                 location(lines, match.start()))
    lines = _Lines(line)
    for match in _UNMARKED.finditer(text):
        if _STATUTE_AFTER.match(text, match.end()) or _after_statute_code(text, match.start()):
            continue
        warn("unmarked-reference", __("{text} is typed by hand: use the clause role, so that "
                                      "its number follows the clauses").format(
                                          text=repr(match.group(0))),
             location(lines, match.start()))
