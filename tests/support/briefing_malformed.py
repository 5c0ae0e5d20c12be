"""What the malformed-input cases of the `briefing` features share: the
expected warnings, the pages that hold the cases, the project they are
built in (its vocabulary, bibliography, CSV and disclaimer files), and the
checks of one case and of one feature's build.

Each feature module (tests/briefing/test_ranking.py, test_timeline.py ...)
holds its own cases, builds them once per syntax (a module-scoped fixture
from `catalogue_builds`) and checks each case and the whole build with the
functions below.

A module of its own (not conftest), imported by name like ``sitebuild``."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from malformed_support import (
    SYNTAXES,
    Build,
    Case,
    Expect,
    assert_case_page,
    assert_case_warnings,
    assert_no_traceback_and_every_warning_located,
    build_once_per_syntax,
    catalogue_files,
    failed_under_W_with,
)

from briefing.diagnostics import SUBTYPES

if TYPE_CHECKING:
    from collections.abc import Callable

    import pytest

__all__ = ["SYNTAXES", "Case", "Expect", "briefing", "catalogue_builds", "check_case",
           "check_failed_under_W", "check_no_traceback_and_located", "page_source"]


def briefing(subtype: str, fragment: str, at: str | None = None, **kw) -> Expect:
    assert subtype in SUBTYPES, subtype
    return Expect(f"briefing.{subtype}", fragment, at, **kw)


CONF = """\
extensions = ["myst_parser", "sphinxcontrib.bibtex", "briefing"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "disclaimers"]
bibtex_bibfiles = ["refs.bib"]
show_warning_types = True
briefing_areas = {"biometrics": "Biometric authentication", "llm": "Large language models"}
briefing_stages = {"product": "Product", "rnd": "R&D"}
briefing_disclaimers = {"forward-looking": "disclaimers/forward.rst",
                        "gone": "disclaimers/missing.rst",
                        "loop": "disclaimers/loop.rst"}
"""

SUPPORT_FILES = {
    "conf.py": CONF,
    "index.rst": "Malformed\n=========\n\n.. toctree::\n   :glob:\n\n   *\n",
    "refs.bib": "@misc{deck2023,\n  author = {Example Corp},\n  title = {Deck},\n"
                "  year = {2023},\n}\n",
    "good.csv": "Name,Score\nFromFile,1\n",
    "rows.csv": "Name,Score\nGood,1\nBroken,n/a\n",
    "broken.csv": 'Name,Score\n"unterminated,1\n',
    "disclaimers/forward.rst": "Forecasts may change.\n",
    "disclaimers/loop.rst": "Looping text.\n\n.. disclaimer:: loop\n",
}


def page_source(case: Case, syntax: str) -> tuple[str, int]:
    """The page of *case* and the file line of its snippet's first line."""
    title = f"Case {case.name}"
    if syntax == "rst":
        head = f"{title}\n{'=' * len(title)}\n\n"
        snippet = case.rst
    else:
        head = f"# {title}\n\n"
        snippet = case.md
    return f"{head}{snippet}\n{case.sentinel}\n", head.count("\n") + 1


def catalogue_builds(tmp_path_factory: pytest.TempPathFactory, feature: str,
                     cases: list[Case]) -> Callable[[str], Build]:
    """The build of one syntax of a feature's cases (all its pages at once,
    as ``sphinx-build -W`` would), made on first use and then shared."""
    assert cases and len({case.name for case in cases}) == len(cases), feature
    return build_once_per_syntax(tmp_path_factory, f"briefing-{feature}-malformed",
                                 partial(catalogue_files, SUPPORT_FILES, cases, page_source))


def check_case(build: Build, case: Case, syntax: str) -> str:
    """The page of `case` warns exactly as expected and is written on past
    its snippet; returns the main part of its HTML."""
    page, start = page_source(case, syntax)
    assert_case_warnings(build, case, syntax, page, start)
    return assert_case_page(build, case)


def check_no_traceback_and_located(build: Build) -> None:
    assert_no_traceback_and_every_warning_located(build, "briefing", SUBTYPES)


def check_failed_under_W(build: Build, cases: list[Case], syntax: str) -> None:
    # Every warning counted towards the failure is one of the cases' records.
    assert failed_under_W_with(build) == len(build.records)
    places = {Path(r.path).relative_to(build.srcdir).as_posix() for r in build.records}
    for case in cases:
        files = {e.file or f"{case.name}{SYNTAXES[syntax]}" for e in case.expect}
        assert files & places, case.name
