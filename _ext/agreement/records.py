"""The records of the `agreement` domain and the JSON export, in the shape
of ``agreement.schema.json``: plain, picklable data."""

from __future__ import annotations

from typing import Literal, TypedDict

#: Where a version stands on the build date.
Status = Literal["current", "superseded", "upcoming"]

__all__ = ["AgreementExport", "AgreementRecord", "ClauseExport", "ClauseRecord",
           "DefinitionExport", "Dependencies", "ReadingExport", "ReferenceExport", "Status",
           "TermRecord"]


class AgreementRecord(TypedDict):
    """An agreement's header, as the other documents need it."""

    title: str
    provider: str | None
    last_updated: str | None  # YYYY-MM-DD
    governing_law: str | None
    source: str | None
    previous: str | None  # docname
    effective: str | None  # YYYY-MM-DD: the `effective` option, else last_updated
    effective_given: bool  # whether the author gave `effective`
    label_prefix: str | None
    line: int | None  # of the `agreement` directive


class ClauseRecord(TypedDict):
    """A clause (numbered section) of an agreement, in document order."""

    number: str  # "4", "4.2", "4.2.1"
    label: str | None  # the first explicit target
    labels: dict[str, str]  # every explicit target -> the id it points at
    title: str  # without the number
    anchor: str  # the section's id: its label without the version's label-prefix
    depth: int  # 1 for a top-level clause
    line: int | None


class TermRecord(TypedDict):
    """A defined term of an agreement, in document order."""

    term: str
    id: str  # the definition's id, term-<slug>
    forms: tuple[str, ...]  # the term and its plural or singular
    clause: str | None  # the number of the defining clause
    sentence: str  # the defining sentence
    used_in: tuple[str, ...]  # numbers of the clauses that use it, in order
    line: int | None


class Dependencies(TypedDict):
    """What of other documents a document shows (for incremental builds)."""

    labels: list[str]  # clause labels its `clause` roles name
    terms: list[str]  # terms its `use` roles name
    docs: list[str]  # documents it links to (its previous version)


class ReadingExport(TypedDict):
    """How hard a clause's own text is to read (`reading.measure_clause`)."""

    words: int
    sentences: int
    longest_sentence: int  # in words
    grade: float  # Flesch-Kincaid, textstat's figure


class ClauseExport(TypedDict):
    number: str
    label: str | None
    anchor: str
    title: str
    text: str
    summary: str | None
    clauses: list[ClauseExport]
    reading: ReadingExport | None  # None in a build whose language is not English


class DefinitionExport(TypedDict):
    term: str
    id: str
    clause: str | None
    text: str
    used_in: list[str]


ReferenceExport = TypedDict("ReferenceExport", {"from": "str | None", "to": "list[str]"})


class AgreementExport(TypedDict):
    """``X.agreement.json``."""

    title: str
    provider: str | None
    last_updated: str | None
    governing_law: str | None
    source: str | None
    previous: str | None
    clauses: list[ClauseExport]
    definitions: list[DefinitionExport]
    references: list[ReferenceExport]
    effective: str | None
    status: Status
    changes: list[str]
    digest: str  # "sha256:<hex>"
