"""Checks of an agreement's running text: definitions that are not marked
with `define`, and clause references typed by hand."""

from __future__ import annotations

import re

from docutils import nodes

from .common import text_location, warn

# A parenthesised, quoted, capitalised phrase: (the "Services"),
# ("Order Form"), (collectively, the “Services”). A marked definition never
# matches: its quotes are inside the `define` node, not in the text around.
_UNDECLARED = re.compile(
    r"\([^()\"\u201c\u201d]*[\"\u201c]([^\W\d_][^\"\u201c\u201d]*?)[\"\u201d][^()]*\)"
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
_STATUTE_BEFORE = re.compile(r"(?:U\.S\.C\.|C\.F\.R\.)\s*$")


def check_text(text: str, node: nodes.Text) -> None:
    """Warn about undeclared definitions and unmarked clause references in
    one text node of an agreement's running text."""
    # Both patterns need a bracket, "section" or "clause"; most text holds
    # none, and a substring test is cheaper than their scans.
    if "(" not in text and "ection" not in text and "lause" not in text:
        return
    for match in _UNDECLARED.finditer(text):
        if match.group(1)[0].isupper():
            warn("undeclared-definition", f"{match.group(0)!r} looks like a definition: mark the "
                 "term with the define role", text_location(node, match.start()))
    for match in _UNMARKED.finditer(text):
        if _STATUTE_AFTER.match(text, match.end()) or _STATUTE_BEFORE.search(text[:match.start()]):
            continue
        warn("unmarked-reference", f"{match.group(0)!r} is typed by hand: use the clause role, "
             "so that its number follows the clauses", text_location(node, match.start()))
