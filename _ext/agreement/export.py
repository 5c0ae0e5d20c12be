"""The machine-readable export: ``X.agreement.json`` beside each agreement
page ``X.html``, in the shape of ``agreement.schema.json``.

`agreement_data(app, docname)` gives the same data at build time (for
example to the redline pages).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import tempfile
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from foundation.dates import build_date

from .blocks import SUMMARY_CHROME, summary_block
from .changes import changes_block, changes_items
from .clause_refs import clause_reference
from .defined_terms import defined_terms_block
from .doctree import enclosing_clause, normalize_space
from .domain import agreement_domain
from .header import agreement_header
from .lifecycle import status_of
from .outputs import JSON_BUILDERS
from .reading import is_english, measure_clause

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from .records import (
        AgreementExport,
        ClauseExport,
        ClauseRecord,
        DefinitionExport,
        ReferenceExport,
    )

__all__ = ["QUIETLY_RESOLVED", "SCHEMA_PATH", "agreement_data", "build_export", "digest",
           "dumps", "write_export"]

SCHEMA_PATH = Path(__file__).with_name("agreement.schema.json")

#: The exports of the agreements that the builder resolved for writing in
#: this build, by builder then docname: `agreement_data` reuses them rather
#: than resolving a doctree a second time (which costs as much and would
#: repeat the resolving pass's warnings). Resolving happens in the main
#: process, also in parallel builds, so this sees every written document.
_RESOLVED: weakref.WeakKeyDictionary[Builder, dict[str, AgreementExport]] = (
    weakref.WeakKeyDictionary())

#: The documents that `agreement_data` is resolving quietly (the passes of
#: ``doctree-resolved`` that warn leave them to the build that writes them).
QUIETLY_RESOLVED: set[str] = set()

#: Never part of a clause's text.
_NOT_TEXT = (
    nodes.section, summary_block, defined_terms_block, agreement_header, changes_block,
    nodes.system_message,
    nodes.comment, nodes.target, nodes.substitution_definition, nodes.raw, addnodes.toctree,
    addnodes.index, addnodes.only,
)


#: Nor are the elements of these classes: a toctree's, an agreement-report's table.
_NOT_TEXT_CLASSES = frozenset({"toctree-wrapper", "agreement-report"})


def _blocks(node: nodes.Node, out: list[str]) -> None:
    """Append the text of each block (paragraph, list item paragraph, table
    cell, literal block...) under `node` to `out`."""
    if not isinstance(node, nodes.Element):
        return
    if isinstance(node, _NOT_TEXT) or not _NOT_TEXT_CLASSES.isdisjoint(node["classes"]):
        return
    if isinstance(node, nodes.title) and isinstance(node.parent, nodes.section):
        return
    if isinstance(node, nodes.FixedTextElement):
        out.append(node.astext().rstrip())
    elif isinstance(node, nodes.TextElement):
        out.append(normalize_space(node.astext()))
    else:
        for child in node.children:
            _blocks(child, out)


def plain_text(node: nodes.Element) -> str:
    """The plain text of `node` as rendered, one blank line between blocks.
    A clause's own text: its subclauses, summaries and index are left out."""
    out: list[str] = []
    for child in node.children:
        _blocks(child, out)
    return "\n\n".join(text for text in out if text)


#: Where no summary of the clause is: a subclause has its own, and a
#: paragraph or other text element holds inline nodes only, no block.
_NO_SUMMARY = (nodes.section, nodes.TextElement)


def _own_summaries(node: nodes.Element) -> list[summary_block]:
    found = []
    for child in node.children:
        if isinstance(child, summary_block):
            found.append(child)
        elif isinstance(child, nodes.Element) and not isinstance(child, _NO_SUMMARY):
            found.extend(_own_summaries(child))
    return found


def summary_text(section: nodes.section) -> str | None:
    """The text of the summaries that sit in `section` itself (not in its
    subclauses), without the box's "In short" lines."""
    out: list[str] = []
    for summary in _own_summaries(section):
        for child in summary.children:
            if not (isinstance(child, nodes.Element)
                    and set(child["classes"]) & set(SUMMARY_CHROME)):
                _blocks(child, out)
    return "\n\n".join(text for text in out if text) or None


def _clause_tree(section: nodes.Element, records: dict[str, ClauseRecord],
                 english: bool) -> list[ClauseExport]:
    """The clauses under `section`; their reading figures in an English
    build only (they are English measures: null in another language)."""
    result: list[ClauseExport] = []
    for child in section.children:
        if isinstance(child, nodes.section) and child.get("clause_number"):
            record = records.get(child["clause_number"])
            result.append({
                "number": child["clause_number"],
                "label": record["label"] if record else None,
                "anchor": record["anchor"] if record else child["ids"][0],
                "title": child.get("clause_title", ""),
                "text": plain_text(child),
                "summary": summary_text(child),
                "clauses": _clause_tree(child, records, english),
                "reading": measure_clause(child).export() if english else None,
            })
    return result


def build_export(
    env: BuildEnvironment, docname: str, doctree: nodes.document,
    references: Sequence[clause_reference] | None = None,
) -> AgreementExport | None:
    """The export of agreement `docname` from its resolved doctree, or None
    when the document is not an agreement. `references` are its `clause`
    nodes, if already collected."""
    domain = agreement_domain(env)
    meta = domain.agreements.get(docname)
    if meta is None:
        return None
    title_section = next((child for child in doctree.children
                          if isinstance(child, nodes.section)), None)
    records = domain.clauses.get(docname, [])
    by_number = {clause["number"]: clause for clause in records}
    clauses = (_clause_tree(title_section, by_number, is_english(env.config))
               if title_section is not None else [])
    order = {clause["number"]: position for position, clause in enumerate(records)}

    # Per clause, the numbers it refers to (a dict as an ordered set: a
    # clause with many references costs one lookup per target).
    targets_by_clause: dict[str | None, dict[str, None]] = {}
    if references is None:
        references = list(doctree.findall(clause_reference))
    for node in references:
        targets: list[list[str]] = node.get("targets", [])
        local = [number for doc, number in targets if doc == docname]
        if local:
            targets_by_clause.setdefault(enclosing_clause(node), {}).update(
                dict.fromkeys(local))
    reference_list: list[ReferenceExport] = [
        {"from": source, "to": sorted(targets, key=order.__getitem__)}
        for source, targets in sorted(targets_by_clause.items(),
                                      key=lambda item: -1 if item[0] is None else order[item[0]])
    ]
    definitions: list[DefinitionExport] = [
        {"term": term["term"], "id": term["id"], "clause": term["clause"],
         "text": term["sentence"], "used_in": list(term["used_in"])}
        for term in domain.terms.get(docname, [])
    ]
    # `changes` sits under the header, before the first clause (checked when read).
    changes = [item for child in (title_section.children if title_section is not None else ())
               if isinstance(child, changes_block) for item in changes_items(child)]
    return {
        "title": meta["title"],
        "provider": meta["provider"],
        "last_updated": meta["last_updated"],
        "governing_law": meta["governing_law"],
        "source": meta["source"],
        "previous": meta["previous"],
        "clauses": clauses,
        "definitions": definitions,
        "references": reference_list,
        "effective": meta["effective"],
        "status": status_of(domain, docname, build_date()),
        "changes": changes,
        "digest": digest(clauses, definitions),
    }


def _canonical_clauses(clauses: list[ClauseExport]) -> list[dict[str, object]]:
    return [{"number": clause["number"], "title": clause["title"], "text": clause["text"],
             "clauses": _canonical_clauses(clause["clauses"])} for clause in clauses]


def digest(clauses: list[ClauseExport], definitions: list[DefinitionExport]) -> str:
    """``sha256:<hex>`` of the legal text: the clauses' numbers, titles and
    texts, nested, and the definitions' terms, clauses and sentences, as
    JSON with sorted keys and no spaces, in UTF-8. Summaries, labels and
    anchors are not the legal text, so they do not count."""
    canonical = {
        "clauses": _canonical_clauses(clauses),
        "definitions": [{"term": item["term"], "clause": item["clause"], "text": item["text"]}
                        for item in definitions],
    }
    text = json.dumps(canonical, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def dumps(data: AgreementExport) -> str:
    """The text of the export: sorted keys, UTF-8 characters as they are,
    one line (Python's fast encoder; pretty-printing a long agreement costs
    more than the rest of its export), ending with a newline."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


def write_export(
    app: Sphinx, doctree: nodes.document, docname: str,
    references: Sequence[clause_reference] | None = None,
) -> None:
    """Write ``<docname>.agreement.json`` into the HTML output, if `docname`
    is an agreement (``doctree-resolved``, after the references resolve)."""
    if app.builder.name not in JSON_BUILDERS:
        return
    data = build_export(app.env, docname, doctree, references)
    if data is None:
        return
    _RESOLVED.setdefault(app.builder, {})[docname] = data
    path = Path(app.outdir, docname + ".agreement.json")
    content = dumps(data)
    if path.is_file() and path.read_text(encoding="utf-8") == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written whole, then renamed, so that nobody reads half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".agreement-", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(content)
    os.replace(temporary, path)


def agreement_data(app: Sphinx, docname: str, *, keep: bool = True,
                   after_writing: bool = False) -> AgreementExport | None:
    """The export of agreement `docname` (title, provider, ..., clauses
    with number/label/title/text/summary/clauses, definitions, references),
    or None if it is not an agreement; a copy, for the caller to keep
    (``keep=False``: the build's own, to read and not to change -- a deep
    copy of every export costs as much as the feeds that read them).

    Usable once every document is read (from ``env-updated`` on, in the
    write phase, in ``html-collect-pages``, ``build-finished``): texts read
    as rendered. A document the builder has already written in this build
    gives the export written beside it; any other is resolved as the
    builder does (quietly: its warnings belong to the build that wrote it).

    `after_writing` (``build-finished``, ``html-collect-pages``): the
    builder has written every document this build writes, so one it has
    not written is as current as its page on disk, and so is the export
    written beside that page in an earlier build: that file is read instead
    of resolving the document again. An incremental build that writes one
    page then reads the other exports (to write the feeds) in a fraction
    of what resolving and measuring them all would cost.
    """
    if docname not in agreement_domain(app.env).agreements:
        return None
    written = _RESOLVED.get(app.builder, {}).get(docname)
    if written is not None:
        return copy.deepcopy(written) if keep else written
    if after_writing and app.builder.name in JSON_BUILDERS:
        stored = Path(app.outdir, docname + ".agreement.json")
        if stored.is_file():
            data: AgreementExport = json.loads(stored.read_text(encoding="utf-8"))
            return data
    QUIETLY_RESOLVED.add(docname)
    try:
        with logging.suppress_logging():
            doctree = app.env.get_and_resolve_doctree(docname, app.builder,
                                                      tags=app.builder.tags)
    finally:
        QUIETLY_RESOLVED.discard(docname)
    return build_export(app.env, docname, doctree)
