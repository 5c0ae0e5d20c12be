"""The `clause` role -- ``Section 10``, ``Sections 4 through 10``, lists,
the author's own text, references to another agreement -- and its
resolution against the clauses of every agreement.

The words around the numbers are message templates of the extension's
catalog (``Section {number}``, ``{first} through {last}``, ``{reference} of
{title}``, the list's separators), so that a language puts the parts in its
own order: ``第4条から第10条まで及び第12条から第19条まで`` in Japanese."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation
from sphinx.util.docutils import SphinxRole

from foundation.messages import fill
from foundation.roles import split_title

from .diagnostics import __, defer_warning, role_problem, warn
from .doctree import normalize_space
from .numbering import refresh_clause_title

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .records import ClauseRecord

__all__ = ["ClauseCatalog", "ClauseRole", "clause_reference", "expand_range",
           "names_unknown_label", "resolve_clause_references", "resolve_reference",
           "setup_clause_refs"]

#: Builds a link node: (document, anchor, text) -> node.
MakeLink = Callable[[str, str, str], nodes.Node]

_ = get_translation("agreement")


class clause_reference(nodes.inline):  # noqa: N801 - docutils' node naming
    """A `clause` role. ``items`` holds ``[start, end, broken]`` per item
    (``end`` is None for a single clause), ``custom`` the author's text if
    any. At write time it gets its links and ``targets``: ``[docname,
    number]`` of every clause it refers to (ranges expanded)."""


def join_items(items: Iterable[list[nodes.Node]]) -> list[nodes.Node]:
    """`A`, `A and B`, `A, B and C`: the list of `items` in the build's
    language (``A、B及びC`` in Japanese)."""
    items = list(items)
    result: list[nodes.Node] = []
    comma, last = str(_(", ")), str(_(" and "))
    for index, item in enumerate(items):
        if index:
            result.append(nodes.Text(last if index == len(items) - 1 else comma))
        result.extend(item)
    return result


class ClauseRole(SphinxRole):
    """``:clause:`label```, ``:clause:`a..b```, ``:clause:`a..b, c```,
    ``:clause:`text <label>```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        custom, spec = split_title(self.text)
        custom = normalize_space(custom) if custom is not None else None
        spec = normalize_space(spec)
        node = clause_reference(self.rawtext, classes=["clause-ref"])
        self.set_source_info(node)
        if not spec:
            # (Removed once warned: it needs neither text nor source.)
            problem = role_problem()
            self.set_source_info(problem)
            defer_warning(problem, "empty-role", __("clause needs the label of a clause"))
            return [problem], []
        items = []
        for part in spec.split(","):
            start, dots, end = (normalize_space(piece) for piece in part.partition(".."))
            broken = False
            if not start or (dots and not end):
                defer_warning(node, "bad-range",
                              __("clause: {part} lacks an end of its range").format(
                                  part=repr(part.strip())))
                broken = True
            items.append([
                nodes.fully_normalize_name(start),
                nodes.fully_normalize_name(end) if dots else None,
                broken,
            ])
        node["items"] = items
        node["custom"] = custom or None
        # Until the clauses of every document are known, the role shows what
        # the author wrote. Sphinx resolves the cross-reference around it
        # with the domain (`AgreementDomain.resolve_xref`), from the
        # document it was written in (`refdoc`), whichever the builder.
        node += nodes.Text(custom or spec)
        xref = addnodes.pending_xref(self.rawtext, node, refdomain="agreement",
                                     reftype="clause", reftarget=spec,
                                     refdoc=self.env.docname, refexplicit=bool(custom),
                                     refwarn=True)
        self.set_source_info(xref)
        return [xref], []


# -- rendering ---------------------------------------------------------------------------


class ClauseCatalog:
    """The clauses that `clause` roles can name: per agreement its clause
    records (as `number_clauses` returns them) and title, and an index
    label -> (docname, position of the clause)."""

    def __init__(self, clauses: dict[str, list[ClauseRecord]], titles: dict[str, str]) -> None:
        self.clauses = clauses
        self.titles = titles
        self.index: dict[str, tuple[str, int]] = {}
        # A label claimed twice (Sphinx warns) goes to the first docname.
        for docname in sorted(clauses):
            for position, clause in enumerate(clauses[docname]):
                for label in clause["labels"]:
                    self.index.setdefault(label, (docname, position))


def expand_range(clauses: list[ClauseRecord], first: int, last: int) -> list[int]:
    """The clauses from `first` to `last` (positions) in document order, down
    to the depth of the deeper end: 4..6 is 4, 5, 6; 4.2..5 is 4.2, 4.3, 5."""
    depth = max(clauses[first]["depth"], clauses[last]["depth"])
    return [i for i in range(first, last + 1) if clauses[i]["depth"] <= depth]


def resolve_clause_references(catalog: ClauseCatalog, references: Sequence[clause_reference],
                              docname: str) -> None:
    """Give the `clause` roles that `catalog` can already resolve their text,
    silently (at read time, when the catalog holds only this document, and
    in the headings' copies): what it cannot resolve stays as written."""
    for node in references:
        resolved = _resolve(catalog, node, warn_problems=False)
        if resolved:
            node[:] = _render(catalog, node, resolved, docname, None)
            refresh_clause_title(node)


def resolve_reference(catalog: ClauseCatalog, node: clause_reference, fromdocname: str,
                      make_link: MakeLink) -> None:
    """Give `node`, written in `fromdocname`, its final text, its links
    (`make_link(todoc, anchor, text)`) and its ``targets`` (``[docname,
    number]`` of every clause it names, ranges expanded); or, if it names a
    clause wrongly, warn and leave it as written."""
    resolved = _resolve(catalog, node, warn_problems=True)
    if not resolved:
        return
    node[:] = _render(catalog, node, resolved, fromdocname, make_link)
    node["targets"] = [
        [doc, catalog.clauses[doc][i]["number"]]
        for doc, first, last in resolved
        for i in expand_range(catalog.clauses[doc], first, last)
    ]


def names_unknown_label(catalog: ClauseCatalog, node: clause_reference) -> bool:
    """Whether `node` is a one-clause reference (no range, no list; with
    or without its own text) to a label that no clause of this site has:
    another project's inventory may hold it."""
    items = node.get("items") or []
    if len(items) != 1:
        return False
    start, end, broken = items[0]
    return not (end or broken or start in catalog.index)


def _resolve(
    catalog: ClauseCatalog, node: clause_reference, warn_problems: bool
) -> list[tuple[str, int, int]]:
    """(docname, first, last) per item of the role, or [] if any is wrong."""
    resolved = []
    for start, end, broken in node.get("items") or []:
        if broken:  # warned by the role
            return []
        first = catalog.index.get(start)
        last = catalog.index.get(end) if end else first
        if first is None or last is None:
            if warn_problems:
                missing = start if first is None else end
                warn("unknown-clause", __("clause: {label} is not the label of a clause of an "
                                          "agreement").format(label=repr(missing)), node)
            return []
        if first[0] != last[0]:
            if warn_problems:
                warn("bad-range", __("clause: the ends of {start}..{end} are in different "
                                     "agreements ({first}, {last})").format(
                                         start=start, end=end, first=first[0], last=last[0]),
                     node)
            return []
        if first[1] > last[1]:
            if warn_problems:
                warn("bad-range", __("clause: {start}..{end} is out of order (it runs from "
                                     "{first} back to {last})").format(
                                         start=start, end=end,
                                         first=catalog.clauses[first[0]][first[1]]["number"],
                                         last=catalog.clauses[last[0]][last[1]]["number"]),
                     node)
            return []
        resolved.append((first[0], first[1], last[1]))
    return resolved


def _render(
    catalog: ClauseCatalog, node: clause_reference, resolved: list[tuple[str, int, int]],
    docname: str, make_link: MakeLink | None,
) -> list[nodes.Node]:
    def link(doc: str, position: int, text: str) -> nodes.Node:
        if make_link is None:
            return nodes.Text(text)
        return make_link(doc, catalog.clauses[doc][position]["anchor"], text)

    def number(doc: str, position: int) -> str:
        return catalog.clauses[doc][position]["number"]

    if node.get("custom"):
        doc, first, _end = resolved[0]
        return [link(doc, first, node["custom"])]

    docs = sorted({doc for doc, _first, _last in resolved})
    # "of <title>" once at the end when every item is in one other
    # agreement; after each item when they are in several.
    suffix_each = len(docs) > 1

    def of(doc: str, reference: list[nodes.Node]) -> list[nodes.Node]:
        if doc == docname:
            return reference
        title = [nodes.Text(catalog.titles.get(doc, doc))]
        return fill(str(_("{reference} of {title}")), reference=reference, title=title)

    single = len(resolved) == 1 and resolved[0][1] == resolved[0][2]
    if single:
        doc, first, _last = resolved[0]
        return of(doc, fill(str(_("Section {number}")), number=[link(doc, first,
                                                                      number(doc, first))]))
    rendered = []
    for doc, first, last in resolved:
        start = [link(doc, first, number(doc, first))]
        if last != first:
            item = fill(str(_("{first} through {last}")), first=start,
                        last=[link(doc, last, number(doc, last))])
        else:
            # (One clause in a list of several: "4" in English, "第4条" in Japanese.)
            item = fill(str(_("{number}")), number=start)
        rendered.append(of(doc, item) if suffix_each else item)
    result = fill(str(_("Sections {items}")), items=join_items(rendered))
    return result if suffix_each else of(docs[0], result)


def setup_clause_refs(app: Sphinx) -> None:
    app.add_node(clause_reference)
