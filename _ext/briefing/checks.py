"""The one warning type of the extension and its declared subtypes.

Every warning the extension emits goes through :func:`warn`, so that it carries
``type="briefing"``, one of :data:`SUBTYPES` and a location (file and line);
``suppress_warnings = ["briefing.<subtype>"]`` then works for each of them.
The guide (source/guide/briefings.md) documents every entry of this table.
"""

from __future__ import annotations

from typing import Any

from sphinx.util import logging

logger = logging.getLogger(__name__)

WARNING_TYPE = "briefing"

#: subtype -> when it is emitted (the guide's table repeats these).
SUBTYPES: dict[str, str] = {
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
    # Added by this extension (markup.md leaves extra warnings open).
    "missing-option": "a required argument or option is missing or empty",
    "bad-option": "an option value of the wrong form (year, value column, name column, "
    "highlight)",
    "bad-ranking": "a ranking without usable CSV data (missing file, bad CSV, empty body)",
}


def warn(subtype: str, message: str, location: Any) -> None:
    """Log a briefing warning; *location* is a node or a (docname, line) pair."""
    if subtype not in SUBTYPES:  # a programming error, caught by the tests
        raise ValueError(f"undeclared briefing warning subtype {subtype!r}")
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype)


def body_line(directive: Any, index: int) -> int:
    """The file line of line *index* (0-based) of a directive's body.

    docutils gives ``content_offset`` as a 0-based line of the file, MyST as an
    offset from the directive's own line; both are handled here, in one place.
    """
    try:
        from myst_parser.mocking import MockState
    except ImportError:  # MyST not installed: only reST directives exist
        MockState = ()  # noqa: N806
    if isinstance(directive.state, MockState):
        return directive.lineno + directive.content_offset + index + 1
    return directive.content_offset + index + 1
