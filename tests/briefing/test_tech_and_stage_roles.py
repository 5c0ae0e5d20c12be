"""The `tech` and `stage` roles: a link to a technology card (its title, or
the author's text) and an inline stage badge.

On the roots ``test-briefing-all-features`` and ``test-briefing-warnings``.

Its malformed input is also tested as cases (``MALFORMED``), each a page
of a project generated and built once per syntax (see briefing_malformed.py).
"""

from __future__ import annotations

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
    BRIEFING_WARNINGS,
    BRIEFING_WARNINGS_SHARED,
    PAGES,
    soup,
    warnings_of,
)


@ALL_FEATURES
@ALL_FEATURES_SHARED
@pytest.mark.parametrize("page", PAGES)
def test_tech_and_stage_roles(app, page):
    app.build()
    html = soup(app, page)
    links = {a.get_text(): a["href"] for a in html.select("a.reference.internal")
             if a.find(class_="tech")}
    here = "" if page == "rst_page" else "rst_page.html"
    assert links["Gateless access"] == f"{here}#technology-rst-gateless"
    there = "" if page == "md_page" else "md_page.html"
    assert links["Language model"] == f"{there}#technology-md-llm"
    badge = [s for s in html.select("p span.stage") if s.get_text() == "Beta"]
    assert badge and badge[0]["class"] == ["stage", "stage-beta"]
    # An explicit title keeps its text; an unlisted card is still a target.
    assert links["the gate"] == f"{here}#technology-rst-gateless"
    hidden = {"rst_page": "rst-hidden", "md_page": "md-hidden"}[page]
    title = {"rst_page": "Hidden rst demo", "md_page": "Hidden md demo"}[page]
    assert links[title] == f"#technology-{hidden}"
    assert html.find("div", id=f"technology-{hidden}") is not None


# -- warnings (root test-briefing-warnings) ----------------------------------------------------

#: This feature's warnings in the root: (line, subtype, a piece of the message) per file.
IN_WARNINGS_ROOT = {
    "bad_rst.rst": [
        (12, "unknown-stage", "later"),
        (12, "unknown-tech", "no-such-tech"),
    ],
    "bad_md.md": [
        (9, "unknown-stage", "later"),
        (9, "unknown-tech", "no-such-tech"),
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


@BRIEFING_WARNINGS
@BRIEFING_WARNINGS_SHARED
@pytest.mark.parametrize("page", ["bad_rst", "bad_md"])
def test_an_unknown_stage_stays_readable_as_text(app, page):
    app.build()
    html = soup(app, page)
    # An unknown stage stays readable as text, without a badge.
    assert not html.select("span.stage")
    assert "later" in html.get_text()


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; briefing_malformed builds and checks them.
MALFORMED: list[Case] = [
    Case("stage-role-unknown",
         "Intro line.\nShipping is :stage:`later` for now.\n",
         "Intro line.\nShipping is {stage}`later` for now.\n",
         # docutils and MyST place inline markup at its paragraph's first line.
         (briefing("unknown-stage", "unknown stage 'later'", at="Intro line."),),
         present=("later",)),
    Case("stage-role-empty",
         "The stage :stage:`\\ ` is empty.\n",
         "The stage {stage}` ` is empty.\n",
         (briefing("unknown-stage", "unknown stage ''"),)),
    Case("tech-unknown",
         "See :tech:`no-such-tech` here.\n",
         "See {tech}`no-such-tech` here.\n",
         (briefing("unknown-tech", "unknown technology 'no-such-tech'"),),
         present=("no-such-tech",)),
    Case("tech-empty",
         "See :tech:`\\ ` and :tech:`a card <>` here.\n",
         "See {tech}` ` and {tech}`a card <>` here.\n",
         (briefing("unknown-tech", "unknown technology ''"),
          briefing("unknown-tech", "unknown technology ''"))),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "tech-and-stage-roles", MALFORMED)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
@pytest.mark.parametrize("case", MALFORMED, ids=[case.name for case in MALFORMED])
def test_malformed_case(builds, case, syntax):
    check_case(builds(syntax), case, syntax)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_no_traceback_and_every_warning_located(builds, syntax):
    check_no_traceback_and_located(builds(syntax))


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_the_build_fails_under_W_because_of_the_cases(builds, syntax):
    check_failed_under_W(builds(syntax), MALFORMED, syntax)
