"""Every string of the input is escaped in the HTML of every directive and
role: in text, in attributes and in the SVG chart (root
``test-briefing-escaping``; the fuzzers in tests/fuzz/ try random input).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing_support import SVG_NS, svg_tree
from bs4 import BeautifulSoup


@pytest.mark.sphinx("html", testroot="briefing-escaping")
@pytest.mark.test_params(shared_result="briefing-escaping")
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
