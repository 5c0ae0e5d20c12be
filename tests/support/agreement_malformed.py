"""What the malformed-input cases of the `agreement` features share: the
shape of a case, the page that holds it, the project they are built in,
and the checks of one case and of one feature's build.

Each feature module (tests/agreement/test_header.py, test_terms.py ...)
holds its own cases, builds them once per syntax (a module-scoped fixture
from `catalogue_builds`) and checks each case and the whole build with the
functions below.

Most pages are agreements: the case's snippet follows a title and a valid
`agreement` directive.  Cases about the directive itself (``header=False``)
bring their own, and cases about pages that are not agreements have none.

A module of its own (not conftest), imported by name like ``sitebuild``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import malformed_support
from agreement_support import validate
from malformed_support import (
    SYNTAXES,
    Build,
    Expect,
    assert_case_page,
    assert_case_warnings,
    assert_no_traceback_and_every_warning_located,
    build_once_per_syntax,
    catalogue_files,
    failed_under_W_with,
)

from agreement.diagnostics import WARNING_SUBTYPES

if TYPE_CHECKING:
    from collections.abc import Callable

    import pytest

__all__ = ["GOOD", "SYNTAXES", "Case", "Expect", "agreement", "catalogue_builds", "check_case",
           "check_exports", "check_failed_under_W", "check_no_traceback_and_located",
           "md_directive", "page_source", "rst_directive", "rst_heading"]


@dataclass(frozen=True)
class Case(malformed_support.Case):
    header: bool = True  # the page gets a title's `agreement` directive before the snippet
    title: bool = True  # the page has a title


def agreement(subtype: str, fragment: str, at: str | None = None, nth: int = 1) -> Expect:
    assert subtype in WARNING_SUBTYPES, subtype
    return Expect(f"agreement.{subtype}", fragment, at, nth)


def rst_heading(title: str, char: str = "-") -> str:
    return f"{title}\n{char * len(title)}\n"


def rst_directive(**options: str) -> str:
    return ".. agreement::\n" + "".join(f"   :{k}: {v}".rstrip() + "\n" for k, v in options.items())


def md_directive(**options: str) -> str:
    return "```{agreement}\n" + "".join(f":{k}: {v}".rstrip() + "\n" for k, v in options.items()) \
        + "```\n"


GOOD = {"provider": "Example Corp.", "last-updated": "2025-07-15"}

CONF = """\
extensions = ["myst_parser", "agreement"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
show_warning_types = True
"""

SUPPORT_FILES = {
    "conf.py": CONF,
    "index.rst": "Malformed\n=========\n\n.. toctree::\n   :glob:\n\n   *\n",
}


def page_source(case: Case, syntax: str) -> tuple[str, int]:
    """The page of *case* and the file line of its snippet's first line."""
    title = f"Case {case.name}"
    head = ""
    if syntax == "rst":
        if case.title:
            head = rst_heading(title, "=") + "\n"
        if case.header:
            head += rst_directive(**GOOD) + "\n"
        snippet = case.rst
    else:
        if case.title:
            head = f"# {title}\n\n"
        if case.header:
            head += md_directive(**GOOD) + "\n"
        snippet = case.md
    return f"{head}{snippet}\n{case.sentinel}\n", head.count("\n") + 1


def catalogue_builds(tmp_path_factory: pytest.TempPathFactory, feature: str,
                     cases: list[Case]) -> Callable[[str], Build]:
    """The build of one syntax of a feature's cases (all its pages at once,
    as ``sphinx-build -W`` would), made on first use and then shared."""
    assert cases and len({case.name for case in cases}) == len(cases), feature
    return build_once_per_syntax(tmp_path_factory, f"agreement-{feature}-malformed",
                                 partial(catalogue_files, SUPPORT_FILES, cases, page_source))


def check_case(build: Build, case: Case, syntax: str) -> str:
    """The page of `case` warns exactly as expected and is written on past
    its snippet; returns the main part of its HTML."""
    page, start = page_source(case, syntax)
    assert_case_warnings(build, case, syntax, page, start)
    return assert_case_page(build, case)


def check_no_traceback_and_located(build: Build) -> None:
    assert_no_traceback_and_every_warning_located(build, "agreement", WARNING_SUBTYPES)


def check_exports(build: Build, cases: list[Case]) -> None:
    """The pages that stayed agreements have a valid export: every page
    whose snippet follows a valid `agreement` directive, at least."""
    exports = sorted(build.outdir.glob("*.agreement.json"))
    assert len(exports) >= len([c for c in cases if c.header]) - 1
    exported = {path.name.removesuffix(".agreement.json") for path in exports}
    assert {case.name for case in cases if case.header} <= exported
    for path in exports:
        data = json.loads(path.read_text("utf-8"))
        validate(data)


def check_failed_under_W(build: Build, cases: list[Case], syntax: str) -> None:
    # Every warning counted towards the failure is one of the cases' records.
    assert failed_under_W_with(build) == len(build.records)
    places = {Path(r.path).name for r in build.records}
    for case in cases:
        assert f"{case.name}{SYNTAXES[syntax]}" in places, case.name
