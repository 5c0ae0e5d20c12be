"""An agreement's life (issue 16): effective dates and the status of each
version on the build date, the notices at the top of a version's page,
stable clause anchors, the `changes` and `agreement-versions` directives,
the Atom feed of a chain, the JSON-LD and the export's digest.

On the root ``test-agreement-lifecycle``: two chains of three versions, one
in each syntax (reST ``rst-2023`` -> ``rst-2024`` -> ``rst-2031``, MyST
``md-*``), each version with its own `label-prefix`, and a page in each
syntax that holds only an `agreement-versions` table. Built with
`sphinx-build` in a subprocess so that ``SOURCE_DATE_EPOCH`` sets the build
date: 2026-01-01 makes 2023 superseded, 2024 current (effective
2024-06-01) and 2031 upcoming (effective 2031-01-01).
"""

from __future__ import annotations

import calendar
import datetime
import json
import re
import shutil

import feedparser
import pytest
from agreement_support import (
    AGREEMENT_WARNINGS,
    AGREEMENT_WARNINGS_SHARED,
    DIRECTIVE,
    found_warnings,
    line_of_occurrence,
    validate,
    warnings_root_source,
)
from bs4 import BeautifulSoup
from sitebuild import FIXED_EPOCH, ROOTS, build_site

ROOT = ROOTS / "test-agreement-lifecycle"
CHAINS = {"rst": ("rst-2023", "rst-2024", "rst-2031"), "md": ("md-2023", "md-2024", "md-2031")}
TITLES = {"rst": "Rho Terms", "md": "Mu Terms"}
SYNTAXES = ["rst", "md"]
BASE = "https://terms.example.com/docs/"


def epoch(day: str) -> str:
    return str(calendar.timegm(datetime.date.fromisoformat(day).timetuple()))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("lifecycle"), srcdir=ROOT)
    assert result.returncode == 0, result.warnings
    assert result.warnings == ""
    return result


@pytest.fixture(scope="module")
def built_2031(tmp_path_factory):
    """The same sources previewed as of 2031-06-01."""
    result = build_site(tmp_path_factory.mktemp("lifecycle-2031"), srcdir=ROOT,
                        epoch=epoch("2031-06-01"))
    assert result.returncode == 0, result.warnings
    return result


def soup(result, page):
    return BeautifulSoup(result.html(page), "html.parser")


def export(result, page):
    return json.loads((result.outdir / f"{page}.agreement.json").read_text(encoding="utf-8"))


def header_text(result, page):
    return soup(result, page).select_one("div.agreement-header").get_text(" ", strip=True)


# -- effective dates and status ------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_status_on_the_build_date(built, built_2031, syntax):
    old, current, upcoming = CHAINS[syntax]
    assert [export(built, doc)["status"] for doc in CHAINS[syntax]] == [
        "superseded", "current", "upcoming"]
    assert [export(built_2031, doc)["status"] for doc in CHAINS[syntax]] == [
        "superseded", "superseded", "current"]
    assert export(built, old)["effective"] == "2023-01-10"  # last-updated, by default
    assert export(built, current)["effective"] == "2024-06-01"
    assert export(built, upcoming)["effective"] == "2031-01-01"


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_upcoming_version_banner_and_date(built, syntax):
    _old, current, upcoming = CHAINS[syntax]
    page = soup(built, upcoming)
    banner = page.select_one("div.agreement-header .agreement-upcoming")
    assert banner is not None
    text = banner.get_text(" ", strip=True)
    assert "takes effect on 1 January 2031" in text
    # It names the version that applies until then, with a link.
    assert banner.find("a")["href"] == f"{current}.html"
    facts = header_text(built, upcoming)
    assert "Takes effect on : 1 January 2031" in facts
    assert page.select_one("div.agreement-header time[datetime='2031-01-01']") is not None
    assert page.select_one(".agreement-superseded, .agreement-changing") is None


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_current_version_announces_its_successor(built, syntax):
    _old, current, upcoming = CHAINS[syntax]
    page = soup(built, current)
    notice = page.select_one("div.agreement-header .agreement-changing")
    assert notice is not None
    assert "takes effect on 1 January 2031" in notice.get_text(" ", strip=True)
    assert notice.find("a")["href"] == f"{upcoming}.html"
    assert "Effective : 1 June 2024" in header_text(built, current)
    # Still current: not "superseded by" the version that is not yet in effect.
    assert "Superseded by" not in header_text(built, current)
    assert page.select_one(".agreement-superseded, .agreement-upcoming") is None


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_superseded_version_links_to_the_current_one(built, built_2031, syntax):
    old, current, upcoming = CHAINS[syntax]
    for result, in_effect in ((built, current), (built_2031, upcoming)):
        page = soup(result, old)
        banner = page.select_one(".agreement-superseded")
        assert banner is not None
        # At the top: the first thing of the header, before the facts.
        assert banner.find_parent("div", class_="agreement-header") is not None
        assert banner.find_previous_sibling() is None
        assert banner.find("a")["href"] == f"{in_effect}.html"
    # Previewed in 2031, the 2031 version is current and announces nothing.
    assert soup(built_2031, upcoming).select_one(".agreement-notice") is None


def test_a_new_build_date_rewrites_the_chain(tmp_path):
    """An incremental build on a later date shows the new status, though no
    source changed."""
    first = build_site(tmp_path, srcdir=ROOT)
    assert export(first, "rst-2031")["status"] == "upcoming"
    second = build_site(tmp_path, srcdir=ROOT, epoch=epoch("2031-01-01"))
    assert second.returncode == 0, second.warnings
    assert export(second, "rst-2031")["status"] == "current"
    assert soup(second, "rst-2031").select_one(".agreement-upcoming") is None
    assert soup(second, "rst-2024").select_one(".agreement-superseded") is not None
    table = soup(second, "archive-rst").select_one("table.agreement-versions")
    assert "current" in table.select("tbody tr")[0].get_text(" ", strip=True)


# -- stable anchors ----------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_clause_anchors_drop_the_label_prefix(built, syntax):
    for doc in CHAINS[syntax]:
        page = soup(built, doc)
        assert page.select_one("section#fees h2") is not None
        assert page.select_one("section#use h2") is not None
        # The clause reference and the table of contents link to the anchor.
        survival = next(p for p in page.select("article p") if "survives" in p.get_text())
        assert "Section 2" in survival.get_text()
        assert [a["href"] for a in survival.select("a.reference")] == ["#fees"]
        toc = [a["href"] for a in page.select(".toc-tree a")]
        assert "#fees" in toc
        # The index of defined terms links to the defining clause's anchor.
        index_links = [a["href"] for a in page.select(".defined-terms a")]
        assert "#use" in index_links
        assert [c["anchor"] for c in export(built, doc)["clauses"]][:2] == ["use", "fees"]
        # The label still works as a target of its own.
        assert page.select_one(f"[id$='{doc[:1]}{doc[-2:]}-fees']") is not None


# -- the changes directive -----------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_changes_shown_exported_and_on_the_redline(built, syntax):
    _old, current, _upcoming = CHAINS[syntax]
    block = soup(built, current).select_one("div.agreement-changes")
    assert block.select_one(".rubric, p.rubric").get_text(strip=True) == "What changed"
    items = [li.get_text(" ", strip=True) for li in block.select("li")]
    assert items == ["Invoices are due within 45 days instead of 30.",
                     "A new clause on privacy."]
    assert export(built, current)["changes"] == items
    assert export(built, CHAINS[syntax][0])["changes"] == []
    redline = BeautifulSoup((built.outdir / f"{current}.redline.html").read_text(), "html.parser")
    assert [li.get_text(strip=True) for li in redline.select(".redline-changes li")] == items
    # The author's summary is not the text of a clause.
    assert all("instead of 30" not in clause["text"]
               for clause in export(built, current)["clauses"])


# -- the archive -------------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_versions_table(built, syntax):
    old, current, upcoming = CHAINS[syntax]
    table = soup(built, f"archive-{syntax}").select_one("table.agreement-versions")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers == ["Version", "Last updated", "Effective", "Status", "Changes"]
    rows = table.select("tbody tr")
    assert [row.find("a")["href"] for row in rows] == [f"{doc}.html"
                                                       for doc in (upcoming, current, old)]
    cells = [[td.get_text(" ", strip=True) for td in row.select("td")] for row in rows]
    assert cells[0][1:4] == ["1 November 2025", "1 January 2031", "upcoming"]
    assert cells[1][1:4] == ["1 May 2024", "1 June 2024", "current"]
    assert cells[2][1:4] == ["10 January 2023", "10 January 2023", "superseded"]
    redlines = [row.select("td")[4].find("a") for row in rows]
    assert [a["href"] if a else None for a in redlines] == [
        f"{upcoming}.redline.html", f"{current}.redline.html", None]
    assert rows[1].select_one("time[datetime='2024-06-01']") is not None


# -- the feed ----------------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_feed_is_valid_atom_newest_first(built, syntax):
    old, current, upcoming = CHAINS[syntax]
    raw = (built.outdir / f"{upcoming}.atom").read_bytes()
    feed = feedparser.parse(raw)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == f"{TITLES[syntax]} (2031): versions"
    assert feed.feed.id == f"{BASE}{upcoming}.atom"
    assert [entry.link for entry in feed.entries] == [f"{BASE}{doc}.html"
                                                      for doc in (upcoming, current, old)]
    assert [entry.updated for entry in feed.entries] == [
        "2025-11-01T00:00:00Z", "2024-05-01T00:00:00Z", "2023-01-10T00:00:00Z"]
    newest = feed.entries[0]
    content = BeautifulSoup(newest.content[0].value, "html.parser").get_text(" ", strip=True)
    assert "Effective 1 January 2031 (upcoming)." in content
    assert "Invoices are due within 60 days instead of 45." in content
    assert "Clauses changed (2) 1. Use 2. Fees" in content
    middle = BeautifulSoup(feed.entries[1].content[0].value, "html.parser").get_text(" ")
    assert "Clauses added (1)" in middle
    assert "3. Privacy" in middle
    assert "Clauses renumbered (1)" in middle
    related = [link.href for link in newest.links if link.rel == "related"]
    assert related == [f"{BASE}{upcoming}.redline.html"]
    # Only one feed per chain, beside its newest version.
    assert not (built.outdir / f"{current}.atom").exists()


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_every_page_of_the_chain_links_the_feed(built, syntax):
    upcoming = CHAINS[syntax][-1]
    for doc in CHAINS[syntax]:
        page = soup(built, doc)
        head = page.select('head link[rel="alternate"][type="application/atom+xml"]')
        assert [link["href"] for link in head] == [f"{upcoming}.atom"]
        header = {a.get_text(): a["href"] for a in page.select("div.agreement-header a")}
        assert header["Feed of versions (Atom)"] == f"{upcoming}.atom"


def test_feed_bytes_are_the_same_in_every_build(built, tmp_path):
    again = build_site(tmp_path, "-j", "2", srcdir=ROOT)
    for name in ("rst-2031.atom", "md-2031.atom"):
        assert (again.outdir / name).read_bytes() == (built.outdir / name).read_bytes()


def test_dirhtml_writes_the_feed_with_working_links(tmp_path):
    result = build_site(tmp_path, srcdir=ROOT, builder="dirhtml")
    assert result.returncode == 0, result.warnings
    feed = feedparser.parse((result.outdir / "rst-2031.atom").read_bytes())
    assert feed.bozo == 0
    assert [entry.link for entry in feed.entries] == [
        f"{BASE}rst-2031/", f"{BASE}rst-2024/", f"{BASE}rst-2023/"]
    page = BeautifulSoup((result.outdir / "rst-2024" / "index.html").read_text(), "html.parser")
    href = page.select_one('head link[type="application/atom+xml"]')["href"]
    assert (result.outdir / "rst-2024" / href).resolve() == (result.outdir / "rst-2031.atom")


# -- JSON-LD -------------------------------------------------------------------------

_JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_json_ld_describes_the_page_and_its_terms(built, syntax):
    current = CHAINS[syntax][1]
    html = built.html(current)
    scripts = _JSON_LD.findall(html)
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "WebPage"
    assert data["name"] == f"{TITLES[syntax]} (2024)"
    assert data["dateModified"] == "2024-05-01"
    assert data["url"] == f"{BASE}{current}.html"
    terms = data["mainEntity"]
    assert terms["@type"] == "DefinedTermSet"
    assert terms["hasDefinedTerm"] == [{
        "@type": "DefinedTerm", "name": "Customer",
        "description": export(built, current)["definitions"][0]["text"],
        "url": f"{BASE}{current}.html#term-customer",
    }]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_json_ld_cannot_close_its_script(built, syntax):
    """A defining sentence with ``</script><!--`` and ``&amp;`` stays inside
    the JSON-LD's strings: the element holds no ``<``, ``>`` or ``&``, and
    the JSON gives back the sentence exactly."""
    upcoming = CHAINS[syntax][-1]
    scripts = _JSON_LD.findall(built.html(upcoming))
    assert len(scripts) == 1
    assert not set("<>&") & set(scripts[0])
    [term] = json.loads(scripts[0])["mainEntity"]["hasDefinedTerm"]
    assert "named </script><!" in term["description"]  # (smart quotes make -- a dash)
    assert term["description"] == export(built, upcoming)["definitions"][0]["text"]


# -- the digest ----------------------------------------------------------------------


def test_digest_is_stable_and_sensitive(built, tmp_path):
    digests = {doc: export(built, doc)["digest"] for doc in CHAINS["rst"] + CHAINS["md"]}
    assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", d) for d in digests.values())
    assert len(set(digests.values())) == len(digests)
    source = tmp_path / "src"
    shutil.copytree(ROOT, source)
    again = build_site(tmp_path / "same", srcdir=source)
    assert {doc: export(again, doc)["digest"] for doc in digests} == digests
    # A changed word of a clause changes the digest; the author's summary of
    # changes and the anchors do not.
    page = source / "rst-2024.rst"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("within 45 days", "within 46 days"), encoding="utf-8")
    (source / "md-2024.md").write_text(
        (source / "md-2024.md").read_text(encoding="utf-8").replace(
            "A new clause on privacy.", "A new clause about privacy."), encoding="utf-8")
    edited = build_site(tmp_path / "edited", srcdir=source)
    assert export(edited, "rst-2024")["digest"] != digests["rst-2024"]
    assert export(edited, "md-2024")["digest"] == digests["md-2024"]
    assert export(edited, "rst-2023")["digest"] == digests["rst-2023"]


def test_fixed_epoch_is_the_documented_date():
    assert datetime.datetime.fromtimestamp(int(FIXED_EPOCH), tz=datetime.UTC).date() == \
        datetime.date(2026, 1, 1)


# -- bad input (pages ``lc-*`` of the root test-agreement-warnings) ---------------------

#: This feature's warnings in the root ``test-agreement-warnings``: (document,
#: text on the offending line, occurrence of that text, subtype), the line of
#: the directive itself where the check needs the whole chain; docutils places
#: a reST heading at its underline. test_agreement_warnings.py checks that the
#: root gives no others.
_CHANGES = {"rst": ".. changes::", "md": "```{changes}"}
_VERSIONS = {"rst": ".. agreement-versions::", "md": "```{agreement-versions}"}
IN_WARNINGS_ROOT = [
    ("lc-not-iso", ":effective: 2024-13-01", 1, "bad-effective"),
    ("lc-too-early", ":effective: 2024-04-01", 1, "bad-effective"),
    ("lc-not-after", DIRECTIVE, 1, "bad-effective"),
    ("lc-renamed", {"rst": "----", "md": "## Fees"}, 1, "renamed-label"),
    ("lc-no-previous", _CHANGES, 1, "changes-without-previous"),
    ("lc-bad-changes", _CHANGES, 1, "bad-changes"),
    ("lc-bad-changes", _CHANGES, 2, "bad-changes"),
    ("lc-prefix", {"rst": "-------", "md": "## Notices"}, 1, "bad-label-prefix"),
    ("lc-bad-prefix", ":label-prefix: Bad Prefix", 1, "bad-label-prefix"),
    ("lc-anchor-taken", {"rst": "-------", "md": "## Charges"}, 1, "anchor-taken"),
    ("lc-cycle-a", DIRECTIVE, 1, "version-cycle"),
    ("lc-outside", _VERSIONS, 1, "unknown-agreement"),
    ("lc-outside", _VERSIONS, 2, "unknown-agreement"),
    ("lc-outside", _CHANGES, 1, "outside-agreement"),
]


@AGREEMENT_WARNINGS
@AGREEMENT_WARNINGS_SHARED
@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize(("document", "needle", "occurrence", "subtype"), IN_WARNINGS_ROOT)
def test_warning_has_subtype_file_and_line(app, syntax, document, needle, occurrence, subtype):
    app.build()
    path = warnings_root_source(app, document, syntax)
    text = needle[syntax] if isinstance(needle, dict) else needle
    line = line_of_occurrence(path, text, occurrence)
    assert (path.name, line, f"agreement.{subtype}") in found_warnings(app)


@AGREEMENT_WARNINGS
@AGREEMENT_WARNINGS_SHARED
@pytest.mark.parametrize("syntax", SYNTAXES)
def test_bad_input_builds_and_falls_back(app, syntax):
    app.build()
    for page in ("lc-not-iso", "lc-cycle-a", "lc-cycle-b", "lc-bad-changes", "lc-outside"):
        assert (app.outdir / f"{page}-{syntax}.html").is_file()
    # A cycle lists each version once, and both versions still render.
    page = BeautifulSoup((app.outdir / f"lc-cycle-a-{syntax}.html").read_text("utf-8"),
                         "html.parser")
    assert page.select_one("div.agreement-header") is not None
    # A bad effective date falls back to last-updated.
    data = json.loads((app.outdir / f"lc-not-iso-{syntax}.agreement.json").read_text("utf-8"))
    validate(data)
    assert data["effective"] == "2024-05-01"
    # The tables that name no agreement are left out; the rest of the page is there.
    outside = (app.outdir / f"lc-outside-{syntax}.html").read_text("utf-8")
    assert "agreement-versions" not in outside
    assert "Not in an agreement." in outside
    # A clause whose anchor another clause's heading holds keeps its own
    # ids, and the page still has each id once.
    page = BeautifulSoup((app.outdir / f"lc-anchor-taken-{syntax}.html").read_text("utf-8"),
                         "html.parser")
    ids = [element["id"] for element in page.select("article [id]")]
    assert len(ids) == len(set(ids))
    assert page.select_one("section#fees h2").get_text().startswith("2. Fees")
    kept = {"rst": "charges", "md": "ma-fees"}[syntax]
    assert page.select_one(f"section#{kept} h2").get_text().startswith("1. Charges")
    data = json.loads((app.outdir / f"lc-anchor-taken-{syntax}.agreement.json")
                      .read_text("utf-8"))
    assert [c["anchor"] for c in data["clauses"]] == [kept, "fees"]


def test_bad_input_fails_under_W(tmp_path):
    result = build_site(tmp_path, srcdir=ROOTS / "test-agreement-warnings")
    assert result.returncode != 0
    assert "[agreement.version-cycle]" in result.warnings
    assert "Traceback" not in result.warnings


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_redline_links_each_clause_to_its_stable_anchor(built, syntax):
    _old, current, _upcoming = CHAINS[syntax]
    redline = BeautifulSoup((built.outdir / f"{current}.redline.html").read_text(), "html.parser")
    links = [a["href"] for a in redline.select(".redline-clause-link a")]
    assert links == [f"{current}.html#{anchor}" for anchor in ("use", "fees", "privacy", "end")]
