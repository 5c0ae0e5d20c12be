"""Versions of an agreement: the redline page ``X.redline.html`` beside each
agreement ``X.html`` whose `previous` option names an earlier version.

The page is an ordinary page of the site's theme (``html-collect-pages``),
so it has the navigation, the theme toggle and the stylesheets; its body is
`redline.render_html` of the two versions' exports, so the comparison is of
the rendered text (a reference whose number changed is a change).

The pages are made afresh in every build, from the exports of both
versions as this build sees them: editing only the earlier version updates
the redline even though the later one's source did not change.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from .domain import agreement_domain
from .export import agreement_data
from .outputs import has_redline, page_link, redline_pagename

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

#: The template of furo (and of Sphinx's basic theme) for a page of content.
PAGE_TEMPLATE = "page.html"
STYLESHEET = "redline.css"
_SUFFIX = redline_pagename("")  # what a redline's page name adds to its docname


def redline_docnames(app: Sphinx) -> list[str]:
    """The agreements that get a redline page in this build, sorted."""
    domain = agreement_domain(app.env)
    return sorted(doc for doc in domain.agreements if has_redline(domain, app.builder, doc))


def redline_context(app: Sphinx, docname: str) -> dict[str, Any] | None:
    """The page context (title, body) of the redline of `docname` against
    its previous version, or None if either export is unavailable."""
    # Imported here: most builds have no redline page, and every build
    # (an incremental one too) would pay for loading the comparison.
    from .redline import compare, render_html  # noqa: PLC0415

    domain = agreement_domain(app.env)
    previous = domain.agreements[docname]["previous"]
    new, old = agreement_data(app, docname), agreement_data(app, previous)
    if new is None or old is None:
        return None
    pagename = redline_pagename(docname)
    new_title, old_title = new["title"] or docname, old["title"] or previous
    title = f"Changes to {new_title}"
    fragment = render_html(
        compare(old, new),
        old_href=page_link(app.builder, pagename, previous),
        new_href=page_link(app.builder, pagename, docname),
        old_title=old_title, new_title=new_title, heading_level=2,
    )
    body = (f'<section id="redline">\n<h1>{html.escape(title)}</h1>\n'
            f"{fragment}</section>\n")
    return {"title": html.escape(title), "body": body}


def collect_redline_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: one redline page per agreement with a previous
    version."""
    for docname in redline_docnames(app):
        context = redline_context(app, docname)
        if context is not None:
            yield redline_pagename(docname), context, PAGE_TEMPLATE


def add_redline_stylesheet(app: Sphinx, pagename: str, templatename: str,
                           context: dict[str, Any], doctree: object) -> None:
    """``html-page-context``: the redline stylesheet, on redline pages only
    (Sphinx adds a file given here to this one page)."""
    if doctree is None and pagename.endswith(_SUFFIX):
        docname = pagename.removesuffix(_SUFFIX)
        if has_redline(agreement_domain(app.env), app.builder, docname):
            app.add_css_file(STYLESHEET)


def setup_versions(app: Sphinx) -> None:
    app.connect("html-collect-pages", collect_redline_pages)
    app.connect("html-page-context", add_redline_stylesheet)
