"""The block directives of an agreement's text: `conspicuous` and `summary`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec


class conspicuous_block(nodes.container):  # noqa: N801 - docutils' node naming
    """``<div class="conspicuous">``: text the law wants conspicuous."""


class summary_block(nodes.container):  # noqa: N801
    """``<aside class="clause-summary">``: a plain-language summary of the
    clause it sits in; not part of the legal text (nor of the JSON text)."""


_ = get_translation("agreement")

#: The options every block takes, as docutils' own admonitions do. A
#: directive without options would read a mistyped option (``:caps: yes``)
#: as its first line of content, silently; with these, docutils and MyST
#: report it as an unknown option, with its line.
BLOCK_OPTIONS: OptionSpec = {"class": directives.class_option, "name": directives.unchanged}

#: Classes of the two lines that open a summary box (left out of the
#: summary text in the JSON export).
SUMMARY_CHROME = ("clause-summary-title", "clause-summary-note")


def html_visit_div(self: Any, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div", ""))


def html_depart_div(self: Any, node: nodes.Element) -> None:
    self.body.append("</div>\n")


# -- text, man and texinfo: set apart, so that a reader sees them --------------------
# (LaTeX writes the blocks as containers, whose classes sphinxagreement.sty
# styles: bold between rules, and framed.)

#: The rule above and below a conspicuous block in plain text.
TEXT_RULE = "=" * 60


def text_visit_conspicuous(self: Any, node: nodes.Element) -> None:
    self.new_state(4)
    self.states[-1].append((0, [TEXT_RULE, ""]))


def text_depart_conspicuous(self: Any, node: nodes.Element) -> None:
    self.states[-1].append((0, ["", TEXT_RULE]))
    self.end_state(wrap=False)


def text_visit_summary(self: Any, node: nodes.Element) -> None:
    self.new_state(4)


def text_depart_summary(self: Any, node: nodes.Element) -> None:
    self.end_state(first="|   ")


def man_visit_conspicuous(self: Any, node: nodes.Element) -> None:
    self.body.append("\n.sp\n.RS 4\n.ft B\n")


def man_depart_conspicuous(self: Any, node: nodes.Element) -> None:
    self.body.append("\n.ft R\n.RE\n")


def man_visit_summary(self: Any, node: nodes.Element) -> None:
    self.body.append("\n.sp\n.RS 4\n")


def man_depart_summary(self: Any, node: nodes.Element) -> None:
    self.body.append("\n.RE\n")


def texinfo_visit_conspicuous(self: Any, node: nodes.Element) -> None:
    self.body.append("\n@quotation\n")


def texinfo_depart_conspicuous(self: Any, node: nodes.Element) -> None:
    self.ensure_eol()
    self.body.append("@end quotation\n")


def texinfo_visit_summary(self: Any, node: nodes.Element) -> None:
    self.body.append("\n@cartouche\n")


def texinfo_depart_summary(self: Any, node: nodes.Element) -> None:
    self.ensure_eol()
    self.body.append("@end cartouche\n")


def latex_visit_container(self: Any, node: nodes.Element) -> None:
    self.visit_container(node)


def latex_depart_container(self: Any, node: nodes.Element) -> None:
    self.depart_container(node)


def html_visit_aside(self: Any, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "aside", "", **{"aria-label": str(_("In short"))}))


def html_depart_aside(self: Any, node: nodes.Element) -> None:
    self.body.append("</aside>\n")


class ConspicuousDirective(SphinxDirective):
    """Bold and set apart, in the author's own letter case."""

    has_content = True
    option_spec: ClassVar[OptionSpec] = BLOCK_OPTIONS

    def run(self) -> list[nodes.Node]:
        # An empty box is a mistake: docutils (or MyST) reports it, with its line.
        self.assert_has_content()
        node = conspicuous_block(classes=["conspicuous", *self.options.get("class", [])])
        self.set_source_info(node)
        self.add_name(node)
        node.extend(self.parse_content_to_nodes())
        return [node]


class SummaryDirective(SphinxDirective):
    """An "In short" box."""

    has_content = True
    option_spec: ClassVar[OptionSpec] = BLOCK_OPTIONS

    def run(self) -> list[nodes.Node]:
        self.assert_has_content()
        node = summary_block(classes=["clause-summary", *self.options.get("class", [])])
        self.set_source_info(node)
        self.add_name(node)
        title = str(_("In short"))
        node += nodes.paragraph("", title, classes=[SUMMARY_CHROME[0]])
        note = str(_("A plain-language summary, not part of the legal text."))
        node += nodes.paragraph("", note, classes=[SUMMARY_CHROME[1]])
        node.extend(self.parse_content_to_nodes())
        return [node]


def setup_blocks(app: Sphinx) -> None:
    latex = (latex_visit_container, latex_depart_container)
    app.add_node(conspicuous_block, html=(html_visit_div, html_depart_div), latex=latex,
                 text=(text_visit_conspicuous, text_depart_conspicuous),
                 man=(man_visit_conspicuous, man_depart_conspicuous),
                 texinfo=(texinfo_visit_conspicuous, texinfo_depart_conspicuous))
    app.add_node(summary_block, html=(html_visit_aside, html_depart_aside), latex=latex,
                 text=(text_visit_summary, text_depart_summary),
                 man=(man_visit_summary, man_depart_summary),
                 texinfo=(texinfo_visit_summary, texinfo_depart_summary))
    app.add_directive("conspicuous", ConspicuousDirective)
    app.add_directive("summary", SummaryDirective)
