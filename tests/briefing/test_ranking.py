"""The `ranking` directive: a table and an SVG bar chart, with one row
highlighted (root ``test-briefing-all-features``); the name column, read
from the `name` option or the first column whose values are not all
numbers, where the highlight is found, and the structure, ids and figure
records of each ranking (root ``test-briefing-ranking``);
bad rows left out with a warning (``test-briefing-warnings``) and bad
rankings warned about (``test-briefing-malformed``).

Its malformed input is also tested as cases (``MALFORMED``), each a page
of a project generated and built once per syntax (see briefing_malformed.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

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

from briefing.domain import briefing_domain
from briefing.ranking import _column, parse_number

if TYPE_CHECKING:
    from malformed_support import Expect

#: The root of the name column, in both syntaxes.
PAGES = ["names-rst", "names-md"]
NAMES = pytest.mark.sphinx("html", testroot="briefing-ranking")
NAMES_SHARED = pytest.mark.test_params(shared_result="briefing-ranking")


def rankings(app, page: str) -> list:
    return soup(app, page).find_all("div", class_="ranking")


def chart_texts(ranking) -> list[str]:
    tree = svg_tree(ranking.find("svg"))
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
    tree = svg_tree(deck.find("svg"))
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


@NAMES
@NAMES_SHARED
@pytest.mark.parametrize("page", PAGES)
def test_a_csv_file_may_start_with_a_byte_order_mark(app, page):
    app.build()
    # deck.csv starts with one, as a spreadsheet's "CSV UTF-8" export does.
    deck = rankings(app, page)[0]
    assert [th.get_text() for th in deck.select("thead th")] == ["Rank", "Company name",
                                                                 "#of papers"]


@NAMES
@NAMES_SHARED
@pytest.mark.parametrize("page", PAGES)
def test_quoted_cells_after_spaces_and_a_text_column_after_the_figures(app, page):
    app.build()
    quoted = rankings(app, page)[4]
    # "1, \"Alpha, Inc.\", 12, first": the space after a comma does not
    # stop the quotes; the bars are the last column that holds numbers.
    assert chart_texts(quoted) == ["Alpha, Inc.", "12", "Beta", "7"]
    assert [[td.get_text() for td in tr.find_all("td")] for tr in quoted.select("tbody tr")] == [
        ["1", "Alpha, Inc.", "12", "first"], ["2", "Beta", "7", "second"]]
    assert highlighted_rows(quoted) == []
    assert quoted.find("strong") is None
    as_of = quoted.find("p", class_="ranking-as-of")
    assert as_of.get_text() == "As of December 2023"
    assert as_of.find("time")["datetime"] == "2023-12"


@NAMES
@NAMES_SHARED
@pytest.mark.parametrize("page", PAGES)
def test_structure_ids_and_classes(app, page):
    app.build()
    found = rankings(app, page)
    assert [ranking.get("id") for ranking in found] == [f"briefing-ranking-{n}" for n in range(5)]
    deck = found[0]
    assert deck.find("table")["class"][0] == "ranking-table"
    caption = deck.select_one("caption span.ranking-caption")
    assert caption.get_text() == "The deck\u2019s column order"
    # The highlighted row's cells are strong (for the formats without row
    # classes); no other cell is.
    assert [s.get_text() for s in deck.select("tbody strong")] == ["3", "NEC", "215"]
    assert not deck.select("tbody tr:not(.highlight) strong")
    svg = deck.find("svg")
    assert svg["aria-labelledby"] == "briefing-ranking-0-title briefing-ranking-0-desc"
    assert svg.find("desc").get_text().startswith("Bar chart of #of papers: Google 1363;")
    assert deck.find("p", class_="ranking-as-of") is None


@NAMES
@NAMES_SHARED
@pytest.mark.parametrize("page", PAGES)
def test_each_ranking_is_a_figure_record(app, page):
    app.build()
    records = briefing_domain(app.env).figures[page]
    assert [(r["kind"], r["figure"], r["label"], r["rows"], r["as_of"], r["anchor"])
            for r in records] == [
        ("ranking", "NEC: 215", "The deck's column order", 3, "", "briefing-ranking-0"),
        ("ranking", "Osaka: 200", "Names given by option", 2, "", "briefing-ranking-1"),
        ("ranking", "Kyoto: 100", "A name option that matches no column", 2, "",
         "briefing-ranking-2"),
        ("ranking", "2022: 7", "Numbers only", 2, "", "briefing-ranking-3"),
        ("ranking", "", "A quoted name, and a note after the figures", 2, "2023-12",
         "briefing-ranking-4"),
    ]


@NAMES
@NAMES_SHARED
def test_a_ranking_whose_id_is_taken_has_no_anchor(app):
    app.build()
    ranking = rankings(app, "collision")[0]
    # The label took the id: the ranking has none, and its record no anchor.
    assert ranking.get("id") is None
    assert soup(app, "collision").find(id="briefing-ranking-0").name == "p"
    [record] = briefing_domain(app.env).figures["collision"]
    assert (record["label"], record["anchor"]) == ("Ranking without an anchor", "")


@pytest.mark.sphinx("html", testroot="briefing-ranking", srcdir="briefing-ranking-ja",
                    confoverrides={"language": "ja"})
def test_the_as_of_date_is_written_in_the_language_of_the_edition(app):
    app.build()
    as_of = rankings(app, "names-rst")[4].find("p", class_="ranking-as-of")
    assert as_of.get_text() == "2023年12月時点"


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

def said(subtype: str, message: str, **kw) -> Expect:
    """The whole warning, from ``WARNING:`` to its tag: a word changed in
    the message is a failure (the message is what the author reads)."""
    return briefing(subtype, f"WARNING: {message} [briefing.{subtype}]", **kw)


#: This feature's malformed input; briefing_malformed builds and checks them.
MALFORMED: list[Case] = [
    Case("ranking-bad-csv",
         '.. ranking:: Unclosed\n\n   Name,Score\n   "open,1\n',
         '```{ranking} Unclosed\nName,Score\n"open,1\n```\n',
         (said("bad-ranking", "ranking: bad CSV in line 2: unexpected end of data"),)),
    Case("ranking-bad-csv-file",
         ".. ranking:: Unclosed file\n   :file: broken.csv\n",
         "```{ranking} Unclosed file\n:file: broken.csv\n```\n",
         (said("bad-ranking", "ranking: bad CSV in broken.csv line 2: unexpected end of data"),)),
    Case("ranking-missing-file",
         ".. ranking:: Missing\n   :file: nowhere.csv\n",
         "```{ranking} Missing\n:file: nowhere.csv\n```\n",
         (said("bad-ranking", "ranking: cannot read CSV file 'nowhere.csv': FileNotFoundError"),)),
    Case("ranking-empty-body",
         ".. ranking:: Empty\n",
         "```{ranking} Empty\n```\n",
         (said("bad-ranking", "ranking: no CSV data (empty body or file)"),)),
    Case("ranking-header-only",
         ".. ranking:: Header only\n\n   Name,Score\n",
         ":::{ranking} Header only\nName,Score\n:::\n",
         (said("bad-ranking", "ranking: the CSV needs a header row, a name column, a value "
               "column and at least one data row"),)),
    Case("ranking-non-numeric",
         ".. ranking:: Rows\n\n   Name,Score\n   Good,1\n   Broken,abc\n",
         "```{ranking} Rows\nName,Score\nGood,1\nBroken,abc\n```\n",
         (said("bad-row", "ranking: row 2 ('Broken', line {line}): 'Score' value 'abc' is not a "
               "number; row left out", at="Broken"),),
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
         (said("bad-row", "ranking: row 2 ('Short', line {line}) has 1 cells, the header has 2; "
               "row left out", at="Short"),
          said("bad-row", "ranking: row 3 ('Long', line {line}) has 3 cells, the header has 2; "
               "row left out", at="Long"))),
    # The names are the second column; a short row without it is named by its first cell.
    Case("ranking-short-row-before-the-names",
         ".. ranking:: Short\n\n   Rank,Company,Papers\n   1,Google,1363\n   4\n",
         "```{ranking} Short\nRank,Company,Papers\n1,Google,1363\n4\n```\n",
         (said("bad-row", "ranking: row 2 ('4', line {line}) has 1 cells, the header has 3; "
               "row left out", at="4"),),
         present=("Google",)),
    # Only a `value` column named by option can leave no row: the default
    # is a column that holds a number in the first complete row.
    Case("ranking-no-usable-row",
         ".. ranking:: Nothing left\n   :value: Score\n\n   Name,Score\n   Broken,abc\n   Short\n",
         "```{ranking} Nothing left\n:value: Score\n\nName,Score\nBroken,abc\nShort\n```\n",
         (said("bad-row", "ranking: row 1 ('Broken', line {line}): 'Score' value 'abc' is not "
               "a number; row left out", at="Broken"),
          said("bad-row", "ranking: row 2 ('Short', line {line}) has 1 cells, the header has 2; "
               "row left out", at="Short"),
          said("bad-ranking", "ranking: no usable row is left")),
         absent=("<svg",)),
    Case("ranking-bad-row-in-file",
         ".. ranking:: From file\n   :file: rows.csv\n",
         "```{ranking} From file\n:file: rows.csv\n```\n",
         (said("bad-row", "ranking: rows.csv row 2 ('Broken', line 3): 'Score' value 'n/a' is "
               "not a number; row left out"),)),
    Case("ranking-unknown-value-column",
         ".. ranking:: Value\n   :value: Nope\n\n   Name,Score,Count\n   A,1,2\n",
         "```{ranking} Value\n:value: Nope\n\nName,Score,Count\nA,1,2\n```\n",
         (said("bad-option", "ranking: no value column 'Nope'; columns: Score, Count"),)),
    Case("ranking-no-numeric-column",
         ".. ranking:: Words\n\n   Name,Colour\n   A,red\n",
         "```{ranking} Words\nName,Colour\nA,red\n```\n",
         (said("bad-ranking", "ranking: no numeric column for the bars (set `value`)"),)),
    # The only figures are the names: nothing is left to draw.
    Case("ranking-numbers-only-in-the-name-column",
         ".. ranking:: Codes\n   :name: Code\n\n   Label,Code\n   x,5\n",
         "```{ranking} Codes\n:name: Code\n\nLabel,Code\nx,5\n```\n",
         (said("bad-ranking", "ranking: no numeric column for the bars (set `value`)"),),
         absent=("<svg",)),
    # No row has the header's cells, so no row tells which column holds numbers.
    Case("ranking-no-complete-row",
         ".. ranking:: Ragged\n\n   Name,Score\n   A\n   B,1,2\n",
         "```{ranking} Ragged\nName,Score\nA\nB,1,2\n```\n",
         (said("bad-ranking", "ranking: no numeric column for the bars (set `value`)"),)),
    Case("ranking-unknown-highlight",
         ".. ranking:: Highlight\n   :highlight: Nobody\n\n   Name,Score\n   A,1\n",
         "```{ranking} Highlight\n:highlight: Nobody\n\nName,Score\nA,1\n```\n",
         (said("bad-option", "ranking: highlight 'Nobody' matches no name in the column 'Name'"),),
         present=("<svg",)),
    Case("ranking-file-and-body",
         ".. ranking:: Both\n   :file: good.csv\n\n   Name,Score\n   Body,1\n",
         "```{ranking} Both\n:file: good.csv\n\nName,Score\nBody,1\n```\n",
         (said("bad-ranking", "ranking: give either `file` or a CSV body, not both; the file "
               "is used"),),
         present=("FromFile",), absent=("Body",)),
    # Without a caption the ranking is called "Ranking" (translated).
    Case("ranking-no-caption",
         ".. ranking::\n\n   Name,Score\n   A,1\n",
         "```{ranking}\nName,Score\nA,1\n```\n",
         (said("missing-option", "ranking: the caption argument is missing"),),
         present=('<span class="ranking-caption">Ranking</span>', "<title id=\"briefing-ranking-0"
                  "-title\">Ranking</title>")),
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


# -- equivalent mutants (make mutate) ---------------------------------------------------------
# No test can tell these from the original:
# briefing.ranking.x_parse_number__mutmut_20: rstrip("XX%XX") strips the same "%", since
#   NUMBER lets no "X" through.
# briefing.ranking.xǁRankingDirectiveǁ_read_records__mutmut_31: "UTF-8-SIG" is the same
#   codec as "utf-8-sig" (codec names ignore letter case).
# briefing.ranking.xǁRankingDirectiveǁ_read_records__mutmut_65: the line of the first
#   record (start = 2) is the header's, which no warning reports.
