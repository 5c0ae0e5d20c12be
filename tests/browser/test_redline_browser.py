"""The redline page of the agreements guide's example in a real browser:
insertions underlined and deletions struck through (readable without
colour), in the light and dark themes and under the system's dark
preference, with marked text that contrasts with its tinted background."""

from __future__ import annotations

import pytest

GUIDE = "source/guide/agreements.html"
REDLINE = "source/guide/examples/sample-terms-v2.redline.html"

# Colour of the text over the background actually painted behind it (the
# tints are translucent), and the WCAG contrast ratio of the two.
MARKS_JS = """() => {
  const ctx = Object.assign(document.createElement('canvas'), {width: 1, height: 1})
      .getContext('2d', {willReadFrequently: true});
  const rgba = (css) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000'; ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3]))
      .concat([1]);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((bg, layer) => over(layer, bg), [255, 255, 255, 1]);
  };
  const luminance = (c) => c.slice(0, 3).map(v => v / 255)
      .map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (fg, bg) => {
    const [hi, lo] = [luminance(over(fg, bg)), luminance(bg)].sort((a, b) => b - a);
    return Math.round((hi + 0.05) / (lo + 0.05) * 100) / 100;
  };
  const marks = [...document.querySelectorAll('.agreement-redline ins, .agreement-redline del')];
  return {
    pageLuminance: luminance(background(document.body)),
    marks: marks.map(el => {
      const style = getComputedStyle(el);
      const bg = background(el);
      return {tag: el.tagName.toLowerCase(), text: el.textContent,
              decoration: style.textDecorationLine,
              contrast: ratio(rgba(style.color), bg),
              tinted: background(el).join() !== background(el.parentElement).join()};
    }),
  };
}"""


def test_guide_links_to_its_example_redline(page, served_site):
    page.goto(served_site + GUIDE)
    page.get_by_role("link", name="the redline from version 1 to version 2").click()
    page.wait_for_url("**/" + REDLINE)
    assert page.locator("h1").inner_text().startswith("Changes to Sample Terms, Version 2")
    assert page.locator(".agreement-redline section.redline-clause").count() == 7
    assert page.console_errors == []


@pytest.mark.parametrize(("theme", "system"), [
    ("light", "light"), ("dark", "light"), ("auto", "dark"), ("light", "dark")])
def test_marks_readable_without_colour_and_contrasting(page, served_site, set_theme,
                                                       theme, system):
    page.emulate_media(color_scheme=system)
    page.goto(served_site + REDLINE)
    if page.evaluate("document.body.dataset.theme") != theme:
        set_theme(page, theme)
    result = page.evaluate(MARKS_JS)
    dark = theme == "dark" or (theme == "auto" and system == "dark")
    assert (result["pageLuminance"] < 0.1) == dark, result["pageLuminance"]
    marks = result["marks"]
    assert {m["tag"] for m in marks} == {"ins", "del"}
    for mark in marks:
        expected = "underline" if mark["tag"] == "ins" else "line-through"
        assert expected in mark["decoration"].split(), mark
        assert mark["contrast"] >= 4.5, mark
        assert mark["tinted"], mark  # the tint only helps; the lines carry the meaning
    # The example's word changes are all there, marked.
    texts = {(m["tag"], m["text"].strip()) for m in marks}
    assert {("del", "30"), ("ins", "45"), ("del", "Content"), ("ins", "Data"),
            ("del", "2"), ("ins", "3")} <= texts
    assert page.console_errors == []
