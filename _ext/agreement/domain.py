"""The agreements of the site, kept as plain picklable data keyed by
docname in a Domain, and the cross-references into them.

The read-time pass notes what each agreement holds (``note_agreement``,
``note_dependencies``); everything else reads it through
`agreement_domain`. The `clause` and `use` roles are the domain's (also
available unqualified); Sphinx resolves them with `resolve_xref` from the
document each was written in, so that they read the same in every builder,
including those that join documents into one file. Clauses and defined
terms are the domain's objects: ``objects.inv`` lists them, other projects
link to them with intersphinx, and ``:any:`` finds them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.locale import get_translation
from sphinx.util.nodes import make_refnode

from foundation.links import link_or_content

from .clause_refs import (
    ClauseCatalog,
    ClauseRole,
    clause_reference,
    names_unknown_label,
    resolve_reference,
)
from .diagnostics import __, warn
from .forms import straight_quotes
from .term_roles import UseRole, term_link

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from docutils.parsers.rst.states import Inliner
    from sphinx import addnodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .records import AgreementRecord, ClauseRecord, Dependencies, TermRecord

__all__ = ["AgreementDomain", "agreement_domain", "setup_domain"]

_ = get_translation("agreement")

_KEYS = ("agreements", "clauses", "terms", "dependencies", "version_tables", "critique")


class AgreementDomain(Domain):
    """What other documents need to know about each agreement."""

    name = "agreement"
    label = "Agreement"
    object_types = {
        "clause": ObjType("clause", "clause"),
        "term": ObjType("defined term", "use"),
    }
    roles = {"clause": ClauseRole(), "use": UseRole()}
    initial_data = {
        "agreements": {},  # docname -> AgreementRecord
        "clauses": {},  # docname -> [ClauseRecord, ...] in document order
        "terms": {},  # docname -> [TermRecord, ...] in document order
        # docname (any document) -> the Dependencies it shows, so that it is
        # re-read when they change
        "dependencies": {},
        # docname -> [(the agreement named or None for this page, line), ...]
        # of its `agreement-versions` tables
        "version_tables": {},
        # the build date of the last build (ISO), to rewrite chains when it moves
        "build_date": None,
        # docname -> clause number ("" before the first) -> the subtypes that
        # the critique's word checks found there
        "critique": {},
    }
    data_version = 3

    #: Built from the data when first asked, dropped when it changes.
    _catalog: ClauseCatalog | None = None
    _term_index: dict[str, tuple[str, TermRecord]] | None = None
    _chains: dict[str, tuple[str, ...]] | None = None

    @property
    def agreements(self) -> dict[str, AgreementRecord]:
        return cast("dict[str, AgreementRecord]", self.data.setdefault("agreements", {}))

    @property
    def clauses(self) -> dict[str, list[ClauseRecord]]:
        return cast("dict[str, list[ClauseRecord]]", self.data.setdefault("clauses", {}))

    @property
    def terms(self) -> dict[str, list[TermRecord]]:
        return cast("dict[str, list[TermRecord]]", self.data.setdefault("terms", {}))

    @property
    def version_tables(self) -> dict[str, list[tuple[str | None, int | None]]]:
        return cast("dict[str, list[tuple[str | None, int | None]]]",
                    self.data.setdefault("version_tables", {}))

    @property
    def dependencies(self) -> dict[str, Dependencies]:
        return cast("dict[str, Dependencies]", self.data.setdefault("dependencies", {}))

    @property
    def critique(self) -> dict[str, dict[str, list[str]]]:
        return cast("dict[str, dict[str, list[str]]]", self.data.setdefault("critique", {}))

    # -- noting what a document holds, while it is read ------------------------------

    def note_critique(self, docname: str, findings: dict[str, list[str]]) -> None:
        """What the critique's word checks found in agreement `docname`, per clause."""
        if findings:
            self.critique[docname] = findings

    def note_agreement(self, docname: str, agreement: AgreementRecord,
                       clauses: list[ClauseRecord], terms: list[TermRecord]) -> None:
        self._changed()
        self.agreements[docname] = agreement
        self.clauses[docname] = clauses
        self.terms[docname] = terms

    def note_dependencies(self, docname: str, dependencies: Dependencies) -> None:
        if any(dependencies.values()):
            self.dependencies[docname] = dependencies

    def note_version_table(self, docname: str, agreement: str | None,
                           line: int | None) -> None:
        self.version_tables.setdefault(docname, []).append((agreement, line))

    def clear_doc(self, docname: str) -> None:
        self._changed()
        for key in _KEYS:
            self.data.setdefault(key, {}).pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._changed()
        for key in _KEYS:
            mine = self.data.setdefault(key, {})
            for docname in docnames:
                if docname in otherdata.get(key, {}):
                    mine[docname] = otherdata[key][docname]

    def _changed(self) -> None:
        self._catalog = self._term_index = None
        self._chains = None

    # -- what the rest of the build asks --------------------------------------------

    def successors(self, docname: str) -> list[str]:
        """The agreements whose `previous` names `docname`, sorted."""
        return sorted(doc for doc, meta in self.agreements.items()
                      if meta["previous"] == docname and doc != docname)

    def version_chain(self, docname: str) -> tuple[str, ...]:
        """The versions of agreement `docname`'s chain (linked by `previous`),
        oldest first; a version without a successor or predecessor is a chain
        of one. Safe with cycles (each version once)."""
        if self._chains is None:
            self._chains = self._build_chains()
        return self._chains.get(docname, (docname,))

    def _build_chains(self) -> dict[str, tuple[str, ...]]:
        agreements = self.agreements
        successors: dict[str, list[str]] = {}
        for doc in sorted(agreements):
            previous = agreements[doc]["previous"]
            if previous in agreements and previous != doc:
                successors.setdefault(str(previous), []).append(doc)
        chains: dict[str, tuple[str, ...]] = {}
        for doc in sorted(agreements):
            if doc in chains:
                continue
            root, seen = doc, {doc}
            while (agreements[root]["previous"] in agreements
                   and agreements[root]["previous"] not in seen):
                root = str(agreements[root]["previous"])
                seen.add(root)
            chain: list[str] = []
            queue = [root]
            while queue:  # breadth first, successors by docname: deterministic
                current = queue.pop(0)
                if current in chain:
                    continue
                chain.append(current)
                queue.extend(successors.get(current, []))
            for member in chain:
                chains[member] = tuple(chain)
        return chains

    def clause_catalog(self) -> ClauseCatalog:
        """Every clause of every agreement, by label (one index for every
        `clause` role: a search each would make them quadratic)."""
        if self._catalog is None:
            titles = {doc: meta["title"] for doc, meta in self.agreements.items()}
            self._catalog = ClauseCatalog(self.clauses, titles)
        return self._catalog

    def term_index(self) -> dict[str, tuple[str, TermRecord]]:
        """Every form of every defined term (quotes straight) -> the agreement
        (the first by docname) and record that define it."""
        if self._term_index is None:
            index: dict[str, tuple[str, TermRecord]] = {}
            for docname in sorted(self.terms):
                for record in self.terms[docname]:
                    for form in record["forms"]:
                        index.setdefault(straight_quotes(form), (docname, record))
            self._term_index = index
        return self._term_index

    # -- cross-references ---------------------------------------------------------------

    def resolve_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str,
        target: str, node: addnodes.pending_xref, contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ == "clause" and isinstance(contnode, clause_reference):
            return self._resolve_clause_xref(fromdocname, builder, contnode)
        if typ == "use":
            return self._resolve_use_xref(fromdocname, builder, target, contnode)
        return None

    def _resolve_clause_xref(self, fromdocname: str, builder: Builder,
                             contnode: clause_reference) -> nodes.reference | None:
        catalog = self.clause_catalog()
        if names_unknown_label(catalog, contnode):
            return None  # for intersphinx, then `warn_missing_reference`

        def make_link(todocname: str, anchor: str, text: str) -> nodes.Node:
            # The text alone in a LaTeX document that leaves that agreement out.
            return link_or_content(builder, fromdocname, todocname, anchor, nodes.Text(text))

        # A reference to an agreement is text with links, not one link: the
        # returned node takes the place of the pending cross-reference.
        resolve_reference(catalog, contnode, fromdocname, make_link)
        return cast("nodes.reference", contnode)

    def find_term(self, target: str) -> tuple[str, TermRecord] | None:
        """The agreement and record of the term `target` names: a term (any
        form; the first agreement by docname that defines it), or
        ``docname:term`` for the term of one agreement."""
        found = self.term_index().get(straight_quotes(target))
        if found is None and ":" in target:
            docname, _, term = target.rpartition(":")
            wanted = straight_quotes(term.strip())
            for record in self.terms.get(docname, []):
                if any(straight_quotes(form) == wanted for form in record["forms"]):
                    return docname, record
        return found

    def _resolve_use_xref(self, fromdocname: str, builder: Builder, target: str,
                          contnode: nodes.Element) -> nodes.reference | None:
        found = self.find_term(target)
        if found is None:
            return None  # for intersphinx, then `warn_missing_reference`
        todocname, record = found
        text = contnode.astext()
        return cast("nodes.reference", term_link(builder, fromdocname, todocname, record["id"],
                                                 record["sentence"], text))

    def resolve_any_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
        node: addnodes.pending_xref, contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        results: list[tuple[str, nodes.reference]] = []
        place = self.clause_catalog().index.get(nodes.fully_normalize_name(target))
        if place is not None:
            docname, position = place
            anchor = self.clauses[docname][position]["anchor"]
            results.append(("agreement:clause", make_refnode(
                builder, fromdocname, docname, anchor, contnode, target)))
        found = self.find_term(target)
        if found is not None:
            todocname, record = found
            results.append(("agreement:term", make_refnode(
                builder, fromdocname, todocname, record["id"], contnode, record["term"])))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        catalog = self.clause_catalog()
        for label, (docname, position) in sorted(catalog.index.items()):
            clause = self.clauses[docname][position]
            # What another project's reference reads: "Section 10 of ...",
            # in the build's language ("LEAP利用規約の第10条").
            title = str(_("{reference} of {title}")).format(
                reference=str(_("Section {number}")).format(number=clause["number"]),
                title=catalog.titles.get(docname, docname))
            yield label, title, "clause", docname, clause["labels"][label], 1
        # A term by itself (the first agreement that defines it), and as the
        # term of each agreement (``docname:term``). The second kind is for
        # other projects' references only (priority -1: left out of the
        # search index, which lists each term once already): one object per
        # definition of the site doubled the index's terms and its cost.
        for form, (docname, record) in sorted(self.term_index().items()):
            if form == straight_quotes(record["term"]):
                yield record["term"], record["term"], "term", docname, record["id"], 1
        for docname in sorted(self.terms):
            for record in self.terms[docname]:
                yield (f"{docname}:{record['term']}", record["term"], "term", docname,
                       record["id"], -1)


def agreement_domain(env: BuildEnvironment) -> AgreementDomain:
    """The `agreement` domain of `env`, typed."""
    return cast("AgreementDomain", env.get_domain("agreement"))


def warn_missing_reference(app: Sphinx, domain: Domain | None,
                           node: addnodes.pending_xref) -> bool:
    """``warn-missing-reference``: a `clause` or `use` that names nothing of
    this site (nor of another project's inventory) gets the extension's own
    warning, in place of Sphinx's."""
    if domain is None or domain.name != AgreementDomain.name:
        return False
    if node["reftype"] == "clause":
        warn("unknown-clause", __("clause: {label} is not the label of a clause of an "
                                  "agreement").format(label=repr(node["reftarget"])), node)
        return True
    if node["reftype"] == "use":
        # (A `use` in an agreement is linked, or warned about, when it is read.)
        warn("undefined-term", __("use: no agreement defines the term {term}").format(
            term=repr(node["reftarget"])), node)
        return True
    return False


def _unqualified(role_name: str) -> Any:
    """The domain's role `role_name`, for use without the domain's name
    (``:clause:`` as well as ``:agreement:clause:``)."""

    def role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
             options: dict[str, Any] | None = None,
             content: list[str] | None = None) -> tuple[list[nodes.Node], list[Any]]:
        return AgreementDomain.roles[role_name](
            f"{AgreementDomain.name}:{role_name}", rawtext, text, lineno, inliner,
            options or {}, content or [])

    return role


def setup_domain(app: Sphinx) -> None:
    app.add_domain(AgreementDomain)
    for role_name in AgreementDomain.roles:
        app.add_role(role_name, _unqualified(role_name))
    app.connect("warn-missing-reference", warn_missing_reference)
