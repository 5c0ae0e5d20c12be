"""The `agreement-report` directive: how hard each clause of an agreement is
to read, in a table.

One row per clause (number, title linked to the clause, words, sentences,
longest sentence, reading grade, the critique's findings) and a total row.
The figures are the JSON export's (``reading`` of each clause), taken from
the export of the resolved agreement, so that the two always agree; the
findings are those of the checks that are on (`critique`).

Without an argument the directive reports on the agreement it sits in (it
warns ``outside-agreement`` elsewhere); with one, on the agreement of that
docname, from any page (``agreement-report leap-terms-of-use``). The
directive leaves a placeholder; the table is made at write time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.util.docutils import SphinxDirective

from foundation.links import link_or_content
from foundation.tables import make_table

from .critique import enabled_checks, figure_findings
from .diagnostics import __, warn
from .domain import agreement_domain
from .export import _RESOLVED, agreement_data, build_export
from .header import resolve_previous
from .reading import grade_of, is_english

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from .records import AgreementExport, ClauseExport

__all__ = ["agreement_report", "fill_reports", "setup_report"]

_ = get_translation("agreement")
_BETWEEN_BLOCKS = "\n\n"


class agreement_report(nodes.General, nodes.Element):  # noqa: N801 - docutils' naming
    """Where the report goes; replaced by its table at write time."""


class ReportDirective(SphinxDirective):
    """``.. agreement-report:: [docname]``"""

    optional_arguments = 1
    final_argument_whitespace = False
    option_spec: ClassVar[OptionSpec] = {"class": directives.class_option,
                                         "name": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        node = agreement_report(classes=["agreement-report", *self.options.get("class", [])])
        self.set_source_info(node)
        self.add_name(node)
        node["docname"] = self.env.docname
        # A docname as `previous` takes it: relative to this page, or from the root.
        node["agreement"] = (resolve_previous(self.env, self.arguments[0].strip())
                             if self.arguments else None)
        if node["agreement"]:
            # Shown here, so read again when it changes (see freshness).
            self.env.note_dependency(self.env.doc2path(node["agreement"]))
        return [node]


def check_reports(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: a report without an argument outside an agreement."""
    docname = app.env.docname
    if docname in agreement_domain(app.env).agreements:
        return
    for node in list(doctree.findall(agreement_report)):
        if not node["agreement"]:
            warn("outside-agreement", __("agreement-report: this document is not an agreement "
                                         "(it has no agreement directive); name one as the "
                                         "argument"), node)
            node.parent.remove(node)


#: Reports being made, by target: a report that names an agreement whose
#: own report names this page again is not made twice over.
_MAKING: set[str] = set()


def _export_of(app: Sphinx, doctree: nodes.document, docname: str,
               target: str) -> AgreementExport | None:
    if target == docname:
        written = _RESOLVED.get(app.builder, {}).get(docname)
        return written if written is not None else build_export(app.env, docname, doctree)
    if target in _MAKING:
        return None
    _MAKING.add(target)
    try:
        return agreement_data(app, target)
    finally:
        _MAKING.discard(target)


def fill_reports(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` (after the export): each report's table."""
    domain = agreement_domain(app.env)
    for node in list(doctree.findall(agreement_report)):
        target = node["agreement"] or node["docname"]
        if target not in domain.agreements:
            if node["agreement"]:
                warn("unknown-agreement", __("agreement-report: {target} is not an agreement of "
                                             "this site").format(target=repr(target)), node)
            node.parent.remove(node)
            continue
        data = _export_of(app, doctree, docname, target)
        if data is None:
            node.parent.remove(node)
            continue
        table = report_table(app, data, target, docname)
        table["classes"] += [name for name in node["classes"] if name not in table["classes"]]
        table["ids"] = node["ids"]
        if is_english(app.config):
            node.replace_self(table)
        else:
            # Words, sentences and the grade are English measures: in another
            # language the report lists the clauses and says why no figure.
            note = str(_("Reading figures are measured on English text only."))
            node.replace_self([nodes.paragraph(note, note, classes=["agreement-report-note"]),
                               table])


def _flatten(clauses: list[ClauseExport]) -> list[ClauseExport]:
    out = []
    for clause in clauses:
        out.append(clause)
        out += _flatten(clause["clauses"])
    return out


def _words_below(clause: ClauseExport) -> int:
    reading = clause["reading"]
    own = reading["words"] if reading is not None else 0
    return own + sum(_words_below(child) for child in clause["clauses"])


def report_table(app: Sphinx, data: AgreementExport, target: str,
                 docname: str) -> nodes.table:
    env: BuildEnvironment = app.env
    anchors = {clause["number"]: clause["anchor"]
               for clause in agreement_domain(env).clauses.get(target, [])}
    if not is_english(app.config):
        return make_table(
            [str(_("Clause")), str(_("Title"))],
            [[[nodes.Text(clause["number"])],
              [_title_link(app, docname, target, anchors.get(clause["number"]),
                           clause["title"])]] for clause in _flatten(data["clauses"])],
            classes=["agreement-report"])
    word_findings = agreement_domain(env).critique.get(target, {})
    checks = enabled_checks(app.config)
    rows: list[list[list[nodes.Node]]] = []
    texts = []
    total_words = total_sentences = longest = 0
    for clause in _flatten(data["clauses"]):
        reading = clause["reading"]
        assert reading is not None  # an English build (see above)
        number = clause["number"]
        found = [subtype for subtype in word_findings.get(number, []) if subtype in checks]
        found += figure_findings(app.config, clause, number.count(".") + 1,
                                 _words_below(clause))
        rows.append([
            [nodes.Text(number)],
            [_title_link(app, docname, target, anchors.get(number), clause["title"])],
            [nodes.Text(str(reading["words"]))],
            [nodes.Text(str(reading["sentences"]))],
            [nodes.Text(str(reading["longest_sentence"]))],
            [nodes.Text(f"{reading['grade']:.1f}")],
            [nodes.Text(", ".join(sorted(found)) if found else "\u2014")],
        ])
        texts.append(clause["text"])
        total_words += reading["words"]
        total_sentences += reading["sentences"]
        longest = max(longest, reading["longest_sentence"])
    rows.append([
        [nodes.Text(str(_("Total")))], [nodes.Text("")],
        [nodes.Text(str(total_words))], [nodes.Text(str(total_sentences))],
        [nodes.Text(str(longest))],
        [nodes.Text(f"{grade_of(_BETWEEN_BLOCKS.join(text for text in texts if text)):.1f}")],
        [nodes.Text("")],
    ])
    headers = [str(_("Clause")), str(_("Title")), str(_("Words")), str(_("Sentences")),
               str(_("Longest sentence")), str(_("Reading grade")), str(_("Findings"))]
    return make_table(headers, rows, classes=["agreement-report"],
                      row_classes=[[] for _row in rows[:-1]] + [["agreement-report-total"]])


def _title_link(app: Sphinx, docname: str, target: str, anchor: str | None,
                title: str) -> nodes.Node:
    text = nodes.inline(title, title)
    if anchor is None:
        return text
    return link_or_content(app.builder, docname, target, anchor, text, title)


def setup_report(app: Sphinx) -> None:
    app.add_node(agreement_report)
    app.add_directive("agreement-report", ReportDirective)
    app.connect("doctree-read", check_reports)
