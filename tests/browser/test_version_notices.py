"""The notices at the top of a version's page, in a real browser, in the
light and dark themes: seen before anything else of the agreement, with
text that contrasts with the background painted behind it, and a link a
keyboard reaches first (the guide's sample: version 1 superseded, version 2
current with version 3 coming on 1 January 2030, as of the tests' build
date)."""

from __future__ import annotations

import pytest
from colour_contrast import CONTRAST_JS

EXAMPLES = "source/guide/examples/"
NOTICES = {
    "sample-terms-v1.html": ("agreement-superseded", "sample-terms-v2.html"),
    "sample-terms-v2.html": ("agreement-changing", "sample-terms-v3.html"),
    "sample-terms-v3.html": ("agreement-upcoming", "sample-terms-v2.html"),
}

NOTICE_JS = """(cls) => {
  const {rgba, background, ratio} = window.__contrast;
  const notice = document.querySelector('.agreement-header .' + cls);
  if (!notice) return null;
  const box = notice.getBoundingClientRect();
  const header = document.querySelector('.agreement-header').getBoundingClientRect();
  const title = document.querySelector('article h1').getBoundingClientRect();
  const texts = [...notice.querySelectorAll('p, a')].map(el => ({
    contrast: ratio(rgba(getComputedStyle(el).color), background(el)), text: el.textContent}));
  return {top: box.top, headerTop: header.top, titleBottom: title.bottom,
          first: notice.parentElement.firstElementChild === notice,
          headerBottom: header.bottom,
          visible: box.width > 0 && box.height > 0, texts,
          link: notice.querySelector('a') && notice.querySelector('a').getAttribute('href')};
}"""


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("page_name", sorted(NOTICES))
def test_notice_at_the_top_readable_and_linked(page, served_site, set_theme, theme, page_name):
    css_class, target = NOTICES[page_name]
    page.goto(served_site + EXAMPLES + page_name)
    set_theme(page, theme)
    page.evaluate(CONTRAST_JS)
    found = page.evaluate(NOTICE_JS, css_class)
    assert found is not None, f"no .{css_class} on {page_name}"
    assert found["visible"]
    # Right under the title, the first thing of the header.
    assert found["first"]
    assert found["titleBottom"] <= found["headerTop"] <= found["top"] < found["headerBottom"]
    assert found["link"] == target
    for text in found["texts"]:
        assert text["contrast"] >= 4.5, text
    # The other notices are not there.
    for other, _target in NOTICES.values():
        if other != css_class:
            assert page.locator(f".{other}").count() == 0
    assert page.console_errors == []


def test_notice_link_is_reached_by_keyboard_and_followed(page, served_site):
    page.goto(served_site + EXAMPLES + "sample-terms-v1.html")
    link = page.locator(".agreement-superseded a").first
    link.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')") == "sample-terms-v2.html"
    page.keyboard.press("Enter")
    page.wait_for_url("**/sample-terms-v2.html")
    assert page.locator(".agreement-changing").count() == 1
