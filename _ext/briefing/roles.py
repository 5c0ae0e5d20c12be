"""The `stage` role: an inline stage badge (the `tech` role lives with the domain)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from .badges import stage_badge
from .vocabulary import check_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class StageRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        key = self.text.strip()
        if check_key(self.config, "stage", key, self.get_location()):
            return [stage_badge(self.config, key)], []
        # The text stays readable, without a badge.
        return [nodes.literal(self.rawtext, key)], []


def setup_roles(app: Sphinx) -> None:
    app.add_role("stage", StageRole())
