"""The read-time pass over a document.

It runs as a transform after parsing (after smart quotes, before Sphinx
collects the domains' data and the table of contents), so that clause
numbers show in every table of contents, and so that everything that only
depends on the document itself -- numbers, term ids, defining sentences,
uses, automatic links, the index of definitions, the checks -- is done once,
in the reading process, and stored in the pickled doctree. What other
documents need is handed to the domain (``process_doc``) as one record.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from .blocks import build_index, defined_terms_block, summary_block
from .blocktext import BlockText, assign_exact_lines
from .checks import check_text
from .clauses import ClauseCatalog, clause_reference, number_clauses, resolve_clause_references
from .common import (
    HEADINGS,
    collect,
    enclosing_block,
    enclosing_clause,
    is_inside,
    located,
    normalize_space,
    replace_nodes,
    role_problem,
    warn,
)
from .header import agreement_header
from .terms import (
    linked_text,
    make_term_reference,
    matcher_for,
    straight_quotes,
    term_definition,
    term_forms,
    slugify,
    term_use,
)

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

#: The key under which the pass hands its record to the domain.
RECORD_KEY = "agreement:record"

_FOUND = (agreement_header, term_definition, term_use, clause_reference, role_problem,
          defined_terms_block)


class AgreementReader(SphinxTransform):
    """Number the clauses, collect and link the terms, run the checks."""

    # After SphinxSmartQuotes (750); before SphinxDomains (850, which calls
    # the domains' process_doc) and DoctreeReadEvent (880, the toc).
    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        document = self.document
        found = collect(document, _FOUND)
        self.place_role_nodes(found)
        headers = found[agreement_header]
        record: dict[str, Any] = {"dependencies": _dependencies(found)}
        self.env.current_document[RECORD_KEY] = record
        if not headers:
            self.outside_agreement(found)
            return
        header = headers[0]
        for extra in headers[1:]:
            warn("duplicate-agreement", "agreement: a document holds one agreement; this second "
                 f"agreement directive is ignored (the first is at line {header.line})", extra)
            extra.parent.remove(extra)

        title_section = next((child for child in document.children
                              if isinstance(child, nodes.section)), None)
        docname = self.env.docname
        title = docname
        clauses: list[dict[str, Any]] = []
        if title_section is None:
            warn("missing-title", "agreement: the document has no title", header)
        else:
            if title_section.children and isinstance(title_section[0], nodes.title):
                title = normalize_space(title_section[0].astext()) or docname
            if header.parent is not title_section:
                warn("misplaced-agreement", "agreement: place the directive right after the "
                     "document's title", header)
            clauses = number_clauses(document, title_section)

        # Same-document clause references get their text now, so that the
        # defining sentences read "Section 4"; the rest waits for the write.
        if found[clause_reference]:
            resolve_clause_references(ClauseCatalog({docname: clauses}, {docname: title}),
                                      document, docname, None, provisional=True,
                                      references=found[clause_reference])
        terms = self.collect_definitions(found[term_definition])
        scanner = TermScanner(terms, self.config.agreement_link_terms)
        scanner.scan(document)
        self.resolve_uses(terms, found[term_use], scanner.used)
        for term in terms:
            if not term["uses"]:
                warn("unused-term", f"the term {term['term']!r} is defined but never used "
                     "elsewhere in its agreement", term["node"])
        order = {clause["number"]: position for position, clause in enumerate(clauses)}
        for term in terms:
            # A tuple in the record, kept to the end of the build: a tuple of
            # strings is one object the garbage collector stops tracking.
            term["used_in"] = tuple(sorted(term["used_in"], key=order.__getitem__))
        for index in found[defined_terms_block]:
            index += build_index(terms, clauses, docname)

        record["agreement"] = {
            "title": title,
            **{key: header.get(key) for key in ("provider", "last_updated", "governing_law",
                                                "source", "previous")},
            "line": header.line,
        }
        record["clauses"] = clauses
        # Each term's own dict becomes its record, without what only this
        # pass needs: no second dict per term to allocate.
        for term in terms:
            del term["uses"], term["node"]
        record["terms"] = terms

    def place_role_nodes(self, found: dict[type, list[nodes.Node]]) -> None:
        """Give the roles' nodes their exact line, then emit the warnings
        the roles deferred until it was known."""
        classes = (term_definition, term_use, clause_reference, role_problem)
        assign_exact_lines(node for cls in classes for node in found[cls])
        for cls in classes:
            for node in found[cls]:
                for subtype, message in node.get("deferred_warnings", ()):
                    warn(subtype, message, node)
        replace_nodes((node, ()) for node in found[role_problem])

    def outside_agreement(self, found: dict[type, list[nodes.Node]]) -> None:
        for node in found[term_definition]:
            warn("outside-agreement", f"define {node['term']!r}: this document is not an "
                 "agreement (it has no agreement directive)", node)
        for node in found[defined_terms_block]:
            warn("outside-agreement", "defined-terms: this document is not an agreement "
                 "(it has no agreement directive)", node)
            node.parent.remove(node)

    def collect_definitions(self, definitions: list[nodes.Node]) -> list[dict[str, Any]]:
        """One record per defined term, in document order; a repeated
        definition (any form) warns and links to the first."""
        terms: list[dict[str, Any]] = []
        owner: dict[str, dict[str, Any]] = {}
        # Each block's text is read once, however many definitions it holds.
        texts: dict[int, BlockText] = {}
        ids = TermIds(self.document)
        for node in definitions:
            # A definition is inline: inside a heading, the heading is its
            # block (one walk up the tree for both questions).
            block = enclosing_block(node)
            if isinstance(block, HEADINGS):
                warn("define-in-heading", f"define {node['term']!r} in a heading: define terms "
                     "in the running text of a clause", node)
                node.replace_self(nodes.inline("", "", *node.full_children()))
                continue
            # Into the node's own (empty) list: no list more per definition.
            node["ids"].append(ids.new(node["term"]))
            self.document.ids[node["ids"][0]] = node
            forms = term_forms(node["term"])
            first = next((owner[form] for form in forms if form in owner), None)
            if first is not None:
                warn("duplicate-term", f"the term {node['term']!r} is already defined at line "
                     f"{first['node'].line} (as {first['term']!r})", node)
                continue
            if block is not None:
                text = texts.get(id(block))
                if text is None:
                    text = texts[id(block)] = BlockText(block)
                sentence = text.sentence_of(node)
            else:
                sentence = node.astext()
            # In the order of the domain's record; "uses" and "node" are
            # dropped at the end of the pass.
            term = {
                "term": node["term"], "id": node["ids"][0], "forms": forms,
                "clause": enclosing_clause(node), "sentence": sentence,
                "used_in": [], "line": node.line, "uses": 0, "node": node,
            }
            terms.append(term)
            for form in forms:
                owner.setdefault(form, term)
        return terms

    def resolve_uses(self, terms: list[dict[str, Any]], uses: list[nodes.Node],
                     used: set[tuple[str, str]]) -> None:
        """Link each `use` to its term's definition in this agreement."""
        if not uses:
            return
        by_form = {straight_quotes(form): term for term in reversed(terms)
                   for form in term["forms"]}
        docname = self.env.docname
        replacements: list[tuple[nodes.Node, tuple[nodes.Node, ...]]] = []
        for node in uses:
            term = by_form.get(straight_quotes(node["term"]))
            if term is None:
                warn("undefined-term", f"use: the agreement does not define {node['term']!r}",
                     node)
                replacements.append((node, (nodes.inline(node.rawsource, node.astext()),)))
                continue
            term["uses"] += 1
            note_use(term, enclosing_clause(node), used)
            if is_inside(node, HEADINGS):
                # Headings are not linked (the markup contract), and a link
                # in a title would be copied into the table of contents,
                # where Sphinx expects every reference to be its own.
                replacements.append((node, (nodes.inline(node.rawsource, node.astext()),)))
                continue
            replacements.append(
                (node, (make_term_reference(term, node.astext(), docname, docname),)))
        replace_nodes(replacements)


def note_use(term: dict[str, Any], clause: str | None, used: set[tuple[str, str]]) -> None:
    """Add `clause` to the clauses that use `term`, once: `used` holds the
    (term, clause) pairs noted, so that a term used in many clauses costs
    one lookup per use."""
    if clause and (term["term"], clause) not in used:
        used.add((term["term"], clause))
        term["used_in"].append(clause)


class TermIds:
    """The ids ``term-<slug>`` of a document's definitions, suffixed ``-2``,
    ``-3`` ... when taken. The last suffix of each slug is remembered, so
    that a slug defined many times does not cost more each time."""

    def __init__(self, document: nodes.document) -> None:
        self.document = document
        self.counters: dict[str, int] = {}

    def new(self, term: str) -> str:
        base = "term-" + slugify(term)
        counter = self.counters.get(base, 1)
        candidate = base if counter == 1 else f"{base}-{counter}"
        while candidate in self.document.ids:
            counter += 1
            candidate = f"{base}-{counter}"
        self.counters[base] = counter
        return candidate


def _dependencies(found: dict[type, list[nodes.Node]]) -> dict[str, list[str]]:
    """What of other documents this one shows: the clause labels it names,
    the terms it uses outside an agreement, its previous version."""
    labels = {label for node in found[clause_reference]
              for start, end, _ in node.get("items", ()) for label in (start, end) if label}
    terms = {node["term"] for node in found[term_use]}
    docs = {header["previous"] for header in found[agreement_header][:1] if header.get("previous")}
    return {"labels": sorted(labels), "terms": sorted(terms), "docs": sorted(docs)}


class TermScanner:
    """Scan each text node of the running text once with the agreement's
    matcher: count every use, link the uses that ``agreement_link_terms``
    asks for, and run the text checks (with the line where each text node
    starts, counted on the way)."""

    def __init__(self, terms: list[dict[str, Any]], mode: str) -> None:
        self.by_term = {term["term"]: term for term in terms}
        # The first definition of a form owns it: the pairs in reverse, so
        # that it is the one left.
        self.matcher = matcher_for({form: term["term"] for term in reversed(terms)
                                    for form in term["forms"]})
        self.mode = mode if mode in ("all", "first", "none") else "all"
        self.linked: set[tuple[str | None, str]] = set()
        #: (term, clause) of every use noted so far (see `note_use`).
        self.used: set[tuple[str, str]] = set()
        #: The block being scanned, and the line breaks of its text so far.
        self.block: nodes.Element | None = None
        self.breaks = 0

    def scan(self, document: nodes.document) -> None:
        self.visit(document, None, in_summary=False)

    def visit(self, element: nodes.Element, clause: str | None, in_summary: bool) -> None:
        is_block = isinstance(element, nodes.TextElement) and not isinstance(element, nodes.Inline)
        if is_block:
            outer = self.block, self.breaks
            self.block, self.breaks = element, 0
        _join_texts(element)
        # A text node is replaced in place: the list keeps its length.
        for child in element.children:
            if isinstance(child, nodes.Text):
                self.text(child, clause, in_summary)
                self.breaks += child.count("\n")
            elif isinstance(child, NOT_RUNNING_TEXT):
                self.breaks += child.astext().count("\n")
            else:
                self.visit(child, child.attributes.get("clause_number") or clause,
                           in_summary or isinstance(child, summary_block))
        if is_block:
            self.block, self.breaks = outer

    def text(self, node: nodes.Text, clause: str | None, in_summary: bool) -> None:
        text = str(node)
        self.check(node, text)
        # A summary is not legal text: its words are neither uses nor links.
        if in_summary:
            return
        links = []
        for start, end, name in self.matcher.finditer(text):
            term = self.by_term[name]
            term["uses"] += 1
            note_use(term, clause, self.used)
            if self.mode != "all":
                if self.mode == "none" or (clause, name) in self.linked:
                    continue
                self.linked.add((clause, name))
            links += (start, end, term["id"], term["sentence"])
        if links:
            if type(node) is nodes.Text:
                # The node becomes linked text in place: the same text, and
                # no second node per paragraph for the garbage collector.
                node.__class__ = linked_text
                node.links = tuple(links)
            else:
                linked = linked_text(text)
                linked.links = tuple(links)
                node.parent.replace(node, linked)

    def check(self, node: nodes.Text, text: str) -> None:
        """The text checks of `node`, placed at its own lines."""
        block = self.block
        if block is not None and block.line:
            check_text(text, block.source, block.line + self.breaks, node.parent)
        else:
            anchor = located(node)
            check_text(text, anchor.source, getattr(anchor, "line", None), anchor)


def _join_texts(element: nodes.Element) -> None:
    """Join each run of plain text nodes among the children of `element`
    into one: MyST gives each line of a paragraph a text node of its own
    (and the line break another), and a term split over two lines must
    match as in reST, where the paragraph is one text node. The children
    are rebuilt once, whatever the number of runs."""
    children = element.children
    if not any(type(a) is nodes.Text and type(b) is nodes.Text
               for a, b in zip(children, children[1:])):
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


def setup_reader(app: Sphinx) -> None:
    app.add_transform(AgreementReader)
