"""The dates of both extensions (``foundation.dates``): ISO dates as authors
write them (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), in time order, and as
readers read them (``15 July 2025``, ``May 2023``, ``2023``; CLDR's long
date in other languages), as the guides document them. The timeline's use
of them is fuzzed in tests/fuzz/test_briefing_fuzz.py."""

from __future__ import annotations

import datetime

import pytest
import sitebuild  # noqa: F401 - puts _ext/ on sys.path, as the site's conf.py does

from foundation.dates import PartialDate, parse_iso_date, parse_partial_date, readable_date


@pytest.mark.parametrize(("text", "date"), [
    ("2025-07-15", datetime.date(2025, 7, 15)),
    ("2024-02-29", datetime.date(2024, 2, 29)),
    ("2025-02-30", None), ("2025-13-01", None), ("2025-7-5", None), ("15 July 2025", None),
    ("2025-07", None), ("2025", None), ("", None), (" 2025-07-15", None),
])
def test_iso_dates_are_full_and_real(text, date):
    assert parse_iso_date(text) == date


@pytest.mark.parametrize(("text", "parsed"), [
    ("2023", PartialDate(2023)), ("2023-05", PartialDate(2023, 5)),
    ("2023-12-15", PartialDate(2023, 12, 15)),
    ("2023-13", None), ("2023-02-30", None), ("2023-5", None), ("23", None), ("Sometime", None),
    ("2023-05-", None), ("", None),
])
def test_partial_dates_are_a_year_a_month_or_a_day(text, parsed):
    assert parse_partial_date(text) == parsed
    if parsed is not None:
        assert parsed.iso == text


def test_a_year_comes_before_its_months_and_a_month_before_its_days():
    dates = [parse_partial_date(text) for text in
             ("2023-12-15", "2023-05", "2021", "2023", "2023-05-01", "2022-12-31")]
    assert [date.iso for date in sorted(dates)] == [
        "2021", "2022-12-31", "2023", "2023-05", "2023-05-01", "2023-12-15"]


@pytest.mark.parametrize(("text", "readable"), [
    ("2023", "2023"), ("2023-03", "March 2023"), ("2023-07-06", "6 July 2023"),
])
def test_partial_dates_read_as_the_guide_says(text, readable):
    assert parse_partial_date(text).readable("en") == readable


@pytest.mark.parametrize(("text", "readable"), [
    ("2023", "2023年"), ("2023-03", "2023年3月"), ("2023-07-06", "2023年7月6日"),
])
def test_partial_dates_read_in_japanese(text, readable):
    assert parse_partial_date(text).readable("ja") == readable


@pytest.mark.parametrize(("language", "readable"), [
    ("en", "15 July 2025"), (None, "15 July 2025"), ("ja", "2025年7月15日"),
    ("xx", "15 July 2025"),  # no such language: English
])
def test_readable_dates_are_english_day_month_year_or_the_language_s_long_date(language,
                                                                                readable):
    assert readable_date(datetime.date(2025, 7, 15), language) == readable
