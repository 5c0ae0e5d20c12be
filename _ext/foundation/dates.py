"""Dates as authors write them (ISO 8601: ``YYYY``, ``YYYY-MM``,
``YYYY-MM-DD``) and as readers read them, written by babel for the
build's ``language``.

English dates are day, month name, year (``15 July 2025``): unambiguous
whatever the reader's own convention. Other languages take CLDR's long
date (``2025年7月15日``) and its year-and-month form (``2025年7月``).
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton

__all__ = ["PartialDate", "babel_locale", "build_date", "parse_iso_date", "parse_partial_date",
           "readable_date"]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def babel_locale(language: str | None) -> Locale:
    """The babel locale of a Sphinx ``language`` (``en`` when unset or unknown)."""
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def parse_iso_date(value: str) -> datetime.date | None:
    """The date of a full ISO date ``YYYY-MM-DD``, or None."""
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, a month of a year, or a day: what ``YYYY``, ``YYYY-MM`` and
    ``YYYY-MM-DD`` name. Ordered by time; a year sorts before its months,
    a month before its days."""

    year: int
    month: int = 0  # 0: the whole year
    day: int = 0  # 0: the whole month

    @property
    def iso(self) -> str:
        """As written: ``2023``, ``2023-05``, ``2023-12-15``."""
        if not self.month:
            return f"{self.year:04d}"
        if not self.day:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def readable(self, language: str | None) -> str:
        """``2023``, ``May 2023``, ``15 December 2023`` (in `language`:
        ``2023年``, ``2023年5月``, ``2023年12月15日``)."""
        if not self.month:
            return format_skeleton("y", datetime.date(self.year, 1, 1),
                                   locale=babel_locale(language))
        if not self.day:
            return format_skeleton("yMMMM", datetime.date(self.year, self.month, 1),
                                   locale=babel_locale(language))
        return readable_date(datetime.date(self.year, self.month, self.day), language)


def parse_partial_date(value: str) -> PartialDate | None:
    """The `PartialDate` of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or None
    when `value` is none of these or names no real month or day."""
    match = _PARTIAL.fullmatch(value)
    if not match:
        return None
    year, month, day = (int(part) if part else 0 for part in match.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def readable_date(date: datetime.date, language: str | None) -> str:
    """``15 July 2025`` in English, CLDR's long date in other languages."""
    locale = babel_locale(language)
    if locale.language == "en":
        return format_date(date, "d MMMM y", locale=locale)
    return format_date(date, "long", locale=locale)


def build_date() -> datetime.date:
    """The date the site is built as of: the day (UTC) of
    ``SOURCE_DATE_EPOCH`` when it is set to a number of seconds, else
    today (UTC). Reproducible builds and previews of a future date set it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.datetime.now(tz=datetime.UTC).date()
