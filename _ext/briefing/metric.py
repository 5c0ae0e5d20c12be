"""The `metric` directive: a key figure, its label and its numbered source note."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .bibtex import has_citation, source_notes
from .diagnostics import warn

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
    }

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        figure = self.arguments[0].strip() if self.arguments else ""
        label = self.options.get("label", "").strip()
        if not figure:
            warn("missing-option", "metric: the figure argument is missing", location)
        if not label:
            warn("missing-option", "metric: the required `label` option is missing", location)

        callout = nodes.container(classes=["metric"])
        self.set_source_info(callout)
        if figure:
            callout += nodes.paragraph(
                "", "", nodes.inline(figure, figure, classes=["metric-value"]),
                classes=["metric-figure"],
            )
        caption = nodes.paragraph("", "", classes=["metric-label"])
        if label:
            caption += nodes.Text(label)
        caption += source_notes(self, self.options.get("source", ""))
        if len(caption):
            callout += caption
        body = nodes.container(classes=["metric-body"])
        self.state.nested_parse(self.content, self.content_offset, body)
        if len(body):
            callout += body

        if not self.options.get("source", "").strip() and not has_citation(body):
            warn(
                "unsourced-metric",
                f"metric {figure or '(no figure)'!r} has no `source` option and no "
                "citation in its body",
                location,
            )
        return [callout]


def setup_metric(app: Sphinx) -> None:
    app.add_directive("metric", MetricDirective)
