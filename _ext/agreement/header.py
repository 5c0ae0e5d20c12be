"""The `agreement` directive: it makes a document an agreement and renders
its header (provider, last updated, governing law, links to the
authoritative text, the JSON export, the previous version and the redline).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.util import docname_join
from sphinx.util.docutils import SphinxDirective

from foundation.dated import date_element
from foundation.dates import build_date, parse_iso_date, parse_partial_date
from foundation.directives import option_location
from foundation.links import link_or_content
from foundation.urls import check_url

from .diagnostics import __, warn
from .domain import agreement_domain
from .lifecycle import notices, status_of
from .outputs import (
    JSON_BUILDERS,
    feed_name,
    file_link,
    has_redline,
    output_name,
    page_link,
    redline_pagename,
)
from .translation import governing_link, governing_notice

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

_ = get_translation("agreement")

__all__ = ["AgreementDirective", "agreement_header", "render_header", "setup_header"]


class agreement_header(nodes.container):  # noqa: N801 - docutils' node naming
    """The header block, ``<div class="agreement-header">``. The directive's
    options are its attributes; its content is built at write time, when the
    builder (for links) and the other documents are known."""


def html_visit_agreement_header(self: Any, node: agreement_header) -> None:
    self.body.append(self.starttag(node, "div", ""))


def html_depart_container(self: Any, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def resolve_previous(env: BuildEnvironment, value: str) -> str:
    """The docname that a `previous` value names: relative to the current
    document, or from the source root with a leading ``/`` or when only that
    reading exists; a source suffix is allowed."""
    for suffix in env.config.source_suffix:
        if value.endswith(suffix):
            value = value[: -len(suffix)]
            break
    if value.startswith("/"):
        return value.lstrip("/")
    relative = docname_join(env.docname, value)
    if relative not in env.found_docs and value in env.found_docs:
        return value
    return relative


class AgreementDirective(SphinxDirective):
    """Marks the document as an agreement; place it right after the title."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {
        "provider": directives.unchanged,
        "last-updated": directives.unchanged,
        "governing-law": directives.unchanged,
        "source": directives.unchanged,
        "previous": directives.unchanged,
        "effective": directives.unchanged,
        "label-prefix": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        node = agreement_header(classes=["agreement-header"], docname=self.env.docname)
        self.set_source_info(node)
        options = {key: (value or "").strip() for key, value in self.options.items()}
        for required in ("provider", "last-updated"):
            if not options.get(required):
                warn("missing-option", __("agreement: the {option} option is required").format(
                    option=repr(required)), node)
        node["provider"] = options.get("provider") or None
        node["governing_law"] = options.get("governing-law") or None
        node["source"] = None
        if options.get("source"):
            verdict = check_url(options["source"])
            if verdict.url is None:
                warn("bad-url", __("agreement: source {source} is not linked: {reason}").format(
                    source=repr(options["source"]), reason=verdict.reason),
                     option_location(self, "source"))
            node["source"] = verdict.url
        node["last_updated"] = None
        if options.get("last-updated"):
            date = parse_iso_date(options["last-updated"])
            if date is None:
                warn("bad-date", __("agreement: last-updated {value} is not an ISO date "
                                    "YYYY-MM-DD").format(value=repr(options["last-updated"])),
                     node)
            else:
                node["last_updated"] = date.isoformat()
        previous = options.get("previous")
        node["previous"] = resolve_previous(self.env, previous) if previous else None
        node["effective"] = self.effective_date(options, node["last_updated"])
        node["effective_given"] = node["effective"] is not None
        if node["effective"] is None:
            node["effective"] = node["last_updated"]
        node["label_prefix"] = None
        prefix = options.get("label-prefix")
        if prefix:
            # Labels are normalised names (lower case, single spaces): a prefix
            # that is not one can start no label.
            if prefix != nodes.fully_normalize_name(prefix) or " " in prefix:
                warn("bad-label-prefix", __("agreement: label-prefix {prefix} cannot start a "
                                            "label (labels are lower case, without "
                                            "spaces)").format(prefix=repr(prefix)),
                     option_location(self, "label-prefix"))
                return [node]
            node["label_prefix"] = prefix
        return [node]

    def effective_date(self, options: dict[str, str], last_updated: str | None) -> str | None:
        """The `effective` option as an ISO date, or None (absent or bad)."""
        value = options.get("effective")
        if not value:
            return None
        location = option_location(self, "effective")
        date = parse_iso_date(value)
        if date is None:
            warn("bad-effective", __("agreement: effective {value} is not an ISO date "
                                     "YYYY-MM-DD").format(value=repr(value)), location)
            return None
        if last_updated is not None and date.isoformat() < last_updated:
            warn("bad-effective", __("agreement: effective {value} is earlier than "
                                     "last-updated {last_updated}").format(
                                         value=value, last_updated=last_updated), location)
        return date.isoformat()


def check_previous(app: Sphinx, env: BuildEnvironment) -> None:
    """`previous` must name another agreement (checked once every document
    is read)."""
    domain = agreement_domain(env)
    for docname in sorted(domain.agreements):
        meta = domain.agreements[docname]
        previous = meta["previous"]
        if previous is None:
            continue
        location = (docname, meta["line"])
        if previous == docname:
            warn("bad-previous", __("agreement: previous names this agreement itself"), location)
        elif previous not in env.all_docs:
            warn("bad-previous", __("agreement: previous names {previous}, which is not a "
                                    "document").format(previous=repr(previous)), location)
        elif previous not in domain.agreements:
            warn("bad-previous", __("agreement: previous names {previous}, which is not an "
                                    "agreement").format(previous=repr(previous)), location)


def render_header(app: Sphinx, headers: Sequence[agreement_header]) -> None:
    """Fill each header block, for the document it was written in (a builder
    that joins documents into one file resolves them all at once)."""
    domain = agreement_domain(app.env)
    builder = app.builder
    for header in headers:
        docname = header["docname"]
        header.clear()
        fields = nodes.field_list(classes=["agreement-facts"])
        field = functools.partial(_add_field, fields)

        if header.get("provider"):
            field(str(_("Provider")), nodes.Text(header["provider"]))
        language = app.config.language
        if header.get("last_updated"):
            date = parse_partial_date(header["last_updated"])
            assert date is not None  # checked by the directive
            field(str(_("Last updated")), date_element(date, language))
        status = (status_of(domain, docname, build_date())
                  if docname in domain.agreements else "current")
        if header.get("effective") and (header.get("effective_given") or status == "upcoming"):
            date = parse_partial_date(header["effective"])
            assert date is not None  # checked by the directive
            name = str(_("Takes effect on") if status == "upcoming" else _("Effective"))
            field(name, date_element(date, language))
        if header.get("governing_law"):
            field(str(_("Governing law")), nodes.Text(header["governing_law"]))
        successors = domain.successors(docname)
        if successors and status == "superseded":
            field(str(_("Superseded by")), *_separated(
                [_page_link(builder, docname, doc, domain.agreements[doc]["title"])
                 for doc in successors], str(_(", "))))
        if len(fields):
            header.append(fields)
        if docname in domain.agreements:
            # The notices go first, right under the title: a reader of an old or a
            # future version, or of a translation, sees them before anything else.
            header.insert(0, notices(app, docname, functools.partial(
                _page_link, builder, docname)))
        header.insert(0, governing_notice(header, app.config.language,
                                          governing_link(builder, docname)))

        links: list[nodes.Node] = []
        if header.get("source"):
            links.append(nodes.reference("", str(_("Authoritative text")), refuri=header["source"]))
        if builder.name in JSON_BUILDERS:
            links.append(nodes.reference("", str(_("JSON export")), internal=True,
                                         refuri=output_name(builder, docname, ".agreement.json")))
        previous = header.get("previous")
        if previous and previous != docname and previous in domain.agreements:
            links.append(_page_link(builder, docname, previous, str(_("Previous version"))))
        if previous and has_redline(domain, builder, docname):
            links.append(nodes.reference("", str(_("Changes from the previous version (redline)")),
                                         internal=True,
                                         refuri=page_link(builder, docname,
                                                          redline_pagename(docname))))
        feed = feed_name(domain, builder, docname)
        if feed is not None:
            links.append(nodes.reference("", str(_("Feed of versions (Atom)")), internal=True,
                                         refuri=file_link(builder, docname, feed)))
        if links:
            header.append(nodes.paragraph("", "", *_separated(links, " \u00b7 "),
                                          classes=["agreement-links"]))


def _page_link(builder: Builder, fromdocname: str, todocname: str, text: str) -> nodes.Node:
    """A link from the header of `fromdocname` to the page of `todocname`;
    the text alone where the builder has no page for it (a LaTeX document
    that leaves it out)."""
    return link_or_content(builder, fromdocname, todocname, None, nodes.Text(text))


def _add_field(fields: nodes.field_list, name: str, *body: nodes.Node) -> None:
    fields.append(nodes.field("", nodes.field_name(name, name),
                              nodes.field_body("", nodes.paragraph("", "", *body))))


def _separated(items: Sequence[nodes.Node], separator: str) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for index, item in enumerate(items):
        if index:
            result.append(nodes.Text(separator))
        result.append(item)
    return result


def setup_header(app: Sphinx) -> None:
    app.add_node(agreement_header, html=(html_visit_agreement_header, html_depart_container))
    app.add_directive("agreement", AgreementDirective)
    app.connect("env-check-consistency", check_previous)
