"""Block directives used inside an agreement: `conspicuous`, `summary` and
`defined-terms` (the index of definitions, built by `build_index`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .terms import make_term_reference

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec


class conspicuous_block(nodes.container):
    """``<div class="conspicuous">``: text the law wants conspicuous."""


class summary_block(nodes.container):
    """``<aside class="clause-summary">``: a plain-language summary of the
    clause it sits in; not part of the legal text (nor of the JSON text)."""


class defined_terms_block(nodes.container):
    """``<div class="defined-terms">``: the index of definitions, filled in
    when the document's terms and their uses are known."""


#: The options every block takes, as docutils' own admonitions do. A
#: directive without options would read a mistyped option (``:caps: yes``)
#: as its first line of content, silently; with these, docutils and MyST
#: report it as an unknown option, with its line.
BLOCK_OPTIONS: OptionSpec = {"class": directives.class_option, "name": directives.unchanged}

#: Classes of the two lines that open a summary box (left out of the
#: summary text in the JSON export).
SUMMARY_CHROME = ("clause-summary-title", "clause-summary-note")


def html_visit_div(self: Any, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div", ""))


def html_depart_div(self: Any, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def html_visit_aside(self: Any, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "aside", "", **{"aria-label": "In short"}))


def html_depart_aside(self: Any, node: nodes.Element) -> None:
    self.body.append("</aside>\n")


class ConspicuousDirective(SphinxDirective):
    """Bold and set apart, in the author's own letter case."""

    has_content = True
    option_spec: ClassVar[OptionSpec] = BLOCK_OPTIONS

    def run(self) -> list[nodes.Node]:
        # An empty box is a mistake: docutils (or MyST) reports it, with its line.
        self.assert_has_content()
        node = conspicuous_block(classes=["conspicuous", *self.options.get("class", [])])
        self.set_source_info(node)
        self.add_name(node)
        node.extend(self.parse_content_to_nodes())
        return [node]


class SummaryDirective(SphinxDirective):
    """An "In short" box."""

    has_content = True
    option_spec: ClassVar[OptionSpec] = BLOCK_OPTIONS

    def run(self) -> list[nodes.Node]:
        self.assert_has_content()
        node = summary_block(classes=["clause-summary", *self.options.get("class", [])])
        self.set_source_info(node)
        self.add_name(node)
        node += nodes.paragraph("", "In short", classes=[SUMMARY_CHROME[0]])
        note = "A plain-language summary, not part of the legal text."
        node += nodes.paragraph("", note, classes=[SUMMARY_CHROME[1]])
        node.extend(self.parse_content_to_nodes())
        return [node]


class DefinedTermsDirective(SphinxDirective):
    """The agreement's index of definitions."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = BLOCK_OPTIONS

    def run(self) -> list[nodes.Node]:
        node = defined_terms_block(classes=["defined-terms", *self.options.get("class", [])])
        self.set_source_info(node)
        self.add_name(node)
        return [node]


def build_index(
    records: list[dict[str, Any]], clauses: list[dict[str, Any]], docname: str
) -> nodes.table:
    """A table of `records` (the agreement's terms) by term: the term (linked
    to its definition), the clause that defines it and the clauses that use
    it (linked)."""
    by_number = {clause["number"]: clause for clause in clauses}

    def clause_link(number: str | None) -> nodes.Node:
        if number is None or number not in by_number:
            return nodes.Text("preamble")
        return nodes.reference("", number, internal=True, refid=by_number[number]["anchor"])

    def cell(*children: nodes.Node) -> nodes.entry:
        return nodes.entry("", nodes.paragraph("", "", *children))

    def row(*cells: nodes.entry) -> nodes.row:
        return nodes.row("", *cells)

    table = nodes.table(classes=["defined-terms-table"])
    group = nodes.tgroup(cols=3)
    table += group
    for width in (40, 20, 40):
        group += nodes.colspec(colwidth=width)
    group += nodes.thead("", row(*(cell(nodes.Text(name))
                                   for name in ("Term", "Defined in", "Used in"))))
    body = nodes.tbody()
    group += body
    for record in sorted(records, key=lambda r: (r["term"].casefold(), r["term"])):
        uses: list[nodes.Node] = []
        for number in record["used_in"]:
            if uses:
                uses.append(nodes.Text(", "))
            uses.append(clause_link(number))
        body += row(
            cell(make_term_reference(record, record["term"], docname, docname)),
            cell(clause_link(record["clause"])),
            cell(*(uses or [nodes.Text("\u2014")])),
        )
    return table


def setup_blocks(app: Sphinx) -> None:
    app.add_node(conspicuous_block, html=(html_visit_div, html_depart_div))
    app.add_node(summary_block, html=(html_visit_aside, html_depart_aside))
    app.add_node(defined_terms_block, html=(html_visit_div, html_depart_div))
    app.add_directive("conspicuous", ConspicuousDirective)
    app.add_directive("summary", SummaryDirective)
    app.add_directive("defined-terms", DefinedTermsDirective)
