"""The read-time pass over a document.

It runs as a transform after parsing (after smart quotes, before Sphinx
collects the domains' data and the table of contents), so that clause
numbers show in every table of contents, and so that everything that only
depends on the document itself -- numbers, term ids, defining sentences,
uses, automatic links, the index of definitions, the checks -- is done once,
in the reading process, and stored in the pickled doctree. What other
documents need is noted in the domain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from .blocktext import assign_exact_lines
from .changes import changes_block
from .clause_refs import ClauseCatalog, clause_reference, resolve_clause_references
from .critique import word_critic
from .defined_terms import build_index, defined_terms_block
from .definitions import collect_definitions
from .diagnostics import AgreementWarning, __, role_problem, warn
from .doctree import HEADINGS, Collected, collect, is_inside, normalize_space, replace_nodes
from .domain import agreement_domain
from .header import agreement_header
from .linking import TermScanner, link_use_roles
from .numbering import number_clauses, stable_anchor
from .term_nodes import term_definition, term_use
from .translation import check_translated_definitions, note_translation_status

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .records import AgreementRecord, ClauseRecord, Dependencies

__all__ = ["AgreementReader", "setup_reader"]

_FOUND = (agreement_header, term_definition, term_use, clause_reference, role_problem,
          defined_terms_block, changes_block)


class AgreementReader(SphinxTransform):
    """Number the clauses, collect and link the terms, run the checks."""

    # After SphinxSmartQuotes (750); before SphinxDomains (850) and
    # DoctreeReadEvent (880, the toc).
    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        found = collect(self.document, _FOUND)
        self.place_role_nodes(found)
        domain = agreement_domain(self.env)
        domain.note_dependencies(self.env.docname, _dependencies(found))
        headers = found[agreement_header]
        if headers:
            self.read_agreement(headers, found)
        else:
            self.outside_agreement(found)

    def read_agreement(self, headers: list[agreement_header],
                       found: Collected) -> None:
        document, docname = self.document, self.env.docname
        header = headers[0]
        for extra in headers[1:]:
            warn("duplicate-agreement", __("agreement: a document holds one agreement; this "
                                           "second agreement directive is ignored (the first "
                                           "is at line {line})").format(line=header.line), extra)
            extra.parent.remove(extra)
        title, clauses = self.number_clauses(header)
        if isinstance(header.parent, nodes.section):
            note_translation_status(self.config, header, header.parent)
            check_translated_definitions(self.config, header.parent)
        self.check_labels(header, clauses)

        # Same-document clause references get their text now, so that the
        # defining sentences read "Section 4"; the rest waits for the write.
        references = found[clause_reference]
        if references:
            resolve_clause_references(ClauseCatalog({docname: clauses}, {docname: title}),
                                      references, docname)
        terms = collect_definitions(document, found[term_definition])
        scanner = TermScanner(terms, self.config.agreement_link_terms)
        scanner.critic = word_critic(self.config, terms, docname)
        scanner.scan(document)
        link_use_roles(terms, found[term_use], docname, scanner.used)
        for term in terms:
            if not term.uses:
                warn("unused-term", __("the term {term} is defined but never used elsewhere "
                                       "in its agreement").format(term=repr(term.term)),
                     term.node)
        order = {clause["number"]: position for position, clause in enumerate(clauses)}
        records = [term.record(order) for term in terms]
        for index in found[defined_terms_block]:
            index.append(build_index(records, clauses, docname))
        title_section = header.parent
        for block in found[changes_block]:
            if block.parent is not title_section:
                warn("bad-changes", __("changes: place it under the agreement's header, before "
                                       "the first clause"), block)
            # What the directive found wrong with its body (`defer_warning`).
            deferred: list[tuple[AgreementWarning, str]] = block.get("deferred_warnings", [])
            for subtype, message in deferred:
                warn(subtype, message, block)
            if not header.get("previous"):
                warn("changes-without-previous", __("changes: this agreement names no previous "
                                                    "version for the changes to be from"),
                     block)

        agreement: AgreementRecord = {
            "title": title,
            "provider": header.get("provider"),
            "last_updated": header.get("last_updated"),
            "governing_law": header.get("governing_law"),
            "source": header.get("source"),
            "previous": header.get("previous"),
            "effective": header.get("effective"),
            "effective_given": bool(header.get("effective_given")),
            "label_prefix": header.get("label_prefix"),
            "line": header.line,
        }
        agreement_domain(self.env).note_agreement(docname, agreement, clauses, records)
        if scanner.critic is not None:
            agreement_domain(self.env).note_critique(docname, scanner.critic.findings)

    def check_labels(self, header: agreement_header, clauses: list[ClauseRecord]) -> None:
        """Warn of a clause label without the version's prefix, and of a
        clause whose stable anchor another element of the page holds (it
        keeps its own ids, so ``#anchor`` would lead elsewhere)."""
        prefix = header.get("label_prefix")
        for clause in clauses:
            location = (self.env.docname, clause["line"] or header.line)
            if prefix:
                for label in clause["labels"]:
                    if not label.startswith(prefix):
                        warn("bad-label-prefix", __("clause {number}: its label {label} lacks "
                                                    "the agreement's label-prefix "
                                                    "{prefix}").format(
                                                        number=clause["number"],
                                                        label=repr(label), prefix=repr(prefix)),
                             location)
            if clause["label"] is not None:
                anchor = stable_anchor(clause["label"], prefix)
                if anchor != clause["anchor"]:
                    warn("anchor-taken", __("clause {number}: its anchor {anchor} (its label "
                                            "{label} without the label-prefix) is already the "
                                            "id of another element of this page, so the "
                                            "clause keeps the anchor {kept}; give this clause "
                                            "another label, or rename the other element").format(
                                                number=clause["number"], anchor=repr(anchor),
                                                label=repr(clause["label"]),
                                                kept=repr(clause["anchor"])),
                         location)

    def number_clauses(self, header: agreement_header) -> tuple[str, list[ClauseRecord]]:
        """The agreement's title, and its clauses, numbered."""
        docname = self.env.docname
        title_section = next((child for child in self.document.children
                              if isinstance(child, nodes.section)), None)
        if title_section is None:
            warn("missing-title", __("agreement: the document has no title"), header)
            return docname, []
        title = docname
        if title_section.children and isinstance(title_section[0], nodes.title):
            title = normalize_space(title_section[0].astext()) or docname
        if header.parent is not title_section:
            warn("misplaced-agreement", __("agreement: place the directive right after the "
                                           "document's title"), header)
        return title, number_clauses(self.document, title_section, header.get("label_prefix"))

    def place_role_nodes(self, found: Collected) -> None:
        """Give the roles' nodes their exact line, then emit the warnings
        the roles deferred until it was known."""
        classes = (term_definition, term_use, clause_reference, role_problem)
        role_nodes: list[nodes.Element] = [node for cls in classes for node in found[cls]]
        assign_exact_lines(role_nodes)
        for node in role_nodes:
            if isinstance(node.parent, addnodes.pending_xref):
                # What Sphinx warns about when it cannot resolve the
                # reference: the line of the role, not of its paragraph.
                node.parent.line = node.line
            deferred: list[tuple[AgreementWarning, str]] = node.get("deferred_warnings", [])
            for subtype, message in deferred:
                warn(subtype, message, node)
        replace_nodes((node, ()) for node in found[role_problem])

    def outside_agreement(self, found: Collected) -> None:
        # A heading shows a `use` as its text: headings are not linked.
        replace_nodes((use.parent, (nodes.inline(use.rawsource, use.astext()),))
                      for use in found[term_use] if is_inside(use, HEADINGS))
        for definition in found[term_definition]:
            warn("outside-agreement", __("define {term}: this document is not an agreement (it "
                                         "has no agreement directive)").format(
                                             term=repr(definition["term"])), definition)
        for index in found[defined_terms_block]:
            warn("outside-agreement", __("defined-terms: this document is not an agreement "
                                         "(it has no agreement directive)"), index)
            index.parent.remove(index)
        for block in found[changes_block]:
            warn("outside-agreement", __("changes: this document is not an agreement (it has "
                                         "no agreement directive)"), block)


def _dependencies(found: Collected) -> Dependencies:
    """What of other documents this one shows: the clause labels it names,
    the terms it uses outside an agreement, its previous version."""
    items: list[list[str | None]] = []
    for node in found[clause_reference]:
        items.extend(node.get("items", []))
    labels = {label for start, end, _ in items for label in (start, end) if label}
    terms = {str(node["term"]) for node in found[term_use]}
    docs = {str(header["previous"]) for header in found[agreement_header][:1]
            if header.get("previous")}
    return {"labels": sorted(labels), "terms": sorted(terms), "docs": sorted(docs)}


def setup_reader(app: Sphinx) -> None:
    app.add_transform(AgreementReader)
