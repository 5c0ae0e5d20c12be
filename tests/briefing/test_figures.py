"""The `figures` register and the `as-of` date of `metric` and `ranking`
(root ``test-briefing-figures``: figures on a reST page and a MyST page, in
and out of technology cards, on a nested page and an orphan page, and a
register page that the toctree names first).

The register is compared with the figures that the built pages show --
none missing, none extra -- after a clean build, a parallel build (-j 2)
and incremental builds that add, change and remove a metric; each of those
gives the very bytes of a clean build of the same sources.

Malformed input is tested as cases (``MALFORMED``), each a page of a
project generated and built once per syntax (see briefing_malformed.py).
"""

from __future__ import annotations

import gettext
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

ROOT = "briefing-figures"
FIGURES = pytest.mark.sphinx("html", testroot=ROOT)
FIGURES_SHARED = pytest.mark.test_params(shared_result="briefing-figures")

#: The register of the root: (figure, label, as of, sources, page, link).
EXPECTED = [
    ("100 people/min", "throughput", "15 December 2023", "Innovation Day 2023 presentation",
     "reST figures", "zulu_rst.html#briefing-metric-0"),
    ("16×", "faster", "August 2021", "Innovation Day 2023 presentation; A survey of gates",
     "reST figures", "zulu_rst.html#briefing-metric-1"),
    # A citation in the body is a source too.
    ("¥300 billion", "revenue", "", "A survey of gates", "reST figures",
     "zulu_rst.html#briefing-metric-2"),
    ("Beta: 20", "Users by country", "2022", "A survey of gates", "reST figures",
     "zulu_rst.html#briefing-ranking-0"),
    ("13B", "parameters", "2023", "Innovation Day 2023 presentation", "MyST figures",
     "alpha_md.html#briefing-metric-0"),
    ("4×", "faster learning", "", "A survey of gates", "MyST figures",
     "alpha_md.html#briefing-metric-1"),
    ("Ranking of 2", "Plain ranking", "", "Innovation Day 2023 presentation", "MyST figures",
     "alpha_md.html#briefing-ranking-0"),
    ("2,000", "specialists", "December 2023", "Innovation Day 2023 presentation",
     "Nested page", "nested/index.html#briefing-metric-0"),
    # A page that no toctree names comes last.
    ("46", "consecutive years", "", "Innovation Day 2023 presentation", "Orphan page",
     "orphan.html#briefing-metric-0"),
]


def page_soup(outdir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{page}.html").read_text("utf-8"), "html.parser")


def registers(outdir: Path) -> list[list[tuple[str, ...]]]:
    """Each register of register.html, as rows of cell texts and the Page link."""
    tables = page_soup(outdir, "register").find_all("table", class_="figures")
    found = []
    for table in tables:
        rows = []
        for tr in table.select("tbody tr"):
            cells = tr.find_all("td")
            rows.append((*(" ".join(td.get_text().split()) for td in cells),
                         cells[4].find("a")["href"]))
        found.append(rows)
    return found


def register_bytes(outdir: Path) -> list[str]:
    return [str(t) for t in page_soup(outdir, "register").find_all("table", class_="figures")]


def shown_figures(outdir: Path) -> list[str]:
    """``page.html#id`` of every metric and ranking that the pages show."""
    found = []
    for path in sorted(outdir.rglob("*.html")):
        page = path.relative_to(outdir).as_posix()
        if page in ("register.html", "genindex.html", "search.html"):
            continue
        html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        found += [f"{page}#{div['id']}" for div in html.select("div.metric, div.ranking")]
    return found


def assert_register_is_the_pages(outdir: Path) -> None:
    """None missing, none extra, none twice."""
    listed = [row[5] for row in registers(outdir)[0]]
    assert sorted(listed) == sorted(shown_figures(outdir))
    assert len(set(listed)) == len(listed)


def copy_root(rootdir: Path, dest: Path) -> Path:
    shutil.copytree(rootdir / f"test-{ROOT}", dest)
    return dest


def clean_build(make_app, srcdir: Path, dest: Path) -> Path:
    """A fresh serial build of a copy of *srcdir*'s sources."""
    copy = dest / "clean-src"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(srcdir, copy, ignore=shutil.ignore_patterns("_build"))
    app = make_app("html", srcdir=copy, freshenv=True)
    app.build()
    assert briefing_warnings(app) == []
    return Path(app.outdir)


def briefing_warnings(app) -> list[str]:
    # A second app of one test warns that Sphinx's own nodes are registered
    # again; only the extension's warnings count here.
    return [line for line in app.warning.getvalue().splitlines() if "[briefing." in line]


# -- the register ---------------------------------------------------------------------------


@FIGURES
@FIGURES_SHARED
def test_register_lists_every_figure_in_page_order(app):
    app.build()
    assert app.warning.getvalue().strip() == ""
    outdir = Path(app.outdir)
    tables = page_soup(outdir, "register").find_all("table", class_="figures")
    assert [th.get_text() for th in tables[0].select("thead th")] == [
        "Figure", "Label", "As of", "Source", "Page"]
    assert registers(outdir)[0] == EXPECTED
    assert_register_is_the_pages(outdir)


@FIGURES
@FIGURES_SHARED
def test_register_links_each_source_to_its_note_and_dates_in_time(app):
    app.build()
    table = page_soup(Path(app.outdir), "register").find("table", class_="figures")
    row = table.select("tbody tr")[1]
    sources = row.find_all("td")[3].find_all("a")
    assert [a["href"] for a in sources] == ["zulu_rst.html#footcite-deck2023",
                                            "zulu_rst.html#footcite-survey2024"]
    # The whole entry, as the page's note prints it, is the link's title.
    assert sources[1]["title"].startswith("Survey Office. A survey of gates")
    note = page_soup(Path(app.outdir), "zulu_rst").find(id="footcite-survey2024")
    assert note is not None and "A survey of gates" in note.get_text()
    time = row.find("time")
    assert time["datetime"] == "2021-08" and time.get_text() == "August 2021"


@FIGURES
@FIGURES_SHARED
def test_area_filters_by_the_card_a_figure_sits_in(app):
    app.build()
    only_biometrics, llm_and_biometrics = registers(Path(app.outdir))[1:]
    assert [row[0] for row in only_biometrics] == ["100 people/min"]
    # Several areas: figures of any; page order is kept.
    assert [row[0] for row in llm_and_biometrics] == ["100 people/min", "13B"]


# -- as-of in the pages --------------------------------------------------------------------


@FIGURES
@FIGURES_SHARED
@pytest.mark.parametrize(("page", "index", "iso", "text"), [
    ("zulu_rst", 0, "2023-12-15", "As of 15 December 2023"),
    ("zulu_rst", 1, "2021-08", "As of August 2021"),
    ("alpha_md", 0, "2023", "As of 2023"),
])
def test_metric_shows_its_date_in_a_time_element(app, page, index, iso, text):
    app.build()
    metric = page_soup(Path(app.outdir), page).select("div.metric")[index]
    date = metric.select_one("p.metric-as-of")
    assert " ".join(date.get_text().split()) == text
    assert date.find("time")["datetime"] == iso
    # With the figure, after its label and source note.
    assert [p["class"][0] for p in metric.find_all("p", recursive=False)] == [
        "metric-figure", "metric-label", "metric-as-of"]


@FIGURES
@FIGURES_SHARED
def test_undated_figures_show_no_date(app):
    app.build()
    html = page_soup(Path(app.outdir), "zulu_rst")
    assert html.select("div.metric")[2].select_one(".metric-as-of") is None
    ranking = page_soup(Path(app.outdir), "alpha_md").select_one("div.ranking")
    assert ranking.select_one(".ranking-as-of") is None


@FIGURES
@FIGURES_SHARED
def test_ranking_shows_its_date_under_its_table(app):
    app.build()
    ranking = page_soup(Path(app.outdir), "zulu_rst").select_one("div.ranking")
    date = ranking.select_one("p.ranking-as-of")
    assert date.get_text() == "As of 2022" and date.find("time")["datetime"] == "2022"
    assert date.find_previous_sibling("table") is not None


@pytest.mark.sphinx("text", testroot=ROOT)
def test_every_builder_shows_the_date_as_text(app):
    app.build()
    assert app.warning.getvalue().strip() == ""
    text = (Path(app.outdir) / "zulu_rst.txt").read_text("utf-8")
    assert "As of 15 December 2023" in text and "As of August 2021" in text
    assert "As of 2022" in text
    register = (Path(app.outdir) / "register.txt").read_text("utf-8")
    assert "August 2021" in register and "Orphan page" in register


@pytest.mark.sphinx("latex", testroot=ROOT)
def test_latex_register_links_pages_only(app):
    app.build()
    assert app.warning.getvalue().strip() == ""
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf-8")
    assert "As of August 2021" in tex
    # Outside HTML a figure's link goes to its page (a label LaTeX has).
    assert r"\hyperref[\detokenize{zulu_rst::doc}]" in tex
    assert "briefing-metric" not in tex


# -- clean, parallel and incremental builds ---------------------------------------------------


@pytest.mark.sphinx("html", testroot=ROOT, parallel=2, srcdir="briefing-figures-j2")
def test_parallel_build_gives_the_same_register(app, make_app, rootdir, tmp_path):
    assert app.parallel == 2 and app.is_parallel_allowed("read")
    app.build()
    assert app.warning.getvalue().strip() == ""
    outdir = Path(app.outdir)
    assert registers(outdir)[0] == EXPECTED
    assert_register_is_the_pages(outdir)
    serial = clean_build(make_app, copy_root(rootdir, tmp_path / "src"), tmp_path)
    assert register_bytes(outdir) == register_bytes(serial)


def _rebuild(make_app, srcdir: Path, parallel: int = 0):
    app = make_app("html", srcdir=srcdir, parallel=parallel)
    app.build()
    assert briefing_warnings(app) == []
    return app


@pytest.mark.parametrize("parallel", [0, 2])
def test_incremental_add_change_remove(make_app, rootdir, tmp_path, parallel):
    srcdir = copy_root(rootdir, tmp_path / "src")
    outdir = Path(_rebuild(make_app, srcdir, parallel).outdir)
    assert registers(outdir)[0] == EXPECTED

    # Add: a metric on the MyST page.
    alpha = srcdir / "alpha_md.md"
    alpha.write_text(alpha.read_text().replace("```{footbibliography}", (
        ":::{metric} 30%\n:label: saved\n:source: deck2023\n:as-of: 2023-05\n:::\n\n"
        "```{footbibliography}")))
    _rebuild(make_app, srcdir, parallel)
    rows = registers(outdir)[0]
    assert ("30%", "saved", "May 2023", "Innovation Day 2023 presentation", "MyST figures",
            "alpha_md.html#briefing-metric-2") in rows
    assert_register_is_the_pages(outdir)
    assert register_bytes(outdir) == register_bytes(clean_build(make_app, srcdir, tmp_path))

    # Change: a reST metric's figure, date and source.
    zulu = srcdir / "zulu_rst.rst"
    zulu.write_text(zulu.read_text().replace(".. metric:: 16×", ".. metric:: 17×")
                    .replace(":source: deck2023, survey2024\n   :as-of: 2021-08",
                             ":source: survey2024\n   :as-of: 2022-01"))
    _rebuild(make_app, srcdir, parallel)
    rows = registers(outdir)[0]
    assert rows[1] == ("17×", "faster", "January 2022", "A survey of gates", "reST figures",
                       "zulu_rst.html#briefing-metric-1")
    assert "16×" not in [row[0] for row in rows]
    assert_register_is_the_pages(outdir)
    assert register_bytes(outdir) == register_bytes(clean_build(make_app, srcdir, tmp_path))

    # Remove: the nested page's metric.
    (srcdir / "nested" / "index.rst").write_text("Nested page\n===========\n\nNo figure.\n")
    _rebuild(make_app, srcdir, parallel)
    assert "specialists" not in [row[1] for row in registers(outdir)[0]]
    assert_register_is_the_pages(outdir)
    assert register_bytes(outdir) == register_bytes(clean_build(make_app, srcdir, tmp_path))

    # Reorder: the toctree's order is the register's.
    index = srcdir / "index.rst"
    index.write_text(index.read_text().replace("   zulu_rst\n   alpha_md\n",
                                               "   alpha_md\n   zulu_rst\n"))
    _rebuild(make_app, srcdir, parallel)
    assert registers(outdir)[0][0][0] == "13B"
    assert register_bytes(outdir) == register_bytes(clean_build(make_app, srcdir, tmp_path))


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; briefing_malformed builds and checks them.
MALFORMED: list[Case] = [
    Case("metric-bad-as-of",
         ".. metric:: 16×\n   :label: faster\n   :source: deck2023\n   :as-of: 2021-13\n",
         "```{metric} 16×\n:label: faster\n:source: deck2023\n:as-of: 2021-13\n```\n",
         (briefing("bad-date", "metric: `as-of` must be a date (YYYY, YYYY-MM or YYYY-MM-DD), "
                   "not '2021-13'", at=":as-of:"),),
         present=("16×",), absent=("As of",)),
    Case("metric-as-of-in-words",
         ".. metric:: 4×\n   :label: faster\n   :as-of: August 2021\n   :source: deck2023\n",
         "```{metric} 4×\n:label: faster\n:as-of: August 2021\n:source: deck2023\n```\n",
         (briefing("bad-date", "not 'August 2021'", at=":as-of:"),),
         absent=("As of",)),
    Case("metric-empty-as-of",
         ".. metric:: 5×\n   :label: faster\n   :source: deck2023\n   :as-of:\n",
         "```{metric} 5×\n:label: faster\n:source: deck2023\n:as-of:\n```\n",
         (briefing("bad-date", "not ''", at=":as-of:"),),
         absent=("As of",)),
    Case("ranking-bad-as-of",
         ".. ranking:: Scores\n   :as-of: 22\n\n   Name,Score\n   One,1\n",
         "```{ranking} Scores\n:as-of: 22\n\nName,Score\nOne,1\n```\n",
         (briefing("bad-date", "ranking: `as-of` must be a date", at=":as-of:"),),
         present=("Scores",), absent=("As of",)),
    Case("figures-unknown-area",
         ".. figures::\n   :area: nowhere\n",
         "```{figures}\n:area: nowhere\n```\n",
         (briefing("unknown-area", "unknown area 'nowhere'; valid keys of briefing_areas: "
                   "biometrics, llm"),),
         present=("No figures match.",)),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "figures", MALFORMED)


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


# -- the words the extension writes go through its message catalog ------------------------------

class _French(gettext.NullTranslations):
    WORDS = {"Figure": "Chiffre", "Source": "Origine", "As of {date}": "Au {date}",
             "Area": "Domaine", "Technologies shown: {shown} of {total}":
             "Technologies affichées : {shown} sur {total}"}

    def gettext(self, message: str) -> str:
        return self.WORDS.get(message, message)


@pytest.mark.sphinx("html", testroot=ROOT, srcdir="briefing-figures-translated")
def test_generated_words_come_from_the_briefing_catalog(app):
    from sphinx import locale

    key = ("general", "briefing")
    try:
        locale.translators[key] = _French()
        app.build()
    finally:
        locale.translators[key] = gettext.NullTranslations()
    outdir = Path(app.outdir)
    heads = [th.get_text() for th in page_soup(outdir, "register").select("table.figures th")]
    assert heads[:5] == ["Chiffre", "Label", "As of", "Origine", "Page"]
    date = page_soup(outdir, "zulu_rst").select_one("p.metric-as-of")
    assert date.get_text().startswith("Au ")
    catalogue = page_soup(outdir, "catalogue")
    assert catalogue.select_one(".technologies-facet legend").get_text() == "Domaine"
    count = catalogue.select_one(".technologies-count").get_text()
    assert count == "Technologies affichées :  sur 3"  # the count goes between
