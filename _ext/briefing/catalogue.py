"""The `technologies` directive: a table of every technology of the site.

The directive only leaves a placeholder; the table is built in
``doctree-resolved`` from the domain, once every page has been read, and
``domain.pages_to_reread`` re-reads catalogue pages after any change. With
`controls`, HTML pages wrap the table in the reader's filter
(``catalogue_controls``); every other builder gets the plain table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import NoUri
from sphinx.util.docutils import SphinxDirective

from foundation.tables import make_table

from .badges import stage_badge
from .catalogue_controls import filter_rows, filter_wanted, technologies_filter_node
from .domain import briefing_domain
from .translations import _
from .vocabulary import check_key, split_keys, vocabulary_label

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from .records import TechnologyRecord


class catalogue_placeholder(nodes.General, nodes.Element):  # noqa: N801 - docutils' naming
    """Where a `technologies` table goes; replaced in doctree-resolved."""


class TechnologiesDirective(SphinxDirective):
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "area": directives.unchanged,
        "stage": directives.unchanged,
        "controls": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        node = catalogue_placeholder(docname=self.env.docname)
        self.set_source_info(node)
        briefing_domain(self.env).note_catalogue(self.env.docname)
        for kind in ("area", "stage"):
            keys = split_keys(self.options.get(kind, ""))
            # Unknown keys warn and are dropped; an empty filter means "all".
            node[kind] = [key for key in keys if check_key(self.config, kind, key, location)]
            node[f"{kind}_given"] = bool(keys)
        node["controls"] = "controls" in self.options
        return [node]


def _sort_key(config: Config, record: TechnologyRecord) -> tuple[Any, ...]:
    area = vocabulary_label(config, "area", record["area"])
    # Technologies without an area come last; ties are broken by place, never by chance.
    return (area == "", str(area).casefold(), record["title"].casefold(), record["title"],
            record["docname"], record["line"])


def _selected(node: catalogue_placeholder, record: TechnologyRecord) -> bool:
    if not record.get("listed", True):
        return False
    if node["area_given"] and record["area"] not in node["area"]:
        return False
    # A technology of several stages matches when any of them does.
    return not node["stage_given"] or bool(set(record["stages"]) & set(node["stage"]))


def stage_badges(config: Config, stages: list[str]) -> list[nodes.Node]:
    """A badge per stage, separated by spaces (nothing for none)."""
    cell: list[nodes.Node] = []
    for stage in stages:
        if cell:
            cell.append(nodes.Text(" "))
        cell.append(stage_badge(config, stage))
    return cell


def render_catalogues(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each table, linked from the page it is on (a
    builder that joins pages into one file resolves them all at once)."""
    domain = briefing_domain(app.env)
    config = app.config
    filters = 0
    for node in list(doctree.findall(catalogue_placeholder)):
        fromdocname = node["docname"]
        records = sorted(
            (r for r in domain.all_technologies() if _selected(node, r)),
            key=lambda r: _sort_key(config, r),
        )
        if not records:
            text = str(_("No technologies match."))
            node.replace_self(nodes.paragraph("", text, classes=["technologies"]))
            continue
        rows = []
        for record in records:
            area = vocabulary_label(config, "area", record["area"])
            stage = stage_badges(config, record["stages"]) or [nodes.Text("")]
            title = app.env.titles.get(record["docname"])
            page_text = title.astext() if title is not None else record["docname"]
            try:
                uri = app.builder.get_relative_uri(fromdocname, record["docname"])
            except NoUri:  # e.g. a LaTeX document that leaves that page out
                link: nodes.Node = nodes.Text(record["title"])
                page: nodes.Node = nodes.Text(page_text)
            else:
                link = nodes.reference("", record["title"], internal=True,
                                       refuri=f"{uri}#{record['anchor']}")
                page = nodes.reference("", page_text, internal=True, refuri=uri or "#")
            rows.append(([link], [nodes.Text(str(area))], stage, [page]))
        controls = node.get("controls", False) and filter_wanted(app.builder)
        headers = [str(_("Technology")), str(_("Area")), str(_("Stage")), str(_("Page"))]
        table = make_table(headers, rows, classes=["technologies"], widths=[40, 25, 15, 20],
                           row_classes=filter_rows(records) if controls else None)
        if controls:
            filters += 1
            node.replace_self(technologies_filter_node(app, filters, records, table))
        else:
            node.replace_self(table)


def setup_catalogue(app: Sphinx) -> None:
    app.add_node(catalogue_placeholder)
    app.add_directive("technologies", TechnologiesDirective)
    app.connect("doctree-resolved", render_catalogues)
