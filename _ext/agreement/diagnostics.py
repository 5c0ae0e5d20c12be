"""The warnings of the `agreement` extension: its one ``type``, every
subtype with when it is emitted, `warn` -- the one way to emit them -- and
the warnings that roles leave for the read-time pass to emit.

This is the one list: the authoring guide (source/guide/agreements.md)
documents each subtype and a test keeps the two in step. Silence one with
``suppress_warnings = ["agreement.<subtype>"]``.
"""

from __future__ import annotations

from typing import Final, Literal

from docutils import nodes
from sphinx.locale import get_translation

from foundation.diagnostics import Location, WarningRegistry

__all__ = ["WARNING_SUBTYPES", "WARNING_TYPE", "AgreementWarning", "__", "defer_warning",
           "role_problem", "warn"]

#: The extension's messages on the console (its warnings), Sphinx's ``__``:
#: the catalog ``agreement`` (as ``_``, the words written into pages), in the
#: console's language. Every message is ``__("... {name} ...").format(...)``.
__ = get_translation("agreement", "console")

#: The warning ``type`` of every warning the extension emits.
WARNING_TYPE: Final = "agreement"

AgreementWarning = Literal[
    "missing-option", "bad-date", "bad-url", "bad-previous", "duplicate-agreement",
    "missing-title", "misplaced-agreement", "undefined-term", "unused-term", "duplicate-term",
    "undeclared-definition", "unmarked-reference", "unknown-clause", "bad-range",
    "define-in-heading", "outside-agreement", "empty-role", "bad-effective",
    "bad-label-prefix", "anchor-taken", "changes-without-previous", "bad-changes",
    "version-cycle", "renamed-label", "unknown-agreement", "hard-to-read", "long-sentence",
    "archaic-word", "number-doublet", "all-caps", "missing-summary", "unknown-check",
    "lost-definition",
]

#: Every warning subtype the extension emits, and when.
WARNING_SUBTYPES: Final[dict[AgreementWarning, str]] = {
    "missing-option": "the agreement directive lacks a required option (provider, last-updated)",
    "bad-date": "last-updated is not an ISO date YYYY-MM-DD",
    "bad-url": "source is not an http:, https: or mailto: URL, nor a relative one",
    "bad-previous": "previous names a missing document, a page that is not an agreement, "
    "or the agreement itself",
    "duplicate-agreement": "a second agreement directive in the same document",
    "missing-title": "an agreement document has no title",
    "misplaced-agreement": "the agreement directive is not placed right after the title",
    "undefined-term": "use names a term that the agreement does not define",
    "unused-term": "a defined term is never used elsewhere in its agreement",
    "duplicate-term": "a term (or its plural or singular) is defined twice in one agreement",
    "undeclared-definition": 'running text holds a parenthesised, quoted, capitalised phrase '
    'such as (the "Services") that is not marked with define',
    "unmarked-reference": "running text holds a hand-typed clause reference such as Section 4",
    "unknown-clause": "clause names a label that is not a clause of an agreement",
    "bad-range": "a clause range whose ends are in different agreements, out of order, "
    "or missing",
    "define-in-heading": "define is used inside a heading",
    "outside-agreement": "define, defined-terms, changes or agreement-report (without an "
    "argument) is used in a document that is not an agreement",
    "empty-role": "define, use or clause is given no text",
    "bad-effective": "effective is not an ISO date, is earlier than last-updated, or is not "
    "after the effective date of the previous version",
    "bad-label-prefix": "a clause label lacks the version's label-prefix, or the prefix is "
    "not a label's start",
    "anchor-taken": "another element of the page already has the id that a labelled "
    "clause's anchor would be (its label without the label-prefix)",
    "changes-without-previous": "changes is used in an agreement that names no previous "
    "version",
    "bad-changes": "changes holds something other than one bullet list",
    "version-cycle": "the previous options of some agreements form a cycle",
    "renamed-label": "a clause's anchor differs from the anchor of the clause the redline "
    "matched it to in the previous version (a version renamed a label)",
    "unknown-agreement": "agreement-versions or agreement-report names a document that is not "
    "an agreement, or agreement-versions is used outside an agreement without naming one",
    "hard-to-read": "critique: a clause's Flesch-Kincaid grade is above agreement_reading_grade",
    "long-sentence": "critique: a sentence has more words than agreement_sentence_words",
    "archaic-word": "critique: a word of the archaic list (herein, thereof ...)",
    "number-doublet": "critique: a number in words and in digits, thirty (30) days",
    "all-caps": "critique: five or more consecutive words in capitals in running text",
    "missing-summary": "critique: a top-level clause longer than agreement_summary_words "
    "words has no summary",
    "unknown-check": "agreement_critique names a check that does not exist",
    "lost-definition": "a translated paragraph marks fewer definitions (define) than its "
    "original",
}

_REGISTRY = WarningRegistry(WARNING_TYPE, WARNING_SUBTYPES, __name__)


def warn(subtype: AgreementWarning, message: str, location: Location) -> None:
    """Log an agreement warning of `subtype` at `location` (a node, a
    ``(docname, line)`` pair or ``"path:line"``)."""
    _REGISTRY.warn(subtype, message, location)


class role_problem(nodes.inline):  # noqa: N801 - docutils' node naming
    """What a role with bad input leaves behind: its warning is emitted by
    the read-time pass, which knows the exact line (a role only knows its
    paragraph's first line), and the node is then removed."""


def defer_warning(node: nodes.Element, subtype: AgreementWarning, message: str) -> None:
    """Have the read-time pass warn about `node` once its line is exact."""
    deferred: list[tuple[AgreementWarning, str]] = node.setdefault("deferred_warnings", [])
    deferred.append((subtype, message))
