"""Linking an agreement's defined terms in its running text: one walk over
the running text finds every use with the matcher, counts it, links the
uses that ``agreement_link_terms`` asks for and runs the text checks; the
explicit `use` roles are linked to their definitions."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from .blocks import summary_block
from .checks import check_text
from .clause_refs import clause_reference
from .defined_terms import defined_terms_block
from .diagnostics import __, warn
from .doctree import HEADINGS, enclosing_clause, is_inside, located, replace_nodes
from .forms import straight_quotes
from .header import agreement_header
from .matcher import matcher_for
from .term_nodes import linked_text, make_term_reference, term_definition, term_use

if TYPE_CHECKING:
    from .critique import WordCritic
    from .definitions import DefinedTerm

__all__ = ["NOT_RUNNING_TEXT", "TermScanner", "link_use_roles"]

#: Subtrees that are not running text: no term is linked (or counted) there
#: and no check looks there.
NOT_RUNNING_TEXT = (
    nodes.title, nodes.subtitle, nodes.rubric, nodes.FixedTextElement, nodes.literal,
    nodes.reference, nodes.target, nodes.raw, nodes.comment, nodes.system_message,
    nodes.problematic, nodes.substitution_definition, nodes.math, nodes.image,
    nodes.citation_reference, nodes.footnote_reference, addnodes.pending_xref,
    addnodes.toctree, addnodes.desc_signature, agreement_header, defined_terms_block,
    term_definition, term_use, clause_reference,
)


class TermScanner:
    """Scan each text node of the running text once with the agreement's
    matcher: count every use, link the uses that ``agreement_link_terms``
    asks for, and run the text checks (with the line where each text node
    starts, counted on the way)."""

    def __init__(self, terms: list[DefinedTerm], mode: str) -> None:
        self.by_term = {term.term: term for term in terms}
        # The first definition of a form owns it: the pairs in reverse, so
        # that it is the one left.
        self.matcher = matcher_for({form: term.term for term in reversed(terms)
                                    for form in term.forms})
        self.mode = mode if mode in ("all", "first", "none") else "all"
        self.linked: set[tuple[str | None, str]] = set()
        #: (term, clause) of every use noted (see `DefinedTerm.note_use`).
        self.used: set[tuple[str, str]] = set()
        #: The block being scanned, and the line breaks of its text so far.
        self.block: nodes.Element | None = None
        self.breaks = 0
        #: The critique's word checks, when they are on.
        self.critic: WordCritic | None = None

    def scan(self, document: nodes.document) -> None:
        self.visit(document, None, in_summary=False)

    def visit(self, element: nodes.Element, clause: str | None, in_summary: bool) -> None:
        is_block = isinstance(element, nodes.TextElement) and not isinstance(element, nodes.Inline)
        if is_block:
            outer = self.block, self.breaks
            self.block, self.breaks = element, 0
        _join_texts(element)
        children = element.children
        for index, child in enumerate(children):
            if isinstance(child, nodes.Text):
                linked = self.text(child, clause, in_summary)
                if linked is not None:
                    # In place: the list keeps its length while it is walked.
                    element.setup_child(linked)
                    children[index] = linked
                self.breaks += child.count("\n")
            elif isinstance(child, NOT_RUNNING_TEXT):
                self.breaks += child.astext().count("\n")
            elif isinstance(child, nodes.Element):
                self.visit(child, child.get("clause_number") or clause,
                           in_summary or isinstance(child, summary_block))
        if is_block:
            self.block, self.breaks = outer

    def text(self, node: nodes.Text, clause: str | None, in_summary: bool) -> linked_text | None:
        """Check the text of `node` and find its uses; the linked text that
        replaces it, if it has links."""
        text = str(node)
        self.check(node, text, clause)
        # A summary is not legal text: its words are neither uses nor links.
        if in_summary:
            return None
        links: list[int | str] = []
        for start, end, name in self.matcher.finditer(text):
            term = self.by_term[name]
            term.note_use(clause, self.used)
            if self.mode != "all":
                if self.mode == "none" or (clause, name) in self.linked:
                    continue
                self.linked.add((clause, name))
            links += (start, end, term.id, term.sentence)
        if not links:
            return None
        return linked_text("", text, links=tuple(links))

    def check(self, node: nodes.Text, text: str, clause: str | None = None) -> None:
        """The text checks of `node`, placed at its own lines."""
        block = self.block
        line: int | None
        fallback: nodes.Node
        if block is not None and block.line:
            source, line, fallback = block.source, block.line + self.breaks, node.parent
        else:
            anchor = located(node)
            source, line, fallback = anchor.source, getattr(anchor, "line", None), anchor
        check_text(text, source, line, fallback)
        if self.critic is not None:
            self.critic.check(text, source, line, fallback, clause)


def _join_texts(element: nodes.Element) -> None:
    """Join each run of plain text nodes among the children of `element`
    into one: MyST gives each line of a paragraph a text node of its own
    (and the line break another), and a term split over two lines must
    match as in reST, where the paragraph is one text node. The children
    are rebuilt once, whatever the number of runs."""
    children = element.children
    if not any(type(a) is nodes.Text and type(b) is nodes.Text
               for a, b in itertools.pairwise(children)):
        return
    joined: list[nodes.Node] = []
    run: list[nodes.Text] = []

    def end_run() -> None:
        if len(run) == 1:
            joined.append(run[0])
        elif run:
            text = nodes.Text("".join(run))
            text.parent = element
            joined.append(text)
        run.clear()

    for child in children:
        if type(child) is nodes.Text:
            run.append(child)
        else:
            end_run()
            joined.append(child)
    end_run()
    element.children[:] = joined


def link_use_roles(terms: list[DefinedTerm], uses: list[term_use], docname: str,
                   used: set[tuple[str, str]]) -> None:
    """Link each `use` role of an agreement to its term's definition there."""
    if not uses:
        return
    by_form = {straight_quotes(form): term for term in reversed(terms) for form in term.forms}
    replacements: list[tuple[nodes.Node, tuple[nodes.Node, ...]]] = []
    for node in uses:
        # The role's cross-reference is replaced: it is resolved here.
        xref = node.parent
        term = by_form.get(straight_quotes(node["term"]))
        if term is None:
            warn("undefined-term", __("use: the agreement does not define {term}").format(
                term=repr(node["term"])), node)
            replacements.append((xref, (nodes.inline(node.rawsource, node.astext()),)))
            continue
        term.note_use(enclosing_clause(node), used)
        if is_inside(node, HEADINGS):
            # Headings are not linked (the markup contract), and a link in a
            # title would be copied into the table of contents, where Sphinx
            # expects every reference to be its own.
            replacements.append((xref, (nodes.inline(node.rawsource, node.astext()),)))
            continue
        replacements.append((xref, (make_term_reference(
            term.id, term.sentence, node.astext(), docname, docname),)))
    replace_nodes(replacements)
