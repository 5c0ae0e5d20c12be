"""Cross-document data of the agreements, kept as plain picklable data keyed
by docname in a Domain, and the bookkeeping that keeps dependent pages fresh
on incremental builds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.domains import Domain

from .clauses import ClauseCatalog
from .reader import RECORD_KEY

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_KEYS = ("agreements", "clauses", "terms", "dependencies")


class AgreementDomain(Domain):
    """What other documents need to know about each agreement.

    - ``agreements[docname]``: title, provider, last_updated, governing_law,
      source, previous (docname), line of the directive;
    - ``clauses[docname]``: the clause records in document order (number,
      label, labels {name: id}, title, anchor, depth, line);
    - ``terms[docname]``: the defined terms in document order (term, id,
      forms, clause, sentence, used_in, line);
    - ``dependencies[docname]``: for any document, the clause labels and
      terms it names and the documents it links to, so that it is re-read
      when they change.
    """

    name = "agreement"
    label = "Agreement"
    initial_data: dict[str, Any] = {key: {} for key in _KEYS}  # Sphinx deep-copies it

    @property
    def agreements(self) -> dict[str, dict[str, Any]]:
        return self.data.setdefault("agreements", {})

    @property
    def clauses(self) -> dict[str, list[dict[str, Any]]]:
        return self.data.setdefault("clauses", {})

    @property
    def terms(self) -> dict[str, list[dict[str, Any]]]:
        return self.data.setdefault("terms", {})

    @property
    def dependencies(self) -> dict[str, dict[str, list[str]]]:
        return self.data.setdefault("dependencies", {})

    def clear_doc(self, docname: str) -> None:
        for key in _KEYS:
            self.data.setdefault(key, {}).pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in _KEYS:
            mine = self.data.setdefault(key, {})
            for docname in docnames:
                if docname in otherdata.get(key, {}):
                    mine[docname] = otherdata[key][docname]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        # The read-time pass (reader.py) has gathered the document's record
        # while it went over the doctree; store it.
        record = env.current_document.pop(RECORD_KEY, None) or {}
        if "agreement" in record:
            self.agreements[docname] = record["agreement"]
            self.clauses[docname] = record["clauses"]
            self.terms[docname] = record["terms"]
        dependencies = record.get("dependencies", {})
        if any(dependencies.values()):
            self.dependencies[docname] = dependencies

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        # Clauses and terms have their own roles (`clause`, `use`); the
        # `any` role finds nothing here.
        return []


def outdated_dependents(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: the documents to re-read because an agreement
    they depend on (its clause numbers, terms or title) changes -- judged
    on the data of the last build, before the changed documents are read.
    A document with a reference that resolved nowhere is re-read whenever
    any document is added, changed or removed."""
    domain: AgreementDomain = env.get_domain("agreement")  # type: ignore[assignment]
    touched = set(changed) | set(removed)
    if not (touched or added):
        return []
    catalog = ClauseCatalog.from_env(env)
    term_owner: dict[str, str] = {}
    for docname in sorted(domain.terms):
        for record in domain.terms[docname]:
            for form in record["forms"]:
                term_owner.setdefault(form, docname)
    # An agreement's predecessor shows a "superseded by" link to it.
    successors: dict[str, set[str]] = {}
    for docname, meta in domain.agreements.items():
        if meta.get("previous"):
            successors.setdefault(meta["previous"], set()).add(docname)
    outdated = set()
    for docname in sorted(set(domain.dependencies) | set(successors)):
        if docname in touched or docname in added:
            continue
        deps = domain.dependencies.get(docname, {"labels": [], "terms": [], "docs": []})
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

    def before_read(self, app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
        self.docnames = set(docnames)

    def updated(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """``env-get-updated``: an agreement read in this build that now names
        a `previous` version makes that version's page (its "superseded by"
        line) worth writing again."""
        domain: AgreementDomain = env.get_domain("agreement")  # type: ignore[assignment]
        return sorted({
            meta["previous"] for docname, meta in domain.agreements.items()
            if docname in self.docnames and meta.get("previous") in domain.agreements
            and meta["previous"] not in self.docnames
        })


def setup_domain(app: Sphinx) -> None:
    app.add_domain(AgreementDomain)
    app.connect("env-get-outdated", outdated_dependents)
    read_docs = _ReadDocs()
    app.connect("env-before-read-docs", read_docs.before_read)
    app.connect("env-get-updated", read_docs.updated)
