"""Incremental builds: which documents to read or write again because an
agreement they show changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from foundation.dates import build_date

from .domain import agreement_domain

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .records import Dependencies

__all__ = ["setup_freshness"]


def outdated_dependents(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: the documents to re-read because an agreement
    they depend on (its clause numbers, terms or title) changes -- judged
    on the data of the last build, before the changed documents are read.
    A document with a reference that resolved nowhere is re-read whenever
    any document is added, changed or removed."""
    domain = agreement_domain(env)
    touched = set(changed) | set(removed)
    if not (touched or added):
        return []
    catalog = domain.clause_catalog()
    term_owner: dict[str, str] = {}
    for docname in sorted(domain.terms):
        for record in domain.terms[docname]:
            for form in record["forms"]:
                term_owner.setdefault(form, docname)
    # An agreement's predecessor shows a "superseded by" link to it.
    successors: dict[str, set[str]] = {}
    for docname, meta in domain.agreements.items():
        if meta.get("previous"):
            successors.setdefault(str(meta["previous"]), set()).add(docname)
    outdated = set()
    nothing: Dependencies = {"labels": [], "terms": [], "docs": []}
    for docname in sorted(set(domain.dependencies) | set(successors)):
        if docname in touched or docname in added:
            continue
        deps = domain.dependencies.get(docname, nothing)
        owners = set(deps["docs"]) | successors.get(docname, set())
        unresolved = False
        for label in deps["labels"]:
            place = catalog.index.get(label)
            unresolved |= place is None
            if place is not None:
                owners.add(place[0])
        for term in deps["terms"]:
            unresolved |= term not in term_owner
            if term in term_owner:
                owners.add(term_owner[term])
        if owners & touched or unresolved:
            outdated.add(docname)
    return sorted(outdated)


class _ReadDocs:
    """The documents read in this build (not persisted)."""

    def __init__(self) -> None:
        self.docnames: set[str] = set()
        self.known: set[str] = set()

    def outdated(self, app: Sphinx, env: BuildEnvironment, added: Set[str],
                 changed: Set[str], removed: Set[str]) -> list[str]:
        """``env-get-outdated``: the agreements of the last build, before this
        one removes any (nothing to read again)."""
        self.known = set(agreement_domain(env).agreements)
        return []

    def before_read(self, app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
        self.docnames = set(docnames)

    def updated(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """``env-get-updated``: the pages whose versions' status, notices and
        tables may have changed, to write again: every version of a chain
        that a version read in this build belongs (or belonged) to, and every
        `agreement-versions` table when any agreement was read or removed;
        all of them when the build date moved since the last build (a
        version may have taken effect)."""
        domain = agreement_domain(env)
        today = build_date().isoformat()
        moved = domain.data.get("build_date") != today
        domain.data["build_date"] = today
        agreements = domain.agreements
        read = {doc for doc in self.docnames if doc in agreements}
        removed = self.known - set(agreements)
        self.known = set(agreements)
        pages: set[str] = set()
        if moved or read or removed:
            pages.update(domain.version_tables)
        for docname in sorted(agreements):
            chain = domain.version_chain(docname)
            previous = {str(agreements[doc]["previous"]) for doc in chain}
            if moved or read & set(chain) or removed & previous:
                pages.update(chain)
        return sorted(pages - self.docnames)


def setup_freshness(app: Sphinx) -> None:
    app.connect("env-get-outdated", outdated_dependents)
    read_docs = _ReadDocs()
    app.connect("env-get-outdated", read_docs.outdated)
    app.connect("env-before-read-docs", read_docs.before_read)
    app.connect("env-get-updated", read_docs.updated)
