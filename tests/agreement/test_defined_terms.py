"""The `defined-terms` directive: the index of definitions, each term with
the clause that defines it and the clauses that use it.

On the root ``test-agreement-all-features`` (one agreement in each syntax
that uses every feature).
Also its warnings on the root ``test-agreement-warnings``
(``IN_WARNINGS_ROOT``) and its malformed input as cases (``MALFORMED``),
each a page of a project generated and built once per syntax (see
agreement_malformed.py).
"""

from __future__ import annotations

import pytest
from agreement_malformed import SYNTAXES as MALFORMED_SYNTAXES
from agreement_malformed import (
    Case,
    Expect,
    agreement,
    catalogue_builds,
    check_case,
    check_exports,
    check_failed_under_W,
    check_no_traceback_and_located,
)
from agreement_support import (
    AGREEMENT_WARNINGS,
    AGREEMENT_WARNINGS_SHARED,
    ALL_FEATURES,
    ALL_FEATURES_SHARED,
    SYNTAXES,
    body,
    built,
    clause_sections,
    found_warnings,
    heading_of,
    line_of_occurrence,
    warnings_root_source,
)
from agreement_support import ALL_FEATURES_CREDIT as CREDIT


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_defined_terms_index(app, syntax):
    outdir = built(app)
    page = body(outdir, f"terms-{syntax}")
    index = page.select_one("div.defined-terms")
    anchor = {number: heading_of(s).parent["id"] for s in clause_sections(page)
              for number in [heading_of(s).select_one(".clause-number").get_text().rstrip(".")]}
    rows = []
    for row in index.select("tbody tr"):
        term, defined, used = row.find_all("td")
        rows.append((term.get_text(), term.a["href"],
                     [(a.get_text(), a["href"]) for a in defined.find_all("a")],
                     [(a.get_text(), a["href"]) for a in used.find_all("a")]))
    credit = CREDIT[syntax]
    assert [r[0] for r in rows] == sorted([credit, "Customer", "Customer Application",
                                           "Customer Data", "Order Form", "Services"])
    by_term = {r[0]: r for r in rows}
    assert by_term["Customer Data"][1] == "#term-customer-data"
    assert by_term["Customer Data"][2] == [("3", f"#{anchor['3']}")]
    assert by_term["Customer Data"][3] == [("4", f"#{anchor['4']}")]
    assert by_term["Customer Application"][3] == [("1.1", f"#{anchor['1.1']}")]
    assert [n for n, _ in by_term["Customer"][3]] == ["1", "1.1", "3", "4"]


# -- warnings (root test-agreement-warnings) --------------------------------------------------

#: This feature's warnings in the root ``test-agreement-warnings``: (document,
#: text on the offending line, occurrence of that text, subtype).
#: test_agreement_warnings.py checks that the root gives no others.
IN_WARNINGS_ROOT = [
    ("outside", "defined-terms", 1, "outside-agreement"),
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
    Case("defined-terms-outside-agreement",
         "Text.\n\n.. defined-terms::\n",
         "Text.\n\n```{defined-terms}\n```\n",
         (agreement("outside-agreement", "defined-terms: this document is not an agreement",
                    at="defined-terms"),),
         absent=('class="defined-terms"',), header=False),
    Case("defined-terms-with-content",
         ".. defined-terms::\n\n   A stray body.\n",
         "```{defined-terms}\nA stray body.\n```\n",
         (Expect("docutils", 'Error in "defined-terms" directive:\nno content permitted'),),
         expect_md=(Expect("myst.directive_parse", "'defined-terms': Has content, but none "
                           "permitted"),),
         absent=("A stray body.",)),
    Case("defined-terms-in-preamble",
         ".. defined-terms::\n\nThe (the :define:`Early Term`) and the :use:`Late Term`.\n",
         "```{defined-terms}\n```\n\nThe (the {define}`Early Term`) and the {use}`Late Term`.\n",
         (agreement("unused-term", "'Early Term' is defined but never used", at="The (the"),
          agreement("undefined-term", "does not define 'Late Term'", at="The (the")),
         present=('class="defined-terms"', 'href="#term-early-term"')),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "defined-terms", MALFORMED)


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
