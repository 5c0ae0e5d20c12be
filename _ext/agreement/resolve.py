"""The write-time pass (``doctree-resolved``): what needs every document
read -- the header's links, `clause` references, `use` outside agreements --
then the JSON export, and last the full form of the definitions where the
format or a reader of the written tree needs it (the export reads them
compact)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.nodes import make_refnode

from .clauses import ClauseCatalog, clause_reference, resolve_clause_references
from .common import collect
from .export import write_export
from .header import agreement_header, render_header
from .terms import expand_definitions, resolve_uses, term_definition, term_use

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


#: The extension that reads the text of the written tree (the page's
#: description, in its ``html-page-context``), where a compact definition
#: would lose its quotes. HTML writes compact definitions itself, and the
#: search index takes the same words from them; so without this reader an
#: HTML build leaves them compact: two nodes fewer per definition, held
#: until the page is written and then left to the garbage collector.
_DESCRIBED_BY = "sphinxext.opengraph"


def resolve_agreement_nodes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    found = collect(doctree, (agreement_header, clause_reference, term_use, term_definition))
    render_header(app, found[agreement_header], docname)

    def make_link(todoc: str, anchor: str, text: str) -> nodes.reference:
        return make_refnode(app.builder, docname, todoc, anchor, nodes.Text(text))

    if found[clause_reference]:
        # The catalog indexes the clauses of every agreement: built only
        # for a page that refers to one.
        resolve_clause_references(ClauseCatalog.from_env(app.env), doctree, docname, make_link,
                                  references=found[clause_reference])
    resolve_uses(app, found[term_use], docname)
    write_export(app, doctree, docname, found[clause_reference])
    if app.builder.format != "html" or _DESCRIBED_BY in app.extensions:
        expand_definitions(found[term_definition], bold=app.builder.format != "html")


def resolve_toc_clause_references(app: Sphinx, env: BuildEnvironment) -> None:
    """Give the `clause` roles in the headings copied into the tables of
    contents their text ("Section 4 of ..."), as plain text: a reference
    to another agreement is only known once every document is read, after
    Sphinx copied the heading. Done once all are read, before any page is
    written (so also for a parallel write)."""
    catalog = None
    for docname in sorted(env.tocs):
        references = list(env.tocs[docname].findall(clause_reference))
        if references:
            catalog = catalog or ClauseCatalog.from_env(env)
            resolve_clause_references(catalog, env.tocs[docname], docname, None,
                                      provisional=True, references=references)


def setup_resolve(app: Sphinx) -> None:
    app.connect("env-updated", resolve_toc_clause_references)
    app.connect("doctree-resolved", resolve_agreement_nodes)
