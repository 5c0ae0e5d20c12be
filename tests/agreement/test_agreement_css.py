"""The extension's stylesheets: agreement.css, on the extension's own custom
properties, and agreement-furo.css, which maps them to furo's light and dark
themes; shipped, small, styling every class of the markup, linked, the furo
mapping only under furo.

On the root ``test-agreement-all-features``, whose theme is Sphinx's default.
"""

from __future__ import annotations

import re

from agreement_support import ALL_FEATURES, ALL_FEATURES_SHARED, built, soup


@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_stylesheet(app):
    outdir = built(app)
    css = outdir / "_static" / "agreement.css"
    furo = outdir / "_static" / "agreement-furo.css"
    assert css.is_file() and furo.is_file()
    assert css.stat().st_size + furo.stat().st_size < 10_000
    text, mapping = css.read_text(encoding="utf-8"), furo.read_text(encoding="utf-8")
    # The properties mapped to furo's variables, and furo's dark mode, apart.
    assert "var(--color-background-secondary)" in mapping
    assert 'body[data-theme="dark"]' in mapping
    assert "prefers-color-scheme: dark" in mapping
    assert "var(--color-" not in text
    for name in ("agreement-header", "clause-number", "a.term", "conspicuous", "clause-summary",
                 "defined-terms"):
        assert name in text
    head = soup(outdir, "terms-rst").head
    assert head.find("link", href=re.compile(r"_static/agreement\.css"))
    # The root's theme is Sphinx's default, not furo: no mapping to furo.
    assert head.find("link", href=re.compile(r"_static/agreement-furo\.css")) is None
