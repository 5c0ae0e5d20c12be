"""The `conspicuous` directive: bold text set apart, in the author's case.

On the root ``test-agreement-all-features`` (one agreement in each syntax
that uses every feature).
Also its malformed input as cases (``MALFORMED``), each a page of a
project generated and built once per syntax (see agreement_malformed.py).
"""

from __future__ import annotations

import re

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
from agreement_support import ALL_FEATURES, ALL_FEATURES_SHARED, SYNTAXES, body, built


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_conspicuous_block(app, syntax):
    outdir = built(app)
    blocks = body(outdir, f"terms-{syntax}").select("div.conspicuous")
    assert len(blocks) == 1
    assert str(blocks[0]).startswith('<div class="conspicuous">')
    text = blocks[0].get_text(" ", strip=True)
    # The author's letter case is kept.
    assert text.startswith("The Services are provided as is, without any warranty.")
    css = (outdir / "_static" / "agreement.css").read_text(encoding="utf-8")
    rule = re.search(r"\.conspicuous\s*\{([^}]*)\}", css).group(1)
    assert "font-weight: bold" in rule
    assert "uppercase" not in css


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; agreement_malformed builds and checks them.
MALFORMED: list[Case] = [
    Case("conspicuous-empty",
         ".. conspicuous::\n",
         "```{conspicuous}\n```\n",
         (Expect("docutils", 'Content block expected for the "conspicuous" directive'),),
         absent=('class="conspicuous"',)),
    Case("conspicuous-outside-clause",
         ".. conspicuous::\n\n   Warning text; see :clause:`coc-nowhere`.\n",
         ":::{conspicuous}\nWarning text; see {clause}`coc-nowhere`.\n:::\n",
         (agreement("unknown-clause", "'coc-nowhere' is not the label", at="Warning"),),
         present=('class="conspicuous"', "Warning text")),
    Case("conspicuous-unknown-option",
         ".. conspicuous::\n   :caps: yes\n\n   Loud text.\n",
         ":::{conspicuous}\n:caps: yes\n\nLoud text.\n:::\n",
         (Expect("docutils", 'Error in "conspicuous" directive:\nunknown option: "caps"'),),
         expect_md=(Expect("myst.directive_option", "Unknown option key: 'caps'",
                           at=":caps:"),)),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "conspicuous", MALFORMED)


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
