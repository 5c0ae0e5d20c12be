"""The copies of headings in Sphinx's tables of contents (an adapter).

Sphinx copies each heading into ``env.tocs`` when it reads a document;
every table of contents (the page's, the sidebar's, a toctree's) is built
from those copies. A `clause` role in a heading that names another
agreement only gets its text ("Section 4 of ...") once every document is
read, after the copy was made, and Sphinx has no public hook to give a
copy its final text: `resolve_toc_clause_references` sets it in
``env.tocs`` itself, once all documents are read and before any page is
written (so also for a parallel write). ``tests/site/test_adapters.py`` fails
loudly if a release of Sphinx stops keeping the copies there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .clause_refs import clause_reference, resolve_clause_references
from .domain import agreement_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["resolve_toc_clause_references", "setup_toc_copies"]


def resolve_toc_clause_references(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the `clause` roles in the copies of the headings get
    their text, as plain text."""
    catalog = agreement_domain(env).clause_catalog()
    for docname in sorted(env.tocs):
        references = list(env.tocs[docname].findall(clause_reference))
        if references:
            resolve_clause_references(catalog, references, docname)


def setup_toc_copies(app: Sphinx) -> None:
    app.connect("env-updated", resolve_toc_clause_references)
