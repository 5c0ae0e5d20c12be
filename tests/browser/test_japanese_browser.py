"""The Japanese edition in a real browser: the language links between the
editions, a term's definition on hover, search for compound words, no
console error, and axe in light and dark."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_accessibility import serious_violations

from site_languages.search import split_terms

TERMS = "source/terms/leap-terms-of-use.html"


def test_language_links_lead_to_the_same_page_both_ways(page, served_editions):
    page.goto(served_editions + "html/" + TERMS)
    page.locator(".sidebar-languages a[hreflang=ja]").click()
    page.wait_for_load_state()
    assert page.url == served_editions + "html-ja/" + TERMS
    assert page.locator("h1").first.inner_text().startswith("LEAP利用規約")
    assert page.evaluate("document.documentElement.lang") == "ja"
    page.locator(".sidebar-languages a[hreflang=en]").click()
    page.wait_for_load_state()
    assert page.url == served_editions + "html/" + TERMS
    # The notice's own link to the governing (English) text.
    page.goto(served_editions + "html-ja/" + TERMS)
    page.locator(".translation-notice a.governing-version").click()
    page.wait_for_load_state()
    assert page.url == served_editions + "html/" + TERMS
    assert page.console_errors == []


def test_japanese_term_shows_its_definition_on_hover(page, served_editions):
    page.goto(served_editions + "html-ja/" + TERMS)
    link = page.locator('a.term[href="#term-集計匿名データ"]').first
    description = link.evaluate("el => el.ariaDescription")
    # The defining sentence, not its whole paragraph.
    assert "「集計匿名データ」" in description and description.endswith("。")
    assert description.count("。") == 1
    link.hover()
    shown = link.evaluate("el => getComputedStyle(el, '::after').content").strip('"')
    assert shown == description


@pytest.mark.parametrize(("query", "expected"), [
    ("集計匿名データ", "source/terms/leap-terms-of-use.html"),  # a defined term
    ("補償義務者", "source/terms/leap-terms-of-use.html"),
    ("海底ケーブル", "source/briefing/networks.html"),  # a technology's name
])
def test_search_finds_a_compound_word(page, served_editions, query, expected):
    page.goto(served_editions + "html-ja/search.html?q=" + quote(query))
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=15000)
    hrefs = results.evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert any(href.split("#")[0].split("?")[0] == expected for href in hrefs), hrefs


SAMPLES = ["本サービス", "LEAPのServicesを利用する", "お客様データ（Customer Data）",
           "第4条から第10条まで", "ｶﾀｶﾅ 々 ー", "NIST FRVT 1:N", "顔認証、映像認識。"]


def test_query_splitting_in_the_browser_is_the_index_s(page, served_editions):
    page.goto(served_editions + "html-ja/search.html")
    for sample in SAMPLES:
        in_browser = page.evaluate("text => splitQuery(text)", sample)
        # The index leaves out terms of one character (Sphinx's Japanese
        # word filter); the browser does the same.
        assert in_browser == [term for term in split_terms(sample) if len(term) > 1], sample


def test_no_console_error_on_any_japanese_page(page, served_editions, site_ja):
    # (The 404 page's links are absolute to the site's root, where this
    # server does not put the edition; the English suite loads it there.)
    pages = sorted(p.relative_to(site_ja.outdir).as_posix() for p in site_ja.outdir.rglob("*.html")
                   if p.name != "404.html")
    errors = {}
    for rel in pages:
        page.console_errors.clear()
        page.goto(served_editions + "html-ja/" + rel)
        page.wait_for_load_state("load")
        if page.console_errors:
            errors[rel] = list(page.console_errors)
    assert errors == {}


JAPANESE_PAGES = ["index.html", "source/briefing/core-technologies.html",
                  "source/briefing/catalogue.html", TERMS, "source/terms/index.html"]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("path", JAPANESE_PAGES)
def test_no_serious_accessibility_violation_in_japanese(page, served_editions, set_theme, axe,
                                                        path, theme):
    page.goto(served_editions + "html-ja/" + path)
    set_theme(page, theme)
    assert serious_violations(axe, page) == []
