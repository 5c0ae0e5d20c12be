"""The `briefing` extension, on the real HTML output of small test roots.

Every feature is written twice in the roots, once in reStructuredText
(``*_rst``/``rst_page``) and once in MyST (``*_md``/``md_page``); the tests are
parametrized over the two.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from briefing.diagnostics import SUBTYPES

SYNTAXES = [("rst_page", "rst_page.rst"), ("md_page", "md_page.md")]
PAGES = [page for page, _ in SYNTAXES]
SVG_NS = "{http://www.w3.org/2000/svg}"

# test-briefing builds clean; several tests share one build of it.
BRIEFING = pytest.mark.sphinx("html", testroot="briefing")
SHARED = pytest.mark.test_params(shared_result="briefing")


def soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / f"{page}.html").read_text("utf-8"), "html.parser")


def svg_tree(svg_tag) -> ET.Element:
    """The chart parsed as XML: proves it well-formed (and its text escaped)."""
    return ET.fromstring(str(svg_tag))


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def warning_text(app) -> str:
    """The build's warnings without terminal colours."""
    return ANSI.sub("", app.warning.getvalue())


def warnings_of(app) -> list[str]:
    return [line for line in warning_text(app).splitlines() if "WARNING" in line]


# -- a clean build ---------------------------------------------------------------------


@BRIEFING
@SHARED
def test_feature_root_builds_without_warnings(app):
    app.build()
    assert app.warning.getvalue().strip() == ""
    assert "Traceback" not in app.status.getvalue()


@BRIEFING
@SHARED
@pytest.mark.parametrize("page", PAGES)
def test_technology_card(app, page):
    app.build()
    html = soup(app, page)
    tech_id = {"rst_page": "rst-gateless", "md_page": "md-llm"}[page]
    card = html.find("div", id=f"technology-{tech_id}")
    assert card is not None and "technology" in card["class"]
    title = {"rst_page": "Gateless access", "md_page": "Language model"}[page]
    assert card.find(class_="technology-title").get_text() == title
    stage = card.find("span", class_="stage")
    key, text = {"rst_page": ("rnd", "R&D"), "md_page": ("product", "Product")}[page]
    assert stage["class"] == ["stage", f"stage-{key}"] and stage.get_text() == text
    area = card.find("span", class_="technology-area")
    assert area.get_text() == {"rst_page": "Biometric authentication",
                               "md_page": "Large language models"}[page]
    facts = card.find(class_="technology-facts")
    assert "Since 20" in facts.get_text()
    assert facts.find("a")["href"].startswith("https://example.com/")
    # The body is the description and holds a metric.
    assert card.find("div", class_="metric") is not None


@BRIEFING
@SHARED
@pytest.mark.parametrize("page", PAGES)
def test_tech_and_stage_roles(app, page):
    app.build()
    html = soup(app, page)
    links = {a.get_text(): a["href"] for a in html.select("a.reference.internal")
             if a.find(class_="tech")}
    here = "" if page == "rst_page" else "rst_page.html"
    assert links["Gateless access"] == f"{here}#technology-rst-gateless"
    there = "" if page == "md_page" else "md_page.html"
    assert links["Language model"] == f"{there}#technology-md-llm"
    badge = [s for s in html.select("p span.stage") if s.get_text() == "Beta"]
    assert badge and badge[0]["class"] == ["stage", "stage-beta"]
    # An explicit title keeps its text; an unlisted card is still a target.
    assert links["the gate"] == f"{here}#technology-rst-gateless"
    hidden = {"rst_page": "rst-hidden", "md_page": "md-hidden"}[page]
    title = {"rst_page": "Hidden rst demo", "md_page": "Hidden md demo"}[page]
    assert links[title] == f"#technology-{hidden}"
    assert html.find("div", id=f"technology-{hidden}") is not None


@BRIEFING
@SHARED
@pytest.mark.parametrize("page", PAGES)
def test_metric_source_is_the_footcite_footnote(app, page):
    app.build()
    html = soup(app, page)
    metrics = html.find_all("div", class_="metric")
    figures = [m.find(class_="metric-value").get_text() for m in metrics]
    assert figures[1:] == ["16×", "¥300 billion"]
    label = metrics[1].find(class_="metric-label")
    assert label.get_text().startswith("faster")
    refs = label.find_all("a", class_="footnote-reference")
    # Two keys -> two notes, numbered like the page's own footcite notes.
    assert [a["href"] for a in refs] == ["#footcite-deck2023", "#footcite-survey2024"]
    assert [a.get_text() for a in refs] == ["[1]", "[2]"]
    intro_ref = html.select_one("section > p a.footnote-reference")
    assert intro_ref["href"] == "#footcite-deck2023" and intro_ref.get_text() == "[1]"
    # One footnote per key on the page, shared by the text and the metrics.
    notes = html.select("aside.footnote")
    assert [n["id"] for n in notes] == ["footcite-deck2023", "footcite-survey2024"]
    assert "Innovation day 2023 presentation" in notes[0].get_text()


@BRIEFING
@SHARED
@pytest.mark.parametrize("page", PAGES)
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


@BRIEFING
@SHARED
@pytest.mark.parametrize("page", PAGES)
def test_timeline_in_date_order(app, page):
    app.build()
    html = soup(app, page)
    timeline = html.find("div", class_="timeline")
    items = timeline.find_all("li")
    stamps = [li.find("time")["datetime"] for li in items]
    assert stamps == ["2021", "2021", "2023-05", "2023-12-15"]
    # Equal dates keep their written order; inline markup survives.
    assert [li.get_text(" ", strip=True) for li in items] == [
        "2021 Start", "2021 Second start", "May 2023 Middle", "15 December 2023 Innovation Day",
    ]
    assert items[-1].find("em").get_text() == "Day"


@BRIEFING
@SHARED
@pytest.mark.parametrize("page", PAGES)
def test_disclaimers_parsed_with_their_own_syntax(app, page):
    app.build()
    html = soup(app, page)
    boxes = html.find_all("div", class_="disclaimer")
    assert len(boxes) == 2
    assert boxes[0].find("strong").get_text() == "forecasts"  # reST file
    assert boxes[1].find("em").get_text() == "may change"  # MyST file
    # The page depends on the files, so editing them rebuilds it.
    deps = app.env.dependencies[page]
    assert any(str(d).endswith("short.rst") for d in deps)
    assert any(str(d).endswith("long.md") for d in deps)


@BRIEFING
@SHARED
def test_catalogue_lists_every_technology_sorted(app):
    app.build()
    tables = soup(app, "catalogue").find_all("table", class_="technologies")
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in tables[0].select("tbody tr")]
    assert rows == [
        ["Gateless access", "Biometric authentication", "R&D", "reST page"],
        ["Language model", "Large language models", "Product", "MyST page"],
    ]
    links = [a["href"] for a in tables[0].select("tbody a")]
    assert links == ["rst_page.html#technology-rst-gateless", "rst_page.html",
                     "md_page.html#technology-md-llm", "md_page.html"]
    assert [td.get_text() for td in tables[1].select("tbody td")][:1] == ["Gateless access"]
    assert len(tables[1].select("tbody tr")) == 1
    # `:catalogue: no` cards are left out of every table.
    assert "Hidden" not in soup(app, "catalogue").get_text()


@BRIEFING
@SHARED
def test_source_notes_placed_without_footbibliography(app):
    app.build()
    html = soup(app, "nofoot")
    ref = html.select_one("div.metric a.footnote-reference")
    assert ref["href"] == "#footcite-survey2024" and ref.get_text() == "[1]"
    note = html.find("aside", id="footcite-survey2024")
    assert note is not None and "A survey of gates" in note.get_text()


def test_editing_a_disclaimer_file_rebuilds_its_pages(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-briefing", srcdir)
    make_app("html", srcdir=srcdir).build()
    (srcdir / "disclaimers" / "short.rst").write_text("Figures are **estimates** now.\n")
    (srcdir / "disclaimers" / "long.md").write_text("Plans *will* change.\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    for page in PAGES:
        boxes = soup(app, page).find_all("div", class_="disclaimer")
        assert boxes[0].find("strong").get_text() == "estimates"
        assert boxes[1].find("em").get_text() == "will"


@BRIEFING
@SHARED
def test_css_shipped_and_linked(app):
    app.build()
    css = Path(app.outdir) / "_static" / "briefing.css"
    furo = Path(app.outdir) / "_static" / "briefing-furo.css"
    assert css.is_file() and css.stat().st_size < 10_000
    # Its own properties; furo's variables only in the mapping to furo,
    # which a page of another theme (this root's: Sphinx's default) leaves out.
    assert "var(--briefing-" in css.read_text() and "var(--color-" not in css.read_text()
    assert "var(--color-" in furo.read_text()
    page = (Path(app.outdir) / "rst_page.html").read_text()
    assert '_static/briefing.css' in page and '_static/briefing-furo.css' not in page


# -- checks --------------------------------------------------------------------------

CHECKS = pytest.mark.sphinx("html", testroot="briefing-checks")
CHECKS_SHARED = pytest.mark.test_params(shared_result="briefing-checks")

EXPECTED = {
    "bad_rst.rst": [
        (4, "unknown-area", "nowhere"), (4, "unknown-stage", "someday"),
        (12, "unknown-stage", "later"), (12, "unknown-tech", "no-such-tech"),
        (14, "unsourced-metric", "'5'"), (22, "bad-row", "row 2 ('Broken'"),
        (23, "bad-row", "row 3 ('Short'"), (28, "bad-date", "2023-13"),
        (29, "bad-date", "Sometime"), (32, "unknown-disclaimer", "nonexistent"),
        (34, "unknown-disclaimer", "missing-file.rst"),
    ],
    "bad_md.md": [
        (3, "unknown-area", "nowhere"), (3, "unknown-stage", "someday"),
        (9, "unknown-stage", "later"), (9, "unknown-tech", "no-such-tech"),
        (11, "unsourced-metric", "'5'"), (20, "bad-row", "row 2 ('Broken'"),
        (21, "bad-row", "row 3 ('Short'"), (26, "bad-date", "2023-13"),
        (27, "bad-date", "Sometime"), (31, "unknown-disclaimer", "nonexistent"),
        (34, "unknown-disclaimer", "missing-file.rst"),
    ],
}


@CHECKS
@CHECKS_SHARED
@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_each_check_warns_with_subtype_file_and_line(app, source):
    app.build()
    lines = warnings_of(app)
    for line, subtype, text in EXPECTED[source]:
        hits = [w for w in lines if f"{source}:{line}: WARNING:" in w
                and w.endswith(f"[briefing.{subtype}]") and text in w]
        assert hits, (source, line, subtype, "\n".join(lines))


@CHECKS
@CHECKS_SHARED
@pytest.mark.parametrize("page", ["bad_rst", "bad_md"])
def test_bad_input_keeps_the_rest_of_the_page(app, page):
    app.build()
    html = soup(app, page)
    # Bad ranking rows are left out of both the table and the chart.
    names = [tr.find("td").get_text() for tr in html.select("div.ranking tbody tr")]
    assert names == ["Good", "Fine"]
    chart = svg_tree(html.select_one("div.ranking svg"))
    assert [t.text for t in chart.iter(f"{SVG_NS}text")][::2] == ["Good", "Fine"]
    # Undated timeline items are kept, after the dated ones, without <time>.
    items = html.select("div.timeline li")
    assert [li.find("time") is not None for li in items] == [True, False, False]
    assert "timeline-undated" in items[-1]["class"]
    # An unknown stage stays readable as text, without a badge.
    assert not html.select("span.stage")
    assert "later" in html.get_text()


@CHECKS
@CHECKS_SHARED
def test_unknown_keys_list_the_valid_ones(app):
    app.build()
    text = warning_text(app)
    assert "valid keys of briefing_areas: llm" in text
    assert "valid keys of briefing_stages: product, rnd" in text


@CHECKS
@CHECKS_SHARED
def test_duplicate_id_names_both_places(app):
    app.build()
    dups = [w for w in warnings_of(app) if w.endswith("[briefing.duplicate-id]")]
    # bad_md.md:3 comes first (by docname); both later ones name it.
    assert len(dups) == 2
    assert any("bad_rst.rst:4:" in w and "bad_md.md:3" in w for w in dups)
    assert any("bad_rst.rst:9:" in w and "bad_md.md:3" in w for w in dups)


@CHECKS
@CHECKS_SHARED
def test_every_warning_is_a_declared_briefing_subtype(app):
    app.build()
    subtypes = re.findall(r"\[briefing\.([a-z-]+)\]", warning_text(app))
    assert set(subtypes) <= set(SUBTYPES)
    named = {"unknown-area", "unknown-stage", "duplicate-id", "unknown-tech",
             "unsourced-metric", "bad-row", "bad-date", "unknown-disclaimer"}
    assert named == set(subtypes)


@pytest.mark.sphinx(
    "html", testroot="briefing-checks",
    confoverrides={"suppress_warnings": [f"briefing.{s}" for s in (
        "unknown-area", "unknown-stage", "duplicate-id", "unknown-tech",
        "unsourced-metric", "bad-row", "bad-date", "unknown-disclaimer")]},
    freshenv=True,
)
def test_suppress_warnings_silences_each_subtype(app):
    app.build()
    assert "[briefing." not in warning_text(app)


@pytest.mark.sphinx(
    "html", testroot="briefing-checks",
    confoverrides={"suppress_warnings": ["briefing.bad-row"]}, freshenv=True,
)
def test_suppress_warnings_is_per_subtype(app):
    app.build()
    text = warning_text(app)
    assert "[briefing.bad-row]" not in text
    assert "[briefing.bad-date]" in text


# -- malformed input ---------------------------------------------------------------------

@pytest.mark.sphinx("html", testroot="briefing-malformed")
@pytest.mark.test_params(shared_result="briefing-malformed")
@pytest.mark.parametrize("source", ["mal_rst.rst", "mal_md.md"])
def test_malformed_input_warns_and_never_crashes(app, source):
    app.build()
    text = warning_text(app)
    assert "Traceback" not in text and "Exception" not in text
    lines = [w for w in warnings_of(app) if source in w]
    want = [
        ("missing-option", "figure argument is missing"),
        ("missing-option", "required `label` option"),
        ("bad-ranking", "cannot read CSV file 'nowhere.csv'"),
        ("bad-ranking", "bad CSV in broken.csv"),
        ("bad-ranking", "no CSV data"),
        ("bad-ranking", "bad CSV in line 2"),
        ("missing-option", "ranking: the caption argument is missing"),
        ("bad-option", "no value column 'Nope'"),
        ("bad-date", "must be a bullet list"),
        ("missing-option", "technology: the title argument is missing"),
        ("bad-option", "`since` must be a year"),
        ("bad-url", "`link` 'javascript:alert(1)' is not linked"),
        ("missing-option", "disclaimer: the key argument is missing"),
    ]
    for subtype, fragment in want:
        assert any(fragment in w and w.endswith(f"[briefing.{subtype}]") for w in lines), (
            subtype, fragment, "\n".join(lines))
    # Every warning has a file and a line.
    for w in lines:
        assert re.search(rf"{re.escape(source)}:\d+: (WARNING|ERROR)", w), w
    # The page is still written, and the unsafe link was dropped.
    page = (Path(app.outdir) / source.rsplit(".", 1)[0]).with_suffix(".html").read_text()
    assert "javascript:" not in page


# -- escaping ------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="briefing-escape")
@pytest.mark.test_params(shared_result="briefing-escape")
@pytest.mark.parametrize("page", ["esc_rst", "esc_md", "catalogue"])
def test_input_is_escaped_in_text_attributes_and_svg(app, page):
    app.build()
    html = (Path(app.outdir) / f"{page}.html").read_text("utf-8")
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert '"onmouseover' not in html
    assert "<b>" not in html
    parsed = BeautifulSoup(html, "html.parser")
    # No attribute anywhere was broken open by the input.
    for tag in parsed.find_all(True):
        assert not any(name.startswith("onmouseover") or name == "onerror" for name in tag.attrs)
    if page == "catalogue":
        cells = [td.get_text() for td in parsed.select("table.technologies td")]
        assert "<script>alert(1)</script> md" in cells
        assert "Large <b>language</b> models" in cells
        assert 'R&D "lab"' in cells
        return
    title = parsed.find(class_="technology-title").get_text()
    assert title.startswith("<script>alert(1)</script>")
    assert parsed.find(class_="metric-value").get_text() == "<img src=x onerror=alert(1)>"
    # (reST's smart quotes may curl the leading quote of running text)
    assert parsed.find(class_="metric-label").get_text()[1:].startswith(
        'onmouseover=alert(1) <b>label</b>')
    svg = parsed.find("svg")
    tree = svg_tree(svg)
    assert tree.find(f"{SVG_NS}title").text == "<script>alert(1)</script> caption"
    names = [t.text for t in tree.iter(f"{SVG_NS}text")][::2]
    assert names == ["<script>alert(1)</script>", '"onmouseover=alert(1)']
    highlighted = [g for g in tree.iter(f"{SVG_NS}g") if g.get("class") == "highlight"]
    assert [g.find(f"{SVG_NS}text").text for g in highlighted] == ['"onmouseover=alert(1)']
    assert parsed.find("a", class_="reference external")["href"] == (
        'https://example.com/?a="onmouseover=alert(1)')


# -- the guide documents the whole markup ----------------------------------------------

GUIDE = Path(__file__).resolve().parent.parent / "source" / "guide" / "briefings.md"


def test_guide_documents_every_directive_role_option_config_and_subtype():
    from briefing.catalogue import TechnologiesDirective
    from briefing.metric import MetricDirective
    from briefing.ranking import RankingDirective
    from briefing.technology import TechnologyDirective

    guide = GUIDE.read_text("utf-8")
    for subtype in SUBTYPES:
        assert f"`briefing.{subtype}`" in guide, subtype
    for name in ("technology", "technologies", "metric", "ranking", "timeline", "disclaimer"):
        assert f"{{{name}}}" in guide and f".. {name}::" in guide, name
    for role in ("tech", "stage"):
        assert f"{{{role}}}`" in guide and f":{role}:`" in guide, role
    for directive in (TechnologyDirective, TechnologiesDirective, MetricDirective,
                      RankingDirective):
        for option in directive.option_spec:
            assert f"| `{option}` |" in guide, (directive.__name__, option)
    for config in ("briefing_areas", "briefing_stages", "briefing_disclaimers"):
        assert f"`{config}`" in guide, config
