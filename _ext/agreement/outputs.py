"""Which builders write which of the extension's own outputs, and the links
to them: ``X.agreement.json`` and the redline page ``X.redline`` are
written by the one-file-per-page HTML builders only, so that no page links
to an output its builder does not write."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util.osutil import relative_uri

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from .domain import AgreementDomain

__all__ = ["JSON_BUILDERS", "feed_name", "file_link", "has_redline", "output_name", "page_link",
           "redline_pagename"]

#: The builders that write ``X.agreement.json`` beside each agreement page
#: (and so link to it): one HTML file per document.
JSON_BUILDERS = frozenset({"html", "dirhtml"})


def output_name(builder: Builder, docname: str, extension: str) -> str:
    """The link from `docname`'s page to its sibling output file
    ``<docname><extension>`` (``terms.agreement.json``)."""
    return relative_uri(builder.get_target_uri(docname), docname + extension)


def file_link(builder: Builder, docname: str, filename: str) -> str:
    """The link from `docname`'s page to the output file `filename` (a path
    from the output folder, such as ``terms.atom``)."""
    return relative_uri(builder.get_target_uri(docname), filename)


def feed_name(domain: AgreementDomain, builder: Builder, docname: str) -> str | None:
    """The Atom feed of `docname`'s chain of versions, ``X.atom`` beside the
    newest version ``X``, where the builder writes one (html, dirhtml) and
    the chain has a dated version."""
    if builder.name not in JSON_BUILDERS or docname not in domain.agreements:
        return None
    chain = domain.version_chain(docname)
    if not any(domain.agreements[doc]["last_updated"] for doc in chain):
        return None
    return chain[-1] + ".atom"


def redline_pagename(docname: str) -> str:
    """The page name of the redline of agreement `docname`: ``X.redline``,
    written as ``X.redline.html`` beside ``X.html`` by the html builder
    (``X.redline/`` by dirhtml, as every page there is a folder)."""
    return docname + ".redline"


def page_link(builder: Builder, from_page: str, to_page: str) -> str:
    """The relative link from page `from_page` to page `to_page` (either a
    document or a page such as a redline), as the builder names them."""
    return relative_uri(builder.get_target_uri(from_page), builder.get_target_uri(to_page))


def has_redline(domain: AgreementDomain, builder: Builder, docname: str) -> bool:
    """Whether the build writes a redline page for `docname`: an agreement
    whose `previous` names another agreement, in a one-file-per-page HTML
    build."""
    meta = domain.agreements.get(docname)
    previous = meta["previous"] if meta else None
    return (builder.name in JSON_BUILDERS and previous is not None
            and previous != docname and previous in domain.agreements)
