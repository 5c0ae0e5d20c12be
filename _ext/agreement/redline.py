"""Redline: compare two versions of an agreement, clause by clause and word by word.

This module is pure (no Sphinx): it takes two agreements in the shape of the
JSON export (``X.agreement.json``, see the markup contract) and returns

* :func:`compare` — a :class:`Redline`: matched clause pairs in the new
  version's order (removed clauses in their old place), and the lists of
  clauses added, removed, changed and renumbered; the properties that a
  page shows (`ClausePair.shown`, `ClausePair.status_text`,
  `ListedClause.numbers`) are computed here, so that rendering is markup
  only;
* :func:`render_html` — the same fragment ``<div class="agreement-redline">``
  as the site's redline page, built without Jinja.  The site renders its
  page from the template ``templates/agreement-redline-base.html`` (see
  ``versions.py``); this function is kept for ``bench/redline_bench.py``,
  which times the engine without Sphinx, and the tests hold the two to the
  same bytes.

The comparison is of the *rendered* text, so a cross-reference whose number
moved ("Section 10" → "Section 11") is a change, while a clause that only
moved or was renumbered is listed as renumbered, not changed.

Diff engine: :class:`difflib.SequenceMatcher` (``autojunk=False``, so common
words such as "the" still anchor matches), run over small inputs rather than
one large one.  Clauses are paired by label and title first, so each diff
sees one clause; within a clause, sentences are diffed first and words only
inside the runs of sentences that differ.  That keeps every sequence short
(SequenceMatcher's longest-match search grows quadratically: 20,000 words in
one piece take over 3 s) and needs no third-party package.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "ClausePair",
    "ClauseVersion",
    "ListedClause",
    "Redline",
    "Segment",
    "compare",
    "diff_words",
    "flatten_clauses",
    "label_stems",
    "match_clauses",
    "render_html",
]

#: One piece of a word diff: ``("=", text)`` kept, ``("+", text)`` inserted,
#: ``("-", text)`` deleted.  An insertion or replacement holds words only (the
#: whitespace around it is kept text); a deletion takes the one space that
#: separated it, so that the kept text reads with single spaces.
Segment = tuple[Literal["=", "+", "-"], str]

Status = Literal["added", "removed", "changed", "unchanged"]


# --------------------------------------------------------------------------
# Data model (plain, picklable: it may be kept in the Sphinx environment)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ClauseVersion:
    """One clause of one version, flattened out of the nested export."""

    number: str
    label: str | None
    title: str
    text: str
    depth: int  # 1 for a top-level clause, 2 for 1.1, 3 for 1.1.1
    index: int  # position in the flattened (document) order
    page_anchor: str = ""  # the clause's id in its version's page, if known


@dataclass(frozen=True)
class ListedClause:
    """An entry of the summary lists at the top of the redline."""

    old_number: str | None
    new_number: str | None
    label: str | None
    title: str
    anchor: str  # id of the clause's section further down the redline

    @property
    def numbers(self) -> str:
        """"4 → 5" for a renumbered clause, else its one number."""
        if self.old_number and self.new_number and self.old_number != self.new_number:
            return f"{self.old_number} → {self.new_number}"
        return self.new_number or self.old_number or ""


@dataclass(frozen=True)
class ClausePair:
    """A clause as it was (``old``) and as it is (``new``).

    ``old`` is None for an added clause, ``new`` for a removed one.  The
    diffs are computed once here so that rendering is formatting only.
    """

    status: Status
    old: ClauseVersion | None
    new: ClauseVersion | None
    matched_by: Literal["label", "title"] | None
    renumbered: bool
    title_diff: tuple[Segment, ...]
    text_diff: tuple[Segment, ...]

    @property
    def anchor(self) -> str:
        """A page-unique HTML id for this clause's section of the redline."""
        if self.new is not None:
            return f"redline-new-{self.new.index + 1}"
        assert self.old is not None
        return f"redline-old-{self.old.index + 1}"

    @property
    def shown(self) -> ClauseVersion:
        """The version of the clause the redline shows: the new one, or the
        old one for a removed clause (its depth sets the heading level)."""
        shown = self.new if self.new is not None else self.old
        assert shown is not None
        return shown

    @property
    def status_text(self) -> str:
        """The status as the clause heading shows it: "added", "removed",
        "changed", "unchanged", "renumbered" or "changed, renumbered"."""
        if self.renumbered:
            return "changed, renumbered" if self.status == "changed" else "renumbered"
        return self.status


@dataclass(frozen=True)
class Redline:
    """The comparison of two versions of one agreement."""

    pairs: tuple[ClausePair, ...]  # new order; removed ones in their old place
    added: tuple[ListedClause, ...]
    removed: tuple[ListedClause, ...]
    changed: tuple[ListedClause, ...]  # words of the title or text differ
    renumbered: tuple[ListedClause, ...]  # may also be in ``changed``

    @property
    def unchanged_count(self) -> int:
        return sum(1 for pair in self.pairs if pair.status == "unchanged")


# --------------------------------------------------------------------------
# Clause matching
# --------------------------------------------------------------------------


def _as_text(value: Any) -> str:
    """Export fields may be missing or null; the comparison wants strings."""
    return "" if value is None else str(value)


def flatten_clauses(agreement: Mapping[str, Any]) -> list[ClauseVersion]:
    """The clauses of an exported agreement in document order, nested ones
    after their parent (1, 1.1, 1.1.1, 1.2, 2, ...)."""
    flat: list[ClauseVersion] = []

    def walk(clauses: Any, depth: int) -> None:
        for clause in clauses or ():
            if not isinstance(clause, dict):
                continue
            flat.append(ClauseVersion(
                number=_as_text(clause.get("number")).strip(),
                # The stable anchor where the export has one: the same clause
                # of two versions has the same anchor, whatever its label.
                label=(_as_text(clause.get("anchor")).strip() if clause.get("label") else "")
                or _as_text(clause.get("label")).strip() or None,
                title=_as_text(clause.get("title")).strip(),
                text=_as_text(clause.get("text")).strip(),
                depth=depth,
                index=len(flat),
                page_anchor=_as_text(clause.get("anchor")).strip(),
            ))
            walk(clause.get("clauses"), depth + 1)

    walk(agreement.get("clauses"), 1)
    return flat


_LABEL_PART = re.compile(r"[-_.:]+")


def label_stems(clauses: list[ClauseVersion]) -> dict[int, str]:
    """``{index: stem}`` of the labelled clauses of one version: the label
    without the leading and trailing parts that every label of that version
    shares (``v1-fees``, ``v1-data`` → ``fees``, ``data``).

    Labels are unique across a site, so two versions of an agreement built
    together cannot share them: the versions' labels usually differ by such
    a marker, which matching by label then sees through. A version with
    fewer than two labels has no marker to tell.
    """
    parts = {c.index: _LABEL_PART.split(c.label) for c in clauses if c.label is not None}
    if len(parts) < 2:
        return {index: "-".join(words) for index, words in parts.items()}
    shortest = min(len(words) for words in parts.values())
    lists = list(parts.values())
    head = 0
    while head < shortest - 1 and all(w[head] == lists[0][head] for w in lists):
        head += 1
    tail = 0
    while (tail < shortest - 1 - head
           and all(w[-1 - tail] == lists[0][-1 - tail] for w in lists)):
        tail += 1
    return {index: "-".join(words[head:len(words) - tail]) for index, words in parts.items()}


def match_clauses(old: list[ClauseVersion], new: list[ClauseVersion]
           ) -> dict[int, tuple[int, Literal["label", "title"]]]:
    """Pair new clauses with old ones: by label, then by label stem (see
    `label_stems`), then by exact title among the clauses still unpaired.
    Returns ``{new index: (old index, how)}``.

    Every pass goes in document order and takes the first candidate, so the
    result is deterministic even with repeated titles (two "General"s).
    """
    matches: dict[int, tuple[int, Literal["label", "title"]]] = {}
    taken: set[int] = set()

    def by_key(old_keys: dict[int, str], new_keys: dict[int, str]) -> None:
        old_by_key: dict[str, int] = {}
        for clause in old:
            if clause.index in old_keys and clause.index not in taken:
                old_by_key.setdefault(old_keys[clause.index], clause.index)
        for clause in new:
            if clause.index in matches or clause.index not in new_keys:
                continue
            found = old_by_key.get(new_keys[clause.index])
            if found is not None and found not in taken:
                matches[clause.index] = (found, "label")
                taken.add(found)

    by_key({c.index: c.label for c in old if c.label is not None},
           {c.index: c.label for c in new if c.label is not None})
    by_key(label_stems(old), label_stems(new))

    old_by_title: dict[str, list[int]] = {}
    for clause in old:
        if clause.index not in taken and clause.title:
            old_by_title.setdefault(clause.title, []).append(clause.index)
    # The next unpaired candidate of each title: many clauses of one title
    # ("General") cost one step each, not the length of their list.
    next_of_title: dict[str, int] = {}
    for clause in new:
        if clause.index in matches:
            continue
        candidates = old_by_title.get(clause.title)
        position = next_of_title.get(clause.title, 0)
        if candidates and position < len(candidates):
            found = candidates[position]
            next_of_title[clause.title] = position + 1
            matches[clause.index] = (found, "title")
            taken.add(found)
    return matches


def _listed(pair: ClausePair) -> ListedClause:
    shown = pair.new if pair.new is not None else pair.old
    assert shown is not None
    return ListedClause(
        old_number=pair.old.number if pair.old is not None else None,
        new_number=pair.new.number if pair.new is not None else None,
        label=shown.label,
        title=shown.title,
        anchor=pair.anchor,
    )


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> Redline:
    """Compare two exported agreements (``old`` the earlier version)."""
    old_clauses = flatten_clauses(old)
    new_clauses = flatten_clauses(new)
    matches = match_clauses(old_clauses, new_clauses)
    matched_old = {old_index for old_index, _ in matches.values()}

    pairs_in_new_order: list[ClausePair] = []
    for clause in new_clauses:
        if clause.index in matches:
            old_index, how = matches[clause.index]
            pairs_in_new_order.append(_pair(old_clauses[old_index], clause, how))
        else:
            pairs_in_new_order.append(_pair(None, clause, None))

    # A removed clause goes right after the pair holding the nearest matched
    # clause that preceded it in the old version (or at the very top), so it
    # appears where a reader of the old version would look for it.
    removed_after: dict[int | None, list[ClausePair]] = {}
    anchor: int | None = None  # old index of the last matched clause seen
    for clause in old_clauses:
        if clause.index in matched_old:
            anchor = clause.index
        else:
            removed_after.setdefault(anchor, []).append(_pair(clause, None, None))

    pairs: list[ClausePair] = list(removed_after.get(None, []))
    for pair in pairs_in_new_order:
        pairs.append(pair)
        if pair.old is not None:
            pairs.extend(removed_after.get(pair.old.index, []))

    return Redline(
        pairs=tuple(pairs),
        added=tuple(_listed(p) for p in pairs if p.status == "added"),
        removed=tuple(_listed(p) for p in pairs if p.status == "removed"),
        changed=tuple(_listed(p) for p in pairs if p.status == "changed"),
        renumbered=tuple(_listed(p) for p in pairs if p.renumbered),
    )


def _pair(old: ClauseVersion | None, new: ClauseVersion | None,
          how: Literal["label", "title"] | None) -> ClausePair:
    if old is None:
        assert new is not None
        return ClausePair("added", None, new, None, False,
                          _whole("+", new.title), _whole("+", new.text))
    if new is None:
        return ClausePair("removed", old, None, None, False,
                          _whole("-", old.title), _whole("-", old.text))
    title_diff = diff_words(old.title, new.title)
    text_diff = diff_words(old.text, new.text)
    # "Changed" means the diff shows something, so the list at the top and
    # the marks below always agree (a re-flowed paragraph is not a change).
    changed = any(op != "=" for op, _ in title_diff + text_diff)
    return ClausePair(
        status="changed" if changed else "unchanged",
        old=old, new=new, matched_by=how,
        renumbered=old.number != new.number,
        title_diff=title_diff,
        text_diff=text_diff,
    )


def _whole(op: Literal["+", "-"], text: str) -> tuple[Segment, ...]:
    return ((op, text),) if text else ()


# --------------------------------------------------------------------------
# Word diff
# --------------------------------------------------------------------------

# A word (letters/digits, with inner apostrophes or hyphens: "Provider's",
# "non-exclusive"), or one other visible character (punctuation, symbol).
# Each token keeps the whitespace before it, so joining them rebuilds the text.
_TOKEN = re.compile(r"(\s*)(\w+(?:['’\-]\w+)*|[^\w\s])")

# Sentence stops.  A sentence ends after a stop (and any closing quote or
# bracket glued to it) followed by whitespace, or at a line break.  The stop
# inside "1.2" does not split: no whitespace follows it.
_STOPS = frozenset(".!?;:")
_CLOSERS = frozenset("\"'”’)]")


class _Token(NamedTuple):
    space: str  # whitespace before the token
    word: str


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(1), m.group(2)) for m in _TOKEN.finditer(text)]


def _sentence_spans(tokens: list[_Token]) -> list[tuple[int, int]]:
    """Split a token list into sentence spans ``(start, end)``."""
    spans: list[tuple[int, int]] = []
    start = 0
    after_stop = False
    for i, token in enumerate(tokens):
        if i > start and ((after_stop and token.space) or "\n" in token.space):
            spans.append((start, i))
            start = i
        if token.word in _STOPS:
            after_stop = True
        elif not (after_stop and token.word in _CLOSERS and not token.space):
            after_stop = False
    if start < len(tokens):
        spans.append((start, len(tokens)))
    return spans


Opcode = tuple[str, int, int, int, int]


# Above this many tokens a side (a run of differing sentences that long means
# a rewrite, not an edit), let SequenceMatcher ignore very common words as
# anchors: about 5x faster on 20,000 words, slightly coarser runs.
_EXACT_DIFF_LIMIT = 5_000


def _word_opcodes(a: list[str], b: list[str], a_lo: int, b_lo: int) -> list[Opcode]:
    exact = len(a) * len(b) <= _EXACT_DIFF_LIMIT ** 2
    matcher = SequenceMatcher(None, a, b, autojunk=not exact)
    return [(tag, i1 + a_lo, i2 + a_lo, j1 + b_lo, j2 + b_lo)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _opcodes(a: list[_Token], b: list[_Token]) -> list[Opcode]:
    """Token-level opcodes, found sentence first, then word by word inside
    each run of differing sentences."""
    a_words = [t.word for t in a]
    b_words = [t.word for t in b]
    a_spans = _sentence_spans(a)
    b_spans = _sentence_spans(b)
    a_keys = [" ".join(a_words[s:e]) for s, e in a_spans]
    b_keys = [" ".join(b_words[s:e]) for s, e in b_spans]
    # Token boundaries of sentence k are bounds[k], bounds[k + 1].
    a_bounds = [s for s, _ in a_spans] + [len(a)]
    b_bounds = [s for s, _ in b_spans] + [len(b)]
    opcodes: list[Opcode] = []
    matcher = SequenceMatcher(None, a_keys, b_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ta1, ta2, tb1, tb2 = a_bounds[i1], a_bounds[i2], b_bounds[j1], b_bounds[j2]
        if tag == "replace":
            opcodes.extend(_word_opcodes(a_words[ta1:ta2], b_words[tb1:tb2], ta1, tb1))
        else:
            opcodes.append((tag, ta1, ta2, tb1, tb2))
    return _join_equal_runs(opcodes)


def _join_equal_runs(opcodes: list[Opcode]) -> list[Opcode]:
    """Fuse neighbouring opcodes of the same kind (the two passes leave
    e.g. an equal sentence run next to an equal word run)."""
    joined: list[Opcode] = []
    for op in opcodes:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if joined and (joined[-1][0] == op[0] == "equal"
                       or (joined[-1][0] != "equal" and op[0] != "equal")):
            tag = "equal" if op[0] == "equal" else "replace"
            prev = joined[-1]
            joined[-1] = (tag, prev[1], op[2], prev[3], op[4])
        else:
            joined.append(op)
    return joined


def _visible_chars_before(tokens: list[_Token]) -> list[int]:
    """The visible characters of `tokens` before each position (and in
    all, last): a span's size is then one subtraction, however long."""
    totals = [0]
    for token in tokens:
        totals.append(totals[-1] + len(token.word))
    return totals


def _merge_short_equalities(opcodes: list[Opcode], a: list[_Token],
                            b: list[_Token]) -> list[Opcode]:
    """Make changes read as phrases: a short kept stretch between two changes
    ("X of Y" → "Z of W") is folded into one deletion and one insertion.

    The rule is diff-match-patch's semantic cleanup, counted in visible
    characters: fold an equality no longer than the change on either side.
    """
    a_chars, b_chars = _visible_chars_before(a), _visible_chars_before(b)

    def size(op: Opcode) -> int:
        return max(a_chars[op[2]] - a_chars[op[1]], b_chars[op[4]] - b_chars[op[3]])

    merged: list[Opcode] = []
    i = 0
    while i < len(opcodes):
        op = opcodes[i]
        if (op[0] == "equal" and merged and merged[-1][0] != "equal"
                and i + 1 < len(opcodes) and opcodes[i + 1][0] != "equal"):
            left, right = merged[-1], opcodes[i + 1]
            if size(op) <= min(size(left), size(right)):
                merged[-1] = ("replace", left[1], right[2], left[3], right[4])
                i += 2
                continue
        if merged and op[0] != "equal" and merged[-1][0] != "equal":
            prev = merged[-1]
            merged[-1] = ("replace", prev[1], op[2], prev[3], op[4])
        else:
            merged.append(op)
        i += 1
    return merged


def _joined(tokens: list[_Token], with_first_space: bool) -> str:
    if not tokens:
        return ""
    first = tokens[0]
    head = (first.space if with_first_space else "") + first.word
    return head + "".join(t.space + t.word for t in tokens[1:])


def diff_words(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level diff of two texts as segments (see :data:`Segment`).

    Kept and inserted segments, in order, spell out ``new`` exactly; kept and
    deleted ones spell out ``old`` up to whitespace: whitespace alone is
    never a change (the texts are re-flowed as HTML), and where both differ,
    the new text's whitespace is the one shown.
    """
    if old == new:
        return (("=", new),) if new else ()
    a, b = _tokens(old), _tokens(new)
    opcodes = _merge_short_equalities(_opcodes(a, b), a, b)

    # The pieces of each segment, joined at the end: adding to a segment's
    # string each time would copy it each time.
    pieces: list[tuple[Literal["=", "+", "-"], list[str]]] = []

    def emit(op: Literal["=", "+", "-"], text: str) -> None:
        if not text:
            return
        if pieces and pieces[-1][0] == op:
            pieces[-1][1].append(text)
        else:
            pieces.append((op, [text]))

    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            emit("=", _joined(b[j1:j2], with_first_space=True))
        elif j2 > j1:
            # Insertion or replacement: the new text's whitespace before it
            # stays outside the marks.
            emit("=", b[j1].space)
            emit("-", _joined(a[i1:i2], with_first_space=False))
            emit("+", _joined(b[j1:j2], with_first_space=False))
        else:
            # Deletion: the space that separated it goes with it, else the
            # new text would show two spaces ("a  c" for "a b c" → "a c").
            deleted = _joined(a[i1:i2], with_first_space=True)
            new_space_after = b[j2].space if j2 < len(b) else ""
            if not a[i1].space and i2 < len(a) and not new_space_after:
                # At the start or after "(": keep it apart from the next word.
                deleted += a[i2].space
            emit("-", deleted)
    return tuple((op, "".join(parts)) for op, parts in pieces)


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

_TAGS = {"+": "ins", "-": "del"}


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _segments_html(segments: tuple[Segment, ...]) -> str:
    parts = []
    for op, text in segments:
        if op == "=":
            parts.append(_esc(text))
        else:
            parts.append(f"<{_TAGS[op]}>{_esc(text)}</{_TAGS[op]}>")
    return "".join(parts)


def _number_html(pair: ClausePair) -> str:
    if pair.old is None:
        assert pair.new is not None
        inner = f"<ins>{_esc(pair.new.number)}</ins>"
    elif pair.new is None:
        inner = f"<del>{_esc(pair.old.number)}</del>"
    elif pair.renumbered:
        inner = f"<del>{_esc(pair.old.number)}</del> <ins>{_esc(pair.new.number)}</ins>"
    else:
        inner = _esc(pair.new.number)
    return f'<span class="clause-number">{inner}</span>'


def render_html(redline: Redline, *, old_href: str, new_href: str,
                old_title: str, new_title: str, heading_level: int = 2) -> str:
    """The redline page body: a summary (counts and lists), a legend, then
    every clause with its word diff.  ``heading_level`` is the level of the
    fragment's top headings (``2`` under the page's ``<h1>``).

    The same bytes as the ``redline_fragment`` block of the template
    ``agreement-redline-base.html``, which is what the site renders."""
    top = max(1, min(heading_level, 5))

    def heading(level: int) -> str:
        return f"h{min(level, 6)}"

    out: list[str] = ['<div class="agreement-redline">']
    out.append(
        '<p class="redline-versions">Changes from '
        f'<a href="{_esc(old_href)}">{_esc(old_title)}</a> to '
        f'<a href="{_esc(new_href)}">{_esc(new_title)}</a>.</p>')
    out.append(
        '<p class="redline-legend">How to read this page: '
        '<span class="redline-legend-ins">inserted words are underlined</span>, '
        '<span class="redline-legend-del">deleted words are struck through</span>; '
        'screen readers announce the start and end of each insertion and deletion. '
        'Clause numbers that changed show the old number struck through, then the '
        'new one.</p>')

    # Summary: counts, then one list per kind of change.
    h = heading(top)
    out.append('<section class="redline-summary" aria-labelledby="redline-summary">')
    out.append(f'<{h} id="redline-summary">Summary of changes</{h}>')
    counts = [("added", "Added", redline.added), ("removed", "Removed", redline.removed),
              ("changed", "Changed", redline.changed),
              ("renumbered", "Renumbered", redline.renumbered)]
    out.append('<ul class="redline-counts">')
    for kind, name, items in counts:
        out.append(f'<li class="redline-count-{kind}">{name}: '
                   f'<strong>{len(items)}</strong></li>')
    out.append(f'<li class="redline-count-unchanged">Unchanged: '
               f'<strong>{redline.unchanged_count}</strong></li>')
    out.append('</ul>')
    hh = heading(top + 1)
    for kind, name, items in counts:
        out.append(f'<{hh}>{name} ({len(items)})</{hh}>')
        if not items:
            out.append(f'<p class="redline-none">No clause {name.lower()}.</p>')
            continue
        out.append(f'<ul class="redline-list redline-list-{kind}">')
        for item in items:
            out.append(f'<li><a href="#{item.anchor}">'
                       f'<span class="clause-number">{_esc(item.numbers)}</span> '
                       f'{_esc(item.title)}</a></li>')
        out.append('</ul>')
    out.append('</section>')

    # Clauses, in the new version's order, removed ones in their old place.
    out.append('<section class="redline-clauses" aria-labelledby="redline-clauses">')
    out.append(f'<{h} id="redline-clauses">Clauses</{h}>')
    for pair in redline.pairs:
        ch = heading(top + pair.shown.depth)
        classes = f"redline-clause redline-{pair.status}"
        if pair.renumbered:
            classes += " redline-renumbered"
        out.append(f'<section class="{classes}" id="{pair.anchor}">')
        out.append(f'<{ch}>{_number_html(pair)} {_segments_html(pair.title_diff)}'
                   f' <span class="redline-status">({pair.status_text})</span></{ch}>')
        if pair.text_diff:
            out.append(f'<div class="redline-text">{_segments_html(pair.text_diff)}</div>')
        if pair.shown.page_anchor:
            page, text = ((old_href, "This clause in the earlier version") if pair.new is None
                          else (new_href, "This clause in the version"))
            out.append(f'<p class="redline-clause-link"><a href="{_esc(page)}#'
                       f'{_esc(pair.shown.page_anchor)}">{text}</a></p>')
        out.append('</section>')
    out.append('</section>')
    out.append('</div>')
    return "\n".join(out) + "\n"
