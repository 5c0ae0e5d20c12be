"""The reader's filter of a `technologies` table (its `controls` flag): in
HTML pages, checkboxes by area and by stage above the table, a count of
the rows shown after it, and no JavaScript.

How it works, all in CSS:

- Each row carries a class for its area and one for each of its stages
  (``technologies-area-<key>``, ``technologies-stage-<key>``), each
  checkbox one for its key (``technologies-toggle-area-<key>`` ...).
- The rules that match the one to the other are written from the
  vocabulary of conf.py into ``_static/briefing-filters.css``, linked from
  the pages that hold a filter; they use ``:has()`` on the filter's box, so
  each filter sees only its own checkboxes. No area checked: every area
  passes; some checked: only theirs. The same for stages, where a row
  passes when any of its stages is checked. A row is shown when it passes
  both. Those rules hold for screens only: a printed table is whole.
- The count is a CSS counter of the rows shown (a hidden row increments no
  counter), written by ``::after`` into a ``role="status"`` paragraph, a
  polite live region: screen readers read "Technologies shown: 3 of 23".
- The checkboxes and the count carry the ``hidden`` attribute, which
  briefing.css lifts only where ``:has()`` works, on screens: without CSS,
  or in a browser without ``:has()``, the reader sees the whole table and
  no control that would do nothing.

Only the builders of HTML pages (html, dirhtml, singlehtml) write the
filter; EPUB and every other builder get the plain table.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .translations import _
from .vocabulary import vocabulary_label

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from .records import TechnologyRecord

__all__ = ["FILTER_CSS", "filter_css", "filter_rows", "filter_wanted", "setup_catalogue_controls",
           "technologies_filter", "technologies_filter_node"]

#: The generated stylesheet of the filters, in the build's ``_static/``.
FILTER_CSS = "briefing-filters.css"
WRAPPER = ".technologies-filter"


class technologies_filter(nodes.General, nodes.Element):  # noqa: N801 - docutils' naming
    """A `technologies` table with its reader's filter (HTML only): ``areas``
    and ``stages`` (``[class key, name]`` of the keys its rows hold), the
    ``total`` of rows, and the words of its legends and count."""


def filter_wanted(builder: Builder) -> bool:
    """Whether `builder` writes the filter: HTML pages, not EPUB."""
    return builder.format == "html" and not builder.name.startswith("epub")


def key_class(key: str) -> str:
    """A vocabulary key as a part of a class name."""
    return nodes.make_id(key) or "key"


def filter_rows(records: list[TechnologyRecord]) -> list[list[str]]:
    """The classes of each row: its area and its stages."""
    return [["technologies-row",
             f"technologies-area-{key_class(r['area'])}" if r["area"] else "technologies-area-none",
             *(f"technologies-stage-{key_class(stage)}" for stage in r["stages"])]
            for r in records]


def technologies_filter_node(app: Sphinx, index: int, records: list[TechnologyRecord],
                             table: nodes.table) -> technologies_filter:
    """`table` wrapped in its filter; `index` numbers the filters of one output page."""
    config = app.config
    areas = [key for key in config.briefing_areas if any(r["area"] == key for r in records)]
    stages = [key for key in config.briefing_stages
              if any(key in r["stages"] for r in records)]
    node = technologies_filter(
        ids=[f"technologies-filter-{index}"],
        areas=[[key_class(key), vocabulary_label(config, "area", key)] for key in areas],
        stages=[[key_class(key), vocabulary_label(config, "stage", key)] for key in stages],
        total=len(records),
        group=str(_("Filter the technologies")),
        hint=str(_("Check areas or stages to show only their technologies; with none "
                   "checked, all are shown.")),
        area_legend=str(_("Area")),
        stage_legend=str(_("Stage")),
        count=str(_("Technologies shown: {shown} of {total}")),
    )
    node += table
    return node


def filter_css(config: Config) -> str:
    """The rules that match rows to checkboxes, for every key of conf.py's
    vocabulary (see the module's docstring)."""
    toggle, row = f"{WRAPPER}:has(.technologies-toggle", "tbody tr.technologies"
    rules = [
        "/* Written by the briefing extension from briefing_areas and briefing_stages. */",
        "@media screen {",
        # Some stage checked: rows are hidden, but for those of a checked stage.
        f"{toggle}-stage:checked) tbody tr {{ display: none; }}",
    ]
    for key in config.briefing_stages:
        k = key_class(key)
        rules.append(f"{toggle}-stage-{k}:checked) {row}-stage-{k} {{ display: table-row; }}")
    # Some area checked: the rows of every other area are hidden, whatever their
    # stage (these selectors are the more specific).
    for key in config.briefing_areas:
        k = key_class(key)
        rules.append(f"{toggle}-area:checked):not(:has(.technologies-toggle-area-{k}:checked)) "
                     f"{row}-area-{k} {{ display: none; }}")
    rules.append(f"{toggle}-area:checked) {row}-area-none.technologies-row {{ display: none; }}")
    rules.append("}")
    return "\n".join(rules) + "\n"


def _write_filter_css(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: the generated stylesheet, once the pages are read and
    before any is written (pages link it with its checksum); not earlier, so
    that an output folder stays empty until the build writes it."""
    if not filter_wanted(app.builder):
        return
    path = Path(app.outdir) / "_static" / FILTER_CSS
    text = filter_css(app.config)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _link_filter_css(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                     doctree: nodes.document | None) -> None:
    """``html-page-context``: pages holding a filter link the stylesheet."""
    if doctree is not None and filter_wanted(app.builder) and any(
            True for _node in doctree.findall(technologies_filter)):
        app.add_css_file(FILTER_CSS)


def html_visit_filter(self: Any, node: technologies_filter) -> None:
    filter_id = node["ids"][0]
    self.body.append(self.starttag(node, "div", "", CLASS="technologies-filter"))
    self.body.append(f'<div class="technologies-controls" role="group" '
                     f'aria-label="{escape(node["group"])}" hidden>\n'
                     f'<p class="technologies-hint">{escape(node["hint"])}</p>\n')
    for facet, legend in (("area", node["area_legend"]), ("stage", node["stage_legend"])):
        keys = node[f"{facet}s"]
        if not keys:
            continue
        self.body.append(f'<fieldset class="technologies-facet">'
                         f'<legend>{escape(legend)}</legend>\n')
        for key, name in keys:
            input_id = f"{filter_id}-{facet}-{key}"
            self.body.append(
                f'<label for="{input_id}"><input type="checkbox" id="{input_id}" '
                f'class="technologies-toggle technologies-toggle-{facet} '
                f'technologies-toggle-{facet}-{key}" /> {escape(name)}</label>\n')
        self.body.append("</fieldset>\n")
    self.body.append("</div>\n")


def html_depart_filter(self: Any, node: technologies_filter) -> None:
    before, _shown, after = node["count"].partition("{shown}")
    total = str(node["total"])
    self.body.append(
        f'<p class="technologies-count" role="status" hidden>'
        f'{escape(before.replace("{total}", total))}<span class="technologies-shown"></span>'
        f'{escape(after.replace("{total}", total))}</p>\n</div>\n')


def _visit_plain(self: Any, node: technologies_filter) -> None:
    pass  # never made for these builders; its table, if one were, is written as is


def _depart_plain(self: Any, node: technologies_filter) -> None:
    pass


def setup_catalogue_controls(app: Sphinx) -> None:
    plain = (_visit_plain, _depart_plain)
    app.add_node(technologies_filter, html=(html_visit_filter, html_depart_filter),
                 latex=plain, text=plain, man=plain, texinfo=plain)
    app.connect("env-updated", _write_filter_css)
    app.connect("html-page-context", _link_filter_css)
