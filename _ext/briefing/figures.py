"""The `figures` directive: a register of every `metric` and `ranking` of
the site, with its date, its source and its page.

`metric` and `ranking` note each figure in the domain while their page is
read (keyed by docname: an incremental or parallel build keeps the same
data); `FigureSources` adds the notes that each figure cites once the
page's footnotes are numbered. The directive only leaves a placeholder:
the table is built in ``doctree-resolved`` from the domain, once every page
has been read, and ``domain.pages_to_reread`` re-reads register pages
after any change.

Page order is reading order: the root document, then depth first through
the toctrees, each page where a toctree first names it (pages no toctree
reaches follow, by docname); a page's figures in the order it shows them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import NoUri
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from foundation.dated import date_element
from foundation.dates import parse_partial_date
from foundation.tables import make_table

from .bibtex import entry_title, figure_sources
from .domain import briefing_domain
from .translations import _
from .vocabulary import check_key, split_keys

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from .records import FigureRecord

__all__ = ["FigureSources", "FiguresDirective", "figures_placeholder", "render_registers",
           "setup_figures"]


class figures_placeholder(nodes.General, nodes.Element):  # noqa: N801 - docutils' naming
    """Where a `figures` register goes; replaced in doctree-resolved."""


class FiguresDirective(SphinxDirective):
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"area": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        node = figures_placeholder(docname=self.env.docname)
        self.set_source_info(node)
        briefing_domain(self.env).note_register(self.env.docname)
        keys = split_keys(self.options.get("area", ""))
        # Unknown keys warn and are dropped; no filter means every figure.
        node["area"] = [key for key in keys if check_key(self.config, "area", key, location)]
        node["area_given"] = bool(keys) or "area" in self.options
        if "area" in self.options and not keys:
            check_key(self.config, "area", "", location)
        return [node]


class FigureSources(SphinxTransform):
    """The notes each figure of the page cites, into its record."""

    # After docutils numbers footnotes and links their references (620).
    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        records = briefing_domain(self.env).figures.get(self.env.docname, [])
        for record in records:
            node = self.document.ids.get(record["anchor"]) if record["anchor"] else None
            if isinstance(node, nodes.Element):
                record["sources"] = figure_sources(self.env, self.document, node)


def _uri(builder: Builder, fromdocname: str, docname: str, anchor: str) -> str | None:
    """The link from `fromdocname` to `anchor` of `docname` (to the page
    alone outside HTML, where only pages and cards are link targets); None
    when the builder leaves that page out."""
    try:
        uri = builder.get_relative_uri(fromdocname, docname)
    except NoUri:
        return None
    if anchor and builder.format == "html":
        return f"{uri}#{anchor}"
    return uri or "#"


def _link(text: str, uri: str | None, title: str = "") -> nodes.Node:
    if uri is None:
        return nodes.Text(text)
    ref = nodes.reference("", text, internal=True, refuri=uri)
    if title:
        ref["reftitle"] = title
    return ref


def _row(app: Sphinx, fromdocname: str, record: FigureRecord,
         titles: dict[str, str]) -> list[list[nodes.Node]]:
    builder = app.builder
    figure = record["figure"] or (
        str(_("Ranking of {rows}")).format(rows=record["rows"])
        if record["kind"] == "ranking" else "")
    date = parse_partial_date(record["as_of"]) if record["as_of"] else None
    when: list[nodes.Node] = [date_element(date, app.config.language)] if date else []
    sources: list[nodes.Node] = []
    for source in record["sources"]:
        if sources:
            sources.append(nodes.Text("; "))
        key = source["key"]
        if key not in titles:
            titles[key] = entry_title(app.env, key)
        # The entry's title, else (a note that no bibliography key made) the note.
        sources.append(_link(titles[key] or source["text"], _uri(
            builder, fromdocname, record["docname"], source["anchor"]), source["text"]))
    title = app.env.titles.get(record["docname"])
    page_text = title.astext() if title is not None else record["docname"]
    page = _link(page_text, _uri(builder, fromdocname, record["docname"], record["anchor"]))
    return [[nodes.inline(figure, figure, classes=["figures-figure"])],
            [nodes.Text(record["label"])], when, sources, [page]]


def render_registers(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each register, linked from the page it is on (a
    builder that joins pages into one file resolves them all at once)."""
    placeholders = list(doctree.findall(figures_placeholder))
    if not placeholders:
        return
    every = briefing_domain(app.env).figures_in_page_order()
    headers = [str(_("Figure")), str(_("Label")), str(_("As of")), str(_("Source")),
               str(_("Page"))]
    for node in placeholders:
        records = [r for r in every if not node["area_given"] or r["area"] in node["area"]]
        if not records:
            text = str(_("No figures match."))
            node.replace_self(nodes.paragraph("", text, classes=["figures"]))
            continue
        titles: dict[str, str] = {}
        rows = [_row(app, node["docname"], record, titles) for record in records]
        node.replace_self(make_table(headers, rows, classes=["figures"],
                                     widths=[14, 36, 12, 24, 14]))


def setup_figures(app: Sphinx) -> None:
    app.add_node(figures_placeholder)
    app.add_directive("figures", FiguresDirective)
    app.add_transform(FigureSources)
    app.connect("doctree-resolved", render_registers)
