"""Every test root built without a mistake builds with every builder Sphinx
ships, with no warning and no traceback (issue 15: "every test root with
zero warnings"). The roots that hold bad input on purpose (warnings,
malformed, the bad previous versions, the ranking's bad name column, the
define in a heading) are left out: their warnings are their tests.

EPUB wants a copyright and a version, which a root's conf.py does not
carry: they are given as overrides, as a project's conf.py would."""

from __future__ import annotations

import io
import shutil

import pytest
from sitebuild import ROOTS
from sphinx.testing.util import SphinxTestApp

CLEAN_ROOTS = [
    "agreement-all-features", "agreement-lifecycle", "agreement-redline-template",
    "agreement-terms", "agreement-translated", "briefing-all-features", "briefing-escaping",
    "briefing-technologies", "briefing-translated", "theme-alabaster",
]
BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo", "xml",
            "pseudoxml", "gettext"]
EPUB_NEEDS = {"copyright": "2026, the tests", "version": "1", "release": "1"}


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    """One copy of each root, shared by its builds (each builder writes its
    own output and doctree folders)."""
    base = tmp_path_factory.mktemp("clean-roots")
    for name in CLEAN_ROOTS:
        shutil.copytree(ROOTS / f"test-{name}", base / name)
    return base


@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("root", CLEAN_ROOTS)
def test_clean_root_builds_quietly_with_every_builder(sources, monkeypatch, root, builder):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    srcdir = sources / root
    app = SphinxTestApp(builder, srcdir=srcdir, builddir=srcdir / "_build" / builder,
                        freshenv=True, confoverrides=EPUB_NEEDS,
                        status=io.StringIO(), warning=io.StringIO())
    try:
        app.build()
        warnings = app.warning.getvalue()
        assert app.statuscode == 0
        assert warnings.strip() == "", warnings
        assert any(app.outdir.iterdir())
    finally:
        app.cleanup()
