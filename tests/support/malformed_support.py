"""What the malformed-input catalogues of both extensions share: the shape
of a case and of an expected warning, building all the cases of one syntax
at once as ``sphinx-build -W`` would, reading the warnings back as located
records, and checking one case's warnings and page.

A module of its own (not conftest), imported by name like ``sitebuild``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sitebuild  # noqa: F401 - puts _ext/ on sys.path, as the site's conf.py does
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from collections.abc import Callable

    import pytest

SYNTAXES = {"rst": ".rst", "md": ".md"}

ANSI = re.compile(r"\x1b\[[0-9;]*m")
RECORD_START = re.compile(
    r"^(?:(?P<path>/[^\n]*?):(?P<line>\d+): )?(?P<level>WARNING|ERROR|CRITICAL): ", re.M)
TAG = re.compile(r"\[(?P<tag>[\w.-]+)\]\s*$")
CRASH_SIGNS = ("Traceback", "Exception occurred", "Extension error", "RecursionError")


@dataclass(frozen=True)
class Expect:
    """One warning: its ``[type.subtype]`` tag, a piece of its message and its place.

    ``at`` is a text of the snippet whose (first) line is the warning's line;
    None means the snippet's first line (where the directive starts).  ``nth``
    picks a later line holding ``at`` (1 is the first).  ``file`` names
    another file than the case's page (a disclaimer file), and ``line`` the
    line in that file.  ``{file}``, ``{start}`` and ``{line}`` in
    ``fragment`` stand for the page's file name, the line of its snippet's
    first line and the warning's line.
    """

    tag: str
    fragment: str
    at: str | None = None
    nth: int = 1
    file: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Case:
    """One malformed snippet, in reST and in MyST, and what its page must give."""

    name: str
    rst: str
    md: str
    expect: tuple[Expect, ...]
    # Also expected per syntax when it differs (generic parser errors).
    expect_md: tuple[Expect, ...] | None = None
    absent: tuple[str, ...] = ()  # strings the page's HTML must not hold
    present: tuple[str, ...] = ()  # ... and strings it must hold

    def expects(self, syntax: str) -> tuple[Expect, ...]:
        return self.expect_md if (syntax == "md" and self.expect_md) else self.expect

    @property
    def sentinel(self) -> str:
        """The paragraph after the snippet: the page must go on to it."""
        return f"Sentinel of case {self.name}: the page goes on."


def catalogue_files(support_files: dict[str, str], cases: list[Case],
                    page_source: Callable[[Case, str], tuple[str, int]],
                    syntax: str) -> dict[str, str]:
    """The project of one syntax: the support files and a page per case."""
    return {**support_files, **{f"{case.name}{SYNTAXES[syntax]}": page_source(case, syntax)[0]
                                for case in cases}}


def expected_line(case: Case, syntax: str, expect: Expect, start: int) -> int:
    """The line of `expect`, for the page of `case` whose snippet starts at `start`."""
    if expect.file:
        assert expect.line is not None
        return expect.line
    if expect.at is None:
        return start
    snippet = case.rst if syntax == "rst" else case.md
    hits = [offset for offset, text in enumerate(snippet.splitlines()) if expect.at in text]
    assert len(hits) >= expect.nth, f"{expect.at!r} is not in the {syntax} snippet of {case.name}"
    return start + hits[expect.nth - 1]


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
    for match, after in zip(starts, [*starts[1:], None], strict=False):
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


def build_project(srcdir: Path, files: dict[str, str], warningiserror: bool = True) -> Build:
    """Write `files` (path -> text) under `srcdir` and build them, by
    default with `-W` (warnings are errors: Sphinx 9 finishes the build and
    fails at the end)."""
    for name, text in files.items():
        (srcdir / name).parent.mkdir(parents=True, exist_ok=True)
        (srcdir / name).write_text(text, encoding="utf-8")
    app = SphinxTestApp("html", srcdir=srcdir, freshenv=True, warningiserror=warningiserror)
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


def assert_case_warnings(build: Build, case: Case, syntax: str, page: str, start: int) -> None:
    """The warnings of the page of `case` (and of the other files its
    warnings name) are exactly the expected ones: no more (no knock-on
    noise), no fewer, each with its tag, place and message."""
    page_file = f"{case.name}{SYNTAXES[syntax]}"
    expects = case.expects(syntax)
    files = {str(build.srcdir / page_file)} | {
        str(build.srcdir / e.file) for e in expects if e.file}
    mine = [r for r in build.records if r.path in files]
    wanted = []
    for expect in expects:
        line = expected_line(case, syntax, expect, start)
        path = str(build.srcdir / (expect.file or page_file))
        fragment = expect.fragment.format(file=page_file, start=start, line=line)
        wanted.append((path, line, expect.tag, fragment))
    assert len(mine) == len(wanted), (page, [r.text for r in mine])
    unmatched = list(mine)
    for path, line, tag, fragment in wanted:
        hit = next((r for r in unmatched if r.path == path and r.line == line
                    and r.tag == tag and fragment in r.text), None)
        assert hit is not None, (path, line, tag, fragment, page, [r.text for r in mine])
        unmatched.remove(hit)


def assert_case_page(build: Build, case: Case) -> str:
    """The page of `case` was written on past the snippet, and its main
    part holds `present` and not `absent`; returns that part's HTML."""
    html = (build.outdir / f"{case.name}.html").read_text("utf-8")
    assert f"<p>{case.sentinel}</p>" in html
    main = BeautifulSoup(html, "html.parser").find(attrs={"role": "main"})
    assert main is not None, case.name
    body_html = str(main)
    for text in case.present:
        assert text in body_html, text
    for text in case.absent:
        assert text not in body_html, text
    return body_html
