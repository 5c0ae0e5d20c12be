"""The `changes` directive: the author's summary of what a version changed,
a bullet list shown under the header as "What changed", and carried to the
redline page, the feed entry and the JSON export (`changes_items`).

It renders as each builder renders a container (a rubric and the list):
Sphinx's translators find a node's visitor by its class's ancestry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.docutils import SphinxDirective

from .blocks import BLOCK_OPTIONS
from .diagnostics import __, defer_warning
from .doctree import normalize_space

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

__all__ = ["CHANGES_CLASS", "ChangesDirective", "changes_block", "changes_items",
           "setup_changes"]

_ = get_translation("agreement")

#: The class of the block (the markup contract leaves it open; the site's CSS uses it).
CHANGES_CLASS = "agreement-changes"


class changes_block(nodes.container):  # noqa: N801 - docutils' node naming
    """``<div class="agreement-changes">``: a rubric and one bullet list."""


class ChangesDirective(SphinxDirective):
    """``changes``: a bullet list of what this version changed."""

    has_content = True
    option_spec: ClassVar[OptionSpec] = BLOCK_OPTIONS

    def run(self) -> list[nodes.Node]:
        block = changes_block(classes=[CHANGES_CLASS, *self.options.get("class", [])])
        self.set_source_info(block)
        heading = str(_("What changed"))
        block += nodes.rubric(heading, heading, classes=["agreement-changes-title"])
        body = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, body)
        lists = [child for child in body.children if isinstance(child, nodes.bullet_list)]
        others = [child for child in body.children
                  if not isinstance(child, (nodes.bullet_list, nodes.comment))]
        if len(lists) != 1 or others:
            # Checked by the read-time pass, which knows whether this page is an
            # agreement; the content is kept so that nothing the author wrote is lost.
            defer_warning(block, "bad-changes",
                          __("changes: give the changes as one bullet list (found {lists} lists "
                             "and {others} other blocks)").format(
                                 lists=len(lists), others=len(others)))
        block += body.children
        return [block]


def changes_items(block: nodes.Element) -> list[str]:
    """The text of each item of the block's bullet list, as rendered."""
    items: list[str] = []
    for bullet_list in block.findall(nodes.bullet_list):
        if bullet_list.parent is not block:
            continue
        for item in bullet_list.children:
            text = normalize_space(item.astext())
            if text:
                items.append(text)
    return items


def setup_changes(app: Sphinx) -> None:
    app.add_node(changes_block)
    app.add_directive("changes", ChangesDirective)
