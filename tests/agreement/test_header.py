"""The `agreement` directive and the header it renders: provider, date,
governing law, links to the authoritative text and the export.

On the root ``test-agreement-all-features`` (one agreement in each syntax
that uses every feature).
Also its warnings on the root ``test-agreement-warnings``
(``IN_WARNINGS_ROOT``) and its malformed input as cases (``MALFORMED``),
each a page of a project generated and built once per syntax (see
agreement_malformed.py).
"""

from __future__ import annotations

import json

import pytest
from agreement_malformed import (
    GOOD,
    Case,
    Expect,
    agreement,
    catalogue_builds,
    check_case,
    check_exports,
    check_failed_under_W,
    check_no_traceback_and_located,
    md_directive,
    rst_directive,
    rst_heading,
)
from agreement_malformed import SYNTAXES as MALFORMED_SYNTAXES
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
    warnings_root_source,
)
from agreement_support import ALL_FEATURES_TITLES as TITLES


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_header(app, syntax):
    outdir = built(app)
    page = body(outdir, f"terms-{syntax}")
    header = page.select_one("div.agreement-header")
    assert header is not None
    assert str(header).startswith('<div class="agreement-header">')
    text = header.get_text(" ", strip=True)
    assert f"{TITLES[syntax].split()[0]} Corp." in text
    assert "Commonwealth of Massachusetts" in text
    time = header.find("time")
    assert time["datetime"] == "2025-07-15"
    assert time.get_text() == "15 July 2025"
    assert "Last updated" in text
    links = {a.get_text(): a["href"] for a in header.find_all("a")}
    assert links["Authoritative text"] == f"https://example.com/{TITLES[syntax].split()[0].lower()}-terms"
    assert links["JSON export"] == f"terms-{syntax}.agreement.json"
    assert (outdir / links["JSON export"]).is_file()
    assert links["Previous version"] == f"archive-{syntax}.html"
    assert links["Changes from the previous version (redline)"] == f"terms-{syntax}.redline.html"


# -- warnings (root test-agreement-warnings) --------------------------------------------------

#: This feature's warnings in the root ``test-agreement-warnings``: (document,
#: text on the offending line, occurrence of that text, subtype).
#: test_agreement_warnings.py checks that the root gives no others.
IN_WARNINGS_ROOT = [
    ("warn", DIRECTIVE, 1, "missing-option"),
    ("warn", DIRECTIVE, 1, "bad-date"),
    ("warn", DIRECTIVE, 2, "duplicate-agreement"),
    ("warn", DIRECTIVE, 2, "missing-option"),
    ("other", DIRECTIVE, 1, "bad-date"),
    ("other", ":source:", 1, "bad-url"),
    ("notitle", DIRECTIVE, 1, "missing-title"),
    ("misplaced", DIRECTIVE, 1, "misplaced-agreement"),
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
    Case("agreement-unknown-option",
         rst_directive(**GOOD, colour="blue"),
         md_directive(**GOOD, colour="blue"),
         (Expect("docutils", 'Error in "agreement" directive:\nunknown option: "colour"'),),
         expect_md=(Expect("myst.directive_option", "Unknown option key: 'colour'",
                           at=":colour:"),),
         header=False),
    Case("agreement-with-content",
         rst_directive(**GOOD) + "\n   Stray content.\n",
         md_directive(**GOOD).replace("```\n", "\nStray content.\n```\n", 1)
         .replace("```{agreement}\n\nStray", "```{agreement}\nStray"),
         (Expect("docutils", 'Error in "agreement" directive:\nno content permitted'),),
         expect_md=(Expect("myst.directive_parse",
                           "'agreement': Has content, but none permitted"),),
         absent=("Stray content.",), header=False),
    Case("missing-provider",
         rst_directive(**{"last-updated": "2025-07-15"}),
         md_directive(**{"last-updated": "2025-07-15"}),
         (agreement("missing-option", "agreement: the 'provider' option is required"),),
         header=False),
    Case("missing-last-updated",
         rst_directive(provider="Example Corp."),
         md_directive(provider="Example Corp."),
         (agreement("missing-option", "agreement: the 'last-updated' option is required"),),
         absent=("<time",), header=False),
    Case("missing-both-options",
         rst_directive(**{"governing-law": "Massachusetts"}),
         md_directive(**{"governing-law": "Massachusetts"}),
         (agreement("missing-option", "'provider' option is required"),
          agreement("missing-option", "'last-updated' option is required")),
         present=("Massachusetts",), header=False),
    Case("last-updated-empty",
         rst_directive(provider="Example Corp.", **{"last-updated": ""}),
         md_directive(provider="Example Corp.", **{"last-updated": ""}),
         (agreement("missing-option", "'last-updated' option is required"),),
         header=False),
    Case("bad-date-words",
         rst_directive(provider="Example Corp.", **{"last-updated": "15 July 2025"}),
         md_directive(provider="Example Corp.", **{"last-updated": "15 July 2025"}),
         (agreement("bad-date", "agreement: last-updated '15 July 2025' is not an ISO date"),),
         absent=("<time",), header=False),
    Case("bad-date-impossible",
         rst_directive(provider="Example Corp.", **{"last-updated": "2025-02-30"}),
         md_directive(provider="Example Corp.", **{"last-updated": "2025-02-30"}),
         (agreement("bad-date", "'2025-02-30' is not an ISO date"),),
         absent=('datetime="2025-02-30"',), header=False),
    *[Case(f"source-{name}",
           rst_directive(**GOOD, source=url), md_directive(**GOOD, source=url),
           (agreement("bad-url", f"agreement: source {url!r} is not linked", at=":source:"),),
           absent=("Authoritative text", "alert("), header=False)
      for name, url in (("javascript", "javascript:alert(13)"),
                        ("mixed-case", "JaVaScRiPt:alert(14)"),
                        ("entity-encoded", "&#106;avascript:alert(15)"),
                        ("entity-colon", "javascript&colon;alert(16)"),
                        ("data", "data:text/html;base64,alert(17)"),
                        ("vbscript", "VBScript:alert(18)"),
                        ("file", "file:///etc/alert(19)"),
                        ("other-scheme", "x-app:alert(20)"))],
    Case("bad-date-unpadded",
         rst_directive(provider="Example Corp.", **{"last-updated": "2025-7-5"}),
         md_directive(provider="Example Corp.", **{"last-updated": "2025-7-5"}),
         (agreement("bad-date", "'2025-7-5' is not an ISO date"),),
         header=False),
    Case("bad-date-markup",
         rst_directive(provider="Example <b>Corp</b>", **{"last-updated": '<x-date a="1">'}),
         md_directive(provider="Example <b>Corp</b>", **{"last-updated": '<x-date a="1">'}),
         (agreement("bad-date", "'<x-date a=\"1\">' is not an ISO date"),),
         present=("Example &lt;b&gt;Corp&lt;/b&gt;",), absent=("<x-date", "<b>Corp"),
         header=False),
    Case("two-agreements",
         "Preamble text.\n\n" + rst_directive(provider="Second Corp.",
                                               **{"last-updated": "2024-01-01"}),
         "Preamble text.\n\n" + md_directive(provider="Second Corp.",
                                             **{"last-updated": "2024-01-01"}),
         (agreement("duplicate-agreement", "this second agreement directive is ignored (the "
                    "first is at line 4)", at="agreement"),),
         expect_md=(agreement("duplicate-agreement", "(the first is at line 3)",
                              at="agreement"),),
         absent=("Second Corp.",)),
    Case("no-title",
         rst_directive(**GOOD),
         md_directive(**GOOD),
         (agreement("missing-title", "agreement: the document has no title"),),
         header=False, title=False),
    Case("misplaced-agreement",
         rst_heading("Misplaced clause") + "\nClause text.\n\n" + rst_directive(**GOOD),
         "## Misplaced clause\n\nClause text.\n\n" + md_directive(**GOOD),
         (agreement("misplaced-agreement", "place the directive right after the document's "
                    "title", at="agreement"),),
         header=False),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "header", MALFORMED)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
@pytest.mark.parametrize("case", MALFORMED, ids=[case.name for case in MALFORMED])
def test_malformed_case(builds, case, syntax):
    check_case(builds(syntax), case, syntax)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_no_traceback_and_every_warning_located(builds, syntax):
    check_no_traceback_and_located(builds(syntax))


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_every_export_is_valid_and_keeps_its_page(builds, syntax):
    """The pages that stayed agreements have a valid export; bad options are null."""
    build = builds(syntax)
    check_exports(build, MALFORMED)
    no_title = json.loads((build.outdir / "no-title.agreement.json").read_text("utf-8"))
    assert no_title["title"] == "no-title"
    bad_date = json.loads((build.outdir / "bad-date-markup.agreement.json").read_text("utf-8"))
    assert bad_date["last_updated"] is None and bad_date["provider"] == "Example <b>Corp</b>"


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_the_build_fails_under_W_because_of_the_cases(builds, syntax):
    check_failed_under_W(builds(syntax), MALFORMED, syntax)
