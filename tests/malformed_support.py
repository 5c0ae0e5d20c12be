"""What the malformed-input catalogues of both extensions share: building
all the cases of one syntax at once as ``sphinx-build -W`` would, and
reading the warnings back as located records.

A module of its own (not conftest), imported by name like ``sitebuild``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

import sitebuild  # noqa: F401 - puts _ext/ on sys.path, as the site's conf.py does

SYNTAXES = {"rst": ".rst", "md": ".md"}

ANSI = re.compile(r"\x1b\[[0-9;]*m")
RECORD_START = re.compile(
    r"^(?:(?P<path>/[^\n]*?):(?P<line>\d+): )?(?P<level>WARNING|ERROR|CRITICAL): ", re.M)
TAG = re.compile(r"\[(?P<tag>[\w.-]+)\]\s*$")
CRASH_SIGNS = ("Traceback", "Exception occurred", "Extension error", "RecursionError")


@dataclass
class Record:
    path: str | None
    line: int | None
    text: str

    @property
    def tag(self) -> str | None:
        match = TAG.search(self.text)
        return match["tag"] if match else None


def records_of(warnings: str) -> list[Record]:
    text = ANSI.sub("", warnings)
    starts = list(RECORD_START.finditer(text))
    records = []
    for match, after in zip(starts, [*starts[1:], None]):
        body = text[match.start():after.start() if after else len(text)].rstrip()
        records.append(Record(match["path"], int(match["line"]) if match["line"] else None,
                              body))
    return records


@dataclass
class Build:
    srcdir: Path
    outdir: Path
    status: str
    warnings: str
    statuscode: int
    records: list[Record]


def build_project(srcdir: Path, files: dict[str, str]) -> Build:
    """Write `files` (path -> text) under `srcdir` and build them."""
    for name, text in files.items():
        (srcdir / name).parent.mkdir(parents=True, exist_ok=True)
        (srcdir / name).write_text(text, encoding="utf-8")
    # `-W`: warnings are errors; Sphinx 9 finishes the build and fails at the end.
    app = SphinxTestApp("html", srcdir=srcdir, freshenv=True, warningiserror=True)
    try:
        app.build()
        warnings = app.warning.getvalue()
        return Build(srcdir, Path(app.outdir), app.status.getvalue(), warnings,
                     app.statuscode, records_of(warnings))
    finally:
        app.cleanup()


def build_once_per_syntax(tmp_path_factory: pytest.TempPathFactory, prefix: str,
                          files_of: Callable[[str], dict[str, str]]) -> Callable[[str], Build]:
    """A getter of the build of one syntax, made on first use and then shared."""
    done: dict[str, Build | BaseException] = {}

    def get(syntax: str) -> Build:
        if syntax not in done:
            try:
                done[syntax] = build_project(
                    tmp_path_factory.mktemp(f"{prefix}-{syntax}"), files_of(syntax))
            except Exception as error:  # a crash fails every test, but is built once
                done[syntax] = error
        result = done[syntax]
        if isinstance(result, BaseException):
            raise AssertionError(f"the {syntax} build crashed: {result!r}") from result
        return result

    return get


def assert_no_traceback_and_every_warning_located(build: Build, warning_type: str,
                                                  subtypes) -> None:
    everything = build.status + build.warnings
    for sign in CRASH_SIGNS:
        assert sign not in everything, sign
    assert build.records
    for record in build.records:
        # File and line on every warning, and a type on every one.
        assert record.path and record.line, record.text
        assert record.tag, record.text
        if record.tag.startswith(warning_type):
            assert record.tag.split(".", 1)[1] in subtypes, record.text


def failed_under_W_with(build: Build) -> int:
    """How many warnings the -W build says it failed with (asserting it failed)."""
    assert build.statuscode == 1
    match = re.search(r"build finished with problems, (\d+) warnings? "
                      r"\(with warnings treated as errors\)", ANSI.sub("", build.status))
    assert match, build.status[-500:]
    return int(match[1])
