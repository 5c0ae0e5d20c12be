"""The checks of the `agreement` extension as a whole, on the root
``test-agreement-warnings``: the root gives the warnings that the feature
modules list (each feature's own, with its subtype, file and line, is
tested there) and no other; every subtype is exercised; malformed input
builds without a traceback; ``suppress_warnings`` works per subtype. And
the malformed-input cases of the feature modules (``MALFORMED``), taken
together: there are many, with unique names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from agreement_support import (
    AGREEMENT_WARNINGS,
    AGREEMENT_WARNINGS_SHARED,
    ALL_FEATURES,
    ALL_FEATURES_SHARED,
    DIRECTIVE,
    SYNTAXES,
    body,
    built,
    found_warnings,
    line_of_occurrence,
    plain,
    validate,
    warnings,
    warnings_root_source,
)
from test_clause_refs import IN_WARNINGS_ROOT as CLAUSE_REFS
from test_clause_refs import MALFORMED as CLAUSE_REFS_CASES
from test_conspicuous import MALFORMED as CONSPICUOUS_CASES
from test_critique import IN_WARNINGS_ROOT as CRITIQUE
from test_defined_terms import IN_WARNINGS_ROOT as DEFINED_TERMS
from test_defined_terms import MALFORMED as DEFINED_TERMS_CASES
from test_header import IN_WARNINGS_ROOT as HEADER
from test_header import MALFORMED as HEADER_CASES
from test_lifecycle import IN_WARNINGS_ROOT as LIFECYCLE
from test_summary import MALFORMED as SUMMARY_CASES
from test_terms import IN_WARNINGS_ROOT as TERMS
from test_terms import MALFORMED as TERMS_CASES
from test_versions import IN_WARNINGS_ROOT as VERSIONS
from test_versions import MALFORMED as VERSIONS_CASES

from agreement.diagnostics import WARNING_SUBTYPES

pytestmark = [AGREEMENT_WARNINGS, AGREEMENT_WARNINGS_SHARED]

#: (document, text on the offending line, occurrence of that text, subtype):
#: every warning of the root, as the feature modules list them.
EXPECTED = [*HEADER, *VERSIONS, *TERMS, *CLAUSE_REFS, *DEFINED_TERMS, *LIFECYCLE,
            *CRITIQUE]

#: The malformed-input cases of every feature module.
CASES = [*HEADER_CASES, *VERSIONS_CASES, *TERMS_CASES, *CLAUSE_REFS_CASES, *CONSPICUOUS_CASES,
         *SUMMARY_CASES, *DEFINED_TERMS_CASES]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_no_other_agreement_warnings(app, syntax):
    """Nothing more than expected: in particular a statute's "Section 1542 of
    the California Civil Code" is not an unmarked reference."""
    app.build()
    expected = set()
    for document, needle, occurrence, subtype in EXPECTED:
        path = warnings_root_source(app, document, syntax)
        text = needle[syntax] if isinstance(needle, dict) else needle
        expected.add((path.name, line_of_occurrence(path, text, occurrence),
                      f"agreement.{subtype}"))
    mine = {w for w in found_warnings(app)
            if w[2].startswith("agreement.") and f"-{syntax}." in w[0]}
    assert mine == expected
    statute = line_of_occurrence(warnings_root_source(app, "warn", syntax),
                                 "California Civil Code", 1)
    assert not [w for w in mine if w[1] == statute]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_each_empty_role_warns(app, syntax):
    app.build()
    path = warnings_root_source(app, "warn", syntax)
    line = line_of_occurrence(path, "Empty define", 1)
    messages = [w["message"] for w in warnings(app.warning.getvalue())
                if Path(w["path"]).name == path.name and int(w["line"]) == line]
    assert sorted(messages) == ["clause needs the label of a clause",
                                "define needs the term to define"]


#: Subtypes that only a translated build can give; test_languages.py
#: exercises them (and their suppression) in a Japanese root.
TRANSLATION_ONLY = {"lost-definition"}
ENGLISH_SUBTYPES = [subtype for subtype in WARNING_SUBTYPES if subtype not in TRANSLATION_ONLY]


def test_every_subtype_is_exercised(app):
    app.build()
    seen = {w[2].split(".", 1)[1] for w in found_warnings(app) if w[2].startswith("agreement.")}
    assert seen == set(ENGLISH_SUBTYPES)


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_malformed_input_builds_without_traceback(app, syntax):
    app.build()
    output = app.status.getvalue() + app.warning.getvalue()
    assert "Traceback" not in output
    assert "Exception" not in output
    for document in ("warn", "other", "notitle", "misplaced", "outside", "options"):
        assert (app.outdir / f"{document}-{syntax}.html").is_file()
    # An unknown option is reported by docutils / MyST, once, with its line.
    options = warnings_root_source(app, "options", syntax)
    if syntax == "md":
        line = line_of_occurrence(options, "colour", 1)
        message = f"{options.name}:{line}: WARNING: 'agreement': Unknown option key: 'colour'"
    else:
        line = line_of_occurrence(options, DIRECTIVE["rst"], 1)
        message = f'{options.name}:{line}: ERROR: Error in "agreement" directive:\nunknown option'
    assert plain(app.warning.getvalue()).count(message) == 1
    # An agreement without a title is exported under its docname.
    data = json.loads((app.outdir / f"notitle-{syntax}.agreement.json").read_text("utf-8"))
    validate(data)
    assert data["title"] == f"notitle-{syntax}"
    # Bad values are exported as null, and the rest still renders.
    data = json.loads((app.outdir / f"warn-{syntax}.agreement.json").read_text("utf-8"))
    validate(data)
    assert data["provider"] is None and data["last_updated"] is None
    page = body(app.outdir, f"warn-{syntax}")
    assert len(page.select("div.agreement-header")) == 1
    # Broken references show what the author wrote, unlinked.
    refs = [span.get_text() for span in page.select("span.clause-ref")]
    assert refs == ["no-such-label", f"{syntax}-w-two..{syntax}-w-one", f"{syntax}-w-one..",
                    f"{syntax}-w-one..{syntax}-o-one"]
    assert page.select("span.clause-ref a") == []
    # A definition in a heading keeps its text but defines nothing.
    heading = page.find("h2")
    assert "Heading Term" in heading.get_text() and heading.find("dfn") is None
    # The second of two definitions of a term links nowhere new.
    assert [a["href"] for a in page.select("a.term")] == ["#term-service"]


def _suppressed(subtype: str):
    return pytest.param(subtype, marks=[
        pytest.mark.sphinx("html", testroot="agreement-warnings",
                           confoverrides={"suppress_warnings": [f"agreement.{subtype}"]}),
        pytest.mark.test_params(shared_result=f"agreement-warnings-without-{subtype}"),
    ])


@pytest.mark.parametrize("subtype", [_suppressed(s) for s in ENGLISH_SUBTYPES])
def test_suppress_warnings_per_subtype(app, subtype):
    app.build()
    seen = {w[2] for w in found_warnings(app)}
    assert f"agreement.{subtype}" not in seen
    assert {f"agreement.{other}" for other in ENGLISH_SUBTYPES if other != subtype} <= seen


# -- a root without a mistake builds without a warning ----------------------------------------


@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_build_has_no_warnings(app):
    built(app)
    assert warnings(app.warning.getvalue()) == []
    # The log is that of the root's build, also when an earlier module built it.
    assert "build succeeded" in plain(app.status.getvalue())
    # The log is that of the root's build, also when an earlier module built it.
    assert "build succeeded" in plain(app.status.getvalue())


# -- the malformed-input cases of all the features ------------------------------------------

def test_catalogue_is_large_and_names_are_unique():
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)
