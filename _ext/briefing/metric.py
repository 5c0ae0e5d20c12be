"""The `metric` directive: a key figure, its label, its date and its
numbered source note; noted in the domain for the `figures` register."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .as_of import as_of_option, as_of_paragraph
from .bibtex import has_citation, source_notes
from .diagnostics import warn
from .domain import briefing_domain
from .technology import enclosing_card
from .translated import translatable_text
from .translations import __

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec


class MetricDirective(SphinxDirective):
    # The figure is required, but checked by hand so that its absence is a
    # typed briefing warning instead of a generic directive error.
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[OptionSpec] = {
        "label": directives.unchanged,
        "source": directives.unchanged,
        "as-of": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        figure = self.arguments[0].strip() if self.arguments else ""
        label = self.options.get("label", "").strip()
        if not figure:
            warn("missing-option", __("metric: the figure argument is missing"), location)
        if not label:
            warn("missing-option", __("metric: the required `label` option is missing"),
                 location)
        date = as_of_option(self)

        callout = nodes.container(classes=["metric"])
        self.set_source_info(callout)
        # The register links to the figure: an id of its own on the page.
        anchor = f"briefing-metric-{self.env.current_document.new_serial_number('briefing-metric')}"
        if anchor in self.state.document.ids:
            anchor = ""
        else:
            callout["ids"].append(anchor)
            self.state.document.ids[anchor] = callout
        if figure:
            callout += nodes.paragraph(
                "", "", translatable_text(self, figure, ["metric-value"]),
                classes=["metric-figure"],
            )
        caption = nodes.paragraph("", "", classes=["metric-label"])
        if label:
            caption += translatable_text(self, label, ["metric-label-text"])
        caption += source_notes(self, self.options.get("source", ""))
        if len(caption):
            callout += caption
        if date is not None:
            callout += as_of_paragraph(date, self.config.language, "metric-as-of")
        body = nodes.container(classes=["metric-body"])
        self.state.nested_parse(self.content, self.content_offset, body)
        if len(body):
            callout += body

        if not self.options.get("source", "").strip() and not has_citation(body):
            warn(
                "unsourced-metric",
                __("metric {figure} has no `source` option and no citation in its "
                   "body").format(figure=repr(figure or __("(no figure)"))),
                location,
            )
        tech_id, area = enclosing_card(self.env)
        # Its sources are filled in once the page's notes are numbered
        # (figures.FigureSources).
        briefing_domain(self.env).note_figure({
            "kind": "metric", "figure": figure, "label": label, "rows": 0,
            "as_of": date.iso if date is not None else "", "sources": [],
            "area": area, "tech": tech_id, "anchor": anchor,
            "docname": self.env.docname, "line": self.lineno,
        })
        return [callout]


def setup_metric(app: Sphinx) -> None:
    app.add_directive("metric", MetricDirective)
