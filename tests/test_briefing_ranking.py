"""The `ranking` directive's name column (root ``test-briefing-ranking``):
names are read from the `name` column, or from the first column whose
values are not all numbers, in both syntaxes; the highlight is found there."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SVG_NS = "{http://www.w3.org/2000/svg}"
PAGES = ["names-rst", "names-md"]

pytestmark = [
    pytest.mark.sphinx("html", testroot="briefing-ranking"),
    pytest.mark.test_params(shared_result="briefing-ranking"),
]


def rankings(app, page: str) -> list:
    html = BeautifulSoup((Path(app.outdir) / f"{page}.html").read_text("utf-8"), "html.parser")
    return html.find_all("div", class_="ranking")


def chart_texts(ranking) -> list[str]:
    tree = ET.fromstring(str(ranking.find("svg")))
    return [text.text for text in tree.iter(f"{SVG_NS}text")]


def highlighted_rows(ranking) -> list[list[str]]:
    return [[cell.get_text() for cell in row.find_all("td")]
            for row in ranking.select("tbody tr.highlight")]


@pytest.mark.parametrize("page", PAGES)
def test_names_from_the_first_column_that_is_not_all_numbers(app, page):
    app.build()
    deck = rankings(app, page)[0]
    # The deck's order (Rank | Company name | #of papers): a number column first.
    assert chart_texts(deck) == ["Google", "1363", "Microsoft", "1342", "NEC", "215"]
    # The highlight ignores case and the spaces around it.
    assert highlighted_rows(deck) == [["3", "NEC", "215"]]
    tree = ET.fromstring(str(deck.find("svg")))
    marked = [group for group in tree.iter(f"{SVG_NS}g") if group.get("class") == "highlight"]
    assert [group.find(f"{SVG_NS}text").text for group in marked] == ["NEC"]


@pytest.mark.parametrize("page", PAGES)
def test_name_option_picks_the_column(app, page):
    app.build()
    given = rankings(app, page)[1]
    assert chart_texts(given) == ["Tokyo", "300", "Osaka", "200"]
    assert highlighted_rows(given) == [["27", "Osaka", "Kansai", "200"]]


@pytest.mark.parametrize("page", PAGES)
def test_unknown_name_column_warns_and_falls_back(app, page):
    app.build()
    source = Path(app.srcdir) / (page + (".rst" if page.endswith("rst") else ".md"))
    line = next(number for number, text in enumerate(source.read_text("utf-8").splitlines(), 1)
                if "matches no column" in text)
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    assert (f"{source.name}:{line}: WARNING: ranking: no name column 'Town'; columns: Code, "
            "City, Visitors; names are taken from 'City' [briefing.bad-option]") in warnings
    fallback = rankings(app, page)[2]
    assert chart_texts(fallback) == ["Kyoto", "100", "Osaka", "200"]
    assert highlighted_rows(fallback) == [["26", "Kyoto", "100"]]
    # Those are the only warnings of the root.
    assert len([w for w in warnings.splitlines() if "WARNING" in w]) == 2
