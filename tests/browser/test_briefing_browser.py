"""The briefing in a real browser: catalogue links land on technology cards,
the ranking chart shows and marks its highlighted bar without relying on
colour, and badges and chart stay readable (WCAG contrast) in light and dark.

Pages are found in the session's build rather than named here, so a new
briefing page or a moved chart is covered without editing this file."""

from __future__ import annotations

import re

import pytest
from colour_contrast import CONTRAST_JS
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

CATALOGUE = "source/briefing/catalogue.html"
# WCAG 2.x: 4.5:1 for normal-size text (1.4.3), 3:1 for graphical objects (1.4.11).
TEXT_CONTRAST = 4.5
NON_TEXT_CONTRAST = 3.0
CARD_ID = re.compile(r'<div class="technology\b[^"]*" id="(technology-[^"]+)"')

def html_pages(site, holding: str) -> list[str]:
    """Pages of the build whose HTML contains `holding`, sorted."""
    return sorted(p.relative_to(site.outdir).as_posix() for p in site.outdir.rglob("*.html")
                  if holding in p.read_text(encoding="utf-8"))


def briefing_pages(site) -> list[str]:
    return sorted(p.relative_to(site.outdir).as_posix()
                  for p in (site.outdir / "source" / "briefing").glob("*.html"))


def ranking_page(site) -> str:
    pages = html_pages(site, 'class="ranking-chart"')
    assert pages, "no page of the build holds a ranking chart"
    return pages[0]


def open_in_theme(page, set_theme, url: str, theme: str) -> None:
    page.goto(url)
    if page.evaluate("document.body.dataset.theme") != theme:
        set_theme(page, theme)
    page.evaluate(CONTRAST_JS)


def card_in_view(page) -> dict | None:
    """The element the URL's fragment targets, once it is in the viewport
    (furo scrolls smoothly), or None if it never gets there."""
    try:
        page.wait_for_function("""() => {
            const el = document.querySelector(':target');
            if (!el) return false;
            const r = el.getBoundingClientRect();
            return r.height > 0 && r.top >= 0 && r.top < innerHeight;
        }""", timeout=5000)
    except PlaywrightTimeoutError:
        return None
    return page.evaluate("""() => {
        const el = document.querySelector(':target');
        return {id: el.id, classes: [...el.classList],
                title: el.querySelector('.technology-title')?.innerText ?? null};
    }""")


# -- Catalogue → cards --------------------------------------------------------------


def test_every_catalogue_link_lands_on_its_technology_card(page, served_site, site):
    page.goto(served_site + CATALOGUE)
    tables = page.locator("table.technologies")
    assert tables.count() >= 2
    links = tables.first.locator("tbody tr td:first-child a")
    entries = links.evaluate_all("els => els.map(a => [a.getAttribute('href'), a.innerText])")
    assert len(entries) >= 10, entries
    # The filtered tables list a subset of the full one, so clicking the full
    # table's links exercises every target.
    filtered = set()
    for index in range(1, tables.count()):
        filtered |= set(tables.nth(index).locator("tbody tr td:first-child a").evaluate_all(
            "els => els.map(a => a.getAttribute('href'))"))
    assert filtered and filtered <= {href for href, _ in entries}

    # Every card of the briefing is in the catalogue (none forgotten).
    cards = set()
    for rel in briefing_pages(site):
        cards |= {f"{rel.rsplit('/', 1)[1]}#{anchor}"
                  for anchor in CARD_ID.findall((site.outdir / rel).read_text(encoding="utf-8"))}
    assert cards and cards <= {href for href, _ in entries}, cards - {h for h, _ in entries}

    # Every link is clicked from the catalogue: a real navigation each. (Following
    # a page's other links by changing only the fragment proved flaky: headless
    # Chromium sometimes drops the smooth scroll of a same-page jump.)
    failures = []
    for index, (href, title) in enumerate(entries):
        if index:
            page.go_back()
            page.wait_for_url("**/" + CATALOGUE)
        page.locator("table.technologies").first.locator(
            "tbody tr td:first-child a").nth(index).click()
        page.wait_for_url("**/" + href)
        landed = card_in_view(page)
        if (landed is None or landed["id"] != href.split("#", 1)[1]
                or "technology" not in landed["classes"] or landed["title"] != title):
            failures.append((href, title, landed))
    assert failures == []
    assert page.console_errors == []


# -- Ranking chart ------------------------------------------------------------------


def test_ranking_chart_is_visible_named_and_to_scale(page, served_site, site):
    page.goto(served_site + ranking_page(site))
    chart = page.locator("svg.ranking-chart").first
    box = chart.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 50, box
    assert chart.is_visible()
    # An image with an accessible name that starts with the ranking's caption.
    caption = page.locator("div.ranking caption .ranking-caption").first.inner_text().strip()
    assert caption
    named = page.get_by_role("img", name=re.compile("^" + re.escape(caption)))
    assert named.count() >= 1
    assert named.first.evaluate("el => el.classList.contains('ranking-chart')")

    bars = chart.evaluate("""svg => [...svg.querySelectorAll(':scope > g')].map(g => ({
        name: g.querySelector('.ranking-name').textContent,
        value: parseFloat(g.querySelector('.ranking-value').textContent.replace(/[,%]/g, '')),
        width: g.querySelector('rect.bar').getBoundingClientRect().width,
        height: g.querySelector('rect.bar').getBoundingClientRect().height,
    }))""")
    assert len(bars) >= 3
    assert all(bar["height"] > 0 and bar["width"] > 0 for bar in bars), bars
    # Bars are drawn to scale, the highlighted one included (a theme rule on the
    # public `highlight` class must not stretch it).
    per_unit = [bar["width"] / bar["value"] for bar in bars if bar["value"] > 0]
    assert max(per_unit) / min(per_unit) < 1.05, bars
    assert page.console_errors == []


def test_highlighted_bar_stands_out_without_colour(page, served_site, site):
    page.goto(served_site + ranking_page(site))
    chart = page.locator("svg.ranking-chart").first
    styles = chart.evaluate("""svg => [...svg.querySelectorAll(':scope > g')].map(g => {
        const bar = getComputedStyle(g.querySelector('rect.bar'));
        const label = getComputedStyle(g.querySelector('.ranking-name'));
        return {highlight: g.classList.contains('highlight')
                           && g.querySelector('rect.bar').classList.contains('highlight'),
                fill: bar.fill, stroke: bar.stroke, strokeWidth: parseFloat(bar.strokeWidth),
                weight: parseInt(label.fontWeight, 10)};
    })""")
    highlighted = [s for s in styles if s["highlight"]]
    others = [s for s in styles if not s["highlight"]]
    assert len(highlighted) == 1 and others, styles
    mark = highlighted[0]
    # Painted differently…
    assert all((mark["fill"], mark["stroke"]) != (o["fill"], o["stroke"]) for o in others)
    # …and distinguishable without colour: a hatch pattern, an outline, a bold label.
    assert mark["fill"].startswith("url("), mark
    has_outline = lambda s: s["stroke"] != "none" and s["strokeWidth"] > 0  # noqa: E731
    assert has_outline(mark) and not any(has_outline(o) for o in others), styles
    assert mark["weight"] >= 600 and all(o["weight"] < 600 for o in others), styles
    # The table marks the same row.
    row = page.locator("div.ranking table tr.highlight")
    assert row.count() == 1
    assert int(row.locator("td").first.evaluate("el => getComputedStyle(el).fontWeight")) >= 600
    assert page.console_errors == []


# -- Readability in light and dark --------------------------------------------------


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_badges_are_readable(page, served_site, site, set_theme, theme):
    pages = html_pages(site, 'class="stage ') + html_pages(site, 'class="technology-area ')
    pages = sorted(set(pages))
    assert CATALOGUE in pages
    low, seen = [], set()
    for rel in pages:
        open_in_theme(page, set_theme, served_site + rel, theme)
        for badge in page.evaluate("""() => {
            const {rgba, background, ratio} = window.__contrast;
            return [...document.querySelectorAll('.stage, .technology-area')]
                .filter(el => el.getClientRects().length)
                .map(el => {
                    const bg = background(el);
                    return {cls: el.className, text: el.innerText, bg: bg.join(),
                            ratio: ratio(rgba(getComputedStyle(el).color), bg)};
                });
        }"""):
            seen.add(badge["cls"])
            if badge["ratio"] < TEXT_CONTRAST:
                low.append((rel, badge))
    # Badges on their own background (product) and on the page's were looked at.
    assert {"stage-product", "stage-rnd"} <= {c for cls in seen for c in cls.split()}, seen
    assert low == []
    assert page.console_errors == []


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_ranking_chart_is_readable(page, served_site, site, set_theme, theme):
    open_in_theme(page, set_theme, served_site + ranking_page(site), theme)
    result = page.locator("svg.ranking-chart").first.evaluate("""svg => {
        const {rgba, background, ratio} = window.__contrast;
        const bg = background(svg);
        const fill = el => rgba(getComputedStyle(el).fill);
        const texts = [...svg.querySelectorAll('text')]
            .map(t => [t.textContent, ratio(fill(t), bg)]);
        const bars = [...svg.querySelectorAll(':scope > g > rect.bar:not(.highlight)')]
            .map(r => ratio(fill(r), bg));
        const mark = svg.querySelector(':scope > g > rect.bar.highlight');
        const hatchBase = svg.querySelector('pattern rect');
        return {bg, texts, bars,
                outline: ratio(rgba(getComputedStyle(mark).stroke), bg),
                hatchBase: ratio(fill(hatchBase), bg)};
    }""")
    assert result["texts"] and result["bars"]
    assert [t for t in result["texts"] if t[1] < TEXT_CONTRAST] == [], result
    assert min(result["bars"]) >= NON_TEXT_CONTRAST, result
    # The highlighted bar's outline and its hatch's base colour both show.
    assert result["outline"] >= NON_TEXT_CONTRAST, result
    assert result["hatchBase"] >= NON_TEXT_CONTRAST, result
    # The theme really changed the page (dark is dark).
    assert (sum(result["bg"][:3]) < 3 * 128) == (theme == "dark"), result["bg"]
    assert page.console_errors == []


def test_the_briefing_has_its_catalogue_and_pages(site):
    # Their console errors are checked with every other page's, by
    # test_navigation.test_no_console_error_on_any_page.
    pages = briefing_pages(site)
    assert CATALOGUE in pages and len(pages) >= 5
