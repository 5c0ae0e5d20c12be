"""The write-time pass (``doctree-resolved``): what needs every document
read -- the header's links, `clause` references, `use` outside agreements
-- then the JSON export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.nodes import make_refnode

from .clause_refs import ClauseCatalog, clause_reference, resolve_clause_references
from .doctree import collect
from .export import write_export
from .header import agreement_header, render_header
from .term_nodes import expand_linked_text, linked_text, term_use
from .term_roles import resolve_uses

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["setup_resolve"]


def resolve_agreement_nodes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    html = app.builder.format == "html"
    found = collect(doctree, (agreement_header, clause_reference, term_use)
                    + (() if html else (linked_text,)))
    if not html:
        expand_linked_text(found[linked_text])
    render_header(app, found[agreement_header], docname)

    def make_link(todoc: str, anchor: str, text: str) -> nodes.Node:
        return make_refnode(app.builder, docname, todoc, anchor, nodes.Text(text))

    references = found[clause_reference]
    if references:
        # The catalog indexes the clauses of every agreement: built only
        # for a page that refers to one.
        resolve_clause_references(ClauseCatalog.from_env(app.env), doctree, docname, make_link,
                                  references=references)
    resolve_uses(app, found[term_use], docname)
    write_export(app, doctree, docname, references)


def setup_resolve(app: Sphinx) -> None:
    app.connect("doctree-resolved", resolve_agreement_nodes)
