"""axe-core on every page type, in light and dark: no serious or critical
violation. axe-core's script comes bundled with axe-playwright-python."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

# One page of each type readers meet.
PAGE_TYPES = {
    "home": "index.html",
    "briefing page": "source/briefing/core-technologies.html",
    "catalogue": "source/briefing/catalogue.html",
    # The Terms page holds the defined-terms index too.
    "terms": "source/terms/leap-terms-of-use.html",
    "redline page": "source/guide/examples/sample-terms-v2.redline.html",
    # The sample's three versions: superseded, current (a new version is
    # coming) and upcoming, each with its notice at the top.
    "superseded version": "source/guide/examples/sample-terms-v1.html",
    "current version": "source/guide/examples/sample-terms-v2.html",
    "upcoming version": "source/guide/examples/sample-terms-v3.html",
    "guide page": "source/guide/agreements.html",
    "not found": "404.html",
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def serious_violations(axe, page) -> list[str]:
    results = axe.run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                        for n in v["nodes"][:5])
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("page_type", sorted(PAGE_TYPES))
def test_no_serious_accessibility_violation(page, served_site, set_theme, axe, page_type, theme):
    page.goto(served_site + PAGE_TYPES[page_type])
    set_theme(page, theme)
    assert serious_violations(axe, page) == []
