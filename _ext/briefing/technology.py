"""The `technology` directive: one card per technology, noted in the domain
for the catalogue and the `tech` role."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from foundation.directives import option_location
from foundation.urls import check_url

from .badges import area_badge, stage_badge
from .diagnostics import warn
from .domain import briefing_domain
from .translated import translatable_text
from .translations import _, __
from .vocabulary import check_key, split_keys

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from foundation.diagnostics import Location

    from .records import TechnologyRecord

__all__ = ["TechnologyDirective", "enclosing_card", "setup_technology", "technology_anchor",
           "technology_card"]

YEAR = re.compile(r"^\d{4}$")
#: temp_data: (id, area) of the card whose body is being parsed, for the
#: figures inside it (the register's `area` filter).
CARD_CONTEXT = "briefing_card"


def enclosing_card(env: BuildEnvironment) -> tuple[str, str]:
    """(id, area key) of the `technology` card being parsed, or ("", "")."""
    card = env.temp_data.get(CARD_CONTEXT)
    return card if isinstance(card, tuple) else ("", "")


class technology_card(nodes.container):  # noqa: N801 - docutils' node naming
    """A technology's card, ``<div class="technology">``: a container, written
    as one by every builder."""


def technology_anchor(tech_id: str) -> str:
    return "technology-" + (nodes.make_id(tech_id) or "unnamed")


class TechnologyDirective(SphinxDirective):
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[OptionSpec] = {
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
            warn("missing-option", __("technology: the title argument is missing"), location)
        if not tech_id:
            warn("missing-option", __("technology: the required `id` option is missing"),
                 location)
        title = title or tech_id or "Untitled technology"

        card = technology_card(classes=["technology"])
        self.set_source_info(card)
        header = nodes.paragraph(classes=["technology-header"])
        header += translatable_text(self, title, ["technology-title"], nodes.strong)

        area = self.options.get("area", "").strip()
        # Given but empty (`:area:` alone) is reported too, not silently dropped.
        if "area" in self.options and check_key(self.config, "area", area, location):
            header += nodes.Text(" ")
            header += area_badge(self.config, area)
        else:
            area = ""
        stages = self._stages(location)
        for stage in stages:
            header += nodes.Text(" ")
            header += stage_badge(self.config, stage)
        card += header

        facts = self._facts(location)
        if facts is not None:
            card += facts
        outer = self.env.temp_data.get(CARD_CONTEXT)
        self.env.temp_data[CARD_CONTEXT] = (tech_id, area)
        try:
            self.state.nested_parse(self.content, self.content_offset, card)
        finally:
            if outer is None:
                self.env.temp_data.pop(CARD_CONTEXT, None)
            else:
                self.env.temp_data[CARD_CONTEXT] = outer

        if tech_id:
            anchor = technology_anchor(tech_id)
            # A second card with the same id on one page keeps no anchor of its own
            # (ids must be unique in HTML); duplicate-id reports it.
            if anchor not in self.state.document.ids:
                card["ids"].append(anchor)
                self.state.document.ids[anchor] = card
            record: TechnologyRecord = {
                "id": tech_id, "title": title, "area": area, "stages": stages,
                "anchor": anchor, "docname": self.env.docname, "line": self.lineno,
                # `:catalogue: no` (guide demos) keeps a card linkable but unlisted.
                "listed": self.options.get("catalogue", "yes") == "yes",
            }
            briefing_domain(self.env).note_technology(record)
        return [card]

    def _stages(self, location: Location) -> list[str]:
        """The valid keys of `stage` (one, or several separated by commas),
        each once, in the order given; each unknown key warns."""
        if "stage" not in self.options:
            return []
        keys = split_keys(self.options.get("stage", ""))
        if not keys:
            # Given but empty (`:stage:` alone) is reported too, not silently dropped.
            check_key(self.config, "stage", "", location)
            return []
        stages: list[str] = []
        for key in keys:
            if check_key(self.config, "stage", key, location) and key not in stages:
                stages.append(key)
        return stages

    def _facts(self, location: Location) -> nodes.paragraph | None:
        """"Since 2019 · Website", when those options are given and valid."""
        parts: list[nodes.Node] = []
        since = self.options.get("since", "").strip()
        if since:
            if YEAR.match(since):
                parts.append(nodes.Text(str(_("Since {year}")).format(year=since)))
            else:
                warn("bad-option", __("technology: `since` must be a year (YYYY), not "
                                      "{since}").format(since=repr(since)), location)
        link = self.options.get("link", "").strip()
        if link:
            verdict = check_url(link)
            if verdict.url is not None:
                if parts:
                    parts.append(nodes.Text(" · "))
                more = str(_("More information"))
                parts.append(nodes.reference(more, more, refuri=verdict.url))
            else:
                warn("bad-url", __("technology: `link` {link} is not linked: {reason}").format(
                    link=repr(link), reason=verdict.reason),
                     option_location(self, "link"))
        if not parts:
            return None
        return nodes.paragraph("", "", *parts, classes=["technology-facts"])


def latex_visit_card(self: Any, node: technology_card) -> None:
    # The target of the `tech` links and the catalogue's: the LaTeX writer
    # gives labels to sections and targets, not to containers.
    self.body.append(self.hypertarget_to(node, anchor=True))
    self.visit_container(node)


def latex_depart_card(self: Any, node: technology_card) -> None:
    self.depart_container(node)


def setup_technology(app: Sphinx) -> None:
    # Written by each builder's container visitor (Sphinx's translators
    # dispatch on the node's classes in order), with a label in LaTeX.
    app.add_node(technology_card, latex=(latex_visit_card, latex_depart_card))
    app.add_directive("technology", TechnologyDirective)
