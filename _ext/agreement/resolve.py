"""The write-time pass (``doctree-resolved``), once Sphinx has resolved the
cross-references (`clause`, `use`): the header's facts, notices and links,
the tables of versions, the plain form of linked text for formats other
than HTML, the clauses' titles as shown, then the JSON export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .archive import render_version_tables, versions_table
from .clause_refs import clause_reference
from .critique import critique_resolved
from .doctree import collect
from .export import write_export
from .header import agreement_header, render_header
from .numbering import refresh_clause_title
from .reading import measured_once
from .report import fill_reports
from .term_nodes import expand_linked_text, linked_text

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

__all__ = ["setup_resolve"]


def resolve_agreement_nodes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    html = app.builder.format == "html"
    found = collect(doctree, (agreement_header, clause_reference, versions_table)
                    + (() if html else (linked_text,)))
    if not html:
        expand_linked_text(found[linked_text])
    render_header(app, found[agreement_header])
    render_version_tables(app, found[versions_table])
    references = found[clause_reference]
    for node in references:
        # A clause's title is its heading as shown, with the text that a
        # `clause` role in it has now.
        refresh_clause_title(node)
    # The export, the critique's figures and the reports: of the text as
    # written out, each clause measured once.
    with measured_once():
        write_export(app, doctree, docname, references)
        critique_resolved(app, doctree, docname)
        fill_reports(app, doctree, docname)


def setup_resolve(app: Sphinx) -> None:
    app.connect("doctree-resolved", resolve_agreement_nodes)
