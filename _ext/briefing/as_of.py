"""The `as-of` option of `metric` and `ranking`: the date a figure holds
for, checked, and shown with the figure in a ``<time>`` (its text in every
other format)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from foundation.dated import date_element
from foundation.dates import PartialDate, parse_partial_date
from foundation.directives import option_location
from foundation.messages import fill

from .diagnostics import warn
from .translations import _, __

if TYPE_CHECKING:
    from sphinx.util.docutils import SphinxDirective

__all__ = ["as_of_option", "as_of_paragraph"]

OPTION = "as-of"


def as_of_option(directive: SphinxDirective) -> PartialDate | None:
    """The date of the directive's `as-of` option; None when it has none, or
    (with a `briefing.bad-date` warning at the option's line) when the value
    is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    if OPTION not in directive.options:
        return None
    value = (directive.options.get(OPTION) or "").strip()
    date = parse_partial_date(value)
    if date is None:
        warn("bad-date", __("{directive}: `as-of` must be a date (YYYY, YYYY-MM or "
                            "YYYY-MM-DD), not {value}; no date is shown").format(
                                directive=directive.name, value=repr(value)),
             option_location(directive, OPTION))
    return date


def as_of_paragraph(date: PartialDate, language: str | None, cls: str) -> nodes.paragraph:
    """"As of August 2021", the date in a `time_element`."""
    return nodes.paragraph("", "", *fill(str(_("As of {date}")),
                                         date=[date_element(date, language)]), classes=[cls])
