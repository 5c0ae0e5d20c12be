"""The warnings of the `briefing` extension: its one ``type``, every subtype
with when it is emitted, and `warn`, the one way to emit them.

``suppress_warnings = ["briefing.<subtype>"]`` silences one subtype. The
guide (source/guide/briefings.md) documents every entry of the table, and
a test keeps the two in step.
"""

from __future__ import annotations

from typing import Final, Literal

from foundation.diagnostics import Location, WarningRegistry

__all__ = ["SUBTYPES", "WARNING_TYPE", "BriefingWarning", "warn"]

WARNING_TYPE: Final = "briefing"

BriefingWarning = Literal[
    "unknown-area", "unknown-stage", "duplicate-id", "unknown-tech", "unsourced-metric",
    "bad-row", "bad-date", "bad-url", "unknown-disclaimer", "missing-option", "bad-option",
    "bad-ranking",
]

#: subtype -> when it is emitted.
SUBTYPES: Final[dict[BriefingWarning, str]] = {
    # Named by the markup contract.
    "unknown-area": "an `area` option that is not a key of briefing_areas",
    "unknown-stage": "a `stage` option or role text that is not a key of briefing_stages",
    "duplicate-id": "two technologies share an id",
    "unknown-tech": "the `tech` role names no technology",
    "unsourced-metric": "a metric with no `source` and no citation in its body",
    "bad-row": "a ranking row whose value is not a number or whose column count is wrong",
    "bad-date": "a timeline item that does not start with a valid date",
    "bad-url": "a `link` that is not an http:, https: or mailto: URL, nor a relative one",
    "unknown-disclaimer": "`disclaimer` names no configured disclaimer, or its file is missing",
    # Added by this extension (the markup contract leaves extra warnings open).
    "missing-option": "a required argument or option is missing or empty",
    "bad-option": "an option value of the wrong form (year, value column, name column, "
    "highlight)",
    "bad-ranking": "a ranking without usable CSV data (missing file, bad CSV, empty body)",
}

_REGISTRY = WarningRegistry(WARNING_TYPE, SUBTYPES, __name__)


def warn(subtype: BriefingWarning, message: str, location: Location) -> None:
    """Log a briefing warning of `subtype` at `location`: a node, a
    ``(docname, line)`` pair or ``"path:line"``."""
    _REGISTRY.warn(subtype, message, location)
