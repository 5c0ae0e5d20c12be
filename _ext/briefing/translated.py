"""The texts that the briefing's directives take from their arguments and
options -- a technology's title, a metric's figure and label, a ranking's
caption -- and the text of each timeline item, translated by Sphinx like
any paragraph of the page.

Sphinx's gettext builder extracts, and its ``Locale`` transform (priority
20) translates, the nodes that carry a source, a line and a ``rawsource``;
an inline node must also say ``translatable``. `translatable_text` makes
such a node. By the time ``Locale`` replaces those texts, the directives
have noted them in the domain, and a timeline item's date in its
paragraph; `ApplyTranslatedTexts`, right after ``Locale``, carries each
translation into its record (so that ``tech`` links, the catalogue and the
figures register read it too) and puts each timeline date back in front of
its translated text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from foundation.dated import date_element
from foundation.dates import parse_partial_date

from .chart_node import ranking_chart
from .domain import briefing_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.docutils import SphinxDirective

__all__ = ["ApplyTranslatedTexts", "note_translatable_texts", "setup_translated",
           "translatable_inline", "translatable_text"]


class translatable_inline(nodes.Inline, nodes.TextElement):  # noqa: N801 - docutils' naming
    """A directive's text, written as an inline node by every builder.

    Not a ``nodes.inline``: Sphinx unwraps every ``nodes.inline`` that says
    ``translatable`` once the page is read (``RemoveTranslatableInline``),
    moving its text to the end of its parent."""


def _visit_as_inline(translator: Any, node: nodes.Element) -> None:
    translator.visit_inline(node)


def _depart_as_inline(translator: Any, node: nodes.Element) -> None:
    translator.depart_inline(node)


def translatable_text(directive: SphinxDirective, text: str, classes: list[str],
                      node_class: type[nodes.TextElement] = translatable_inline,
                      ) -> nodes.TextElement:
    """`text` (an argument's or an option's) as a node that Sphinx
    translates, at the directive's line."""
    node = node_class(text, text, classes=classes, translatable=True)
    directive.set_source_info(node)
    note_translatable_texts(directive)
    return node


#: Set in ``env.temp_data`` while a page is read, by the directives that
#: made a translatable text on it: the pages `ApplyTranslatedTexts` walks.
HAS_TRANSLATABLE_TEXTS = "briefing_translatable_texts"


def note_translatable_texts(directive: SphinxDirective) -> None:
    """Say that the page being read holds a directive's translatable text."""
    directive.env.temp_data[HAS_TRANSLATABLE_TEXTS] = True


def _translated(node: nodes.Element) -> bool:
    return bool(node.get("translated"))


class ApplyTranslatedTexts(SphinxTransform):
    """Carry the translated titles, figures, labels and captions into the
    domain's records; put each translated timeline item's date back."""

    default_priority = 21  # right after sphinx.transforms.i18n.Locale (20)

    def apply(self, **kwargs: object) -> None:
        # Any language may have catalogs (an en_GB edition of an English
        # site too): the pages walked are those whose directives made a
        # translatable text, whatever the language.
        if not self.env.temp_data.get(HAS_TRANSLATABLE_TEXTS):
            return
        domain = briefing_domain(self.env)
        docname = self.env.docname
        for node in self.document.findall(nodes.Element):
            if "timeline_date" in node and _translated(node):
                self._date_again(node)
                continue
            if not (node.get("translatable") and _translated(node)):
                continue
            classes = node["classes"]
            holder = self._holder(node)
            if holder is None or not holder["ids"]:
                continue
            anchor = holder["ids"][0]
            text = node.astext()
            if "technology-title" in classes:
                domain.retitle_technology(docname, anchor, text)
            elif "metric-value" in classes:
                domain.revise_figure(docname, anchor, figure=text)
            elif "metric-label-text" in classes:
                domain.revise_figure(docname, anchor, label=text)
            elif "ranking-caption" in classes:
                domain.revise_figure(docname, anchor, label=text)
                for chart in holder.findall(ranking_chart):
                    chart["caption"] = text

    @staticmethod
    def _holder(node: nodes.Element) -> nodes.Element | None:
        """The card, callout or ranking that holds `node` (the element whose
        id its record keeps)."""
        parent = node.parent
        while parent is not None and not (
                {"technology", "metric", "ranking"} & set(parent.get("classes", []))):
            parent = parent.parent
        return parent

    def _date_again(self, paragraph: nodes.Element) -> None:
        date = parse_partial_date(paragraph["timeline_date"])
        first = paragraph[0] if len(paragraph) else None
        if date is None or (isinstance(first, nodes.Element)
                            and "timeline-date" in first["classes"]):
            return
        paragraph.insert(0, date_element(date, self.config.language, classes=["timeline-date"]))
        paragraph.insert(1, nodes.Text(" "))


def setup_translated(app: Sphinx) -> None:
    as_inline = (_visit_as_inline, _depart_as_inline)
    app.add_node(translatable_inline, html=as_inline, latex=as_inline, text=as_inline,
                 man=as_inline, texinfo=as_inline)
    app.add_transform(ApplyTranslatedTexts)
