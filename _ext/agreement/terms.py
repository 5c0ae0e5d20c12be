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

from .common import (
    HEADINGS,
    defer_warning,
    is_inside,
    normalize_space,
    replace_nodes,
    role_problem,
    warn,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


#: The quotes around a defined term where it is defined.
OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"


class term_definition(nodes.inline):
    """The defining occurrence of a term, ``<dfn id="term-...">\u201c<strong>
    Term</strong>\u201d</dfn>``: its ``term`` attribute is the term; in an
    agreement the read-time pass gives it its id.

    Kept *compact* -- one text node, the term -- from the role until the
    document is written: an agreement defines hundreds of terms, and three
    nodes more per definition would be walked by every pass of Sphinx over
    the document, pickled, and held in memory until the write. Until then
    `astext` gives the text with its quotes. At the write
    (`expand_definitions`) the quotes become text nodes around the term, for
    what reads the written tree (the page description of
    sphinxext-opengraph; without it an HTML page leaves them compact), and
    for formats other than HTML the term becomes
    a ``strong`` node; the HTML writer writes the bold itself. The term is
    shown as typed: smart quotes leave it alone (``support_smartquotes``),
    as they would curl its quotes and drop the backslash of ``\.`` and the
    like, and it would show otherwise than it is exported and matched."""

    def is_compact(self) -> bool:
        return len(self.children) == 1 and isinstance(self.children[0], nodes.Text)

    def plain_term(self) -> nodes.Text | None:
        """The text node of the term when it is not yet in bold (the
        definition is compact, or has its quotes as text nodes), else None."""
        children = self.children
        if len(children) == 1 and isinstance(children[0], nodes.Text):
            return children[0]
        if len(children) == 3 and all(isinstance(child, nodes.Text) for child in children):
            return children[1]
        return None

    def astext(self) -> str:
        text = super().astext()
        return OPEN_QUOTE + text + CLOSE_QUOTE if self.is_compact() else text

    def full_children(self, bold: bool = True) -> list[nodes.Node]:
        """The children of the definition as rendered: the quotes, and the
        term (in a ``strong`` node, if `bold`)."""
        term = self.plain_term()
        if term is None:
            return list(self.children)
        text = str(term)
        return [nodes.Text(OPEN_QUOTE), nodes.strong(text, text) if bold else nodes.Text(text),
                nodes.Text(CLOSE_QUOTE)]


class term_reference(nodes.reference):
    """A link from a use of a term to its definition: ``<a class="term">``
    whose ``aria-description`` is the defining sentence."""


class linked_text(nodes.Text):
    """Running text with uses of terms linked to their definitions: ``links``
    holds ``start, end, term id, defining sentence`` per link, one after the
    other in one flat tuple (a tuple per link would be thousands more
    objects per agreement for the garbage collector to track), the offsets
    into the text. One node however many links it holds: a node per link
    (and per piece of text between links) would multiply the nodes that
    every later pass of Sphinx walks. HTML writes the links (the same
    ``<a class="term">`` as `term_reference`); other formats the text."""

    links: tuple[int | str, ...] = ()

    def copy(self) -> linked_text:
        twin = self.__class__(str(self))
        twin.links = self.links
        return twin

    def deepcopy(self) -> linked_text:
        return self.copy()


def html_visit_linked_text(self: Any, node: linked_text) -> None:
    text, done, parts = str(node), 0, []
    links = iter(node.links)
    if "\x00" not in text and self.encode(text) == text:
        # Nothing to unescape or encode (the usual case): slices of the text.
        for start, end, term_id, sentence in zip(links, links, links, links):
            parts += (text[done:start], _link_start(term_id, sentence), text[start:end], "</a>")
            done = end
        parts.append(text[done:])
    else:
        encode, unescape = self.encode, nodes.unescape
        for start, end, term_id, sentence in zip(links, links, links, links):
            parts += (encode(unescape(text[done:start])), _link_start(term_id, sentence),
                      encode(unescape(text[start:end])), "</a>")
            done = end
        parts.append(encode(unescape(text[done:])))
    self.body.append("".join(parts))


@functools.lru_cache(maxsize=1024)
def _link_start(term_id: str, sentence: str) -> str:
    """The start tag of a link to a term (most links of a page go to a few
    terms)."""
    return (f'<a class="term" href="#{html.escape(term_id)}" '
            f'aria-description="{_escaped_description(sentence)}">')


def html_depart_linked_text(self: Any, node: linked_text) -> None:
    pass


class term_use(nodes.inline):
    """A `use` role (``term``: the term it names). In an agreement the
    read-time pass links it; elsewhere it is resolved at write time."""


def html_visit_term_definition(self: Any, node: term_definition) -> None:
    term = node.plain_term()
    if term is None:
        self.body.append(self.starttag(node, "dfn", ""))
        return
    ids = node["ids"]
    if len(ids) == 1 and not node["classes"]:
        # What `starttag` writes for one id and no class, without its
        # general work (an agreement has hundreds of definitions).
        start = f'<dfn id="{self.attval(ids[0])}">'
    else:
        start = self.starttag(node, "dfn", "")
    # Written at once: what the quote and strong nodes would write.
    self.body.append(f"{start}{OPEN_QUOTE}<strong>{self.encode(term.astext())}</strong>"
                     f"{CLOSE_QUOTE}</dfn>")
    raise nodes.SkipNode


def html_depart_term_definition(self: Any, node: term_definition) -> None:
    self.body.append("</dfn>")


def expand_definitions(definitions: list[term_definition], bold: bool) -> None:
    """Give compact definitions their quotes as nodes, and the term in bold
    as a ``strong`` node if `bold` (formats other than HTML), as the
    document is written (``doctree-resolved``)."""
    for node in definitions:
        if not bold and node.is_compact():
            # The quotes around the term's own text node: two new nodes.
            children = [nodes.Text(OPEN_QUOTE), node.children[0], nodes.Text(CLOSE_QUOTE)]
        elif node.is_compact() or (bold and node.plain_term() is not None):
            children = node.full_children(bold)
        else:
            continue
        # Set up directly: `node[:] = children` would look up the document
        # of each child, up the whole tree.
        for child in children:
            child.parent = node
        node.children[:] = children


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
    if "+" in text or "&" in text:
        text = text.replace("+", " plus ").replace("&", " and ")
    return "-".join(_SLUG_WORD.findall(text.lower())) or "term"


_SLUG_WORD = re.compile(r"[^\W_]+")


def _latin_base(char: str) -> str:
    """A letter without its accents when that leaves an ASCII letter
    (``é`` -> ``e``); any other character as it is (``デ`` keeps its mark)."""
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if base.isascii() else char


#: A word (a run of letters, digits, underscores) or one other visible
#: character: the units in which terms are matched.
_TOKEN = re.compile(r"\w+|[^\w\s]")
#: The whitespace after a position, and the token after it.
_NEXT_TOKEN = re.compile(r"(\s*)(\w+|[^\w\s])")
_WORD_CHAR = re.compile(r"\w")
#: Prefixed to a trie key: the token touches the one before (no space).
_GLUED = "\x00"
#: Between the tokens of a path in the trie: whitespace, so never in a token.
_STEP = "\x1f"
#: Words with one space between them: their tokens are the words.
_PLAIN_WORDS = re.compile(r"\w+(?: \w+)*")
#: Curly quotes as straight ones, one character for one (offsets unchanged):
#: smart quotes curl the quotes of running text, not those of a definition.
_STRAIGHT_QUOTES = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")
_QUOTES = "'\"\u2018\u2019\u201c\u201d"


def straight_quotes(text: str) -> str:
    """`text` with its curly quotes straight: how terms are compared."""
    return text.translate(_STRAIGHT_QUOTES)


class TermMatcher:
    """The forms of all the terms of an agreement in one structure, a trie
    of tokens (the Aho-Corasick idea, one token at a time), so that a text
    node is scanned once, at the cost of its length and not of the number of
    terms; all that is compiled per agreement is a character class of the
    first characters of its terms, to skip the words no term starts with.

    Matching is case-sensitive and by whole words; any run of whitespace
    inside a term matches any other (a line break in the source); a curly
    quote matches the straight one (smart quotes curl the running text); at
    each position the longest form wins (``Customer Data`` before
    ``Customer``). Text as docutils keeps it (reST's backslash escapes as
    null characters) is matched as it is shown.
    """

    def __init__(self, owners: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        #: form -> the term it belongs to
        self.owner = dict(owners)
        #: The trie of the forms' tokens, flat: the path of tokens from a
        #: form's first (each but the first prefixed with _GLUED when it
        #: touches the one before, joined with _STEP) -> the form that ends
        #: there, or "" if only longer forms go on from there. One dict of
        #: strings: no work for the garbage collector, where a dict per
        #: node would be thousands per agreement.
        self.trie: dict[str, str] = {}
        #: Whether any form holds a quote: only then is the text's quote
        #: style worth normalising.
        every_form = "\n".join(self.owner)
        self.quoted = any(char in every_form for char in _QUOTES)
        #: The paths that longer forms go on from: the walk stops at a form
        #: that is not one of them, without looking at the token after it.
        self.continued: set[str] = set()
        trie, continued = self.trie, self.continued
        starts = set()
        for form in self.owner:
            keys = _keys(straight_quotes(form) if self.quoted else form)
            starts.add(keys[0][0])
            path = keys[0]
            for key in keys[1:]:
                trie.setdefault(path, "")
                continued.add(path)
                path = f"{path}{_STEP}{key}"
            trie[path] = form
        #: Finds the tokens that may start a form: a word that starts with
        #: the first letter of a form's first word, or a character that
        #: starts a form. The scan skips the other tokens in one call.
        letters = "".join(sorted(char for char in starts if _WORD_CHAR.match(char)))
        others = "".join(sorted(starts - set(letters)))
        self.candidates = re.compile("|".join(
            ([rf"(?<!\w)[{re.escape(letters)}]\w*"] if letters else [])
            + ([f"[{re.escape(others)}]"] if others else [])) or "(?!)")

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term) of every use of a term in `text`."""
        if self.quoted:
            text = straight_quotes(text)
        if "\x00" in text:
            shown, positions = _without_null_escapes(text)
            return [(positions[start], positions[end - 1] + 1, term)
                    for start, end, term in self._find(shown)]
        return self._find(text)

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        trie, owner, continued = self.trie, self.owner, self.continued
        search, next_token = self.candidates.search, _NEXT_TOKEN.match
        found = []
        first = search(text)
        while first is not None:
            start, end = first.span()
            path = last = first.group()
            node = trie.get(path)
            if node is None or (start and not path[0].isalnum()
                                and _WORD_CHAR.match(text, start - 1)):
                first = search(text, end)
                continue
            # Walk the trie as far as the text follows it; keep the longest
            # form that ends on a word boundary.
            best = best_end = None
            word_end = end
            while True:
                if node and (last[-1].isalnum() or not _WORD_CHAR.match(text, end)):
                    best, best_end = node, end
                    if path not in continued:
                        break
                following = next_token(text, end)
                if following is None:
                    break
                space, last = following.groups()
                path = (f"{path}{_STEP}{last}" if space
                        else f"{path}{_STEP}{_GLUED}{last}")
                node = trie.get(path)
                if node is None:
                    break
                end = following.end()
            if best is None:
                first = search(text, word_end)
            else:
                found.append((start, best_end, owner[best]))
                first = search(text, best_end)
        return found


def _without_null_escapes(text: str) -> tuple[str, list[int]]:
    """`text` as shown (docutils' `unescape`: a null character marks a
    backslash escape and goes, with the space or line break it escapes),
    and the position in `text` of each character kept."""
    kept: list[str] = []
    positions: list[int] = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char == "\x00":
            index += 2 if index + 1 < length and text[index + 1] in " \n" else 1
            continue
        kept.append(char)
        positions.append(index)
        index += 1
    return "".join(kept), positions


def _keys(form: str) -> list[str]:
    """The trie keys of a form: its tokens, each but the first prefixed with
    _GLUED when it touches the one before."""
    if _PLAIN_WORDS.fullmatch(form):
        return form.split(" ")
    keys, end = [], None
    for match in _TOKEN.finditer(form):
        keys.append(_GLUED + match.group() if match.start() == end else match.group())
        end = match.end()
    return keys


#: The matchers compiled last, by key (see `matcher_for`), oldest first.
_MATCHERS: dict[str, TermMatcher] = {}
_MATCHERS_KEPT = 4


def matcher_for(owners: Mapping[str, str] | Iterable[tuple[str, str]]) -> TermMatcher:
    """The matcher of an agreement's terms (form -> term), compiled once
    and cached, so that a re-read of an unchanged agreement, and every later
    lookup, reuses it. The key is one string of the (form, term) pairs: a
    tuple of pairs would be a thousand objects per agreement held by the
    cache, which the garbage collector would walk to the end of the build.
    A few are kept: a build reads each agreement once, and every matcher
    kept is memory held to the end of the build."""
    owner = dict(owners)
    key = "\n".join(f"{form}{_STEP}{term}" for form, term in owner.items())
    matcher = _MATCHERS.pop(key, None) or TermMatcher(owner)
    _MATCHERS[key] = matcher
    while len(_MATCHERS) > _MATCHERS_KEPT:
        del _MATCHERS[next(iter(_MATCHERS))]
    return matcher


# -- roles -------------------------------------------------------------------------

_TEXT_AND_TARGET = re.compile(r"(?s)(.*?)\s*<([^<>]*)>\s*")


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
        node = term_definition(self.rawtext, term, term=term, support_smartquotes=False)
        self.set_source_info(node)
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


def term_index(env: BuildEnvironment) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every form of every defined term (quotes straight) -> the agreement
    (the first by docname) and record that define it."""
    domain = env.get_domain("agreement")
    index: dict[str, tuple[str, dict[str, Any]]] = {}
    for docname in sorted(domain.terms):
        for record in domain.terms[docname]:
            for form in record["forms"]:
                index.setdefault(straight_quotes(form), (docname, record))
    return index


def resolve_uses(app: Sphinx, uses: list[nodes.Node], docname: str) -> None:
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
                record, node.astext(), docname, target_doc, app.builder),)))
    replace_nodes(replacements)


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
