"""The nodes of defined terms -- a definition, a use, a link from a use to
its definition, a run of text with such links -- and their HTML visitors.

A run of running text with uses of terms is one `linked_text` node, however
many links it holds: the read-time pass finds them with the matcher and
HTML writes them by hand (a page may hold thousands of these links, most
sharing a few defining sentences). Formats other than HTML get the plain
structure instead, a ``term_reference`` per link, from `expand_linked_text`.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translation

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder

__all__ = ["CLOSE_QUOTE", "OPEN_QUOTE", "expand_linked_text", "linked_text",
           "make_term_reference", "setup_term_nodes", "term_definition", "term_reference",
           "term_use"]

#: The quotes around a defined term where it is defined.
_ = get_translation("agreement")

OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"


class term_definition(nodes.inline):  # noqa: N801 - docutils' node naming
    """The defining occurrence of a term, ``<dfn id="term-...">“<strong>
    Term</strong>”</dfn>``: its ``term`` attribute is the term; in an
    agreement the read-time pass gives it its id. The term is shown as
    typed: smart quotes leave it alone (``support_smartquotes``), as they
    would curl its quotes and drop the backslash of ``\\.`` and the like,
    and it would show otherwise than it is exported and matched."""


def definition_quotes(language: str | None) -> tuple[str, str]:
    """The opening and closing marks of a definition in `language` (the
    build's catalog is already that language's; `language` is kept for
    the callers that name it)."""
    opening, _term, closing = str(_("\u201c{term}\u201d")).partition("{term}")
    return opening, closing


def make_term_definition(rawtext: str, term: str, language: str | None = None
                         ) -> term_definition:
    """The definition of `term`: the term in bold, between the quotation
    marks of the build's `language` (“…” in English, 「…」 in Japanese)."""
    opening, closing = definition_quotes(language)
    return term_definition(rawtext, "", nodes.Text(opening), nodes.strong(term, term),
                           nodes.Text(closing), term=term, support_smartquotes=False)


class term_use(nodes.inline):  # noqa: N801
    """A `use` role (``term``: the term it names). In an agreement the
    read-time pass links it; elsewhere it is resolved at write time."""


class term_reference(nodes.reference):  # noqa: N801
    """A link from a use of a term to its definition: ``<a class="term">``
    whose ``aria-description`` is the defining sentence (``reftitle``)."""


class linked_text(nodes.Inline, nodes.TextElement):  # noqa: N801
    """A run of running text (its one child) with uses of terms linked to
    their definitions: ``links`` holds ``start, end, term id, defining
    sentence`` per link, one after the other in one flat tuple, the offsets
    into the text. HTML writes the links; for other formats
    `expand_linked_text` replaces the node with text and `term_reference`\\ s.

    A node per link from the read on would take 1.25x the build's time and
    1.17x its peak memory (bench/tricks_bench.py, 30 pages x 500 terms x
    550 uses): every later pass and the pickled doctree would carry them."""


def make_term_reference(term_id: str, sentence: str, text: str, fromdoc: str, todoc: str,
                        builder: Builder | None = None) -> term_reference:
    """A link with `text` to the definition `term_id` (of agreement `todoc`),
    described by its defining `sentence`."""
    node = term_reference("", text, internal=True, reftitle=sentence)
    if fromdoc == todoc:
        node["refid"] = term_id
    else:
        assert builder is not None
        node["refuri"] = builder.get_relative_uri(fromdoc, todoc) + "#" + term_id
    return node


def expand_linked_text(runs: Iterable[linked_text]) -> None:
    """For every format but HTML (at ``doctree-resolved``): each of `runs`
    becomes its text with a `term_reference` per link, which every writer
    knows as a link."""
    for node in runs:
        text = node.astext()
        links = iter(node["links"])
        pieces: list[nodes.Node] = []
        done = 0
        for start, end, term_id, sentence in zip(links, links, links, links, strict=False):
            if start > done:
                pieces.append(nodes.Text(text[done:start]))
            pieces.append(term_reference("", text[start:end], internal=True, refid=term_id,
                                         reftitle=sentence))
            done = end
        if done < len(text):
            pieces.append(nodes.Text(text[done:]))
        node.replace_self(pieces)


# -- HTML ---------------------------------------------------------------------------


def html_visit_term_definition(self: Any, node: term_definition) -> None:
    self.body.append(self.starttag(node, "dfn", ""))


def html_depart_term_definition(self: Any, node: term_definition) -> None:
    self.body.append("</dfn>")


def html_visit_term_reference(self: Any, node: term_reference) -> None:
    # The defining sentence goes in `aria-description`: the link text stays
    # the accessible name and the sentence is announced after it.
    # agreement.css shows the same attribute as a tooltip on hover and on
    # keyboard focus (`title` would only show on hover, after a delay, and
    # twice with the CSS one).
    href = node["refuri"] if "refuri" in node else "#" + node["refid"]
    title = node.get("reftitle")
    tag = f'<a class="term" href="{html.escape(href)}"'
    if title:
        tag += f' {_description_attribute(self)}="{_escaped_description(title)}"'
    self.body.append(tag + ">")


def html_depart_term_reference(self: Any, node: term_reference) -> None:
    self.body.append("</a>")


def html_visit_linked_text(self: Any, node: linked_text) -> None:
    # Written by hand, in one string: an agreement has thousands of these
    # links, and a node and a visit per link and per piece of text between
    # them (the other formats' path) takes 1.19x the build's time
    # (bench/tricks_bench.py, 30 pages x 500 terms x 550 uses).
    text, done, parts = str(node.children[0]), 0, list[str]()
    links = iter(node["links"])
    attribute = _description_attribute(self)
    if "\x00" not in text and self.encode(text) == text:
        # Nothing to unescape or encode (the usual case): slices of the text.
        for start, end, term_id, sentence in zip(links, links, links, links, strict=False):
            parts += (text[done:start], _link_start(term_id, sentence, attribute),
                      text[start:end], "</a>")
            done = end
        parts.append(text[done:])
    else:
        encode, unescape = self.encode, nodes.unescape
        for start, end, term_id, sentence in zip(links, links, links, links, strict=False):
            parts += (encode(unescape(text[done:start])), _link_start(term_id, sentence, attribute),
                      encode(unescape(text[start:end])), "</a>")
            done = end
        parts.append(encode(unescape(text[done:])))
    self.body.append("".join(parts))
    raise nodes.SkipNode


def _link_start(term_id: str, sentence: str, attribute: str) -> str:
    """The start tag of a link to a term. Not cached: an lru_cache here
    measured 0.96x the CPU time of this plain code (spread 0.87-1.19,
    bench/tricks_bench.py, 30 pages x 500 terms), no gain to keep."""
    return (f'<a class="term" href="#{html.escape(term_id)}" '
            f'{attribute}="{_escaped_description(sentence)}">')


def _description_attribute(self: Any) -> str:
    """Where a term's link carries its defining sentence: ``aria-description``
    (the link's name stays its text; the stylesheet shows the sentence on
    hover and on keyboard focus), or ``title`` in EPUB, whose XHTML schema
    has no ``aria-description``."""
    return "title" if self.builder.name.startswith("epub") else "aria-description"


def _escaped_description(sentence: str) -> str:
    return html.escape(sentence.replace("\n", " "))


# -- LaTeX --------------------------------------------------------------------------


def latex_visit_term_definition(self: Any, node: term_definition) -> None:
    # The target of the uses' links (\hyperref to docname:term-...): the
    # LaTeX writer gives labels to sections and targets, not to inline text.
    self.body.append(self.hypertarget_to(node, anchor=True))


def latex_depart_term_definition(self: Any, node: term_definition) -> None:
    pass


def setup_term_nodes(app: Sphinx) -> None:
    app.add_node(term_definition, html=(html_visit_term_definition, html_depart_term_definition),
                 latex=(latex_visit_term_definition, latex_depart_term_definition))
    app.add_node(term_reference, html=(html_visit_term_reference, html_depart_term_reference))
    app.add_node(term_use)
    app.add_node(linked_text, html=(html_visit_linked_text, None))
