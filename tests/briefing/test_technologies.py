"""The `technologies` directive: the catalogue of every technology of the
site, sorted and filtered (root ``test-briefing-all-features``), and right
under parallel and incremental builds (root ``test-briefing-technologies``):
each scenario is compared with a clean serial build of the same sources,
and the catalogue (and the `tech` links) must come out byte-identical.

Its malformed input is also tested as cases (``MALFORMED``), each a page
of a project generated and built once per syntax (see briefing_malformed.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from briefing_malformed import SYNTAXES as MALFORMED_SYNTAXES
from briefing_malformed import (
    Case,
    Expect,
    briefing,
    catalogue_builds,
    check_case,
    check_failed_under_W,
    check_no_traceback_and_located,
)
from briefing_support import ALL_FEATURES, ALL_FEATURES_SHARED, soup
from bs4 import BeautifulSoup

ROOT = "briefing-technologies"


def catalogue_tables(outdir: Path) -> list[str]:
    html = (outdir / "catalogue.html").read_text("utf-8")
    return [str(t) for t in BeautifulSoup(html, "html.parser").find_all(
        "table", class_="technologies")]


def catalogue_rows(outdir: Path) -> list[list[list[str]]]:
    html = BeautifulSoup((outdir / "catalogue.html").read_text("utf-8"), "html.parser")
    return [[[td.get_text() for td in tr.find_all("td")] for tr in table.select("tbody tr")]
            for table in html.find_all("table", class_="technologies")]


def tech_links(outdir: Path) -> list[tuple[str, str]]:
    html = BeautifulSoup((outdir / "uses.html").read_text("utf-8"), "html.parser")
    return [(a.get_text(), a["href"]) for a in html.select("a.reference.internal")
            if a.find(class_="tech")]


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
    return Path(app.outdir)


EXPECTED_ALL = [
    ["Face match", "Biometric authentication", "R&D", "Face match page"],
    ["Zeta gate", "Biometric authentication", "Product", "Zeta gate page"],
    ["Agent", "Large language models", "Beta", "Agent page"],
    ["Cotomi", "Large language models", "Product", "Cotomi page"],
    ["Fiber sensing", "Networks", "Product", "Fiber sensing page"],
    ["Open RAN", "Networks", "Beta", "Open RAN page"],
]


@pytest.mark.sphinx("html", testroot=ROOT, parallel=2, srcdir="briefing-technologies-j2")
def test_parallel_build_gives_the_same_catalogue(app, make_app, rootdir, tmp_path):
    assert app.parallel == 2 and app.is_parallel_allowed("read")
    app.build()
    assert app.warning.getvalue().strip() == ""
    rows = catalogue_rows(Path(app.outdir))
    # Sorted by area, then title; the filtered table keeps the order.
    assert rows[0] == EXPECTED_ALL
    assert [r[0] for r in rows[1]] == ["Agent", "Cotomi", "Fiber sensing", "Open RAN"]
    serial = clean_build(make_app, copy_root(rootdir, tmp_path / "src"), tmp_path)
    assert catalogue_tables(Path(app.outdir)) == catalogue_tables(serial)
    assert tech_links(Path(app.outdir)) == tech_links(serial)


def _rebuild(make_app, srcdir: Path, parallel: int = 0):
    app = make_app("html", srcdir=srcdir, parallel=parallel)
    app.build()
    return app


@pytest.mark.parametrize("parallel", [0, 2])
def test_incremental_add_change_remove(make_app, rootdir, tmp_path, parallel):
    srcdir = copy_root(rootdir, tmp_path / "src")
    first = _rebuild(make_app, srcdir, parallel)
    outdir = Path(first.outdir)
    assert catalogue_rows(outdir)[0] == EXPECTED_ALL

    # Add: a second technology in one (MyST) page.
    bravo = srcdir / "bravo.md"
    bravo.write_text(bravo.read_text() + (
        "\n```{technology} Iris scan\n:id: iris-scan\n:area: biometrics\n:stage: beta\n```\n"))
    app = _rebuild(make_app, srcdir, parallel)
    assert "catalogue" in app.builder.env.all_docs
    titles = [row[0] for row in catalogue_rows(outdir)[0]]
    assert titles == ["Face match", "Iris scan", "Zeta gate", "Agent", "Cotomi",
                      "Fiber sensing", "Open RAN"]
    assert catalogue_tables(outdir) == catalogue_tables(clean_build(make_app, srcdir, tmp_path))

    # Change: a (reST) technology's title, area and stage.
    charlie = srcdir / "charlie.rst"
    charlie.write_text(charlie.read_text()
                       .replace(".. technology:: Open RAN", ".. technology:: Aerial RAN")
                       .replace(":area: networks", ":area: llm")
                       .replace(":stage: beta", ":stage: product"))
    app = _rebuild(make_app, srcdir, parallel)
    rows = catalogue_rows(outdir)
    assert ["Aerial RAN", "Large language models", "Product", "Open RAN page"] in rows[0]
    assert "Open RAN" not in [row[0] for row in rows[0]]
    assert [row[0] for row in rows[1]] == ["Aerial RAN", "Agent", "Cotomi", "Fiber sensing"]
    # A page naming it with `tech` shows the new title, too.
    assert ("Aerial RAN", "charlie.html#technology-open-ran") in tech_links(outdir)
    clean = clean_build(make_app, srcdir, tmp_path)
    assert catalogue_tables(outdir) == catalogue_tables(clean)
    assert tech_links(outdir) == tech_links(clean)

    # Remove: the technology of one page disappears from the catalogue.
    alpha = srcdir / "alpha.rst"
    alpha.write_text("Zeta gate page\n==============\n\nNo technology any more.\n")
    app = _rebuild(make_app, srcdir, parallel)
    assert "Zeta gate" not in [row[0] for row in catalogue_rows(outdir)[0]]
    warnings = app.warning.getvalue()
    assert "unknown technology 'zeta-gate'" in warnings and "briefing.unknown-tech" in warnings
    assert catalogue_tables(outdir) == catalogue_tables(clean_build(make_app, srcdir, tmp_path))


@pytest.mark.parametrize("parallel", [0, 2])
def test_duplicate_ids_reported_the_same_whatever_the_build(make_app, rootdir, tmp_path,
                                                            parallel):
    srcdir = copy_root(rootdir, tmp_path / "src")
    (srcdir / "foxtrot.md").write_text(
        "# Agent page\n\n```{technology} Agent\n:id: cotomi\n:area: llm\n```\n")
    app = _rebuild(make_app, srcdir, parallel)
    dups = [line for line in app.warning.getvalue().splitlines() if "duplicate-id" in line]
    assert len(dups) == 1
    assert "foxtrot.md:3" in dups[0] and "delta.md:3" in dups[0]


# -- the catalogue of a whole site (root test-briefing-all-features) ---------------------------


@ALL_FEATURES
@ALL_FEATURES_SHARED
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


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; briefing_malformed builds and checks them.
MALFORMED: list[Case] = [
    Case("technologies-unknown-filter",
         ".. technologies::\n   :area: nowhere, llm\n   :stage: later\n",
         "```{technologies}\n:area: nowhere, llm\n:stage: later\n```\n",
         (briefing("unknown-area", "unknown area 'nowhere'"),
          briefing("unknown-stage", "unknown stage 'later'"))),
    Case("technologies-unknown-option",
         ".. technologies::\n   :owner: me\n",
         "```{technologies}\n:owner: me\n```\n",
         (Expect("docutils", 'unknown option: "owner"'),),
         expect_md=(Expect("myst.directive_option", "Unknown option key: 'owner'",
                           at=":owner:"),)),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "technologies", MALFORMED)


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
