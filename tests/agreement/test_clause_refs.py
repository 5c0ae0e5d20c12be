"""The `clause` role: references to one clause, a range, a list, with the
author's text, and from another page (naming the agreement).

On the root ``test-agreement-all-features`` (one agreement in each syntax
that uses every feature).
Also its warnings on the root ``test-agreement-warnings``
(``IN_WARNINGS_ROOT``) and its malformed input as cases (``MALFORMED``),
each a page of a project generated and built once per syntax (see
agreement_malformed.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from agreement_malformed import SYNTAXES as MALFORMED_SYNTAXES
from agreement_malformed import (
    Case,
    agreement,
    catalogue_builds,
    check_case,
    check_exports,
    check_failed_under_W,
    check_no_traceback_and_located,
    rst_heading,
)
from agreement_support import (
    AGREEMENT_WARNINGS,
    AGREEMENT_WARNINGS_SHARED,
    ALL_FEATURES,
    ALL_FEATURES_SHARED,
    SYNTAXES,
    body,
    built,
    found_warnings,
    line_of_occurrence,
    section_by_label,
    warnings,
    warnings_root_source,
)
from agreement_support import ALL_FEATURES_CREDIT as CREDIT
from agreement_support import ALL_FEATURES_TITLES as TITLES
from bs4 import BeautifulSoup
from docutils import nodes
from sitebuild import write_linking_project

from agreement.clause_refs import ClauseCatalog, clause_reference, expand_range, resolve_reference

#: What the references of each Terms page of the root read, in order.
SHOWN_IN_TERMS = ["Section 2", "Sections 3 through 4", "the fees clause",
                  "Sections 1 and 2 through 4", "Sections 1, 1.1 and 4"]


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_clause_references(app, syntax):
    outdir = built(app)
    page = body(outdir, f"terms-{syntax}")
    anchor = {label: section_by_label(page, syntax, label)["id"]
              for label in ("access", "accounts", "fees", "ownership", "data")}
    references = [(span.get_text(), [a["href"] for a in span.find_all("a")])
                  for span in page.select("span.clause-ref")]
    assert references == list(zip(SHOWN_IN_TERMS, [
        [f"#{anchor['fees']}"],
        [f"#{anchor['ownership']}", f"#{anchor['data']}"],
        [f"#{anchor['fees']}"],
        [f"#{anchor['access']}", f"#{anchor['fees']}", f"#{anchor['data']}"],
        [f"#{anchor['access']}", f"#{anchor['accounts']}", f"#{anchor['data']}"],
    ], strict=True))


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_references_from_another_page(app, syntax):
    outdir = built(app)
    page = body(outdir, f"notes-{syntax}")
    terms = body(outdir, f"terms-{syntax}")
    data_id = section_by_label(terms, syntax, "data")["id"]
    spans = page.select("span.clause-ref")
    assert spans[0].get_text() == f"Section 4 of {TITLES[syntax]}"
    assert spans[0].a["href"] == f"terms-{syntax}.html#{data_id}"
    assert spans[1].get_text() == f"Sections 1 through 2 of {TITLES[syntax]}"
    assert len(spans[1].find_all("a")) == 2
    use = page.find("a", class_="term")
    assert use.get_text() == f"{CREDIT[syntax]}s"
    assert use["href"] == f"terms-{syntax}.html#term-{CREDIT[syntax].lower().replace(' ', '-')}"
    assert use["aria-description"].startswith("Credits (each a")


def test_a_range_runs_down_to_the_depth_of_its_deeper_end():
    numbers = ["4", "4.1", "4.2", "5", "5.1", "6"]
    clauses = [{"number": number, "depth": number.count(".") + 1} for number in numbers]

    def shown(first: str, last: str) -> list[str]:
        return [numbers[i] for i in expand_range(clauses, numbers.index(first),
                                                 numbers.index(last))]

    assert shown("4", "6") == ["4", "5", "6"]
    assert shown("4.1", "5") == ["4.1", "4.2", "5"]
    assert shown("4", "5.1") == ["4", "4.1", "4.2", "5", "5.1"]
    assert shown("5.1", "5.1") == ["5.1"]


def _catalog() -> ClauseCatalog:
    """Two agreements, ``alpha`` (clauses 1, 2, 2.1, 3) and ``beta`` (1, 2)."""
    def clauses(prefix: str, numbers: list[str]):
        return [{"number": number, "depth": number.count(".") + 1, "anchor": f"{prefix}{number}",
                 "labels": [f"{prefix}{number}"]} for number in numbers]
    return ClauseCatalog({"alpha": clauses("a", ["1", "2", "2.1", "3"]),
                          "beta": clauses("b", ["1", "2"])},
                         {"alpha": "Alpha Terms", "beta": "Beta Terms"})


def _resolved(items: list[tuple[str, str | None]], docname: str, custom: str | None = None):
    """A `clause` role of `items` ((label, end label or None) each) written
    in `docname`, resolved: its text, its links, its targets."""
    node = clause_reference("", items=[[start, end, False] for start, end in items],
                            custom=custom)
    resolve_reference(_catalog(), node, docname,
                      lambda doc, anchor, text: nodes.reference("", text, refuri=f"{doc}#{anchor}"))
    links = [reference["refuri"] for reference in node.findall(nodes.reference)]
    return node.astext(), links, node.get("targets")


@pytest.mark.parametrize(("items", "docname", "text", "links", "targets"), [
    # In its own agreement: no title.
    ([("a1", None)], "alpha", "Section 1", ["alpha#a1"], [["alpha", "1"]]),
    # In one other agreement: its title once, after the whole list.
    ([("a1", None), ("a3", None)], "notes", "Sections 1 and 3 of Alpha Terms",
     ["alpha#a1", "alpha#a3"], [["alpha", "1"], ["alpha", "3"]]),
    ([("a1", "a3")], "notes", "Sections 1 through 3 of Alpha Terms", ["alpha#a1", "alpha#a3"],
     [["alpha", "1"], ["alpha", "2"], ["alpha", "3"]]),
    # In several agreements: the title after each item that is not this one's.
    ([("a1", None), ("b2", None)], "notes", "Sections 1 of Alpha Terms and 2 of Beta Terms",
     ["alpha#a1", "beta#b2"], [["alpha", "1"], ["beta", "2"]]),
    ([("a1", "a2.1"), ("b1", None)], "alpha", "Sections 1 through 2.1 and 1 of Beta Terms",
     ["alpha#a1", "alpha#a2.1", "beta#b1"],
     [["alpha", "1"], ["alpha", "2"], ["alpha", "2.1"], ["beta", "1"]]),
])
def test_a_reference_names_the_agreements_it_leaves(items, docname, text, links, targets):
    assert _resolved(items, docname) == (text, links, targets)


def test_the_authors_text_links_to_the_first_clause_and_targets_them_all():
    assert _resolved([("a2", "a3")], "notes", custom="the fee rules") == (
        "the fee rules", ["alpha#a2"], [["alpha", "2"], ["alpha", "3"]])


def test_a_wrong_reference_is_left_as_written():
    node = clause_reference("", nodes.Text("a3..a1"), items=[["a3", "a1", False]], custom=None)
    resolve_reference(_catalog(), node, "notes", lambda *args: nodes.Text("link"))
    assert (node.astext(), node.get("targets")) == ("a3..a1", None)


# -- warnings (root test-agreement-warnings) --------------------------------------------------

#: This feature's warnings in the root ``test-agreement-warnings``: (document,
#: text on the offending line, occurrence of that text, subtype).
#: test_agreement_warnings.py checks that the root gives no others.
IN_WARNINGS_ROOT = [
    ("warn", "As Section 4 says", 1, "unmarked-reference"),
    ("warn", "no-such-label", 1, "unknown-clause"),
    ("warn", "backwards", 1, "bad-range"),
    ("warn", "with no end", 1, "bad-range"),
    ("warn", "across agreements", 1, "bad-range"),
]


@AGREEMENT_WARNINGS
@AGREEMENT_WARNINGS_SHARED
@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize(("document", "needle", "occurrence", "subtype"), IN_WARNINGS_ROOT)
def test_warning_has_subtype_file_and_line(app, syntax, document, needle, occurrence, subtype):
    app.build()
    path = warnings_root_source(app, document, syntax)
    needle = needle[syntax] if isinstance(needle, dict) else needle
    line = line_of_occurrence(path, needle, occurrence)
    assert (path.name, line, f"agreement.{subtype}") in found_warnings(app), \
        app.warning.getvalue()


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; agreement_malformed builds and checks them.
MALFORMED: list[Case] = [
    Case("clause-empty",
         "An empty :clause:`\\ ` here.\n",
         "An empty {clause}` ` here.\n",
         (agreement("empty-role", "clause needs the label of a clause"),)),
    Case("clause-empty-target",
         "See :clause:`the rules <>` here.\n",
         "See {clause}`the rules <>` here.\n",
         (agreement("empty-role", "clause needs the label of a clause"),)),
    Case("clause-range-missing-end",
         ".. _rme-one:\n\n" + rst_heading("One") + "\nSee :clause:`rme-one..` here.\n",
         "(rme-one)=\n## One\n\nSee {clause}`rme-one..` here.\n",
         (agreement("bad-range", "clause: 'rme-one..' lacks an end of its range", at="See"),),
         present=("rme-one..",)),
    Case("clause-range-missing-start",
         ".. _rms-one:\n\n" + rst_heading("One") + "\nSee :clause:`..rms-one` here.\n",
         "(rms-one)=\n## One\n\nSee {clause}`..rms-one` here.\n",
         (agreement("bad-range", "lacks an end of its range", at="See"),)),
    Case("clause-range-reversed",
         ".. _rev-first:\n\n" + rst_heading("First") + "\nText.\n\n.. _rev-second:\n\n"
         + rst_heading("Second") + "\nSee :clause:`rev-second..rev-first` here.\n",
         "(rev-first)=\n## First\n\nText.\n\n(rev-second)=\n## Second\n\n"
         "See {clause}`rev-second..rev-first` here.\n",
         (agreement("bad-range", "rev-second..rev-first is out of order (it runs from 2 back "
                    "to 1)", at="See"),),
         present=("rev-second..rev-first",)),
    Case("clause-range-across-agreements",
         ".. _cross-one:\n\n" + rst_heading("One") + "\nSee :clause:`cross-one..rev-second`.\n",
         "(cross-one)=\n## One\n\nSee {clause}`cross-one..rev-second`.\n",
         (agreement("bad-range", "the ends of cross-one..rev-second are in different "
                    "agreements (clause-range-across-agreements, clause-range-reversed)",
                    at="See"),)),
    Case("clause-unknown-label",
         "Text.\n\nSee\n:clause:`no-such-label` here.\n",
         "Text.\n\nSee\n{clause}`no-such-label` here.\n",
         (agreement("unknown-clause", "clause: 'no-such-label' is not the label of a clause",
                    at=":clause:`no-such" if True else None),),
         expect_md=(agreement("unknown-clause", "'no-such-label' is not the label",
                              at="{clause}`no-such"),)),
    Case("clause-range-unknown-end",
         ".. _rue-one:\n\n" + rst_heading("One") + "\nSee :clause:`rue-one..rue-nowhere`.\n",
         "(rue-one)=\n## One\n\nSee {clause}`rue-one..rue-nowhere`.\n",
         (agreement("unknown-clause", "'rue-nowhere' is not the label of a clause",
                    at="See"),)),
    Case("clause-list-one-unknown",
         ".. _lou-one:\n\n" + rst_heading("One") + "\nSee :clause:`lou-one, lou-nowhere`.\n",
         "(lou-one)=\n## One\n\nSee {clause}`lou-one, lou-nowhere`.\n",
         (agreement("unknown-clause", "'lou-nowhere' is not the label", at="See"),),
         present=("lou-one, lou-nowhere",)),
    Case("clause-custom-text-unknown",
         "See :clause:`the <b> rule <ctu-nowhere>` here.\n",
         "See {clause}`the <b> rule <ctu-nowhere>` here.\n",
         (agreement("unknown-clause", "'ctu-nowhere' is not the label"),),
         present=("the &lt;b&gt; rule",), absent=("<b>",)),
    Case("clause-names-a-paragraph",
         ".. _cnp-para:\n\nA labelled paragraph; see :clause:`cnp-para`.\n",
         "(cnp-para)=\nA labelled paragraph; see {clause}`cnp-para`.\n",
         (agreement("unknown-clause", "'cnp-para' is not the label of a clause",
                    at="A labelled"),)),
    Case("clause-names-the-title",
         "See :clause:`cnt-title` here.\n",
         "See {clause}`cnt-title` here.\n",
         (agreement("unknown-clause", "'cnt-title' is not the label of a clause"),)),
    Case("unmarked-reference",
         "Text.\n\nAs set out in\nSections 4 through 10, and not Section 1542 of the "
         "California Civil Code.\n",
         "Text.\n\nAs set out in\nSections 4 through 10, and not Section 1542 of the "
         "California Civil Code.\n",
         (agreement("unmarked-reference", "'Sections 4 through 10' is typed by hand",
                    at="Sections 4"),)),
    # A section of a code cited before it ("17 U.S.C. Section 107") is the
    # statute's, not the agreement's; the reference after it is.
    Case("unmarked-reference-after-a-code",
         "Text.\n\nFair use under 17 U.S.C. Section 107 and 7 C.F.R.\nSection 2 stay, "
         "but Section 4 is typed by hand.\n\nU.S.C. Section 101 too.\n",
         "Text.\n\nFair use under 17 U.S.C. Section 107 and 7 C.F.R.\nSection 2 stay, "
         "but Section 4 is typed by hand.\n\nU.S.C. Section 101 too.\n",
         (agreement("unmarked-reference", "'Section 4' is typed by hand", at="but Section"),)),
    # Each reference at its own line: in a text that starts with a line
    # break (after markup), and several in one text; "Clause" as well.
    Case("unmarked-reference-lines",
         "Text.\n\nSee *this*\nSection 4 and\nthen Clause 2.1 or\nclauses 3 and 5.\n",
         "Text.\n\nSee *this*\nSection 4 and\nthen Clause 2.1 or\nclauses 3 and 5.\n",
         (agreement("unmarked-reference", "'Section 4' is typed by hand", at="Section 4"),
          agreement("unmarked-reference", "'Clause 2.1' is typed by hand", at="Clause 2.1"),
          agreement("unmarked-reference", "'clauses 3 and 5' is typed by hand: use the clause "
                    "role, so that its number follows the clauses", at="clauses 3"))),
    Case("unmarked-clause",
         "Text.\n\nAs Clause 7 says.\n",
         "Text.\n\nAs Clause 7 says.\n",
         (agreement("unmarked-reference", "'Clause 7' is typed by hand", at="As Clause"),)),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "clause-refs", MALFORMED)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
@pytest.mark.parametrize("case", MALFORMED, ids=[case.name for case in MALFORMED])
def test_malformed_case(builds, case, syntax):
    check_case(builds(syntax), case, syntax)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_no_traceback_and_every_warning_located(builds, syntax):
    check_no_traceback_and_located(builds(syntax))


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_every_export_is_valid_and_keeps_its_page(builds, syntax):
    """The pages that stayed agreements have a valid export."""
    build = builds(syntax)
    check_exports(build, MALFORMED)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_the_build_fails_under_W_because_of_the_cases(builds, syntax):
    check_failed_under_W(builds(syntax), MALFORMED, syntax)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_the_warnings_say_what_a_reference_needs(builds, syntax):
    """The whole messages, not only a piece of each."""
    messages = [record.text.split(" WARNING: ", 1)[-1] for record in builds(syntax).records]
    for message in (
        "clause needs the label of a clause [agreement.empty-role]",
        "clause: 'rme-one..' lacks an end of its range [agreement.bad-range]",
        "clause: 'no-such-label' is not the label of a clause of an agreement "
        "[agreement.unknown-clause]",
        "clause: 'lou-nowhere' is not the label of a clause of an agreement "
        "[agreement.unknown-clause]",
    ):
        assert message in messages, messages


# -- documents joined into one; another project ------------------------------------------------


def test_a_reference_reads_the_same_when_the_documents_are_joined(make_app, rootdir, tmp_path):
    """singlehtml resolves the joined tree as the root document's: each
    reference still knows the page it was written in (its ``refdoc``)."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-agreement-all-features", srcdir)
    app = make_app("singlehtml", srcdir=srcdir, freshenv=True)
    app.build()
    page = BeautifulSoup((Path(app.outdir) / "index.html").read_text("utf-8"), "html.parser")
    shown = [span.get_text() for span in page.select("span.clause-ref")]
    assert shown == [*SHOWN_IN_TERMS, *SHOWN_IN_TERMS,
                     *(text for syntax in SYNTAXES
                       for text in (f"Section 4 of {TITLES[syntax]}",
                                    f"Sections 1 through 2 of {TITLES[syntax]}"))]


@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_another_project_links_to_one_clause_through_intersphinx(app, make_app, tmp_path):
    """One clause, with or without the author's text, may be another
    project's (its ``objects.inv``); a range or a list is this site's only."""
    outdir = built(app)
    base = "https://example.org/agreements/"
    srcdir = tmp_path / "elsewhere"
    write_linking_project(
        srcdir, ["agreement"], base, outdir / "objects.inv",
        "Elsewhere\n=========\n\n"
        "See :clause:`rst-fees` and :clause:`their fee rules <rst-fees>`.\n\n"
        "Not :clause:`rst-fees..rst-data`,\nnor :clause:`rst-access, rst-fees`.\n")
    other = make_app("html", srcdir=srcdir, freshenv=True)
    other.build()
    page = BeautifulSoup((Path(other.outdir) / "index.html").read_text("utf-8"), "html.parser")
    links = [(anchor.get_text(), anchor["href"]) for anchor in page.select("p a")]
    assert links == [(f"Section 2 of {TITLES['rst']}", f"{base}terms-rst.html#rst-fees"),
                     ("their fee rules", f"{base}terms-rst.html#rst-fees")]
    assert [(w["line"], w["message"], w["type"]) for w in warnings(other.warning.getvalue())] == [
        ("6", "clause: 'rst-fees' is not the label of a clause of an agreement",
         "agreement.unknown-clause"),
        ("7", "clause: 'rst-access' is not the label of a clause of an agreement",
         "agreement.unknown-clause"),
    ]


# -- equivalent mutants (make mutate) ---------------------------------------------------------
#
# Mutants of checks.py's clause-reference check that no test can tell from
# the code:
#
# agreement.checks.x__after_statute_code__mutmut_9
# agreement.checks.x__after_statute_code__mutmut_20
#     text.endswith(("U.S.C.", "C.F.R."), None, end), or with max(0, end - 7),
#     for max(0, end - 6): both suffixes are six characters, so they end at
#     `end` within the last six characters or not at all; a wider window
#     (from the start, or one character more) finds the same.
#
# Mutants of clause_refs.py (names as of the run of 4 December 2026,
# 457 of 458 killed):
#
# agreement.clause_refs.xǁClauseRoleǁrun__mutmut_13
#     clause_reference(classes=...) without the role's raw text: nothing
#     reads an inline node's rawsource (the cross-reference around it
#     carries the raw text for Sphinx).
