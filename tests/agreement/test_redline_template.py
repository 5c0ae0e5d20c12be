"""The redline page's template, on real builds of root
``test-agreement-redline-template`` (two versions of a small agreement):

- as the site has it: its ``_templates/agreement-redline.html`` extends the
  extension's ``agreement-redline-base.html`` and replaces two blocks;
- with ``templates_path = []``: the extension's own template;
- with ``templates_path = ["_templates_whole"]``: a template of the site's
  that replaces the whole body;
- with the ``basic`` and ``alabaster`` themes instead of furo.

The engine's HTML (every clause, mark and list) is tested in
``test_redline_engine.py``, through the same template.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import furo
import pytest
import sphinx
import sphinx_basic_ng
from sitebuild import REPO, ROOTS

from agreement.versions import PAGE_TEMPLATE, TEMPLATES, add_template_path

ROOT = ROOTS / "test-agreement-redline-template"
GUIDE = REPO / "source" / "guide" / "agreements.md"
PAGE = "terms-v2.redline.html"
VARIANTS = {
    "site": {},
    "extension": {"templates_path": []},
    "whole": {"templates_path": ["_templates_whole"]},
    "basic": {"templates_path": [], "html_theme": "basic"},
    "alabaster": {"templates_path": [], "html_theme": "alabaster"},
}
END = "</section>\n</div>\n</section>\n"  # the clauses, the fragment, the body


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, SimpleNamespace]:
    """Each variant built once, from its own copy of the root: the redline
    page's HTML and the templates_path that the build ended up with."""
    from sphinx.testing.util import SphinxTestApp

    results = {}
    for name, overrides in VARIANTS.items():
        srcdir = tmp_path_factory.mktemp(f"redline-template-{name}")
        shutil.copytree(ROOT, srcdir, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("_build"))
        app = SphinxTestApp("html", srcdir=srcdir, confoverrides=overrides, freshenv=True)
        try:
            app.build()
            results[name] = SimpleNamespace(
                page=(app.outdir / PAGE).read_text(encoding="utf-8"),
                warnings=app.warning.getvalue(),
                templates_path=list(app.config.templates_path))
        finally:
            app.cleanup()  # one app at a time: the next registers the same nodes
    return results


def redline_body(page: str) -> str:
    """The page's body as the template sets it: ``<section id="redline">``."""
    start = page.index('<section id="redline">')
    return page[start:page.index(END, start) + len(END)]


@pytest.mark.parametrize("name", VARIANTS)
def test_every_variant_builds_without_a_warning(builds, name):
    assert builds[name].warnings == ""


def test_site_template_wins_over_the_extension_one(builds):
    site, extension = builds["site"].page, builds["extension"].page
    # The site's blocks, with what they give the template: the comparison
    # (counts, each clause's pair) and the versions' titles.
    assert ('<p class="site-redline-note">Site template: 2 changed since Kappa Terms (2023).</p>'
            in site)
    assert [line for line in site.splitlines() if "site-redline-clause" in line] == [
        '<p class="site-redline-clause">1: changed</p>',
        '<p class="site-redline-clause">2: changed</p>',
        '<p class="site-redline-clause">3: removed</p>',
        '<p class="site-redline-clause">3: added</p>',
    ]
    assert "site-redline-" not in extension
    # super(): the rest is the extension's page, line for line, each of the
    # site's lines right after the block it extends.
    assert [line for line in site.splitlines() if "site-redline-" not in line] == (
        extension.splitlines())
    lines = site.splitlines()
    for number, line in enumerate(lines):
        if "site-redline-note" in line:
            assert lines[number - 1].startswith('<p class="redline-legend">')
        if "site-redline-clause" in line:
            assert lines[number - 1] == "</section>"


def test_extension_template_escapes_document_text_as_html_escape(builds):
    """A clause title with ', ", & and <...> (smartquotes off), from the
    documents through the export into the template."""
    body = redline_body(builds["extension"].page)
    escaped = "Customer&#x27;s &quot;Rights&quot; &amp; &lt;Duties&gt;"
    assert f'<span class="clause-number">2</span> {escaped}</a></li>' in body
    assert (f'<h3><span class="clause-number">2</span> {escaped} '
            '<span class="redline-status">(changed)</span></h3>') in body
    assert "<Duties>" not in body and "Customer's" not in body
    assert "The Customer keeps <ins>all</ins> its rights." in body


def test_site_template_can_replace_the_whole_body(builds):
    page = builds["whole"].page
    assert ('<p class="site-redline-whole">4 clauses; 1 added, 1 removed.</p>' in page)
    assert "<h1>Changes to Kappa Terms (2024)</h1>" in page
    assert "agreement-redline" not in page.replace("_static/redline.css", "")
    # Still a page of the theme, with the redline's stylesheet.
    assert 'class="theme-toggle"' in page
    assert 'href="_static/redline.css' in page


@pytest.mark.parametrize("theme", ["basic", "alabaster"])
def test_other_themes_show_the_same_body(builds, theme):
    """The template sets the page's body, which every theme's page.html
    shows: the same bytes in basic and alabaster as in furo."""
    page = builds[theme].page
    assert redline_body(page) == redline_body(builds["extension"].page)
    assert 'role="main"' in page and "<title>Changes to Kappa Terms (2024)" in page
    assert 'href="_static/redline.css' in page


def test_extension_templates_come_after_the_sites(builds):
    assert builds["site"].templates_path == ["_templates", str(TEMPLATES)]
    assert builds["extension"].templates_path == [str(TEMPLATES)]
    # Once only, whatever type the site gave the list.
    config = SimpleNamespace(templates_path=("_templates",))
    add_template_path(None, config)
    add_template_path(None, config)
    assert config.templates_path == ["_templates", str(TEMPLATES)]


def theme_template_names() -> set[str]:
    """Every template name of the themes installed here."""
    folders = [Path(sphinx.__file__).parent / "themes",
               Path(furo.__file__).parent / "theme",
               Path(sphinx_basic_ng.__file__).parent / "theme"]
    names = set()
    for folder in folders:
        for theme in folder.iterdir():
            if theme.is_dir():
                names |= {p.relative_to(theme).as_posix() for p in theme.rglob("*.html")}
    assert {"page.html", "layout.html", "base.html"} <= names
    return names


def test_extension_templates_shadow_no_theme_template():
    ours = sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*")
                  if p.is_file())
    assert ours == ["agreement-redline-base.html", PAGE_TEMPLATE]
    assert PAGE_TEMPLATE == "agreement-redline.html"
    assert all(name.startswith("agreement-") for name in ours)
    assert not set(ours) & theme_template_names()


def test_guide_example_is_the_site_template_built_here():
    """The authoring guide shows this root's template, so its example is
    one that builds and overrides (see test_site_template_wins...)."""
    template = (ROOT / "_templates" / PAGE_TEMPLATE).read_text(encoding="utf-8")
    assert f"```html+jinja\n{template}```\n" in GUIDE.read_text(encoding="utf-8")
    assert template.startswith('{% extends "agreement-redline-base.html" %}\n')
