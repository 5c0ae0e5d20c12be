"""The briefing in Japanese: the words the extension writes come from its
ja catalog (the catalog's completeness is tested with the agreement's, in
tests/agreement/test_languages.py), and dates are written by babel."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOTS, build_site


@pytest.fixture(scope="module")
def ja_briefing(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("ja-briefing"), "-D", "language=ja",
                        srcdir=ROOTS / "test-briefing-all-features")
    assert result.returncode == 0, result.warnings
    return result


def test_catalogue_headers_in_japanese(ja_briefing):
    page = BeautifulSoup(ja_briefing.html("catalogue"), "html.parser")
    headers = [th.get_text(strip=True) for th in page.select("table thead th")][:4]
    assert headers == ["技術", "分野", "段階", "ページ"]
    assert page.select_one(".technologies-controls, fieldset") is None or \
        "Filter the technologies" not in page.get_text(" ")


@pytest.mark.parametrize("page_name", ["rst_page", "md_page"])
def test_cards_and_charts_in_japanese(ja_briefing, page_name):
    page = BeautifulSoup(ja_briefing.html(page_name), "html.parser")
    text = page.get_text(" ")
    assert "More information" not in text and "Since " not in text
    descriptions = [desc.get_text() for desc in page.select("svg desc")]
    assert all(desc.endswith("。") and "の棒グラフ" in desc for desc in descriptions)


# -- the directives' own texts, translated (root test-briefing-translated) -------------


@pytest.fixture(scope="module")
def translated(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("translated"),
                        srcdir=ROOTS / "test-briefing-translated")
    assert result.returncode == 0, result.warnings
    return result


PAGES = {"rst": ("rst_page", "ゲートレス入場", "毎分100人", "ゲートの処理能力", "国別の利用者数"),
         "md": ("md_page", "大規模モデル", "130億", "モデルのパラメータ数", "企業別の論文数")}


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_titles_figures_labels_and_captions_are_translated(translated, syntax):
    page_name, title, figure, label, caption = PAGES[syntax]
    page = BeautifulSoup(translated.html(page_name), "html.parser")
    assert page.select_one(".technology-title").get_text() == title
    assert page.select_one(".metric-value").get_text() == figure
    assert page.select_one(".metric-label-text").get_text() == label
    assert page.select_one("table.ranking-table caption .ranking-caption").get_text() == caption
    assert page.select_one("svg title").get_text() == caption
    # The tech role reads the translated title, from the record.
    assert page.select_one("a .xref.tech").get_text() == title


def test_catalogue_and_register_read_the_translations(translated):
    catalogue = BeautifulSoup(translated.html("index"), "html.parser")
    titles = [row.select("td")[0].get_text(strip=True)
              for row in catalogue.select("table tbody tr")]
    assert sorted(titles) == sorted(["ゲートレス入場", "大規模モデル"])
    register = BeautifulSoup(translated.html("register"), "html.parser")
    labels = [row.select("td")[1].get_text(strip=True) for row in register.select("tbody tr")]
    assert labels[:2] == ["ゲートの処理能力", "国別の利用者数"]
    assert "企業別の論文数" in labels


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_timeline_items_keep_their_dates_in_translation(translated, syntax):
    page = BeautifulSoup(translated.html(PAGES[syntax][0]), "html.parser")
    items = [(li.select_one("time")["datetime"], li.select_one("time").get_text(),
              li.get_text(" ", strip=True)) for li in page.select(".timeline-items > li")]
    assert [item[:2] for item in items] == [
        ("2021", "2021年"), ("2023-05", "2023年5月"), ("2023-12-15", "2023年12月15日")]
    assert [item[2].split(" ", 1)[1] for item in items] == ["開始", "中間", "イノベーション デー"]


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_vocabulary_names_in_the_build_s_language(translated, syntax):
    page = BeautifulSoup(translated.html(PAGES[syntax][0]), "html.parser")
    badges = [badge.get_text() for badge in page.select(".technology-area, .stage")]
    # A name per language, the Japanese one taken; a name with no Japanese
    # form falls back to English; a plain name stays as it is.
    assert badges == (["生体認証", "研究開発", "Beta"] if syntax == "rst"
                      else ["Large language models", "研究開発"])


def test_translators_see_texts_without_markup_they_must_keep(tmp_path):
    """The catalog template: titles, figures, labels and captions are
    messages of their own; a timeline item's message leaves out its date."""
    result = build_site(tmp_path, srcdir=ROOTS / "test-briefing-translated", builder="gettext")
    assert result.returncode == 0, result.warnings
    template = (result.outdir / "rst_page.pot").read_text("utf-8")
    for message in ("Gateless access", "100 people/min", "throughput at the gate",
                    "Users by country", "Start", "Middle", "Innovation *Day*"):
        assert f'msgid "{message}"' in template
    assert "2023-05" not in template and "2021:" not in template


def test_an_english_edition_with_catalogs_carries_its_translations(tmp_path):
    """Any language may have catalogs, ``en`` too (a site that rewrites its
    English texts through them): the records read the translated texts
    there as well, and a timeline item keeps its date."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-briefing-translated", srcdir)
    (srcdir / "locales" / "ja").rename(srcdir / "locales" / "en")
    result = build_site(tmp_path, "-D", "language=en", srcdir=srcdir)
    assert result.returncode == 0, result.warnings
    page = BeautifulSoup(result.html("rst_page"), "html.parser")
    assert page.select_one(".technology-title").get_text() == "ゲートレス入場"
    assert page.select_one("a .xref.tech").get_text() == "ゲートレス入場"
    catalogue = BeautifulSoup(result.html("index"), "html.parser")
    assert "ゲートレス入場" in [row.select("td")[0].get_text(strip=True)
                          for row in catalogue.select("table tbody tr")]
    assert [li.select_one("time")["datetime"]
            for li in page.select(".timeline-items > li")] == ["2021", "2023-05", "2023-12-15"]
