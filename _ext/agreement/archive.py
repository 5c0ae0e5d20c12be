"""The `agreement-versions` directive: a table of every version of an
agreement's chain, newest first, with its dates, its status on the build
date and links to the version and to its redline.

The directive leaves a placeholder that names the agreement; the table is
built when the page is written (``doctree-resolved``), when every version
is known and the build date decides the status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.util.docutils import SphinxDirective

from foundation.dated import date_element
from foundation.dates import build_date, parse_partial_date
from foundation.links import link_or_content
from foundation.tables import make_table

from .diagnostics import __, warn
from .domain import agreement_domain
from .header import resolve_previous
from .lifecycle import STATUS_TEXT, status_of
from .outputs import has_redline, page_link, redline_pagename

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

__all__ = ["VersionsDirective", "render_version_tables", "setup_archive", "versions_table"]

_ = get_translation("agreement")


class versions_table(nodes.General, nodes.Element):  # noqa: N801 - docutils' node naming
    """Placeholder of an `agreement-versions` table; ``agreement`` names a
    version of the chain (None: the page's own agreement)."""


class VersionsDirective(SphinxDirective):
    """``agreement-versions [docname]``: the table of the versions of the
    agreement named (a document path, as `previous` takes), or of the
    page's own agreement."""

    optional_arguments = 1
    final_argument_whitespace = False
    option_spec: ClassVar[OptionSpec] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        target = resolve_previous(self.env, self.arguments[0]) if self.arguments else None
        node = versions_table(agreement=target, docname=self.env.docname,
                              classes=self.options.get("class", []))
        self.set_source_info(node)
        agreement_domain(self.env).note_version_table(self.env.docname, target, self.lineno)
        return [node]


def check_version_tables(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: each table names an agreement."""
    domain = agreement_domain(env)
    for docname in sorted(domain.version_tables):
        for target, line in domain.version_tables[docname]:
            name = target or docname
            if name not in domain.agreements:
                if target:
                    message = __("agreement-versions: {target} is not an agreement").format(
                        target=repr(target))
                else:
                    message = __("agreement-versions: this page is not an agreement; name one "
                                 "as the argument")
                warn("unknown-agreement", message, (docname, line))


def _date_cell(value: str | None, language: str | None) -> list[nodes.Node]:
    date = parse_partial_date(value) if value else None
    return [date_element(date, language) if date is not None else nodes.Text("\u2014")]


def render_version_tables(app: Sphinx, tables: Sequence[versions_table]) -> None:
    """At write time (see `resolve`): each placeholder becomes its table (or
    nothing, where it names no agreement: that was warned about when
    checked)."""
    if not tables:
        return
    domain = agreement_domain(app.env)
    builder, language, today = app.builder, app.config.language, build_date()
    for placeholder in tables:
        fromdoc = placeholder["docname"]
        name = placeholder["agreement"] or fromdoc
        if name not in domain.agreements:
            placeholder.parent.remove(placeholder)
            continue
        rows: list[list[list[nodes.Node]]] = []
        row_classes: list[list[str]] = []
        for version in reversed(domain.version_chain(name)):
            meta = domain.agreements[version]
            status = status_of(domain, version, today)
            title = link_or_content(builder, fromdoc, version, None, nodes.Text(meta["title"]))
            redline: list[nodes.Node] = [nodes.Text("\u2014")]
            if has_redline(domain, builder, version):
                redline = [nodes.reference("", str(_("Redline")), internal=True,
                                           refuri=page_link(builder, fromdoc,
                                                            redline_pagename(version)))]
            rows.append([[title], _date_cell(meta["last_updated"], language),
                         _date_cell(meta["effective"], language),
                         [nodes.Text(str(STATUS_TEXT[status]))], redline])
            row_classes.append([f"agreement-version-{status}"])
        table = make_table(
            [str(_("Version")), str(_("Last updated")), str(_("Effective")),
             str(_("Status")), str(_("Changes"))],
            rows, classes=["agreement-versions", *placeholder["classes"]],
            row_classes=row_classes)
        placeholder.replace_self(table)


def setup_archive(app: Sphinx) -> None:
    app.add_node(versions_table)
    app.add_directive("agreement-versions", VersionsDirective)
    app.connect("env-check-consistency", check_version_tables)
