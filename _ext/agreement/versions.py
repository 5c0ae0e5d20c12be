"""Versions of an agreement: the redline page ``X.redline.html`` beside each
agreement ``X.html`` whose `previous` option names an earlier version.

The page is an ordinary page of the site's theme (``html-collect-pages``),
so it has the navigation, the theme toggle and the stylesheets. It compares
the two versions' exports with `redline.compare`, so the comparison is of
the rendered text (a reference whose number changed is a change), and is
rendered from the template ``agreement-redline.html`` (folder
``templates/``), which extends the theme's ``page.html`` and sets its body
from the `Redline` in the context (see `redline_page_context`).

The extension's template folder goes at the end of ``templates_path``
(``config-inited``): Sphinx searches that list in order and before the
theme, so a site's own ``agreement-redline.html`` in its ``templates_path``
wins. Both templates' names start with ``agreement-`` and so shadow none of
a theme's.

The pages are made afresh in every build, from the exports of both
versions as this build sees them: editing only the earlier version updates
the redline even though the later one's source did not change.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from sphinx.locale import get_translation

from .domain import agreement_domain
from .export import agreement_data
from .outputs import has_redline, page_link, redline_pagename

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from sphinx.application import Sphinx
    from sphinx.config import Config

    from .redline import Redline

_ = get_translation("agreement")

#: The template of a redline page; a site's own in `templates_path` wins.
PAGE_TEMPLATE = "agreement-redline.html"
#: The extension's templates: `PAGE_TEMPLATE`, which extends
#: ``agreement-redline-base.html``, which extends the theme's ``page.html``.
TEMPLATES = Path(__file__).resolve().parent / "templates"
STYLESHEET = "redline.css"
_SUFFIX = redline_pagename("")  # what a redline's page name adds to its docname


def redline_docnames(app: Sphinx) -> list[str]:
    """The agreements that get a redline page in this build, sorted."""
    domain = agreement_domain(app.env)
    return sorted(doc for doc in domain.agreements if has_redline(domain, app.builder, doc))


def escape(text: str) -> Markup:
    """Text as HTML, as the redline has always escaped it
    (``html.escape(text, quote=True)``: ``&#x27;``, ``&quot;``).  Jinja's
    ``|e`` spells those two ``&#39;`` and ``&#34;``; the result is
    `Markup`, so it is not escaped again where autoescaping is on."""
    return Markup(html.escape(text, quote=True))


def redline_text() -> dict[str, str]:
    """The words of the redline page, in the build's language, HTML-escaped
    (the template puts them in as they are)."""
    words = {
        "versions": _("Changes from {old} to {new}."),
        "changes": _("What changed, in the author's words:"),
        "legend": _("How to read this page: {inserted}, {deleted}; screen readers announce "
                    "the start and end of each insertion and deletion. Clause numbers that "
                    "changed show the old number struck through, then the new one."),
        "inserted": _("inserted words are underlined"),
        "deleted": _("deleted words are struck through"),
        "summary": _("Summary of changes"),
        "added": _("Added"), "removed": _("Removed"), "changed": _("Changed"),
        "renumbered": _("Renumbered"), "unchanged": _("Unchanged"),
        "none_added": _("No clause added."), "none_removed": _("No clause removed."),
        "none_changed": _("No clause changed."),
        "none_renumbered": _("No clause renumbered."),
        "clauses": _("Clauses"),
        "clause_link": _("This clause in the version"),
        "removed_link": _("This clause in the earlier version"),
        "status_added": _("added"), "status_removed": _("removed"),
        "status_changed": _("changed"), "status_unchanged": _("unchanged"),
        "status_renumbered": _("renumbered"),
        "status_changed_renumbered": _("changed, renumbered"),
    }
    # Element content: quotes stay as they are (the page had "author's").
    return {key: Markup(html.escape(str(value), quote=False)) for key, value in words.items()}


def redline_page_context(redline: Redline, *, title: str, old_href: str, new_href: str,
                         old_title: str, new_title: str,
                         heading_level: int = 2, changes: Sequence[str] = ()) -> dict[str, Any]:
    """The context of `PAGE_TEMPLATE` for one redline (no Sphinx needed):
    the page's ``title`` (HTML, as Sphinx's page context has it) and the
    ``redline_*`` variables that the template documents.  Strings are plain
    text; the template escapes them with ``redline_escape``."""
    return {
        "title": html.escape(title),
        "redline": redline,
        "redline_title": title,
        "redline_old_href": old_href,
        "redline_old_title": old_title,
        "redline_new_href": new_href,
        "redline_new_title": new_title,
        "redline_heading_level": heading_level,
        "redline_changes": list(changes),
        "redline_text": redline_text(),
        "redline_escape": escape,
    }


def redline_context(app: Sphinx, docname: str) -> dict[str, Any] | None:
    """The page context of the redline of `docname` against its previous
    version (see `redline_page_context`), or None if either export is
    unavailable."""
    # Imported here: most builds have no redline page, and every build
    # (an incremental one too) would pay for loading the comparison.
    from .redline import compare  # noqa: PLC0415

    domain = agreement_domain(app.env)
    previous = domain.agreements[docname]["previous"]
    assert previous is not None  # redline_docnames has only agreements with one
    new = agreement_data(app, docname, after_writing=True)
    old = agreement_data(app, previous, after_writing=True)
    if new is None or old is None:
        return None
    pagename = redline_pagename(docname)
    new_title, old_title = new["title"] or docname, old["title"] or previous
    return redline_page_context(
        compare(old, new),
        title=str(_("Changes to {title}")).format(title=new_title),
        old_href=page_link(app.builder, pagename, previous),
        new_href=page_link(app.builder, pagename, docname),
        old_title=old_title, new_title=new_title, heading_level=2, changes=new["changes"],
    )


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


def add_template_path(app: Sphinx, config: Config) -> None:
    """``config-inited``: the extension's templates, after the site's own
    ``templates_path`` (which Sphinx searches first, then the theme)."""
    path = str(TEMPLATES)
    if path not in config.templates_path:
        config.templates_path = [*config.templates_path, path]


def setup_versions(app: Sphinx) -> None:
    app.connect("config-inited", add_template_path)
    app.connect("html-collect-pages", collect_redline_pages)
    app.connect("html-page-context", add_redline_stylesheet)
