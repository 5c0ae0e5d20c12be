"""Every number that a Terms or briefing page shows comes from its seed.

Numbers are read from the built pages (the session `site` fixture) as a
reader sees them: the main content, without what the extensions generate
and the seed never states (clause numbers, rendered clause references, the
index of defined terms, footnote labels and back-links). A number is any run
of digits, with thousands separators or a decimal part: figures, percentages,
yen amounts, years and the day of a date alike.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from seed_overlap import DECK_SEED, TERMS_SEED

# "12,000,000" and "1.5" are one number each; "31,2022" (a date run together
# in the deck) is two, since a thousands group has three digits.
NUMBER = re.compile(r"(?<![0-9])(?:\d{1,3}(?:,\d{3})+(?![0-9])|\d+(?:\.\d+)?)")
# What the extensions and sphinxcontrib-bibtex generate: not the page's text.
GENERATED = ", ".join((
    ".clause-number",  # "12." in a clause heading
    ".clause-ref",  # "Sections 4 through 10": numbers computed from labels
    ".defined-terms",  # the index of definitions lists clause numbers
    ".agreement-report",  # the reading report: counts and grades, measured by the build
    "a.footnote-reference", "aside.footnote > span.label", "span.backrefs",  # [1], (1, 2)
    "a.headerlink", "script", "style",
))
PAGES = {"terms": TERMS_SEED, "briefing": DECK_SEED}


def numbers(text: str) -> set[str]:
    """The numbers in `text`, normalised: no thousands separators, no leading zeros."""
    found = set()
    for match in NUMBER.findall(text):
        whole, _, fraction = match.replace(",", "").partition(".")
        found.add((whole.lstrip("0") or "0") + (f".{fraction}" if fraction else ""))
    return found


def page_text(html: str) -> str:
    main = BeautifulSoup(html, "html.parser").select_one('article[role="main"]')
    for element in main.select(GENERATED):
        element.decompose()
    return " ".join(main.get_text(" ").split())


def pages(site, section: str) -> list[str]:
    return sorted(p.relative_to(site.outdir).as_posix().removesuffix(".html")
                  for p in (Path(site.outdir) / "source" / section).glob("*.html"))


@pytest.mark.parametrize(("text", "expected"), [
    ("12,000,000 people", {"12000000"}),
    ("1.5% per month", {"1.5"}),
    ("¥300 billion by fiscal 2025.", {"300", "2025"}),
    ("March 31,2022, 2023", {"31", "2022", "2023"}),
    ("FY22/3 and FY2016-2020", {"22", "3", "2016", "2020"}),
    ("2023-07-06", {"2023", "7", "6"}),
    ("no digits here", set()),
])
def test_numbers_are_read_whole_and_normalised(text, expected):
    assert numbers(text) == expected


def test_generated_numbers_are_left_out(site):
    html = site.html("source/terms/leap-terms-of-use")
    shown = " ".join(BeautifulSoup(html, "html.parser")
                     .select_one('article[role="main"]').get_text(" ").split())
    assert "Sections 4 through 10 and 12 through 19" in shown
    text = page_text(html)
    assert "Sections 4 through" not in text and "19. Miscellaneous" not in text


@pytest.mark.parametrize("section", sorted(PAGES))
def test_every_number_on_a_page_is_in_its_seed(site, section):
    assert site.returncode == 0, site.warnings
    seed = numbers(PAGES[section].read_text(encoding="utf-8"))
    found = pages(site, section)
    assert len(found) >= (2 if section == "terms" else 10), found
    missing = {}
    for page in found:
        text = page_text(site.html(page))
        extra = sorted(numbers(text) - seed)
        if extra:  # each with the words around it, to find it on the page
            flat = text.replace(",", "")
            missing[page] = {n: flat[max(0, flat.find(n) - 40):flat.find(n) + 20]
                             for n in extra}
    assert missing == {}


def test_the_check_sees_the_figures(site):
    # Not vacuous: the figures that matter are read from the pages.
    terms = numbers(page_text(site.html("source/terms/leap-terms-of-use")))
    assert {"1.5", "30", "5", "90", "12", "2025"} <= terms
    briefing = set()
    for page in pages(site, "briefing"):
        briefing |= numbers(page_text(site.html(page)))
    assert {"215", "1363", "2000", "150", "300", "80", "12000000"} <= briefing
