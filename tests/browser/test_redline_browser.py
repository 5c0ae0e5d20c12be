"""The redline page of the agreements guide's example in a real browser:
insertions underlined and deletions struck through (readable without
colour), in the light and dark themes and under the system's dark
preference, with marked text that contrasts with its tinted background."""

from __future__ import annotations

import pytest
from colour_contrast import CONTRAST_JS

GUIDE = "source/guide/agreements.html"
REDLINE = "source/guide/examples/sample-terms-v2.redline.html"

# Colour of the text over the background actually painted behind it (the
# tints are translucent), and the WCAG contrast ratio of the two; the
# functions come from colour_contrast.CONTRAST_JS, evaluated first.
MARKS_JS = """() => {
  const {rgba, background, luminance, ratio} = window.__contrast;
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
    # From the guide to version 2, and from its header to the redline.
    page.goto(served_site + GUIDE)
    page.get_by_role("link", name="version 2", exact=True).click()
    page.get_by_role("link", name="Changes from the previous version (redline)").click()
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
    page.evaluate(CONTRAST_JS)
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
