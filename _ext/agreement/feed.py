"""The Atom 1.0 feed (RFC 4287) of each chain of versions, ``X.atom``
beside the newest version ``X.html``: one entry per version, newest first,
with its page, its effective date and status, the author's `changes` and
the clauses the redline finds added, removed, renumbered and changed.

Written at the end of an html or dirhtml build from the versions' exports,
so it reads as the pages do. Deterministic: the times are the versions'
own dates (midnight UTC), never the build's, and the ids are the pages'
URLs (``html_baseurl``) or, without a base URL, UUIDs derived from the
docnames; a feed whose bytes did not change is not written again.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

from foundation.dates import build_date, parse_iso_date, readable_date

from .domain import agreement_domain
from .export import agreement_data
from .lifecycle import STATUS_TEXT, status_of
from .outputs import JSON_BUILDERS, feed_name, has_redline, redline_pagename

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .records import AgreementExport
    from .redline import ListedClause, Redline

__all__ = ["ATOM", "build_feed", "setup_feed"]

_ = get_translation("agreement")

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _timestamp(iso_date: str) -> str:
    return f"{iso_date}T00:00:00Z"


def file_url(app: Sphinx, filename: str) -> str:
    """The URL of an output file: absolute under ``html_baseurl``, else
    relative to the output folder (where the feed is)."""
    base = app.config.html_baseurl
    return (base.rstrip("/") + "/" + filename) if base else filename


def page_url(app: Sphinx, pagename: str) -> str:
    """The URL of a page, as `file_url`."""
    return file_url(app, app.builder.get_target_uri(pagename))


def _id(app: Sphinx, url: str, name: str) -> str:
    """An Atom id (an absolute IRI): the URL under ``html_baseurl``, else a
    UUID derived from `name`, the same in every build."""
    if app.config.html_baseurl:
        return url
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'agreement:' + name)}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str
         ) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _clause_list(out: list[str], heading: str, clauses: tuple[ListedClause, ...]) -> None:
    if not clauses:
        return
    out.append(f"<p>{escape(heading)} ({len(clauses)})</p>\n<ul>\n")
    out.extend(f"<li>{escape(f'{clause.numbers}. {clause.title}'.strip())}</li>\n"
               for clause in clauses)
    out.append("</ul>\n")


def _content(app: Sphinx, data: AgreementExport, redline: Redline | None,
             status: str) -> ET.Element:
    """The entry's content: HTML, escaped as Atom's ``type="html"`` wants,
    which every feed reader shows."""
    out: list[str] = []
    effective = parse_iso_date(data["effective"] or "")
    if effective is not None:
        date = readable_date(effective, app.config.language)
        line = str(_("Effective {date} ({status}).")).format(date=date, status=status)
        out.append(f"<p>{escape(line)}</p>\n")
    if data["changes"]:
        heading = str(_("What changed"))
        out.append(f"<p>{escape(heading)}</p>\n<ul>\n")
        out.extend(f"<li>{escape(change)}</li>\n" for change in data["changes"])
        out.append("</ul>\n")
    if redline is not None:
        _clause_list(out, str(_("Clauses added")), redline.added)
        _clause_list(out, str(_("Clauses removed")), redline.removed)
        _clause_list(out, str(_("Clauses renumbered")), redline.renumbered)
        _clause_list(out, str(_("Clauses changed")), redline.changed)
    elif not data["changes"]:
        first = str(_("The earliest version published here."))
        out.append(f"<p>{escape(first)}</p>\n")
    content = ET.Element(f"{{{ATOM}}}content", {"type": "html"})
    content.text = "".join(out)
    return content


def build_feed(app: Sphinx, newest: str) -> bytes | None:
    """The feed of the chain whose newest version is `newest`, or None when
    no version of it has a date."""
    from .redline import compare  # noqa: PLC0415 - only sites with agreements load it

    domain = agreement_domain(app.env)
    today = build_date()
    exports = {doc: agreement_data(app, doc, keep=False, after_writing=True)
               for doc in domain.version_chain(newest)}
    dated = [doc for doc in reversed(domain.version_chain(newest))
             if (data := exports[doc]) is not None and data["last_updated"]]
    if not dated:
        return None
    newest_data = exports[newest] or exports[dated[0]]
    assert newest_data is not None
    language = app.config.language or "en"
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang":
                                          language})
    feed_url = file_url(app, newest + ".atom")
    _sub(feed, f"{{{ATOM}}}id", _id(app, feed_url, newest + ".atom"))
    _sub(feed, f"{{{ATOM}}}title", str(_("{title}: versions")).format(
        title=newest_data["title"]))
    _sub(feed, f"{{{ATOM}}}updated", _timestamp(max(
        str(exports[doc]["last_updated"]) for doc in dated)))  # type: ignore[index]
    if newest_data["provider"]:
        author = _sub(feed, f"{{{ATOM}}}author")
        _sub(author, f"{{{ATOM}}}name", newest_data["provider"])
    _sub(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html",
         href=page_url(app, newest))
    _sub(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=feed_url)
    for doc in dated:
        data = exports[doc]
        assert data is not None
        previous = data["previous"]
        old = exports.get(previous) if previous else None
        redline = compare(old, data) if old is not None else None
        status = str(STATUS_TEXT[status_of(domain, doc, today)])
        entry = _sub(feed, f"{{{ATOM}}}entry")
        _sub(entry, f"{{{ATOM}}}id", _id(app, page_url(app, doc), doc))
        _sub(entry, f"{{{ATOM}}}title", data["title"])
        _sub(entry, f"{{{ATOM}}}updated", _timestamp(str(data["last_updated"])))
        _sub(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html",
             href=page_url(app, doc))
        if has_redline(domain, app.builder, doc):
            _sub(entry, f"{{{ATOM}}}link", rel="related", type="text/html",
                 title=str(_("Redline")), href=page_url(app, redline_pagename(doc)))
        updated = parse_iso_date(str(data["last_updated"]))
        assert updated is not None  # the export holds valid dates only
        _sub(entry, f"{{{ATOM}}}summary", str(_("Version of {date}, {status}.")).format(
            date=readable_date(updated, app.config.language), status=status))
        entry.append(_content(app, data, redline, status))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def write_feeds(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the feed of every chain, in html and dirhtml."""
    if exception is not None or app.builder.name not in JSON_BUILDERS:
        return
    domain = agreement_domain(app.env)
    written: set[str] = set()
    for docname in sorted(domain.agreements):
        name = feed_name(domain, app.builder, docname)
        if name is None or name in written:
            continue
        written.add(name)
        content = build_feed(app, domain.version_chain(docname)[-1])
        if content is None:
            continue
        path = Path(app.outdir, name)
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def setup_feed(app: Sphinx) -> None:
    app.connect("build-finished", write_feeds)
