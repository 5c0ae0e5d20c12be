"""The checks of the `agreement` extension (root ``test-agreement-warnings``):
each warning with its subtype, file and line, for both syntaxes; no
traceback on malformed input; ``suppress_warnings`` per subtype."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_agreement_support import SUFFIX, SYNTAXES, body, plain, validate, warnings

from agreement.diagnostics import WARNING_SUBTYPES

pytestmark = [
    pytest.mark.sphinx("html", testroot="agreement-warnings"),
    pytest.mark.test_params(shared_result="agreement-warnings"),
]

DIRECTIVE = {"rst": ".. agreement::", "md": "```{agreement}"}

#: (document, text on the offending line, occurrence of that text, subtype)
EXPECTED = [
    ("warn", DIRECTIVE, 1, "missing-option"),
    ("warn", DIRECTIVE, 1, "bad-date"),
    ("warn", DIRECTIVE, 1, "bad-previous"),
    ("warn", DIRECTIVE, 2, "duplicate-agreement"),
    ("warn", DIRECTIVE, 2, "missing-option"),
    ("warn", "Heading with", 1, "define-in-heading"),
    ("warn", "duplicate is wrong", 1, "duplicate-term"),
    ("warn", "Lonely Term", 1, "unused-term"),
    ("warn", "Missing Term", 1, "undefined-term"),
    ("warn", "Portal Account", 1, "undeclared-definition"),
    ("warn", "Gateway Key", 1, "undeclared-definition"),
    ("warn", "As Section 4 says", 1, "unmarked-reference"),
    ("warn", "no-such-label", 1, "unknown-clause"),
    ("warn", "backwards", 1, "bad-range"),
    ("warn", "with no end", 1, "bad-range"),
    ("warn", "across agreements", 1, "bad-range"),
    ("warn", "Empty use", 1, "empty-role"),
    ("warn", "Empty define", 1, "empty-role"),
    ("other", DIRECTIVE, 1, "bad-date"),
    ("other", DIRECTIVE, 1, "bad-previous"),
    ("other", ":source:", 1, "bad-url"),
    ("notitle", DIRECTIVE, 1, "missing-title"),
    ("misplaced", DIRECTIVE, 1, "misplaced-agreement"),
    ("outside", "Stray Term", 1, "outside-agreement"),
    ("outside", "defined-terms", 1, "outside-agreement"),
    ("outside", "Nowhere Term", 1, "undefined-term"),
]


def source(app, document: str, syntax: str) -> Path:
    return Path(app.srcdir, f"{document}-{syntax}{SUFFIX[syntax]}")


def line_of(path: Path, needle: str, occurrence: int) -> int:
    lines = [number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if needle in line]
    return lines[occurrence - 1]


def found(app) -> list[tuple[str, int, str]]:
    return [(Path(w["path"]).name, int(w["line"]), w["type"])
            for w in warnings(app.warning.getvalue())]


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize(("document", "needle", "occurrence", "subtype"), EXPECTED)
def test_warning_has_subtype_file_and_line(app, syntax, document, needle, occurrence, subtype):
    app.build()
    path = source(app, document, syntax)
    needle = needle[syntax] if isinstance(needle, dict) else needle
    line = line_of(path, needle, occurrence)
    assert (path.name, line, f"agreement.{subtype}") in found(app), app.warning.getvalue()


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_no_other_agreement_warnings(app, syntax):
    """Nothing more than expected: in particular a statute's "Section 1542 of
    the California Civil Code" is not an unmarked reference."""
    app.build()
    expected = set()
    for document, needle, occurrence, subtype in EXPECTED:
        path = source(app, document, syntax)
        text = needle[syntax] if isinstance(needle, dict) else needle
        expected.add((path.name, line_of(path, text, occurrence), f"agreement.{subtype}"))
    mine = {w for w in found(app) if w[2].startswith("agreement.") and f"-{syntax}." in w[0]}
    assert mine == expected
    statute = line_of(source(app, "warn", syntax), "California Civil Code", 1)
    assert not [w for w in mine if w[1] == statute]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_each_empty_role_warns(app, syntax):
    app.build()
    path = source(app, "warn", syntax)
    line = line_of(path, "Empty define", 1)
    messages = [w["message"] for w in warnings(app.warning.getvalue())
                if Path(w["path"]).name == path.name and int(w["line"]) == line]
    assert sorted(messages) == ["clause needs the label of a clause",
                                "define needs the term to define"]


def test_every_subtype_is_exercised(app):
    app.build()
    seen = {w[2].split(".", 1)[1] for w in found(app) if w[2].startswith("agreement.")}
    assert seen == set(WARNING_SUBTYPES)


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_malformed_input_builds_without_traceback(app, syntax):
    app.build()
    output = app.status.getvalue() + app.warning.getvalue()
    assert "Traceback" not in output
    assert "Exception" not in output
    for document in ("warn", "other", "notitle", "misplaced", "outside", "options"):
        assert (app.outdir / f"{document}-{syntax}.html").is_file()
    # An unknown option is reported by docutils / MyST, once, with its line.
    options = source(app, "options", syntax)
    if syntax == "md":
        line = line_of(options, "colour", 1)
        message = f"{options.name}:{line}: WARNING: 'agreement': Unknown option key: 'colour'"
    else:
        line = line_of(options, DIRECTIVE["rst"], 1)
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


@pytest.mark.parametrize("subtype", [_suppressed(s) for s in WARNING_SUBTYPES])
def test_suppress_warnings_per_subtype(app, subtype):
    app.build()
    seen = {w[2] for w in found(app)}
    assert f"agreement.{subtype}" not in seen
    assert {f"agreement.{other}" for other in WARNING_SUBTYPES if other != subtype} <= seen
