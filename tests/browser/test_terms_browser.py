"""The Terms of Use in a real browser: clause links, term definitions on
hover and keyboard focus, the defined-terms index, search and print."""

from __future__ import annotations

import io
import re

import pypdf

TERMS = "source/terms/leap-terms-of-use.html"


def test_clause_reference_lands_on_the_numbered_clause(page, served_site):
    page.goto(served_site + TERMS)
    # Clause 12's survival list: "Sections 4 through 10 and 12 through 19".
    survival = page.locator("section", has=page.locator("h2", has_text="Termination")).first
    text = survival.inner_text()
    assert "Sections 4 through 10 and 12 through 19" in text
    link = survival.get_by_role("link", name="4", exact=True).first
    link.click()
    page.wait_for_function("location.hash.length > 1")
    target = page.evaluate("document.getElementById(decodeURIComponent(location.hash.slice(1)))"
                           " .closest('section').querySelector('h2').innerText")
    assert re.match(r"4\.?\s+Ownership", target), target
    # Furo scrolls smoothly: wait until the clause has come into view.
    page.wait_for_function("""() => {
        const r = document.getElementById(decodeURIComponent(location.hash.slice(1)))
            .getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight;
    }""", timeout=5000)


def _tooltip(link) -> str:
    """The text a defined term's link shows as its tooltip ('' when none)."""
    content = link.evaluate("el => getComputedStyle(el, '::after').content")
    return "" if content in ("none", "normal", "") else content.strip('"')


def test_defined_term_shows_its_definition_on_hover_and_focus(page, served_site):
    page.goto(served_site + TERMS)
    link = page.locator("a.term", has_text="Customer Data").first
    definition = " ".join(page.locator("dfn#term-customer-data").evaluate(
        "el => el.closest('p, li').innerText").split())
    # The accessible description, what assistive technology announces.
    description = link.evaluate("el => el.ariaDescription")
    assert "Customer Data" in description and description[:60] in definition
    assert _tooltip(link) == ""
    link.hover()
    assert _tooltip(link) == description
    box = link.evaluate("""el => { const r = el.getBoundingClientRect();
        return [r.bottom, getComputedStyle(el, '::after').position]; }""")
    assert box[1] == "absolute"
    page.mouse.move(0, 0)
    assert _tooltip(link) == ""
    page.keyboard.press("Tab")  # focus-visible comes from the keyboard
    link.focus()
    assert _tooltip(link) == description


def test_defined_terms_index_links_resolve(page, served_site):
    page.goto(served_site + TERMS)
    hrefs = page.locator(".defined-terms a").evaluate_all("els => els.map(a => a.href)")
    assert len(hrefs) >= 25
    missing = page.evaluate("""hrefs => hrefs.filter(h => {
        const u = new URL(h);
        return u.pathname === location.pathname && u.hash
            && !document.getElementById(decodeURIComponent(u.hash.slice(1)));
    })""", hrefs)
    assert missing == []


def test_search_finds_customer_data_on_the_terms_page(page, served_site):
    page.goto(served_site + "search.html?q=%22Customer+Data%22")
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for(timeout=15000)
    hrefs = results.evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert any("leap-terms-of-use.html" in h for h in hrefs), hrefs


def test_terms_print_to_pdf_with_numbers_and_link_targets(page, served_site):
    page.goto(served_site + TERMS)
    page.emulate_media(media="print")
    assert page.locator(".sidebar-drawer").evaluate("el => getComputedStyle(el).display") == "none"
    pdf = page.pdf(format="A4", print_background=False)
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    assert "LEAP Terms of Use" in flat
    for number, title in ((1, "Access to the Services"), (12, "Termination"),
                          (17, "Limitation of Liability"), (19, "Miscellaneous")):
        assert re.search(rf"\b{number}\.? {title}", flat), (number, title)
    assert "Sections 4 through 10 and 12 through 19" in flat
    # An external link's target is printed; the site navigation is not.
    assert "<https://leap.liquid.ai/acceptable-use>" in flat.replace(" ", "")
    assert "Authoring guide" not in flat
