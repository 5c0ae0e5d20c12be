"""The records of the `briefing` domain: plain, picklable data, keyed by
docname in the domain."""

from __future__ import annotations

from typing import TypedDict

__all__ = ["TechnologyRecord"]


class TechnologyRecord(TypedDict):
    """A technology card, as the catalogue and the `tech` role need it."""

    id: str
    title: str
    area: str  # a key of briefing_areas, or "" (none or unknown)
    stage: str  # a key of briefing_stages, or ""
    anchor: str  # the card's id in its page
    docname: str
    line: int
    listed: bool  # False for `:catalogue: no` (shown, linkable, not in tables)
