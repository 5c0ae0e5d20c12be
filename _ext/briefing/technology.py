"""The `technology` directive: one card per technology, recorded for the catalogue."""

from __future__ import annotations

import re
from typing import Any, ClassVar
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from foundation.directives import option_location
from foundation.urls import check_url

from .checks import warn
from .domain import TECHNOLOGY_ATTR
from .vocabulary import area_badge, check_key, stage_badge

YEAR = re.compile(r"^\d{4}$")


def technology_anchor(tech_id: str) -> str:
    return "technology-" + (nodes.make_id(tech_id) or "unnamed")


class TechnologyDirective(SphinxDirective):
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "id": directives.unchanged,
        "area": directives.unchanged,
        "stage": directives.unchanged,
        "since": directives.unchanged,
        "link": directives.unchanged,
        "catalogue": lambda value: directives.choice(value, ("yes", "no")),
    }

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        title = self.arguments[0].strip() if self.arguments else ""
        tech_id = self.options.get("id", "").strip()
        if not title:
            warn("missing-option", "technology: the title argument is missing", location)
        if not tech_id:
            warn("missing-option", "technology: the required `id` option is missing", location)
        title = title or tech_id or "Untitled technology"

        card = nodes.container(classes=["technology"])
        self.set_source_info(card)
        header = nodes.paragraph(classes=["technology-header"])
        header += nodes.strong(title, title, classes=["technology-title"])

        area = self.options.get("area", "").strip()
        # Given but empty (`:area:` alone) is reported too, not silently dropped.
        if "area" in self.options and check_key(self.config, "area", area, location):
            header += nodes.Text(" ")
            header += area_badge(self.config, area)
        else:
            area = ""
        stage = self.options.get("stage", "").strip()
        # Given but empty (`:stage:` alone) is reported too, not silently dropped.
        if "stage" in self.options and check_key(self.config, "stage", stage, location):
            header += nodes.Text(" ")
            header += stage_badge(self.config, stage)
        else:
            stage = ""
        card += header

        facts = self._facts(location)
        if facts is not None:
            card += facts
        self.state.nested_parse(self.content, self.content_offset, card)

        if tech_id:
            anchor = technology_anchor(tech_id)
            # A second card with the same id on one page keeps no anchor of its own
            # (ids must be unique in HTML); duplicate-id reports it.
            if anchor not in self.state.document.ids:
                card["ids"].append(anchor)
                self.state.document.ids[anchor] = card
            # `:catalogue: no` (guide demos) keeps a card linkable but unlisted.
            card[TECHNOLOGY_ATTR] = {
                "id": tech_id, "title": title, "area": area, "stage": stage,
                "anchor": anchor, "line": self.lineno,
                "listed": self.options.get("catalogue", "yes") == "yes",
            }
        return [card]

    def _facts(self, location: Any) -> nodes.paragraph | None:
        """"Since 2019 · Website", when those options are given and valid."""
        parts: list[nodes.Node] = []
        since = self.options.get("since", "").strip()
        if since:
            if YEAR.match(since):
                parts.append(nodes.Text(f"Since {since}"))
            else:
                warn("bad-option", f"technology: `since` must be a year (YYYY), not {since!r}",
                     location)
        link = self.options.get("link", "").strip()
        if link:
            verdict = check_url(link)
            if verdict.url is not None:
                if parts:
                    parts.append(nodes.Text(" · "))
                parts.append(nodes.reference("More information", "More information",
                                             refuri=verdict.url))
            else:
                warn("bad-url", f"technology: `link` {link!r} is not linked: {verdict.reason}",
                     option_location(self, "link"))
        if not parts:
            return None
        return nodes.paragraph("", "", *parts, classes=["technology-facts"])


def setup_technology(app: Sphinx) -> None:
    app.add_directive("technology", TechnologyDirective)
