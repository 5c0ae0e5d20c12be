"""The Japanese edition of the site (``make html-ja``): built with ``-W``
from the catalogs of locales/ja, every page but the authoring guide
translated, no English left in what the extensions write, the Terms'
definitions marked and their terms linked, and each page linked to the
same page in the other edition."""

from __future__ import annotations

import ast
import posixpath
import re

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from sitebuild import REPO, build_site

LOCALES = REPO / "locales" / "ja" / "LC_MESSAGES"
TERMS = "source/terms/leap-terms-of-use"


def site_pages() -> set[str]:
    """Docnames of the site's pages (the disclaimer snippets are not pages)."""
    pages = {"index"}
    for path in (REPO / "source").rglob("*"):
        if path.suffix in (".md", ".rst") and "disclaimers" not in path.parts:
            pages.add(path.relative_to(REPO).with_suffix("").as_posix())
    return pages


TRANSLATED_PAGES = sorted(page for page in site_pages() if not page.startswith("source/guide/"))
GUIDE_PAGES = sorted(page for page in site_pages() if page.startswith("source/guide/"))


def test_japanese_edition_builds_with_zero_warnings(site_ja):
    assert site_ja.returncode == 0, site_ja.warnings
    assert site_ja.warnings.strip() == ""


def test_every_page_but_the_guide_has_a_complete_catalog():
    catalogs = sorted(path.relative_to(LOCALES).with_suffix("").as_posix()
                      for path in LOCALES.rglob("*.po"))
    assert catalogs == TRANSLATED_PAGES
    for page in catalogs:
        with (LOCALES / f"{page}.po").open("rb") as stream:
            catalog = read_po(stream)
        left = [message.id for message in catalog
                if message.id and (not message.string or message.fuzzy)]
        assert left == [], page


def test_catalogs_hold_exactly_the_messages_of_the_pages(tmp_path):
    """A fresh ``make gettext``: each catalog translates every message its
    page has now, and none it no longer has (a stale catalog would leave
    English in the edition)."""
    templates = build_site(tmp_path, builder="gettext")
    assert templates.returncode == 0, templates.warnings
    for page in TRANSLATED_PAGES:
        with (templates.outdir / f"{page}.pot").open("rb") as stream:
            wanted = {message.id for message in read_po(stream) if message.id}
        with (LOCALES / f"{page}.po").open("rb") as stream:
            held = {message.id for message in read_po(stream) if message.id}
        assert wanted - held == set(), page
        assert held - wanted == set(), page


def article(result, page: str) -> BeautifulSoup:
    soup = BeautifulSoup(result.html(page), "html.parser")
    return soup.select_one("article") or soup


@pytest.mark.parametrize("page", TRANSLATED_PAGES)
def test_no_untranslated_text_on_translated_pages(site_ja, page):
    # translation_progress_classes marks what no catalog entry translated.
    left = [element.get_text(" ", strip=True)[:60]
            for element in article(site_ja, page).select(".untranslated")]
    assert left == []


def _generated_english() -> set[str]:
    """The English words that the extensions write into pages (the literal
    messages of their ``_()`` calls, placeholders left out: "Last updated",
    "Sections", "As of" ...; warnings, ``__()``, are not page text)."""
    words = set()
    for path in sorted(REPO.glob("_ext/*/*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                for piece in re.split(r"\{\w+\}", node.args[0].value):
                    part = piece.strip(" .,:;()")
                    if len(part) >= 4 and re.search("[A-Za-z]{3}", part):
                        words.add(part)
    return words


@pytest.mark.parametrize("page", TRANSLATED_PAGES)
def test_no_english_left_in_generated_text(site_ja, page):
    body = article(site_ja, page)
    # What is left once the translated text of the page is taken out: what
    # the extensions and Sphinx wrote (sources are cited as published, in
    # English, and a word in 「」 is quoted).
    for element in body.select(".translated, aside.footnote, .footnote-list, div.citation"):
        element.decompose()
    text = re.sub(r"「[^」]*」", "", body.get_text(" "))
    english = _generated_english()
    assert len(english) > 50
    found = sorted(word for word in english
                   if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text))
    assert found == []


def test_japanese_terms_mark_every_definition_and_link_every_term(site, site_ja):
    english = BeautifulSoup(site.html(TERMS), "html.parser")
    japanese = BeautifulSoup(site_ja.html(TERMS), "html.parser")
    defined = [dfn["id"] for dfn in japanese.select("dfn[id^=term-]")]
    assert len(defined) == len(english.select("dfn[id^=term-]")) == 25
    assert all(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]|^term-(liquid-ai|aup)$", term)
               for term in defined), defined
    linked = {a["href"].removeprefix("#") for a in japanese.select("a.term")}
    assert linked == set(defined)
    # Every reference is a clause reference, in the Japanese form.
    references = [ref.get_text() for ref in japanese.select(".clause-ref")]
    assert len(references) == len(english.select(".clause-ref"))
    item = r"第[\d.]+条(から第[\d.]+条まで)?"
    assert all(re.fullmatch(rf"{item}((、|及び){item})*", ref) for ref in references), references
    assert "第4条から第10条まで及び第12条から第19条まで" in references


def test_japanese_terms_say_english_governs_and_link_to_it(site_ja):
    notice = BeautifulSoup(site_ja.html(TERMS), "html.parser").select_one(".translation-notice")
    assert "英語版が正文" in notice.get_text()
    # Every clause is translated: no list of clauses left in English.
    assert "翻訳されていない" not in notice.get_text()
    link = notice.select_one("a.governing-version")
    page = posixpath.normpath(posixpath.join(posixpath.dirname(TERMS), link["href"]))
    assert page == f"../html/{TERMS}.html"


LINKED_PAGES = ["index", "source/briefing/index", TERMS, "source/guide/agreements"]


@pytest.mark.parametrize("page", LINKED_PAGES)
def test_each_page_links_to_the_same_page_in_the_other_edition(site, site_ja, page):
    for edition, other, folder in ((site, "ja", "html-ja"), (site_ja, "en", "html")):
        soup = BeautifulSoup(edition.html(page), "html.parser")
        links = soup.select(f".sidebar-languages a[hreflang={other}]")
        assert len(links) == 1
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), links[0]["href"]))
        assert target == f"../{folder}/{page}.html"
        head = soup.select_one(f'link[rel=alternate][hreflang="{other}"]')
        assert head["href"] == links[0]["href"]


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_guide_pages_say_in_japanese_that_they_stay_english(site, site_ja, page):
    notice = "日本語版でも英語のまま掲載しています"
    assert notice in article(site_ja, page).get_text()
    assert notice not in article(site, page).get_text()


def test_briefing_generated_words_and_vocabulary_in_japanese(site_ja):
    catalogue = article(site_ja, "source/briefing/catalogue")
    headers = [th.get_text(strip=True) for th in catalogue.select("table thead th")][:4]
    assert headers == ["技術", "分野", "段階", "ページ"]
    stages = {badge.get_text() for badge in catalogue.select(".stage")}
    assert stages and all(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", s) for s in stages), stages
    timeline = article(site_ja, "source/briefing/timeline")
    dates = [time.get_text() for time in timeline.select("time.timeline-date")]
    assert dates and all(date.endswith(("年", "月", "日")) for date in dates), dates
