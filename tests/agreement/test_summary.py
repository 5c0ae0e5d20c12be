"""The `summary` directive: an "In short" box in the clause it summarises.

On the root ``test-agreement-all-features`` (one agreement in each syntax
that uses every feature).
Also its malformed input as cases (``MALFORMED``), each a page of a
project generated and built once per syntax (see agreement_malformed.py).
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
    rst_heading,
)
from agreement_support import (
    ALL_FEATURES,
    ALL_FEATURES_SHARED,
    SYNTAXES,
    body,
    built,
    section_by_label,
)


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_summary_box(app, syntax):
    outdir = built(app)
    page = body(outdir, f"terms-{syntax}")
    boxes = page.select("aside.clause-summary")
    assert len(boxes) == 1
    text = boxes[0].get_text(" ", strip=True)
    assert text.startswith("In short")
    assert "not part of the legal text" in text
    assert "You may use the Services to build Customer Applications." in text
    # It sits in the clause it summarises.
    assert boxes[0].find_parent("section") is section_by_label(page, syntax, "access")


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; agreement_malformed builds and checks them.
MALFORMED: list[Case] = [
    Case("summary-empty",
         ".. _se-one:\n\n" + rst_heading("One") + "\n.. summary::\n",
         "(se-one)=\n## One\n\n:::{summary}\n:::\n",
         (Expect("docutils", 'Content block expected for the "summary" directive',
                 at="summary"),),
         absent=('class="clause-summary"',)),
    Case("summary-outside-agreement",
         ".. summary::\n\n   In short (the :define:`Summary Term`) here.\n",
         ":::{summary}\nIn short (the {define}`Summary Term`) here.\n:::\n",
         (agreement("outside-agreement", "define 'Summary Term'", at="In short"),),
         present=('class="clause-summary"',), header=False),
    # Text on the directive's line is its first line of content (as for
    # docutils' admonitions), and is checked like the rest.
    Case("summary-on-the-directive-line",
         ".. _sdl-one:\n\n" + rst_heading("One") + "\n.. summary:: In short, Section 3 says so.\n",
         "(sdl-one)=\n## One\n\n:::{summary} In short, Section 3 says so.\n:::\n",
         (agreement("unmarked-reference", "'Section 3' is typed by hand", at="summary"),),
         present=('class="clause-summary"', "In short, Section 3 says so.")),
    Case("summary-unknown-option",
         ".. summary::\n   :title: Briefly\n\n   Short text.\n",
         ":::{summary}\n:title: Briefly\n\nShort text.\n:::\n",
         (Expect("docutils", 'Error in "summary" directive:\nunknown option: "title"'),),
         expect_md=(Expect("myst.directive_option", "Unknown option key: 'title'",
                           at=":title:"),)),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "summary", MALFORMED)


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
