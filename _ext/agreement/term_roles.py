"""The `define` and `use` roles, and `use` outside agreements, resolved at
write time to the agreement that defines the term."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from foundation.roles import split_title

from .diagnostics import defer_warning, role_problem, warn
from .doctree import HEADINGS, is_inside, normalize_space, replace_nodes
from .domain import agreement_domain
from .forms import straight_quotes
from .term_nodes import make_term_definition, make_term_reference, term_use

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from .records import TermRecord

__all__ = ["DefineRole", "UseRole", "resolve_uses", "setup_term_roles"]


class DefineRole(SphinxRole):
    """``:define:`Customer Data``` -- the defining occurrence of a term.

    The term is the role's text as the role gets it: in reST with its
    backslash escapes done (as for every role); in MyST as written, raw
    (MyST gives roles their text raw, as Sphinx's own ``abbr`` shows it).
    It is exported, shown and matched as that one string."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        term = normalize_space(self.text)
        if not term:
            problem = role_problem(self.rawtext, "")
            self.set_source_info(problem)
            defer_warning(problem, "empty-role", "define needs the term to define")
            return [problem], []
        node = make_term_definition(self.rawtext, term)
        self.set_source_info(node)
        return [node], []


class UseRole(SphinxRole):
    """``:use:`Order Form``` or ``:use:`order forms <Order Form>``` -- an
    explicit link to a term's definition."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        display, term = split_title(self.text)
        term = normalize_space(term)
        display = normalize_space(display or "") or term
        if not term:
            problem = role_problem(self.rawtext, "")
            self.set_source_info(problem)
            defer_warning(problem, "empty-role", "use needs the term to link to")
            return [problem], []
        node = term_use(self.rawtext, display, term=term)
        self.set_source_info(node)
        return [node], []


def term_index(env: BuildEnvironment) -> dict[str, tuple[str, TermRecord]]:
    """Every form of every defined term (quotes straight) -> the agreement
    (the first by docname) and record that define it."""
    domain = agreement_domain(env)
    index: dict[str, tuple[str, TermRecord]] = {}
    for docname in sorted(domain.terms):
        for record in domain.terms[docname]:
            for form in record["forms"]:
                index.setdefault(straight_quotes(form), (docname, record))
    return index


def resolve_uses(app: Sphinx, uses: list[term_use], docname: str) -> None:
    """Link each remaining `use` (in a page that is not an agreement) to the
    agreement that defines its term."""
    if not uses:
        return
    # One index for all the uses of the page: a search each would cost the
    # number of terms in the site per use.
    index = term_index(app.env)
    replacements: list[tuple[nodes.Node, tuple[nodes.Node]]] = []
    for node in uses:
        found = index.get(straight_quotes(node["term"]))
        if found is None:
            warn("undefined-term", f"use: no agreement defines the term {node['term']!r}", node)
            replacements.append((node, (nodes.inline(node.rawsource, node.astext()),)))
        elif is_inside(node, HEADINGS):
            replacements.append((node, (nodes.inline(node.rawsource, node.astext()),)))
        else:
            target_doc, record = found
            replacements.append((node, (make_term_reference(
                record["id"], record["sentence"], node.astext(), docname, target_doc,
                app.builder),)))
    replace_nodes(replacements)


def setup_term_roles(app: Sphinx) -> None:
    app.add_role("define", DefineRole())
    app.add_role("use", UseRole())
