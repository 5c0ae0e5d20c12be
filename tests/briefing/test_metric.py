"""The `metric` directive: a key figure with its label and its source, a
footnote numbered with the page's own ``footcite`` notes.

On the roots ``test-briefing-all-features``, ``test-briefing-warnings`` and
``test-briefing-malformed``.

Its malformed input is also tested as cases (``MALFORMED``), each a page
of a project generated and built once per syntax (see briefing_malformed.py).
"""

from __future__ import annotations

import pytest
from briefing_malformed import SYNTAXES as MALFORMED_SYNTAXES
from briefing_malformed import (
    Case,
    Expect,
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
def test_metric_source_is_the_footcite_footnote(app, page):
    app.build()
    html = soup(app, page)
    metrics = html.find_all("div", class_="metric")
    figures = [m.find(class_="metric-value").get_text() for m in metrics]
    assert figures[1:] == ["16×", "¥300 billion"]
    label = metrics[1].find(class_="metric-label")
    assert label.get_text().startswith("faster")
    refs = label.find_all("a", class_="footnote-reference")
    # Two keys -> two notes, numbered like the page's own footcite notes.
    assert [a["href"] for a in refs] == ["#footcite-deck2023", "#footcite-survey2024"]
    assert [a.get_text() for a in refs] == ["[1]", "[2]"]
    intro_ref = html.select_one("section > p a.footnote-reference")
    assert intro_ref["href"] == "#footcite-deck2023" and intro_ref.get_text() == "[1]"
    # One footnote per key on the page, shared by the text and the metrics.
    notes = html.select("aside.footnote")
    assert [n["id"] for n in notes] == ["footcite-deck2023", "footcite-survey2024"]
    assert "Innovation day 2023 presentation" in notes[0].get_text()


@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_source_notes_placed_without_footbibliography(app):
    app.build()
    html = soup(app, "nofoot")
    ref = html.select_one("div.metric a.footnote-reference")
    assert ref["href"] == "#footcite-survey2024" and ref.get_text() == "[1]"
    note = html.find("aside", id="footcite-survey2024")
    assert note is not None and "A survey of gates" in note.get_text()


# -- warnings (root test-briefing-warnings) ----------------------------------------------------

#: This feature's warnings in the root: (line, subtype, a piece of the message) per file.
IN_WARNINGS_ROOT = {
    "bad_rst.rst": [
        (14, "unsourced-metric", "'5'"),
    ],
    "bad_md.md": [
        (11, "unsourced-metric", "'5'"),
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
    ("missing-option", "figure argument is missing"),
    ("missing-option", "required `label` option"),
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
    Case("metric-unsourced",
         ".. metric:: 5\n   :label: unsourced figure\n",
         "```{metric} 5\n:label: unsourced figure\n```\n",
         (briefing("unsourced-metric", "metric '5' has no `source` option and no citation"),)),
    Case("metric-no-argument",
         ".. metric::\n   :label: no figure\n   :source: deck2023\n",
         "```{metric}\n:label: no figure\n:source: deck2023\n```\n",
         (briefing("missing-option", "metric: the figure argument is missing"),)),
    Case("metric-no-label",
         ".. metric:: 16×\n   :source: deck2023\n",
         "```{metric} 16×\n:source: deck2023\n```\n",
         (briefing("missing-option", "metric: the required `label` option is missing"),),
         present=("16×",)),
    Case("unknown-option",
         ".. metric:: 4\n   :label: four\n   :source: deck2023\n   :bogus: option\n",
         "```{metric} 4\n:label: four\n:source: deck2023\n:bogus: option\n```\n",
         (Expect("docutils", 'unknown option: "bogus"'),),
         expect_md=(Expect("myst.directive_option", "Unknown option key: 'bogus'",
                           at=":bogus:"),)),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "metric", MALFORMED)


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
