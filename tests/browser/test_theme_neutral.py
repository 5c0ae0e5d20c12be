"""The extensions' styles under a theme that is not furo (root
``test-theme-alabaster``): alabaster defines none of furo's CSS variables and
has no dark mode, so the blocks, badges, tooltips and chart must take their
colours from the extensions' own defaults, and those must read well on its
white page whether the reader's system is set to light or to dark.

WCAG 2.x: text needs 4.5:1 against its own background (1.4.3), borders and
bars that carry meaning 3:1 (1.4.11)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from colour_contrast import CONTRAST_JS
from sphinx.testing.util import SphinxTestApp

pytestmark = pytest.mark.browser

TEXT_CONTRAST = 4.5
NON_TEXT_CONTRAST = 3.0
AGREEMENT, BRIEFING = "agreement.html", "briefing.html"
# The OS colour scheme the browser reports; alabaster ignores it, the
# extensions' defaults must too.
SCHEMES = ["light", "dark"]


@pytest.fixture(scope="module")
def alabaster_site(rootdir, tmp_path_factory):
    """The root built once, as `make html` would: no warning at all."""
    srcdir = tmp_path_factory.mktemp("theme-alabaster") / "src"
    shutil.copytree(rootdir / "test-theme-alabaster", srcdir)
    # sphinx.testing swaps a conf.py's "alabaster" for "basic" unless the
    # theme is given as an override.
    app = SphinxTestApp("html", srcdir=srcdir, freshenv=True,
                        confoverrides={"html_theme": "alabaster", "nitpicky": True})
    try:
        app.build()
        assert app.statuscode == 0 and app.warning.getvalue() == "", app.warning.getvalue()
        assert app.config.html_theme == "alabaster"
        yield app.outdir
    finally:
        app.cleanup()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        # Alabaster's pages link no icon, so the browser asks for the default
        # one: "no content" rather than a 404 logged as a console error.
        if self.path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture(scope="module")
def served(alabaster_site):
    """Base URL of the build, served over HTTP on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(alabaster_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def open_page(page, served, name: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(served + name)
    page.evaluate(CONTRAST_JS)
    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert dark == (scheme == "dark")
    # The premise: alabaster keeps its white page whatever the system says.
    assert page.evaluate("window.__contrast.background(document.body)") == [255, 255, 255, 1]


# In the page: what the reader sees of the elements a selector matches.
# `text`: contrast of the element's text with its own background;
# `fill`: whether it paints a background of its own that differs from what is
# behind it; `rule`: contrast of its widest border with what is behind it.
LOOKS_JS = """
(selector) => {
  const {rgba, background, ratio} = window.__contrast;
  const same = (a, b) => a.every((v, i) => Math.abs(v - b[i]) < 1e-6);
  return [...document.querySelectorAll(selector)].map(el => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const own = background(el);
    const behind = el.parentElement ? background(el.parentElement) : [255, 255, 255, 1];
    const side = ['Top', 'Right', 'Bottom', 'Left']
      .map(s => [parseFloat(style[`border${s}Width`]), style[`border${s}Style`],
                 style[`border${s}Color`]])
      .filter(([w, s]) => w > 0 && s !== 'none' && s !== 'hidden')
      .sort((a, b) => b[0] - a[0])[0];
    return {
      selector, html: el.outerHTML.slice(0, 80),
      visible: box.width > 0 && box.height > 0 && style.visibility === 'visible',
      text: ratio(rgba(style.color), own),
      fill: !same(own, behind),
      rule: side ? ratio(rgba(side[2]), behind) : 0,
    };
  });
}
"""


def looks(page, selector: str) -> list[dict]:
    found = page.evaluate(LOOKS_JS, selector)
    assert found, f"nothing on the page matches {selector!r}"
    assert all(item["visible"] for item in found), found
    return found


def low(items: list[dict], key: str, minimum: float) -> list[dict]:
    return [item for item in items if item[key] < minimum]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_agreement_blocks_are_set_apart_and_readable(page, served, scheme):
    open_page(page, served, AGREEMENT, scheme)
    # Boxes with a tint of their own, and the accent rule beside the text.
    boxes = looks(page, ".agreement-header") + looks(page, ".conspicuous") \
        + looks(page, ".clause-summary")
    assert [box for box in boxes if not box["fill"]] == []
    accented = [box for box in boxes if box["selector"] != ".agreement-header"]
    assert low(accented, "rule", NON_TEXT_CONTRAST) == []
    # Their text, the summary's coloured title and note, clause numbers, terms.
    texts = []
    for selector in (".agreement-header dt, .agreement-header dd, .agreement-header a",
                     ".conspicuous p", ".clause-summary > p", ".clause-summary-title",
                     ".clause-summary-note", ".clause-number", "a.term"):
        texts += looks(page, selector)
    assert low(texts, "text", TEXT_CONTRAST) == []
    assert page.console_errors == []


TOOLTIP_JS = """
(el) => {
  const {rgba, background, ratio} = window.__contrast;
  const after = getComputedStyle(el, '::after');
  const content = after.content;
  const bg = rgba(after.backgroundColor);
  return {
    content: ['none', 'normal', ''].includes(content) ? '' : content.replace(/^"|"$/g, ''),
    position: after.position,
    // The tooltip lies over the text below it: its background must hide it.
    opaque: bg[3] === 1,
    text: ratio(rgba(after.color), bg[3] === 1 ? bg : background(el)),
    border: ratio(rgba(after.borderTopColor), background(el)) * (after.borderTopStyle !== 'none'),
  };
}
"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_term_tooltip_shows_readably_on_hover_and_keyboard_focus(page, served, scheme):
    open_page(page, served, AGREEMENT, scheme)
    # A use inside the conspicuous block: a tinted background around it.
    for link in (page.locator(".conspicuous a.term").first, page.locator("p > a.term").first):
        description = link.evaluate("el => el.ariaDescription")
        assert description and link.evaluate(TOOLTIP_JS)["content"] == ""
        link.hover()
        hovered = link.evaluate(TOOLTIP_JS)
        page.mouse.move(0, 0)
        assert link.evaluate(TOOLTIP_JS)["content"] == ""
        page.keyboard.press("Tab")  # focus-visible comes from the keyboard
        link.focus()
        focused = link.evaluate(TOOLTIP_JS)
        link.blur()
        for shown in (hovered, focused):
            assert shown["content"] == description and shown["position"] == "absolute", shown
            assert shown["opaque"], shown
            assert shown["text"] >= TEXT_CONTRAST, shown
            assert shown["border"] >= NON_TEXT_CONTRAST, shown
    assert page.console_errors == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_briefing_cards_badges_and_metric_are_visible_and_readable(page, served, scheme):
    open_page(page, served, BRIEFING, scheme)
    cards = looks(page, "div.technology")
    metrics = looks(page, "div.metric")
    assert [box for box in cards + metrics if not box["fill"]] == []
    assert low(cards + metrics, "rule", NON_TEXT_CONTRAST) == []
    badges = looks(page, ".stage, .technology-area")
    # In the cards and in running text; every badge is outlined…
    assert len(badges) >= 6 and low(badges, "rule", NON_TEXT_CONTRAST) == []
    # …and a product is a filled badge.
    products = looks(page, ".stage-product")
    assert len(products) >= 2 and [b for b in products if not b["fill"]] == []
    texts = badges + looks(page, ".technology-title, .technology-facts") \
        + looks(page, ".metric-value, .metric-label")
    assert low(texts, "text", TEXT_CONTRAST) == []
    assert page.console_errors == []


CHART_JS = """
(svg) => {
  const {rgba, background, ratio} = window.__contrast;
  const bg = background(svg);
  const paint = (el, what) => rgba(getComputedStyle(el)[what]);
  const differ = (a, b) => a.join() !== b.join();
  const bars = [...svg.querySelectorAll(':scope > g > rect.bar:not(.highlight)')];
  const mark = svg.querySelector(':scope > g > rect.bar.highlight');
  const hatchBase = paint(svg.querySelector('pattern rect.bar'), 'fill');
  const hatchLine = getComputedStyle(svg.querySelector('pattern .hatch'));
  return {
    bg,
    texts: [...svg.querySelectorAll('text')]
      .map(t => [t.textContent, ratio(paint(t, 'fill'), bg)]),
    // Bars in a colour of their own: not transparent, not the page's, not the text's.
    bars: bars.map(r => {
      const fill = paint(r, 'fill');
      return {alpha: fill[3], contrast: ratio(fill, bg),
              ownColour: differ(fill, paint(svg, 'color'))};
    }),
    // The highlighted bar: its hatch pattern is two colours, both showing, and it is outlined.
    markFill: getComputedStyle(mark).fill,
    hatchBase: ratio(hatchBase, bg),
    hatchLine: hatchLine.stroke === 'none' ? 0 : ratio(rgba(hatchLine.stroke), hatchBase),
    outline: getComputedStyle(mark).stroke === 'none' ? 0 : ratio(paint(mark, 'stroke'), bg),
  };
}
"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_ranking_chart_bars_show_and_the_highlight_differs(page, served, scheme):
    open_page(page, served, BRIEFING, scheme)
    chart = page.locator("svg.ranking-chart")
    assert chart.count() == 1 and chart.is_visible()
    result = chart.evaluate(CHART_JS)
    assert result["texts"] and [t for t in result["texts"] if t[1] < TEXT_CONTRAST] == [], result
    assert len(result["bars"]) == 2, result
    assert all(bar["alpha"] == 1 and bar["contrast"] >= NON_TEXT_CONTRAST and bar["ownColour"]
               for bar in result["bars"]), result
    assert result["markFill"].startswith("url("), result
    assert result["hatchBase"] >= NON_TEXT_CONTRAST, result
    assert result["hatchLine"] >= NON_TEXT_CONTRAST, result
    assert result["outline"] >= NON_TEXT_CONTRAST, result
    # The table marks the same row, on a tint of its own.
    row = looks(page, "div.ranking tr.highlight")
    assert len(row) == 1 and row[0]["fill"], row
    assert low(looks(page, "div.ranking td"), "text", TEXT_CONTRAST) == []
    assert page.console_errors == []


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", [AGREEMENT, BRIEFING])
def test_axe_finds_no_violation(page, served, axe, name, scheme):
    open_page(page, served, name, scheme)
    # The page's content, where the extensions' markup is: alabaster's own
    # sidebar and footer are not theirs (its grey footer text is below 4.5:1).
    violations = axe.run(page, context='[role="main"]').response["violations"]
    assert [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:5]])
            for v in violations] == []


# -- Under furo: the same properties, furo's values ----------------------------------

# Every custom property of the extensions' furo rules, read back on furo's body:
# the mapping's (`var(--color-…)`) next to the furo variable's own value, the
# dark variants' next to the value they declare.
FURO_RULES_JS = """
() => {
  const body = getComputedStyle(document.body);
  const root = getComputedStyle(document.documentElement);
  const found = [];
  for (const sheet of document.styleSheets) {
    const file = (sheet.href || '').split('?')[0].split('/').pop();
    if (!['agreement-furo.css', 'briefing-furo.css'].includes(file)) continue;
    const rules = [...sheet.cssRules]
      .flatMap(r => r instanceof CSSMediaRule ? [...r.cssRules] : [r]);
    for (const rule of rules) {
      if (!(rule.selectorText || '').startsWith('body')) continue;
      const dark = rule.selectorText.includes('data-theme');
      for (const prop of rule.style) {
        const value = rule.style.getPropertyValue(prop).trim();
        const furo = value.match(/^var\\((--[\\w-]+)\\)$/);
        found.push({file, prop, dark, body: body.getPropertyValue(prop).trim(),
                    root: root.getPropertyValue(prop).trim(),
                    expected: furo ? body.getPropertyValue(furo[1]).trim() : value});
      }
    }
  }
  return found;
}
"""


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_under_furo_the_properties_take_furos_values(page, served_site, set_theme, theme):
    # The redline page links every stylesheet of the extensions, and the
    # mapping to furo's variables of each.
    page.goto(served_site + "source/guide/examples/sample-terms-v2.redline.html")
    set_theme(page, theme)
    found = page.evaluate(FURO_RULES_JS)
    mapped = [f for f in found if not f["dark"]]
    assert {f["file"] for f in mapped} == {"agreement-furo.css", "briefing-furo.css"}, found
    assert {f["file"] for f in found if f["dark"]} == {"agreement-furo.css"}, found
    assert {"--agreement-redline-ins", "--agreement-redline-del"} <= {
        f["prop"] for f in found if f["dark"]}
    assert [f for f in mapped if f["body"] != f["expected"] or not f["body"]] == []
    for f in (f for f in found if f["dark"]):
        assert f["body"] == (f["expected"] if theme == "dark" else f["root"]), f
    assert page.console_errors == []
