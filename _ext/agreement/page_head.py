"""What an agreement page carries in its ``<head>`` for machines: the link
to its chain's Atom feed, and JSON-LD -- a schema.org ``WebPage`` whose
``mainEntity`` is the ``DefinedTermSet`` of the agreement's definitions.

The JSON is escaped for the ``<script>`` element: ``<``, ``>`` and ``&``
are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``, so that no text of
a document can close the element or open a comment, and the JSON parses to
the same strings.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from sphinx.util.osutil import relative_uri

from .domain import agreement_domain
from .feed import page_url
from .outputs import JSON_BUILDERS, feed_name, file_link

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["json_ld", "script_json", "setup_page_head"]

_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(data: object) -> str:
    """`data` as JSON that is safe inside ``<script>`` (see above)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_SCRIPT_ESCAPES)


def json_ld(app: Sphinx, docname: str) -> dict[str, Any]:
    """The JSON-LD of agreement `docname`."""
    domain = agreement_domain(app.env)
    meta = domain.agreements[docname]
    if app.config.html_baseurl:
        url = page_url(app, docname)
    else:  # relative to the page itself
        target = app.builder.get_target_uri(docname)
        url = relative_uri(target, target)
    terms = [{"@type": "DefinedTerm", "name": record["term"], "description": record["sentence"],
              "url": f"{url}#{record['id']}"} for record in domain.terms.get(docname, [])]
    page: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": meta["title"],
        "url": url,
        "mainEntity": {"@type": "DefinedTermSet", "name": meta["title"],
                       "hasDefinedTerm": terms},
    }
    if meta["last_updated"]:
        page["dateModified"] = meta["last_updated"]
    if meta["provider"]:
        page["publisher"] = {"@type": "Organization", "name": meta["provider"]}
    return page


def add_page_head(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: object) -> None:
    """``html-page-context``: the feed link and the JSON-LD of an agreement
    page, in html and dirhtml (the builders that write the feed)."""
    if app.builder.name not in JSON_BUILDERS or doctree is None:
        return
    domain = agreement_domain(app.env)
    if pagename not in domain.agreements:
        return
    head = []
    feed = feed_name(domain, app.builder, pagename)
    if feed is not None:
        title = escape(domain.agreements[domain.version_chain(pagename)[-1]]["title"])
        head.append(f'<link rel="alternate" type="application/atom+xml" title="{title}" '
                    f'href="{escape(file_link(app.builder, pagename, feed))}">')
    head.append('<script type="application/ld+json">'
                f"{script_json(json_ld(app, pagename))}</script>")
    context["metatags"] = context.get("metatags", "") + "\n".join(head) + "\n"


def setup_page_head(app: Sphinx) -> None:
    app.connect("html-page-context", add_page_head)
