"""The catalogue's filter (`technologies` with `controls`) in a real
browser, on the site's catalogue page: checking a stage leaves only its
rows and the count says how many; keyboard alone does it; axe finds no
serious violation in light and dark; printed, or without CSS, the table
is whole and no control shows.

What screen readers get is read from Chromium's own accessibility tree
(the Chrome DevTools Protocol): the count's live region, its role, its
politeness and its text, as the CSS counter writes it."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

CATALOGUE = "source/briefing/catalogue.html"
FILTER = "div.technologies-filter"


def rows(page) -> list[dict]:
    """Every row of the filtered table: its texts, and whether it shows."""
    return page.locator(f"{FILTER} tbody tr").evaluate_all("""trs => trs.map(tr => ({
        title: tr.cells[0].innerText.trim(), area: tr.cells[1].innerText.trim(),
        stage: tr.cells[2].innerText.trim(), shown: tr.getClientRects().length > 0}))""")


def shown(page) -> list[str]:
    return [row["title"] for row in rows(page) if row["shown"]]


def live_region(page) -> dict:
    """The count as Chromium's accessibility tree has it (what screen
    readers are given): role, live-region properties and text."""
    cdp = page.context.new_cdp_session(page)
    try:
        tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    by_id = {node["nodeId"]: node for node in tree}
    status = [node for node in tree if node.get("role", {}).get("value") == "status"]
    assert len(status) == 1, status
    texts: list[str] = []

    def walk(node: dict) -> None:
        for child_id in node.get("childIds", []):
            child = by_id.get(child_id)
            if child is None:
                continue
            if child.get("role", {}).get("value") == "StaticText":
                texts.append(child.get("name", {}).get("value", ""))
            else:
                walk(child)

    walk(status[0])
    properties = {prop["name"]: prop["value"].get("value")
                  for prop in status[0].get("properties", [])}
    return {"text": "".join(texts), "live": properties.get("live"),
            "ignored": status[0].get("ignored", False)}


def expected_count(page, shown_rows: int) -> str:
    return f"Technologies shown: {shown_rows} of {len(rows(page))}"


@pytest.fixture
def catalogue(page, served_site):
    page.goto(served_site + CATALOGUE)
    assert page.locator(FILTER).count() == 1
    return page


def test_checking_a_stage_leaves_only_its_rows_counted(catalogue):
    page = catalogue
    everything = rows(page)
    assert len(everything) >= 20 and all(row["shown"] for row in everything)
    region = live_region(page)
    assert region == {"text": expected_count(page, len(everything)), "live": "polite",
                      "ignored": False}
    box = page.locator(FILTER)
    assert box.locator(".technologies-controls").is_visible()

    box.get_by_label("Exhibit", exact=True).check()  # by mouse: a click on the box
    exhibits = [row["title"] for row in everything if "Exhibit" in row["stage"].split()]
    assert exhibits and shown(page) == exhibits
    # A technology of two stages, R&D and exhibit, is among them.
    assert "Vital estimation from facial images" in exhibits
    assert live_region(page)["text"] == expected_count(page, len(exhibits))

    # A second stage widens the stage filter (any of them) ...
    box.get_by_label("Product", exact=True).check()
    wider = shown(page)
    assert set(exhibits) < set(wider)
    # ... an area narrows it (both must hold).
    box.get_by_label("Biometric authentication", exact=True).check()
    narrow = [row["title"] for row in rows(page) if row["shown"]]
    assert narrow and all(row["area"] == "Biometric authentication"
                          for row in rows(page) if row["shown"])
    assert set(narrow) <= set(wider)
    assert live_region(page)["text"] == expected_count(page, len(narrow))

    # Nothing checked: the whole table again.
    for label in ("Exhibit", "Product", "Biometric authentication"):
        box.get_by_label(label, exact=True).uncheck()
    assert shown(page) == [row["title"] for row in everything]
    assert page.console_errors == []


def test_the_filter_works_by_keyboard_alone(catalogue):
    page = catalogue
    everything = rows(page)
    # Tab through the page until the first checkbox of the filter has focus.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.technologies-toggle')"):
            break
    else:
        pytest.fail("no checkbox of the filter is reachable with Tab")
    focused = page.evaluate("""() => {
        const el = document.activeElement, style = getComputedStyle(el);
        return {label: el.closest('label').innerText.trim(), visible: el.matches(':focus-visible'),
                outline: style.outlineStyle};
    }""")
    assert focused["visible"] and focused["outline"] != "none", focused
    page.keyboard.press("Space")
    area = focused["label"]
    assert shown(page) == [row["title"] for row in everything if row["area"] == area]
    assert live_region(page)["text"].startswith(f"Technologies shown: {len(shown(page))} ")
    # Space again unchecks it: every row is back.
    page.keyboard.press("Space")
    assert len(shown(page)) == len(everything)


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_no_serious_accessibility_violation_with_a_filter_on(catalogue, set_theme, axe, theme):
    page = catalogue
    set_theme(page, theme)
    page.locator(FILTER).get_by_label("R&D", exact=True).check()
    results = axe.run(page)
    serious = [f"{v['id']}: {v['help']}" for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_printed_the_table_is_whole_and_the_controls_gone(catalogue):
    page = catalogue
    page.locator(FILTER).get_by_label("Exhibit", exact=True).check()
    assert len(shown(page)) < len(rows(page))
    page.emulate_media(media="print")
    assert len(shown(page)) == len(rows(page))
    assert not page.locator(f"{FILTER} .technologies-controls").is_visible()
    assert not page.locator(f"{FILTER} .technologies-count").is_visible()


def test_without_css_the_table_is_whole_and_no_control_shows(catalogue):
    page = catalogue
    page.evaluate("""() => document.querySelectorAll('link[rel="stylesheet"], style')
                          .forEach(el => el.remove())""")
    assert len(shown(page)) == len(rows(page))
    assert not page.locator(f"{FILTER} .technologies-controls").is_visible()
    assert not page.locator(f"{FILTER} .technologies-count").is_visible()
