"""The records of the `briefing` domain: plain, picklable data, keyed by
docname in the domain."""

from __future__ import annotations

from typing import Literal, TypedDict

__all__ = ["FigureRecord", "SourceRecord", "TechnologyRecord"]


class TechnologyRecord(TypedDict):
    """A technology card, as the catalogue and the `tech` role need it."""

    id: str
    title: str
    area: str  # a key of briefing_areas, or "" (none or unknown)
    stages: list[str]  # keys of briefing_stages, in the order given (none or unknown: [])
    anchor: str  # the card's id in its page
    docname: str
    line: int
    listed: bool  # False for `:catalogue: no` (shown, linkable, not in tables)


class SourceRecord(TypedDict):
    """A source note of a figure: a footnote of its page."""

    key: str  # the bibliography key ("" for a footnote that no key made)
    text: str  # the note as the page prints it (the whole bibliography entry)
    anchor: str  # the note's id in the figure's page


class FigureRecord(TypedDict):
    """A `metric` or a `ranking`, as the `figures` register shows it."""

    kind: Literal["metric", "ranking"]
    figure: str  # a metric's figure; a ranking's highlighted name and value, or ""
    label: str  # a metric's label; a ranking's caption
    rows: int  # a ranking's rows (0 for a metric)
    as_of: str  # ISO date (YYYY, YYYY-MM, YYYY-MM-DD) or ""
    sources: list[SourceRecord]  # in the order of their notes
    area: str  # the area of the technology card it sits in, or ""
    tech: str  # the id of that card, or ""
    anchor: str  # its id in its page ("" when that id was taken)
    docname: str
    line: int
