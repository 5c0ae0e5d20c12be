"""The `ranking` directive: a table and an SVG bar chart, with one row
highlighted (root ``test-briefing-all-features``); the name column, read
from the `name` option or the first column whose values are not all
numbers, where the highlight is found (root ``test-briefing-ranking``);
bad rows left out with a warning (``test-briefing-warnings``) and bad
rankings warned about (``test-briefing-malformed``).

Its malformed input is also tested as cases (``MALFORMED``), each a page
of a project generated and built once per syntax (see briefing_malformed.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from briefing_malformed import SYNTAXES as MALFORMED_SYNTAXES
from briefing_malformed import (
    Case,
    briefing,
    catalogue_builds,
    check_case,
    check_failed_under_W,
    check_no_traceback_and_located,
)
from briefing_support import (
    ALL_FEATURES,
    ALL_FEATURES_SHARED,
    BRIEFING_MALFORMED,
    BRIEFING_MALFORMED_SHARED,
    BRIEFING_WARNINGS,
    BRIEFING_WARNINGS_SHARED,
    SVG_NS,
    soup,
    svg_tree,
    warnings_of,
)
from briefing_support import PAGES as ALL_FEATURES_PAGES
from bs4 import BeautifulSoup

from briefing.ranking import _column, parse_number

#: The root of the name column, in both syntaxes.
PAGES = ["names-rst", "names-md"]
NAMES = pytest.mark.sphinx("html", testroot="briefing-ranking")
NAMES_SHARED = pytest.mark.test_params(shared_result="briefing-ranking")


def rankings(app, page: str) -> list:
    html = BeautifulSoup((Path(app.outdir) / f"{page}.html").read_text("utf-8"), "html.parser")
    return html.find_all("div", class_="ranking")


def chart_texts(ranking) -> list[str]:
    tree = ET.fromstring(str(ranking.find("svg")))
    return [text.text for text in tree.iter(f"{SVG_NS}text")]


def highlighted_rows(ranking) -> list[list[str]]:
    return [[cell.get_text() for cell in row.find_all("td")]
            for row in ranking.select("tbody tr.highlight")]


@NAMES
@NAMES_SHARED
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


@NAMES
@NAMES_SHARED
@pytest.mark.parametrize("page", PAGES)
def test_name_option_picks_the_column(app, page):
    app.build()
    given = rankings(app, page)[1]
    assert chart_texts(given) == ["Tokyo", "300", "Osaka", "200"]
    assert highlighted_rows(given) == [["27", "Osaka", "Kansai", "200"]]


@NAMES
@NAMES_SHARED
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


@pytest.mark.parametrize(("text", "value"), [
    ("1234", 1234.0), ("0012", 12.0), (" 42 ", 42.0), ("+7", 7.0), ("-3", -3.0),
    ("\u22123", -3.0), ("1,234", 1234.0), ("1,234,567.25", 1234567.25), ("12.5%", 12.5),
    ("-0.5%", -0.5), ("1" + "0" * 308, 1e308),
])
def test_parse_number_reads_the_figures_a_table_holds(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", [
    "", " ", "abc", "12a", "1,23", "12,3456", "1,2345", ",123", "1.2.3", "1.", ".5", "1e5",
    "%", "12%%", "--3", "+-3", "3-", "1 234", "9" * 400, "inf", "nan", "\u2212",
])
def test_parse_number_refuses_everything_else(text):
    assert parse_number(text) is None


def test_a_column_is_found_by_its_name_in_any_letter_case():
    header = ["Rank", "Company name", "#of papers"]
    assert _column(header, "company NAME") == 1
    assert _column(header, "#OF PAPERS") == 2
    assert _column(header, "Company") is None


@NAMES
@NAMES_SHARED
@pytest.mark.parametrize("page", PAGES)
def test_a_ranking_of_numbers_only_takes_its_names_from_the_first_column(app, page):
    app.build()
    years = rankings(app, page)[3]
    # No column holds words: the names are the first column, the bars the last.
    assert chart_texts(years) == ["2021", "5", "2022", "7"]
    assert highlighted_rows(years) == [["2022", "7"]]


# -- table and chart (root test-briefing-all-features) ------------------------------------------


@ALL_FEATURES
@ALL_FEATURES_SHARED
@pytest.mark.parametrize("page", ALL_FEATURES_PAGES)
def test_ranking_table_and_chart(app, page):
    app.build()
    html = soup(app, page)
    rankings = html.find_all("div", class_="ranking")
    assert len(rankings) == 2
    from_file = rankings[0]
    assert from_file.find("caption").get_text().startswith("Users by country")
    rows = from_file.select("tbody tr")
    assert [r.find("td").get_text() for r in rows] == ["Alpha", "Beta", "Gamma"]
    assert [("highlight" in r["class"]) for r in rows] == [False, True, False]
    svg = from_file.find("svg")
    assert svg["role"] == "img"
    tree = svg_tree(svg)
    title = tree.find(f"{SVG_NS}title")
    desc = tree.find(f"{SVG_NS}desc")
    assert title.text == "Users by country"
    assert svg["aria-labelledby"] == f"{title.get('id')} {desc.get('id')}"
    assert "Beta 30% (highlighted)" in desc.text
    texts = [t.text for t in tree.iter(f"{SVG_NS}text")]
    # Default value column: the last numeric one (Share).
    assert texts == ["Alpha", "40%", "Beta", "30%", "Gamma", "20%"]
    bars = [r for r in tree.iter(f"{SVG_NS}rect") if "bar" in r.get("class", "").split()
            and r.get("y") is not None]
    assert [b.get("class") for b in bars] == ["bar", "bar highlight", "bar"]
    widths = [float(b.get("width")) for b in bars]
    assert widths[0] > widths[1] > widths[2] > 0
    # Visible without colour: hatched, outlined, bold label.
    assert bars[1].get("fill").startswith("url(#") and bars[1].get("stroke")
    bold = [t.text for t in tree.iter(f"{SVG_NS}text") if t.get("font-weight") == "bold"]
    assert bold == ["Beta", "30%"]
    assert "<script" not in str(svg)

    inline = rankings[1]
    caption = inline.find("caption")
    assert caption.find("a", class_="footnote-reference")["href"] == "#footcite-survey2024"
    inline_tree = svg_tree(inline.find("svg"))
    # `value` picks the column, not the last numeric one (Rank).
    assert [t.text for t in inline_tree.iter(f"{SVG_NS}text")] == ["One", "3.5", "Two", "2"]


# -- warnings (root test-briefing-warnings) ----------------------------------------------------

#: This feature's warnings in the root: (line, subtype, a piece of the message) per file.
IN_WARNINGS_ROOT = {
    "bad_rst.rst": [
        (22, "bad-row", "row 2 ('Broken'"),
        (23, "bad-row", "row 3 ('Short'"),
    ],
    "bad_md.md": [
        (20, "bad-row", "row 2 ('Broken'"),
        (21, "bad-row", "row 3 ('Short'"),
    ],
}


@BRIEFING_WARNINGS
@BRIEFING_WARNINGS_SHARED
@pytest.mark.parametrize("source", sorted(IN_WARNINGS_ROOT))
def test_each_check_warns_with_subtype_file_and_line(app, source):
    app.build()
    lines = warnings_of(app)
    for line, subtype, text in IN_WARNINGS_ROOT[source]:
        hits = [w for w in lines if f"{source}:{line}: WARNING:" in w
                and w.endswith(f"[briefing.{subtype}]") and text in w]
        assert hits, (source, line, subtype, "\n".join(lines))


@BRIEFING_WARNINGS
@BRIEFING_WARNINGS_SHARED
@pytest.mark.parametrize("page", ["bad_rst", "bad_md"])
def test_bad_rows_are_left_out_of_table_and_chart(app, page):
    app.build()
    html = soup(app, page)
    # Bad ranking rows are left out of both the table and the chart.
    names = [tr.find("td").get_text() for tr in html.select("div.ranking tbody tr")]
    assert names == ["Good", "Fine"]
    chart = svg_tree(html.select_one("div.ranking svg"))
    assert [t.text for t in chart.iter(f"{SVG_NS}text")][::2] == ["Good", "Fine"]


# -- malformed input (root test-briefing-malformed) -----------------------------------------

#: This feature's warnings in the root, in each syntax: (subtype, a piece of the message).
IN_MALFORMED_ROOT = [
    ("bad-ranking", "cannot read CSV file 'nowhere.csv'"),
    ("bad-ranking", "bad CSV in broken.csv"),
    ("bad-ranking", "no CSV data"),
    ("bad-ranking", "bad CSV in line 2"),
    ("missing-option", "ranking: the caption argument is missing"),
    ("bad-option", "no value column 'Nope'"),
]


@BRIEFING_MALFORMED
@BRIEFING_MALFORMED_SHARED
@pytest.mark.parametrize("source", ["mal_rst.rst", "mal_md.md"])
def test_malformed_input_warns(app, source):
    app.build()
    lines = [w for w in warnings_of(app) if source in w]
    for subtype, fragment in IN_MALFORMED_ROOT:
        assert any(fragment in w and w.endswith(f"[briefing.{subtype}]") for w in lines), (
            subtype, fragment, "\n".join(lines))


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; briefing_malformed builds and checks them.
MALFORMED: list[Case] = [
    Case("ranking-bad-csv",
         '.. ranking:: Unclosed\n\n   Name,Score\n   "open,1\n',
         '```{ranking} Unclosed\nName,Score\n"open,1\n```\n',
         (briefing("bad-ranking", "bad CSV in line 2"),)),
    Case("ranking-bad-csv-file",
         ".. ranking:: Unclosed file\n   :file: broken.csv\n",
         "```{ranking} Unclosed file\n:file: broken.csv\n```\n",
         (briefing("bad-ranking", "bad CSV in broken.csv line 2"),)),
    Case("ranking-missing-file",
         ".. ranking:: Missing\n   :file: nowhere.csv\n",
         "```{ranking} Missing\n:file: nowhere.csv\n```\n",
         (briefing("bad-ranking", "cannot read CSV file 'nowhere.csv'"),)),
    Case("ranking-empty-body",
         ".. ranking:: Empty\n",
         "```{ranking} Empty\n```\n",
         (briefing("bad-ranking", "no CSV data"),)),
    Case("ranking-header-only",
         ".. ranking:: Header only\n\n   Name,Score\n",
         ":::{ranking} Header only\nName,Score\n:::\n",
         (briefing("bad-ranking", "needs a header row, a name column, a value column"),)),
    Case("ranking-non-numeric",
         ".. ranking:: Rows\n\n   Name,Score\n   Good,1\n   Broken,abc\n",
         "```{ranking} Rows\nName,Score\nGood,1\nBroken,abc\n```\n",
         (briefing("bad-row", "row 2 ('Broken', line {line}): 'Score' value 'abc' is not a "
                   "number", at="Broken"),),
         present=("Good",), absent=("Broken",)),
    # Figures beyond a float are no number; figures near its limit still draw.
    Case("ranking-overflowing-value",
         ".. ranking:: Extremes\n\n   Name,Score\n   High,1" + "0" * 308 + "\n   Low,-1" + "0" * 308
         + "\n   Huge," + "9" * 400 + "\n",
         "```{ranking} Extremes\nName,Score\nHigh,1" + "0" * 308 + "\nLow,-1" + "0" * 308
         + "\nHuge," + "9" * 400 + "\n```\n",
         (briefing("bad-row", "row 3 ('Huge'", at="Huge,"),),
         present=("High", "Low"), absent=('"nan"', '"inf"', "Huge")),
    Case("ranking-wrong-column-count",
         ".. ranking:: Columns\n\n   Name,Score\n   Good,1\n   Short\n   Long,1,2\n",
         "```{ranking} Columns\nName,Score\nGood,1\nShort\nLong,1,2\n```\n",
         (briefing("bad-row", "row 2 ('Short', line {line}) has 1 cells, the header has 2",
                   at="Short"),
          briefing("bad-row", "row 3 ('Long', line {line}) has 3 cells", at="Long"))),
    Case("ranking-bad-row-in-file",
         ".. ranking:: From file\n   :file: rows.csv\n",
         "```{ranking} From file\n:file: rows.csv\n```\n",
         (briefing("bad-row", "rows.csv row 2 ('Broken', line 3)"),)),
    Case("ranking-unknown-value-column",
         ".. ranking:: Value\n   :value: Nope\n\n   Name,Score\n   A,1\n",
         "```{ranking} Value\n:value: Nope\n\nName,Score\nA,1\n```\n",
         (briefing("bad-option", "no value column 'Nope'; columns: Score"),)),
    Case("ranking-no-numeric-column",
         ".. ranking:: Words\n\n   Name,Colour\n   A,red\n",
         "```{ranking} Words\nName,Colour\nA,red\n```\n",
         (briefing("bad-ranking", "no numeric column for the bars"),)),
    Case("ranking-unknown-highlight",
         ".. ranking:: Highlight\n   :highlight: Nobody\n\n   Name,Score\n   A,1\n",
         "```{ranking} Highlight\n:highlight: Nobody\n\nName,Score\nA,1\n```\n",
         (briefing("bad-option", "highlight 'Nobody' matches no name"),),
         present=("<svg",)),
    Case("ranking-file-and-body",
         ".. ranking:: Both\n   :file: good.csv\n\n   Name,Score\n   Body,1\n",
         "```{ranking} Both\n:file: good.csv\n\nName,Score\nBody,1\n```\n",
         (briefing("bad-ranking", "give either `file` or a CSV body, not both"),),
         present=("FromFile",), absent=("Body",)),
    Case("ranking-no-caption",
         ".. ranking::\n\n   Name,Score\n   A,1\n",
         "```{ranking}\nName,Score\nA,1\n```\n",
         (briefing("missing-option", "ranking: the caption argument is missing"),)),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "ranking", MALFORMED)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
@pytest.mark.parametrize("case", MALFORMED, ids=[case.name for case in MALFORMED])
def test_malformed_case(builds, case, syntax):
    check_case(builds(syntax), case, syntax)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_no_traceback_and_every_warning_located(builds, syntax):
    check_no_traceback_and_located(builds(syntax))


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_the_build_fails_under_W_because_of_the_cases(builds, syntax):
    check_failed_under_W(builds(syntax), MALFORMED, syntax)
