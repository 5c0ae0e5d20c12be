"""Several stages per technology (a badge for each, the catalogue's
`stage` filter matching any of them) and the reader's filter of a
catalogue (`controls`): its HTML, the stylesheet written from the
vocabulary, and the plain table of every other builder.

On the root ``test-briefing-figures`` (a card with the stages ``rnd,
exhibit``, one without an area, a catalogue with `controls` and one
filtered by stage); the filter at work in a browser is tested in
tests/browser/test_catalogue_filter_browser.py.
"""

from __future__ import annotations

import shutil
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
from bs4 import BeautifulSoup

from briefing.catalogue_controls import FILTER_CSS, filter_css

ROOT = "briefing-figures"
FIGURES = pytest.mark.sphinx("html", testroot=ROOT)
FIGURES_SHARED = pytest.mark.test_params(shared_result="briefing-figures")


def page_soup(outdir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{page}.html").read_text("utf-8"), "html.parser")


def rows_of(table) -> list[list[str]]:
    return [[" ".join(td.get_text().split()) for td in tr.find_all("td")]
            for tr in table.select("tbody tr")]


# -- several stages --------------------------------------------------------------------------


@FIGURES
@FIGURES_SHARED
def test_card_shows_a_badge_for_each_stage_in_order(app):
    app.build()
    card = page_soup(Path(app.outdir), "zulu_rst").find(id="technology-rst-gateless")
    badges = card.select(".technology-header .stage")
    assert [b["class"] for b in badges] == [["stage", "stage-rnd"], ["stage", "stage-exhibit"]]
    assert [b.get_text() for b in badges] == ["R&D", "Exhibit"]


@FIGURES
@FIGURES_SHARED
def test_catalogue_stage_filter_matches_any_stage(app):
    app.build()
    tables = page_soup(Path(app.outdir), "catalogue").find_all("table", class_="technologies")
    assert rows_of(tables[0]) == [
        ["Gateless access", "Biometric authentication", "R&D Exhibit", "reST figures"],
        ["Language model", "Large language models", "Product", "MyST figures"],
        ["Plain tool", "", "Exhibit", "reST figures"],
    ]
    # `:stage: exhibit`: a technology of R&D and exhibit is in.
    assert [row[0] for row in rows_of(tables[1])] == ["Gateless access", "Plain tool"]


# -- the reader's filter -----------------------------------------------------------------------


@FIGURES
@FIGURES_SHARED
def test_controls_wrap_the_table_with_checkboxes_and_a_count(app):
    app.build()
    html = page_soup(Path(app.outdir), "catalogue")
    box = html.select_one("div.technologies-filter")
    assert box is not None and box["id"] == "technologies-filter-1"
    controls = box.select_one(".technologies-controls")
    # Shown only where briefing.css lifts `hidden` (screens with :has()).
    assert controls.has_attr("hidden") and controls["role"] == "group"
    legends = [legend.get_text() for legend in controls.find_all("legend")]
    assert legends == ["Area", "Stage"]
    # A checkbox for each key that the table's rows hold, in the vocabulary's order.
    boxes = {(label.find("input")["id"], " ".join(label.get_text().split()))
             for label in controls.find_all("label")}
    assert boxes == {
        ("technologies-filter-1-area-biometrics", "Biometric authentication"),
        ("technologies-filter-1-area-llm", "Large language models"),
        ("technologies-filter-1-stage-product", "Product"),
        ("technologies-filter-1-stage-rnd", "R&D"),
        ("technologies-filter-1-stage-exhibit", "Exhibit"),
    }
    for label in controls.find_all("label"):
        assert label["for"] == label.find("input")["id"]
        assert label.find("input")["type"] == "checkbox"
    # Each row names its area and its stages.
    rows = box.select("table.technologies tbody tr")
    assert [sorted(set(tr["class"]) - {"row-odd", "row-even"}) for tr in rows] == [
        ["technologies-area-biometrics", "technologies-row", "technologies-stage-exhibit",
         "technologies-stage-rnd"],
        ["technologies-area-llm", "technologies-row", "technologies-stage-product"],
        ["technologies-area-none", "technologies-row", "technologies-stage-exhibit"],
    ]
    # The count, after the rows (a CSS counter of the rows shown), in a live region.
    count = box.select_one("p.technologies-count")
    assert count["role"] == "status" and count.has_attr("hidden")
    assert count.find_previous_sibling("table") is not None
    assert " ".join(count.get_text().split()) == "Technologies shown: of 3"
    assert count.select_one("span.technologies-shown") is not None
    # The other table of the page has no controls.
    assert len(html.select("div.technologies-filter")) == 1


@FIGURES
@FIGURES_SHARED
def test_the_filter_stylesheet_is_written_and_linked_where_used(app):
    app.build()
    outdir = Path(app.outdir)
    css = (outdir / "_static" / FILTER_CSS).read_text("utf-8")
    assert css == filter_css(app.config)
    links = {page: [link["href"] for link in page_soup(outdir, page).find_all("link")]
             for page in ("catalogue", "register")}
    assert any(FILTER_CSS in href for href in links["catalogue"])
    assert not any(FILTER_CSS in href for href in links["register"])


@FIGURES
@FIGURES_SHARED
def test_filter_rules_cover_every_key_for_screens_only(app):
    app.build()
    css = filter_css(app.config)
    assert css.count("@media screen {") == 1 and "print" not in css
    for key in app.config.briefing_stages:
        assert (f".technologies-filter:has(.technologies-toggle-stage-{key}:checked) "
                f"tbody tr.technologies-stage-{key} {{ display: table-row; }}") in css
    for key in app.config.briefing_areas:
        assert (f":not(:has(.technologies-toggle-area-{key}:checked)) "
                f"tbody tr.technologies-area-{key} {{ display: none; }}") in css
    assert "tbody tr.technologies-area-none.technologies-row { display: none; }" in css


@pytest.mark.parametrize("builder", ["text", "latex", "epub"])
def test_other_builders_get_the_plain_table(make_app, rootdir, tmp_path, builder):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / f"test-{ROOT}", srcdir)
    app = make_app(builder, srcdir=srcdir)
    app.build()
    out = "".join(p.read_text("utf-8", errors="replace")
                  for p in Path(app.outdir).rglob("*") if p.suffix in (".txt", ".tex", ".xhtml"))
    assert "Gateless access" in out and "Plain tool" in out
    assert "Technologies shown" not in out and "technologies-toggle" not in out
    assert not (Path(app.outdir) / "_static" / FILTER_CSS).exists()


@pytest.mark.sphinx("singlehtml", testroot=ROOT)
def test_singlehtml_joins_pages_with_the_filter(app):
    app.build()
    html = page_soup(Path(app.outdir), "index")
    assert len(html.select("div.technologies-filter")) == 1
    assert any(FILTER_CSS in link["href"] for link in html.find_all("link"))
    # The register's links point into the one page.
    links = [a["href"] for a in html.select("table.figures tbody td:last-child a")]
    assert links and all(href.startswith("#") for href in links)


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; briefing_malformed builds and checks them.
MALFORMED: list[Case] = [
    Case("stages-one-unknown",
         ".. technology:: Face match\n   :id: face-stages\n   :stage: rnd, someday\n",
         "```{technology} Face match\n:id: face-stages\n:stage: rnd, someday\n```\n",
         (briefing("unknown-stage", "unknown stage 'someday'; valid keys of briefing_stages: "
                   "product, rnd"),),
         present=('<span class="stage stage-rnd">R&amp;D</span>',), absent=("someday",)),
    Case("stages-empty",
         ".. technology:: Face match\n   :id: face-no-stages\n   :stage: ,\n",
         "```{technology} Face match\n:id: face-no-stages\n:stage: ,\n```\n",
         (briefing("unknown-stage", "unknown stage ''"),)),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "stages", MALFORMED)


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
