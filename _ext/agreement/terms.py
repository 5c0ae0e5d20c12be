"""Defined terms: the `define` and `use` roles, the forms a term takes
(singular and plural), term ids, and the compiled matcher that finds uses.

Linking is done once per document at read time by `reader.py`; a `use` in a
page that is not an agreement is resolved at write time by `resolve_uses`.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from .common import defer_warning, normalize_space, role_problem, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class term_definition(nodes.inline):
    """The defining occurrence of a term, ``<dfn id="term-...">``: its
    ``term`` attribute is the term; in an agreement the read-time pass gives
    it its id."""


class term_reference(nodes.reference):
    """A link from a use of a term to its definition: ``<a class="term">``
    whose ``aria-description`` is the defining sentence."""


class linked_text(nodes.Text):
    """Running text with uses of terms linked to their definitions: ``links``
    holds ``(start, end, term id, defining sentence)`` per link, offsets
    into the text. One node however many links it holds: a node per link
    (and per piece of text between links) would multiply the nodes that
    every later pass of Sphinx walks. HTML writes the links (the same
    ``<a class="term">`` as `term_reference`); other formats the text."""

    links: tuple[tuple[int, int, str, str], ...] = ()

    def copy(self) -> linked_text:
        twin = self.__class__(str(self))
        twin.links = self.links
        return twin

    def deepcopy(self) -> linked_text:
        return self.copy()


def html_visit_linked_text(self: Any, node: linked_text) -> None:
    text, done = str(node), 0
    for start, end, term_id, sentence in node.links:
        if start > done:
            self.body.append(self.encode(nodes.unescape(text[done:start])))
        self.body.append(f'<a class="term" href="#{html.escape(term_id)}" '
                         f'aria-description="{_escaped_description(sentence)}">'
                         f"{self.encode(nodes.unescape(text[start:end]))}</a>")
        done = end
    if done < len(text):
        self.body.append(self.encode(nodes.unescape(text[done:])))


def html_depart_linked_text(self: Any, node: linked_text) -> None:
    pass


class term_use(nodes.inline):
    """A `use` role (``term``: the term it names). In an agreement the
    read-time pass links it; elsewhere it is resolved at write time."""


def html_visit_term_definition(self: Any, node: term_definition) -> None:
    self.body.append(self.starttag(node, "dfn", ""))


def html_depart_term_definition(self: Any, node: term_definition) -> None:
    self.body.append("</dfn>")


def html_visit_term_reference(self: Any, node: term_reference) -> None:
    # The defining sentence goes in `aria-description`: the link text stays
    # the accessible name and the sentence is announced after it.
    # agreement.css shows the same attribute as a tooltip on hover and on
    # keyboard focus (`title` would only show on hover, after a delay, and
    # twice with the CSS one). Written directly: a page may hold thousands
    # of these links, most sharing a few sentences.
    href = node["refuri"] if "refuri" in node else "#" + node["refid"]
    title = node.get("reftitle")
    tag = f'<a class="term" href="{html.escape(href)}"'
    if title:
        tag += f' aria-description="{_escaped_description(title)}"'
    self.body.append(tag + ">")


@functools.lru_cache(maxsize=1024)
def _escaped_description(sentence: str) -> str:
    return html.escape(sentence.replace("\n", " "))


def html_depart_term_reference(self: Any, node: term_reference) -> None:
    self.body.append("</a>")


# -- forms of a term ------------------------------------------------------------


def plural_of(term: str) -> str | None:
    """The plain English plural of a term's last word: +s, +es after s, x, z,
    ch and sh, and consonant+y -> ies. None when the term ends in a
    non-letter (``Fees (Annual)``) or already looks plural."""
    if not term or not term[-1].isalpha() or looks_plural(term):
        return None
    lower = term.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return term + "es"
    if lower.endswith("y") and len(term) > 1 and lower[-2] not in "aeiou":
        return term[:-1] + "ies"
    return term + "s"


def looks_plural(term: str) -> bool:
    lower = term.lower()
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def singular_of(term: str) -> str | None:
    """The singular of a term that looks plural (``Services`` -> ``Service``),
    else None."""
    if not looks_plural(term):
        return None
    lower = term.lower()
    if lower.endswith("ies") and len(term) > 3:
        return term[:-3] + "y"
    if lower.endswith(("sses", "xes", "zes", "ches", "shes")):
        return term[:-2]
    return term[:-1]


def term_forms(term: str) -> tuple[str, ...]:
    """Every form that counts as `term`: itself and its plural or singular."""
    forms = [term]
    for other in (plural_of(term), singular_of(term)):
        if other and other not in forms:
            forms.append(other)
    return tuple(forms)


def slugify(term: str) -> str:
    """An id-safe slug: accents of Latin letters dropped, ``+``/``&`` spelt
    out, every other run of characters that are not letters or digits a
    hyphen; letters of other scripts are kept (HTML5 ids may hold any
    character but whitespace)."""
    text = term if term.isascii() else "".join(_latin_base(char) for char in term)
    text = text.replace("+", " plus ").replace("&", " and ").lower()
    return "-".join(re.findall(r"[^\W_]+", text)) or "term"


def _latin_base(char: str) -> str:
    """A letter without its accents when that leaves an ASCII letter
    (``é`` -> ``e``); any other character as it is (``デ`` keeps its mark)."""
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if base.isascii() else char


def unique_term_id(document: nodes.document, term: str) -> str:
    """``term-<slug>``, suffixed ``-2``, ``-3``... when the id is taken."""
    base = "term-" + slugify(term)
    candidate, counter = base, 1
    while candidate in document.ids:
        counter += 1
        candidate = f"{base}-{counter}"
    return candidate


#: A word (a run of letters, digits, underscores) or one other visible
#: character: the units in which terms are matched.
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD_CHAR = re.compile(r"\w")


class TermMatcher:
    """The forms of all the terms of an agreement in one structure, a trie
    of tokens (the Aho-Corasick idea, one token at a time), so that a text
    node is scanned once, at the cost of its length and not of the number of
    terms, and nothing needs compiling per agreement.

    Matching is case-sensitive and by whole words; any run of whitespace
    inside a term matches any other (a line break in the source); at each
    position the longest form wins (``Customer Data`` before ``Customer``).
    """

    def __init__(self, owners: tuple[tuple[str, str], ...]) -> None:
        #: form -> the term it belongs to
        self.owner = dict(owners)
        #: first token -> trie of the following (glued, token) keys; the key
        #: None holds the form that ends there.
        self.trie: dict[Any, Any] = {}
        for form in self.owner:
            keys = _keys(form)
            node = self.trie.setdefault(keys[0][1], {})
            for key in keys[1:]:
                node = node.setdefault(key, {})
            node[None] = form

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term) of every use of a term in `text`."""
        trie = self.trie
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        found = []
        i, count = 0, len(tokens)
        while i < count:
            first = tokens[i]
            node = trie.get(first[2])
            if node is None or (not first[2][0].isalnum() and first[0]
                                and _WORD_CHAR.match(text, first[0] - 1)):
                i += 1
                continue
            # Walk the trie as far as the text follows it; keep the longest
            # form that ends on a word boundary.
            best, j = None, i
            while True:
                form = node.get(None)
                end = tokens[j][1]
                if form is not None and (tokens[j][2][-1].isalnum()
                                         or not _WORD_CHAR.match(text, end)):
                    best = (j, form)
                j += 1
                if j == count:
                    break
                node = node.get((tokens[j][0] == end, tokens[j][2]))
                if node is None:
                    break
            if best is None:
                i += 1
                continue
            found.append((first[0], tokens[best[0]][1], self.owner[best[1]]))
            i = best[0] + 1
        return found


def _keys(form: str) -> list[tuple[bool, str]]:
    """The tokens of a form, each with whether it touches the previous one."""
    keys, end = [], None
    for match in _TOKEN.finditer(form):
        keys.append((match.start() == end, match.group()))
        end = match.end()
    return keys


@functools.lru_cache(maxsize=64)
def matcher_for(owners: tuple[tuple[str, str], ...]) -> TermMatcher:
    """The matcher of an agreement's terms, compiled once and cached: the key
    is the agreement's (form, term) pairs, so a re-read of an unchanged
    agreement, and every later lookup, reuses it."""
    return TermMatcher(owners)


# -- roles -------------------------------------------------------------------------

_TEXT_AND_TARGET = re.compile(r"(?s)(.*?)\s*<([^<>]*)>\s*")


class DefineRole(SphinxRole):
    """``:define:`Customer Data``` -- the defining occurrence of a term."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        term = normalize_space(self.text)
        if not term:
            problem = role_problem(self.rawtext, "")
            self.set_source_info(problem)
            defer_warning(problem, "empty-role", "define needs the term to define")
            return [problem], []
        node = term_definition(self.rawtext, "", term=term)
        self.set_source_info(node)
        node += nodes.Text("\u201c")
        node += nodes.strong(term, term)
        node += nodes.Text("\u201d")
        return [node], []


class UseRole(SphinxRole):
    """``:use:`Order Form``` or ``:use:`order forms <Order Form>``` -- an
    explicit link to a term's definition."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        match = _TEXT_AND_TARGET.fullmatch(self.text)
        display, term = (match.group(1), match.group(2)) if match else (self.text, self.text)
        term = normalize_space(term)
        display = normalize_space(display) or term
        if not term:
            problem = role_problem(self.rawtext, "")
            self.set_source_info(problem)
            defer_warning(problem, "empty-role", "use needs the term to link to")
            return [problem], []
        node = term_use(self.rawtext, display, term=term)
        self.set_source_info(node)
        return [node], []


# -- resolving `use` outside agreements --------------------------------------------


def find_term(env: BuildEnvironment, term: str) -> tuple[str, dict[str, Any]] | None:
    """The agreement (first by docname) and record of the term that `term`
    (any form) names."""
    domain = env.get_domain("agreement")
    for docname in sorted(domain.terms):
        for record in domain.terms[docname]:
            if term in record["forms"]:
                return docname, record
    return None


def resolve_uses(app: Sphinx, uses: list[nodes.Node], docname: str) -> None:
    """Link each remaining `use` (in a page that is not an agreement) to the
    agreement that defines its term."""
    for node in uses:
        found = find_term(app.env, node["term"])
        if found is None:
            warn("undefined-term", f"use: no agreement defines the term {node['term']!r}", node)
            node.replace_self(nodes.inline(node.rawsource, node.astext()))
            continue
        target_doc, record = found
        node.replace_self(
            make_term_reference(record, node.astext(), docname, target_doc, app.builder)
        )


def make_term_reference(
    record: dict[str, Any], text: str, fromdoc: str, todoc: str, builder: Any = None
) -> term_reference:
    """A link with `text` to the definition `record` (of agreement `todoc`)."""
    node = term_reference("", text, internal=True, reftitle=record["sentence"])
    if fromdoc == todoc:
        node["refid"] = record["id"]
    else:
        node["refuri"] = builder.get_relative_uri(fromdoc, todoc) + "#" + record["id"]
    return node


def setup_terms(app: Sphinx) -> None:
    app.add_node(term_definition, html=(html_visit_term_definition, html_depart_term_definition))
    app.add_node(term_reference, html=(html_visit_term_reference, html_depart_term_reference))
    app.add_node(term_use)
    app.add_node(linked_text, html=(html_visit_linked_text, html_depart_linked_text))
    app.add_role("define", DefineRole())
    app.add_role("use", UseRole())
