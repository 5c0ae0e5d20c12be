"""The site as readers meet it, in a real browser."""

from __future__ import annotations


def test_home_leads_to_the_terms(page, served_site):
    page.goto(served_site + "index.html")
    page.get_by_role("link", name="Terms of Use").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("source/terms/index.html")
    assert page.locator("h1").first.inner_text().startswith("Terms of Use")
    assert page.console_errors == []


def test_404_page_renders(page, served_site):
    page.goto(served_site + "404.html")
    assert "Page not found" in page.locator("h1").first.inner_text()
    # Its stylesheet loads: furo's layout is in place.
    assert page.locator(".page").count() == 1


def test_dark_mode_toggle(page, served_site, set_theme):
    page.goto(served_site + "index.html")
    set_theme(page, "light")
    light_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.locator(".theme-toggle:visible").first.click()
    # furo cycles auto → dark → light or light → auto...; click until dark.
    for _ in range(3):
        if page.evaluate("document.body.dataset.theme") == "dark":
            break
        page.locator(".theme-toggle:visible").first.click()
    assert page.evaluate("document.body.dataset.theme") == "dark"
    dark_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert light_bg != dark_bg


def test_no_console_error_on_any_page(page, served_site, site):
    pages = sorted(p.relative_to(site.outdir).as_posix() for p in site.outdir.rglob("*.html"))
    assert len(pages) >= 4
    errors = {}
    for rel in pages:
        page.console_errors.clear()
        page.goto(served_site + rel)
        page.wait_for_load_state("load")
        if page.console_errors:
            errors[rel] = list(page.console_errors)
    assert errors == {}
