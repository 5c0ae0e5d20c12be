"""The agreements of the site, kept as plain picklable data keyed by
docname in a Domain. The read-time pass notes what each agreement holds
(``note_agreement``, ``note_dependencies``); everything else reads it
through `agreement_domain`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from sphinx.domains import Domain

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .records import AgreementRecord, ClauseRecord, Dependencies, TermRecord

__all__ = ["AgreementDomain", "agreement_domain", "setup_domain"]

_KEYS = ("agreements", "clauses", "terms", "dependencies")


class AgreementDomain(Domain):
    """What other documents need to know about each agreement."""

    name = "agreement"
    label = "Agreement"
    initial_data = {
        "agreements": {},  # docname -> AgreementRecord
        "clauses": {},  # docname -> [ClauseRecord, ...] in document order
        "terms": {},  # docname -> [TermRecord, ...] in document order
        # docname (any document) -> the Dependencies it shows, so that it is
        # re-read when they change
        "dependencies": {},
    }

    @property
    def agreements(self) -> dict[str, AgreementRecord]:
        return cast("dict[str, AgreementRecord]", self.data.setdefault("agreements", {}))

    @property
    def clauses(self) -> dict[str, list[ClauseRecord]]:
        return cast("dict[str, list[ClauseRecord]]", self.data.setdefault("clauses", {}))

    @property
    def terms(self) -> dict[str, list[TermRecord]]:
        return cast("dict[str, list[TermRecord]]", self.data.setdefault("terms", {}))

    @property
    def dependencies(self) -> dict[str, Dependencies]:
        return cast("dict[str, Dependencies]", self.data.setdefault("dependencies", {}))

    def note_agreement(self, docname: str, agreement: AgreementRecord,
                       clauses: list[ClauseRecord], terms: list[TermRecord]) -> None:
        self.agreements[docname] = agreement
        self.clauses[docname] = clauses
        self.terms[docname] = terms

    def note_dependencies(self, docname: str, dependencies: Dependencies) -> None:
        if any(dependencies.values()):
            self.dependencies[docname] = dependencies

    def successors(self, docname: str) -> list[str]:
        """The agreements whose `previous` names `docname`, sorted."""
        return sorted(doc for doc, meta in self.agreements.items()
                      if meta["previous"] == docname and doc != docname)

    def clear_doc(self, docname: str) -> None:
        for key in _KEYS:
            self.data.setdefault(key, {}).pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in _KEYS:
            mine = self.data.setdefault(key, {})
            for docname in docnames:
                if docname in otherdata.get(key, {}):
                    mine[docname] = otherdata[key][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        # Clauses and terms have their own roles (`clause`, `use`); the
        # `any` role finds nothing here.
        return []


def agreement_domain(env: BuildEnvironment) -> AgreementDomain:
    """The `agreement` domain of `env`, typed."""
    return cast("AgreementDomain", env.get_domain("agreement"))


def setup_domain(app: Sphinx) -> None:
    app.add_domain(AgreementDomain)
