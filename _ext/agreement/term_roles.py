"""The `define` and `use` roles, and the link of a `use` to a definition in
another document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import NoUri
from sphinx.util.docutils import SphinxRole

from foundation.roles import split_title

from .diagnostics import __, defer_warning, role_problem
from .doctree import normalize_space
from .term_nodes import make_term_definition, make_term_reference, term_use

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

__all__ = ["DefineRole", "UseRole", "setup_term_roles", "term_link"]


class DefineRole(SphinxRole):
    """``:define:`Customer Data``` -- the defining occurrence of a term.

    The term is the role's text as the role gets it: in reST with its
    backslash escapes done (as for every role); in MyST as written, raw
    (MyST gives roles their text raw, as Sphinx's own ``abbr`` shows it).
    It is exported, shown and matched as that one string."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        term = normalize_space(self.text)
        if not term:
            problem = role_problem()
            self.set_source_info(problem)
            defer_warning(problem, "empty-role", __("define needs the term to define"))
            return [problem], []
        node = make_term_definition(self.rawtext, term, self.config.language)
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
            problem = role_problem()
            self.set_source_info(problem)
            defer_warning(problem, "empty-role", __("use needs the term to link to"))
            return [problem], []
        node = term_use(self.rawtext, display, term=term)
        self.set_source_info(node)
        # In an agreement the read-time pass links it to the definition
        # there; anywhere else Sphinx resolves the cross-reference with the
        # domain (`AgreementDomain.resolve_xref`), from this document.
        xref = addnodes.pending_xref(self.rawtext, node, refdomain="agreement", reftype="use",
                                     reftarget=term, refdoc=self.env.docname,
                                     refexplicit=display != term, refwarn=True)
        self.set_source_info(xref)
        return [xref], []


def term_link(builder: Builder, fromdocname: str, todocname: str, term_id: str,
              sentence: str, text: str) -> nodes.Node:
    """A link with `text`, from `fromdocname`, to the definition `term_id`
    of agreement `todocname`; the text alone where the builder has no page
    for that agreement (a LaTeX document that leaves it out)."""
    try:
        return make_term_reference(term_id, sentence, text, fromdocname, todocname, builder)
    except NoUri:
        return nodes.inline(text, text)


def setup_term_roles(app: Sphinx) -> None:
    app.add_role("define", DefineRole())
