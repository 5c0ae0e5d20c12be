"""Source notes for `metric` and `ranking` through sphinxcontrib-bibtex:
the very footnotes of ``:footcite:``. This is the one module that knows
sphinxcontrib-bibtex (an adapter).

A `source` option is handed to the ``footcite`` role that the document's
parser would call -- looked up by name through docutils' public role
registry, which Sphinx extends with the domains' roles -- so that a key
cited both in running text and by a metric gets one footnote with one
number on the page, and ``footbibliography`` prints it.

A page that never calls ``footbibliography`` after its sourced figures gets
the pending notes appended at its end by `PlaceSourceNotes`, so that a
figure's note is never lost. sphinxcontrib-bibtex offers no public way to
do that from a transform: `PlaceSourceNotes` does what its
``footbibliography`` directive does with the per-document ``temp_data`` it
keeps (``bibtex_foot_new_refs``, ``bibtex_foot_old_refs``,
``bibtex_foot_bibliography``). ``tests/site/test_adapters.py`` fails
loudly when a release of sphinxcontrib-bibtex changes those.

`figure_sources` tells the `figures` register which entries a figure's
notes print: the key of a note is read back from the footnote names that
``footcite`` keeps per document (``bibtex_footcite_names``), its title from
the entry that the ``cite`` domain parsed (``bibdata.data.entries``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import roles
from pybtex.backends.plaintext import Backend as PlainText  # type: ignore[import-untyped]
from pybtex.richtext import Text  # type: ignore[import-untyped]
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from .diagnostics import warn
from .translations import __

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.docutils import SphinxDirective

    from .records import SourceRecord

__all__ = ["PlaceSourceNotes", "entry_title", "figure_sources", "has_citation", "setup_bibtex",
           "source_notes"]

#: temp_data flag: this page's metrics/rankings created footnotes.
USED_FLAG = "briefing_sources_used"
#: sphinxcontrib-bibtex's per-document data (see the module's docstring).
NEW_REFS, OLD_REFS, BIBLIOGRAPHY = (
    "bibtex_foot_new_refs", "bibtex_foot_old_refs", "bibtex_foot_bibliography")
#: key -> the name of its footnote on the current page.
FOOTCITE_NAMES = "bibtex_footcite_names"


def source_notes(directive: SphinxDirective, keys_text: str) -> list[nodes.Node]:
    """The footnote references for comma-separated bib `keys_text` (may be [])."""
    if not keys_text.strip():
        return []
    if "footcite" not in directive.env.domains:  # sphinxcontrib.bibtex not loaded
        warn("bad-option", __("`source` needs the sphinxcontrib.bibtex extension"),
             directive.get_location())
        return []
    language: Any = directive.state_machine.language
    role, messages = roles.role("footcite", language, directive.lineno, directive.state.reporter)
    if role is None:
        return [*messages]
    rawtext = f":footcite:`{keys_text}`"
    result, problems = role("footcite", rawtext, keys_text, directive.lineno,
                            directive.state.inliner, {}, [])
    directive.env.temp_data[USED_FLAG] = True
    return [*messages, *result, *problems]


def has_citation(node: nodes.Element) -> bool:
    """Whether `node` holds a ``footcite``/``cite`` citation (or a plain footnote ref)."""
    for child in node.findall(nodes.Element):
        if isinstance(child, (nodes.footnote_reference, nodes.citation_reference)):
            return True
        if isinstance(child, addnodes.pending_xref) and child.get("refdomain") in (
            "cite", "footcite", "citation",
        ):
            return True
    return False


def entry_title(env: BuildEnvironment, key: str) -> str:
    """The title of bibliography entry `key` as plain text ("" if none).

    Rendered with pybtex's plain-text backend, imported once: pybtex's
    ``render_as`` looks its backend up among the installed entry points
    on every call, which costs more than the rest of a figure."""
    if not key or "cite" not in env.domains:
        return ""
    cite: Any = env.get_domain("cite")
    entry = cite.bibdata.data.entries.get(key)
    title = entry.fields.get("title", "") if entry is not None else ""
    return str(Text.from_latex(title).render(PlainText())).strip() if title else ""


def figure_sources(env: BuildEnvironment, document: nodes.document,
                   figure: nodes.Element) -> list[SourceRecord]:
    """The notes that `figure` refers to (its `source` and the citations of
    its body), each once, in order, once the page's footnotes are numbered."""
    names: dict[str, str] = env.temp_data.get(FOOTCITE_NAMES) or {}
    keys = {name: key for key, name in names.items()}
    found: list[SourceRecord] = []
    seen: set[str] = set()
    for ref in figure.findall(nodes.footnote_reference):
        anchor = ref.get("refid", "")
        note = document.ids.get(anchor) if anchor else None
        if anchor in seen or not isinstance(note, nodes.footnote):
            continue
        seen.add(anchor)
        key = next((keys[name] for name in note["names"] if name in keys), "")
        text = " ".join(" ".join(child.astext().split()) for child in note.children
                        if isinstance(child, nodes.paragraph))
        found.append({"key": key, "text": text, "anchor": anchor})
    return found


class PlaceSourceNotes(SphinxTransform):
    """Append notes that no ``footbibliography`` printed to the page's last section."""

    # Before docutils numbers footnotes (620), once the whole page is parsed.
    default_priority = 600

    def apply(self, **kwargs: Any) -> None:
        temp = self.env.temp_data
        if not temp.get(USED_FLAG) or not temp.get(NEW_REFS):
            return
        notes = temp[BIBLIOGRAPHY]
        temp[OLD_REFS] |= temp[NEW_REFS]
        temp[NEW_REFS].clear()
        temp[BIBLIOGRAPHY] = nodes.container()
        cite: Any = self.env.get_domain("cite")
        for bibfile in cite.bibdata.bibfiles:
            self.env.note_dependency(bibfile)
        notes["classes"].append("briefing-source-notes")
        parent: nodes.Element = self.document
        while len(parent) and isinstance(parent[-1], nodes.section):
            parent = parent[-1]
        parent += notes


def setup_bibtex(app: Sphinx) -> None:
    app.add_transform(PlaceSourceNotes)
