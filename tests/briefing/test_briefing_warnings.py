"""The checks of the `briefing` extension as a whole: a root without a
mistake builds without a warning (``test-briefing-all-features``); the
warnings of ``test-briefing-warnings`` are all of declared subtypes, and
``suppress_warnings`` silences each; malformed input
(``test-briefing-malformed``) never crashes a build and every warning has a
file and a line. What each directive or role warns is tested with its
feature (test_technology.py, test_ranking.py ...); so are the cases of the
malformed-input catalogue (``MALFORMED`` of each feature module), whose
number and names are checked here.
"""

from __future__ import annotations

import re

import pytest
from briefing_support import (
    ALL_FEATURES,
    ALL_FEATURES_SHARED,
    ANSI,
    BRIEFING_MALFORMED,
    BRIEFING_MALFORMED_SHARED,
    BRIEFING_WARNINGS,
    BRIEFING_WARNINGS_SHARED,
    warning_text,
    warnings_of,
)
from test_disclaimer import MALFORMED as DISCLAIMER_CASES
from test_metric import MALFORMED as METRIC_CASES
from test_ranking import MALFORMED as RANKING_CASES
from test_tech_and_stage_roles import MALFORMED as ROLES_CASES
from test_technologies import MALFORMED as TECHNOLOGIES_CASES
from test_technology import MALFORMED as TECHNOLOGY_CASES
from test_timeline import MALFORMED as TIMELINE_CASES

from briefing.diagnostics import SUBTYPES

#: The malformed-input cases of every feature module.
CASES = [*TECHNOLOGY_CASES, *ROLES_CASES, *TECHNOLOGIES_CASES, *METRIC_CASES, *RANKING_CASES,
         *TIMELINE_CASES, *DISCLAIMER_CASES]


@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_feature_root_builds_without_warnings(app):
    app.build()
    assert app.warning.getvalue().strip() == ""
    assert "Traceback" not in app.status.getvalue()
    # The log is that of the root's build, also when an earlier module built it.
    assert "build succeeded" in ANSI.sub("", app.status.getvalue())


@BRIEFING_WARNINGS
@BRIEFING_WARNINGS_SHARED
def test_every_warning_is_a_declared_briefing_subtype(app):
    app.build()
    subtypes = re.findall(r"\[briefing\.([a-z-]+)\]", warning_text(app))
    assert set(subtypes) <= set(SUBTYPES)
    named = {"unknown-area", "unknown-stage", "duplicate-id", "unknown-tech",
             "unsourced-metric", "bad-row", "bad-date", "unknown-disclaimer"}
    assert named == set(subtypes)


@pytest.mark.sphinx(
    "html", testroot="briefing-warnings", srcdir="briefing-warnings-without-any",
    confoverrides={"suppress_warnings": [f"briefing.{s}" for s in (
        "unknown-area", "unknown-stage", "duplicate-id", "unknown-tech",
        "unsourced-metric", "bad-row", "bad-date", "unknown-disclaimer")]},
    freshenv=True,
)
def test_suppress_warnings_silences_each_subtype(app):
    app.build()
    assert "[briefing." not in warning_text(app)


@pytest.mark.sphinx(
    "html", testroot="briefing-warnings", srcdir="briefing-warnings-without-bad-row",
    confoverrides={"suppress_warnings": ["briefing.bad-row"]}, freshenv=True,
)
def test_suppress_warnings_is_per_subtype(app):
    app.build()
    text = warning_text(app)
    assert "[briefing.bad-row]" not in text
    assert "[briefing.bad-date]" in text


@BRIEFING_MALFORMED
@BRIEFING_MALFORMED_SHARED
@pytest.mark.parametrize("source", ["mal_rst.rst", "mal_md.md"])
def test_malformed_input_warns_and_never_crashes(app, source):
    app.build()
    text = warning_text(app)
    assert "Traceback" not in text and "Exception" not in text
    lines = [w for w in warnings_of(app) if source in w]
    # (What each directive warns is tested with its feature: test_malformed_input_warns.)
    assert lines
    # Every warning has a file and a line.
    for w in lines:
        assert re.search(rf"{re.escape(source)}:\d+: (WARNING|ERROR)", w), w


# -- the malformed-input cases of all the features ------------------------------------------

def test_catalogue_is_large_and_names_are_unique():
    assert len(CASES) >= 22
    assert len({case.name for case in CASES}) == len(CASES)
