"""The `defined-terms` directive: the agreement's index of definitions --
each term (alphabetical), the clause that defines it and the clauses that
use it, all linked."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.docutils import SphinxDirective

from foundation.tables import make_table

from .blocks import BLOCK_OPTIONS, html_depart_div, html_visit_div
from .term_nodes import make_term_reference

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from .records import ClauseRecord, TermRecord

_ = get_translation("agreement")

__all__ = ["DefinedTermsDirective", "build_index", "defined_terms_block",
           "setup_defined_terms"]


class defined_terms_block(nodes.container):  # noqa: N801 - docutils' node naming
    """``<div class="defined-terms">``: the index of definitions, filled in
    when the document's terms and their uses are known."""


class DefinedTermsDirective(SphinxDirective):
    """The agreement's index of definitions."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = BLOCK_OPTIONS

    def run(self) -> list[nodes.Node]:
        node = defined_terms_block(classes=["defined-terms", *self.options.get("class", [])])
        self.set_source_info(node)
        self.add_name(node)
        return [node]


def build_index(records: list[TermRecord], clauses: list[ClauseRecord],
                docname: str) -> nodes.table:
    """A table of `records` (the agreement's terms) by term: the term (linked
    to its definition), the clause that defines it and the clauses that use
    it (linked)."""
    by_number = {clause["number"]: clause for clause in clauses}

    def clause_link(number: str | None) -> nodes.Node:
        if number is None or number not in by_number:
            return nodes.Text(str(_("preamble")))
        return nodes.reference("", number, internal=True, refid=by_number[number]["anchor"])

    rows: list[list[list[nodes.Node]]] = []
    for record in sorted(records, key=lambda r: (r["term"].casefold(), r["term"])):
        uses: list[nodes.Node] = []
        for number in record["used_in"]:
            if uses:
                uses.append(nodes.Text(str(_(", "))))
            uses.append(clause_link(number))
        term: nodes.Node = make_term_reference(record["id"], record["sentence"], record["term"],
                                               docname, docname)
        rows.append([[term], [clause_link(record["clause"])], uses or [nodes.Text("\u2014")]])
    return make_table([str(_("Term")), str(_("Defined in")), str(_("Used in"))], rows,
                      classes=["defined-terms-table"], widths=[40, 20, 40])


def setup_defined_terms(app: Sphinx) -> None:
    app.add_node(defined_terms_block, html=(html_visit_div, html_depart_div))
    app.add_directive("defined-terms", DefinedTermsDirective)
