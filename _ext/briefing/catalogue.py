"""The `technologies` directive: a table of every technology of the site.

The directive only leaves a placeholder; the table is built in
``doctree-resolved`` from the domain, once every page has been read, and
``domain.pages_to_reread`` re-reads catalogue pages after any change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import NoUri
from sphinx.util.docutils import SphinxDirective

from foundation.tables import make_table

from .badges import stage_badge
from .domain import briefing_domain
from .vocabulary import check_key, split_keys

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
        return [node]


def _sort_key(config: Config, record: TechnologyRecord) -> tuple[Any, ...]:
    area = config.briefing_areas.get(record["area"], "")
    # Technologies without an area come last; ties are broken by place, never by chance.
    return (area == "", str(area).casefold(), record["title"].casefold(), record["title"],
            record["docname"], record["line"])


def _selected(node: catalogue_placeholder, record: TechnologyRecord) -> bool:
    if not record.get("listed", True):
        return False
    for kind in ("area", "stage"):
        if node[f"{kind}_given"] and record[kind] not in node[kind]:
            return False
    return True


def render_catalogues(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each table, linked from the page it is on (a
    builder that joins pages into one file resolves them all at once)."""
    domain = briefing_domain(app.env)
    config = app.config
    for node in list(doctree.findall(catalogue_placeholder)):
        fromdocname = node["docname"]
        records = sorted(
            (r for r in domain.all_technologies() if _selected(node, r)),
            key=lambda r: _sort_key(config, r),
        )
        if not records:
            para = nodes.paragraph("", "No technologies match.", classes=["technologies"])
            node.replace_self(para)
            continue
        rows = []
        for record in records:
            area = config.briefing_areas.get(record["area"], "")
            stage = stage_badge(config, record["stage"]) if record["stage"] else nodes.Text("")
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
            rows.append(([link], [nodes.Text(str(area))], [stage], [page]))
        table = make_table(["Technology", "Area", "Stage", "Page"], rows,
                           classes=["technologies"], widths=[40, 25, 15, 20])
        node.replace_self(table)


def setup_catalogue(app: Sphinx) -> None:
    app.add_node(catalogue_placeholder)
    app.add_directive("technologies", TechnologiesDirective)
    app.connect("doctree-resolved", render_catalogues)
