"""Source notes for `metric` and `ranking`: the very footnotes of ``:footcite:``.

A `source` option is handed to sphinxcontrib-bibtex's own ``footcite`` role,
so a key cited both in running text and by a metric gets one footnote with one
number on the page, and ``footbibliography`` prints it.  A page that never
calls ``footbibliography`` after its sourced figures gets the pending notes
appended at its end by :class:`PlaceSourceNotes`, so a figure's note is never lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

if TYPE_CHECKING:
    from sphinx.util.docutils import SphinxDirective

#: temp_data flag: this page's metrics/rankings created footnotes.
USED_FLAG = "briefing_sources_used"


def source_notes(directive: SphinxDirective, keys_text: str) -> list[nodes.Node]:
    """The footnote references for comma-separated bib *keys_text* (may be [])."""
    if not keys_text.strip():
        return []
    if "footcite" not in directive.env.domains:  # sphinxcontrib.bibtex not loaded
        from .checks import warn

        warn("bad-option", "`source` needs the sphinxcontrib.bibtex extension",
             directive.get_location())
        return []
    from sphinxcontrib.bibtex.foot_roles import FootCiteRole

    rawtext = f":footcite:`{keys_text}`"
    result, messages = FootCiteRole()(
        "footcite", rawtext, keys_text, directive.lineno, directive.state.inliner
    )
    directive.env.temp_data[USED_FLAG] = True
    return [*result, *messages]


def has_citation(node: nodes.Element) -> bool:
    """Whether *node* holds a ``footcite``/``cite`` citation (or a plain footnote ref)."""
    for child in node.findall(nodes.Element):
        if isinstance(child, (nodes.footnote_reference, nodes.citation_reference)):
            return True
        if isinstance(child, addnodes.pending_xref) and child.get("refdomain") in (
            "cite", "footcite", "citation",
        ):
            return True
    return False


class PlaceSourceNotes(SphinxTransform):
    """Append notes that no ``footbibliography`` printed to the page's last section."""

    # Before docutils numbers footnotes (620), once the whole page is parsed.
    default_priority = 600

    def apply(self, **kwargs: object) -> None:
        temp = self.env.temp_data
        if not temp.get(USED_FLAG) or not temp.get("bibtex_foot_new_refs"):
            return
        notes = temp["bibtex_foot_bibliography"]
        temp["bibtex_foot_old_refs"] |= temp["bibtex_foot_new_refs"]
        temp["bibtex_foot_new_refs"].clear()
        temp["bibtex_foot_bibliography"] = nodes.container()
        domain = self.env.domains["cite"]
        for bibfile in domain.bibdata.bibfiles:  # type: ignore[attr-defined]
            self.env.note_dependency(bibfile)
        notes["classes"].append("briefing-source-notes")
        parent: nodes.Element = self.document
        while len(parent) and isinstance(parent[-1], nodes.section):
            parent = parent[-1]
        parent += notes


def setup_sources(app: Sphinx) -> None:
    app.add_transform(PlaceSourceNotes)
