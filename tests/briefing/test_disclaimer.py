"""The `disclaimer` directive: shared text from a file, read in the file's
own syntax, and pages rebuilt when the file changes.

On the roots ``test-briefing-all-features``, ``test-briefing-warnings`` and
``test-briefing-malformed``.

Its malformed input is also tested as cases (``MALFORMED``), each a page
of a project generated and built once per syntax (see briefing_malformed.py).
"""

from __future__ import annotations

import shutil

import pytest
from briefing_malformed import SYNTAXES as MALFORMED_SYNTAXES
from briefing_malformed import (
    Case,
    briefing,
    catalogue_builds,
    check_case,
    check_failed_under_W,
    check_no_traceback_and_located,
)
from briefing_support import (
    ALL_FEATURES,
    ALL_FEATURES_SHARED,
    BRIEFING_MALFORMED,
    BRIEFING_MALFORMED_SHARED,
    BRIEFING_WARNINGS,
    BRIEFING_WARNINGS_SHARED,
    PAGES,
    soup,
    warnings_of,
)


@ALL_FEATURES
@ALL_FEATURES_SHARED
@pytest.mark.parametrize("page", PAGES)
def test_disclaimers_parsed_with_their_own_syntax(app, page):
    app.build()
    html = soup(app, page)
    boxes = html.find_all("div", class_="disclaimer")
    assert len(boxes) == 2
    assert boxes[0].find("strong").get_text() == "forecasts"  # reST file
    assert boxes[1].find("em").get_text() == "may change"  # MyST file
    # The page depends on the files, so editing them rebuilds it.
    deps = app.env.dependencies[page]
    assert any(str(d).endswith("short.rst") for d in deps)
    assert any(str(d).endswith("long.md") for d in deps)


def test_editing_a_disclaimer_file_rebuilds_its_pages(make_app, rootdir, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-briefing-all-features", srcdir)
    make_app("html", srcdir=srcdir).build()
    (srcdir / "disclaimers" / "short.rst").write_text("Figures are **estimates** now.\n")
    (srcdir / "disclaimers" / "long.md").write_text("Plans *will* change.\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    for page in PAGES:
        boxes = soup(app, page).find_all("div", class_="disclaimer")
        assert boxes[0].find("strong").get_text() == "estimates"
        assert boxes[1].find("em").get_text() == "will"


# -- warnings (root test-briefing-warnings) ----------------------------------------------------

#: This feature's warnings in the root: (line, subtype, a piece of the message) per file.
IN_WARNINGS_ROOT = {
    "bad_rst.rst": [
        (32, "unknown-disclaimer", "nonexistent"),
        (34, "unknown-disclaimer", "missing-file.rst"),
    ],
    "bad_md.md": [
        (31, "unknown-disclaimer", "nonexistent"),
        (34, "unknown-disclaimer", "missing-file.rst"),
    ],
}


@BRIEFING_WARNINGS
@BRIEFING_WARNINGS_SHARED
@pytest.mark.parametrize("source", sorted(IN_WARNINGS_ROOT))
def test_each_check_warns_with_subtype_file_and_line(app, source):
    app.build()
    lines = warnings_of(app)
    for line, subtype, text in IN_WARNINGS_ROOT[source]:
        hits = [w for w in lines if f"{source}:{line}: WARNING:" in w
                and w.endswith(f"[briefing.{subtype}]") and text in w]
        assert hits, (source, line, subtype, "\n".join(lines))


# -- malformed input (root test-briefing-malformed) -----------------------------------------

#: This feature's warnings in the root, in each syntax: (subtype, a piece of the message).
IN_MALFORMED_ROOT = [
    ("missing-option", "disclaimer: the key argument is missing"),
]


@BRIEFING_MALFORMED
@BRIEFING_MALFORMED_SHARED
@pytest.mark.parametrize("source", ["mal_rst.rst", "mal_md.md"])
def test_malformed_input_warns(app, source):
    app.build()
    lines = [w for w in warnings_of(app) if source in w]
    for subtype, fragment in IN_MALFORMED_ROOT:
        assert any(fragment in w and w.endswith(f"[briefing.{subtype}]") for w in lines), (
            subtype, fragment, "\n".join(lines))


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; briefing_malformed builds and checks them.
MALFORMED: list[Case] = [
    Case("disclaimer-unknown-key",
         ".. disclaimer:: nonexistent\n",
         "```{disclaimer} nonexistent\n```\n",
         (briefing("unknown-disclaimer", "unknown disclaimer 'nonexistent'; keys of "
                   "briefing_disclaimers: forward-looking, gone, loop"),)),
    Case("disclaimer-missing-file",
         ".. disclaimer:: gone\n",
         "```{disclaimer} gone\n```\n",
         (briefing("unknown-disclaimer", "disclaimer 'gone': cannot read "
                   "'disclaimers/missing.rst'"),)),
    Case("disclaimer-no-key",
         ".. disclaimer::\n",
         "```{disclaimer}\n```\n",
         (briefing("missing-option", "disclaimer: the key argument is missing"),)),
    Case("disclaimer-shows-itself",
         ".. disclaimer:: loop\n",
         "```{disclaimer} loop\n```\n",
         (briefing("unknown-disclaimer", "disclaimer 'loop' is shown inside its own text "
                   "(loop -> loop)", file="disclaimers/loop.rst", line=3),),
         present=("Looping text.",)),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "disclaimer", MALFORMED)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
@pytest.mark.parametrize("case", MALFORMED, ids=[case.name for case in MALFORMED])
def test_malformed_case(builds, case, syntax):
    body_html = check_case(builds(syntax), case, syntax)
    if case.name == "disclaimer-shows-itself":
        assert body_html.count("Looping text.") == 1


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_no_traceback_and_every_warning_located(builds, syntax):
    check_no_traceback_and_located(builds(syntax))


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_the_build_fails_under_W_because_of_the_cases(builds, syntax):
    check_failed_under_W(builds(syntax), MALFORMED, syntax)
