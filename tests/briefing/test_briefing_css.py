"""The extension's stylesheets: briefing.css, on the extension's own custom
properties, and briefing-furo.css, which maps them to furo's colour variables;
shipped, small, linked, the furo mapping only under furo (root
``test-briefing-all-features``, whose theme is Sphinx's default).
"""

from __future__ import annotations

from pathlib import Path

from briefing_support import ALL_FEATURES, ALL_FEATURES_SHARED


@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_css_shipped_and_linked(app):
    app.build()
    css = Path(app.outdir) / "_static" / "briefing.css"
    furo = Path(app.outdir) / "_static" / "briefing-furo.css"
    assert css.is_file() and css.stat().st_size < 10_000
    # Its own properties; furo's variables only in the mapping to furo,
    # which a page of another theme leaves out.
    assert "var(--briefing-" in css.read_text() and "var(--color-" not in css.read_text()
    assert "var(--color-" in furo.read_text()
    page = (Path(app.outdir) / "rst_page.html").read_text()
    assert '_static/briefing.css' in page and '_static/briefing-furo.css' not in page
