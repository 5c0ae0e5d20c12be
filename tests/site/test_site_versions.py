"""The site's agreements over time (issue 16): the LEAP Terms, one real
version, get the archive table and the feed; the guide's fictional sample
is a chain of three versions, superseded, current and upcoming as of the
tests' build date (2026-01-01); the clause links are the same in each."""

from __future__ import annotations

import json
import re

import feedparser
from bs4 import BeautifulSoup

TERMS = "source/terms/leap-terms-of-use"
SAMPLE = "source/guide/examples/sample-terms-v{}"


def soup(site, page):
    return BeautifulSoup(site.html(page), "html.parser")


def export(site, page):
    return json.loads((site.outdir / f"{page}.agreement.json").read_text(encoding="utf-8"))


def test_leap_terms_archive_table_and_feed(site):
    table = soup(site, "source/terms/index").select_one("table.agreement-versions")
    rows = table.select("tbody tr")
    assert len(rows) == 1  # one real version: none is invented
    cells = [td.get_text(" ", strip=True) for td in rows[0].select("td")]
    assert cells == ["LEAP Terms of Use", "15 July 2025", "15 July 2025", "current", "\u2014"]
    feed = feedparser.parse((site.outdir / f"{TERMS}.atom").read_bytes())
    assert feed.bozo == 0 and feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == ["LEAP Terms of Use"]
    assert feed.entries[0].updated == "2025-07-15T00:00:00Z"
    page = soup(site, TERMS)
    assert page.select_one('head link[type="application/atom+xml"]')["href"] == \
        "leap-terms-of-use.atom"
    data = export(site, TERMS)
    assert (data["status"], data["effective"], data["changes"]) == ("current", "2025-07-15", [])
    [script] = re.findall(r'<script type="application/ld\+json">(.*?)</script>',
                          site.html(TERMS), re.S)
    ld = json.loads(script)
    assert ld["name"] == "LEAP Terms of Use"
    assert [term["name"] for term in ld["mainEntity"]["hasDefinedTerm"]] == [
        definition["term"] for definition in data["definitions"]]
    assert len(data["definitions"]) == 25


def test_sample_chain_of_three_versions(site):
    statuses = [export(site, SAMPLE.format(n))["status"] for n in (1, 2, 3)]
    assert statuses == ["superseded", "current", "upcoming"]
    for n, css in ((1, "agreement-superseded"), (2, "agreement-changing"),
                   (3, "agreement-upcoming")):
        assert soup(site, SAMPLE.format(n)).select_one(f".agreement-header .{css}") is not None
    feed = feedparser.parse((site.outdir / f"{SAMPLE.format(3)}.atom").read_bytes())
    assert feed.bozo == 0
    assert len(feed.entries) == 3
    assert feed.entries[0].link.endswith("sample-terms-v3.html")
    # The Fees clause has one anchor in every version, and the guide's table
    # of versions lists all three, newest first.
    for n in (1, 2, 3):
        assert soup(site, SAMPLE.format(n)).select_one("section#fees") is not None
    guide = soup(site, "source/guide/agreements").select_one("table.agreement-versions")
    assert [row.select("td")[3].get_text(strip=True) for row in guide.select("tbody tr")] == [
        "upcoming", "current", "superseded"]
