"""The briefing in Japanese: the words the extension writes come from its
ja catalog (the catalog's completeness is tested with the agreement's, in
tests/agreement/test_languages.py), and dates are written by babel."""

from __future__ import annotations

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
