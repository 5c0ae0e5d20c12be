"""The plain-language critique: its six checks, the `agreement-report`
directive and the ``reading`` figures of the JSON export.

On the root ``test-agreement-critique``: one agreement in each syntax
(``critique-rst``, ``critique-md``) with a clause per check that fires on
its case, and its near misses beside it (a defined term in capitals, code in
capitals, "30 days" alone, "herein" in code and in a quotation in a literal
block); a page per syntax that shows the agreement's report from outside
(``report-*``); and pages that misuse the directive (``outside-*``).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import textstat
from agreement_support import (
    SUFFIX,
    SYNTAXES,
    all_clauses,
    body,
    built,
    export,
    line_of,
    line_of_occurrence,
    validate,
    warnings,
)
from sitebuild import REPO
from sphinx.testing.util import SphinxTestApp

from agreement.critique import ARCHAIC_WORDS, CRITIQUE_CHECKS
from agreement.reading import grade_of

CRITIQUE = pytest.mark.sphinx("html", testroot="agreement-critique")
CRITIQUE_SHARED = pytest.mark.test_params(shared_result="agreement-critique")

#: (subtype, text on the line of the warning, which line holding it): every
#: warning of each agreement of the root, and no other.
EXPECTED = [
    ("hard-to-read", "Notwithstanding anything contrary", 1),
    ("long-sentence", "You must keep your key safe", 1),
    ("archaic-word", "The fees herein are due.", 1),
    ("archaic-word", "The fees herein are due.", 1),  # and "Thenceforth", from conf.py
    ("number-doublet", "Pay within thirty (30) days.", 1),
    ("all-caps", "Read this. THE SERVICES ARE PROVIDED AS IS.", 1),
    ("missing-summary", "You may use the app. You may use the app. You may use the app.", 1),
]


#: The critique's warnings in the root ``test-agreement-warnings`` (its
#: ``critique-*`` pages; see test_agreement_warnings): (document, text on the
#: line, occurrence, subtype). ``unknown-check`` is warned at its conf.py.
IN_WARNINGS_ROOT = [
    ("critique", "Notwithstanding contrary", 1, "hard-to-read"),
    ("critique", "The fees herein are due", 1, "archaic-word"),
    ("critique", "The fees herein are due", 1, "number-doublet"),
    ("critique", "The fees herein are due", 1, "all-caps"),
    ("critique", "You may use the app. You must keep", 1, "long-sentence"),
    ("critique", "You may use the app. You must keep", 1, "missing-summary"),
    ("critique", "agreement-report", 1, "unknown-agreement"),
]


def _source(app, name: str, syntax: str) -> Path:
    return Path(app.srcdir, f"{name}-{syntax}{SUFFIX[syntax]}")


def _critique_warnings(app, syntax: str) -> list[tuple[str, int, str]]:
    return sorted((w["type"].removeprefix("agreement."), int(w["line"]), w["message"])
                  for w in warnings(app.warning.getvalue())
                  if Path(w["path"]).name == f"critique-{syntax}{SUFFIX[syntax]}")


def _report_rows(page) -> list[list[str]]:
    table = page.select_one("table.agreement-report")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")]
            for row in table.select("tbody tr")]


@pytest.mark.parametrize("syntax", SYNTAXES)
@CRITIQUE
@CRITIQUE_SHARED
def test_each_check_fires_on_its_case_at_its_line_and_not_on_near_misses(app, syntax):
    built(app)
    path = _source(app, "critique", syntax)
    expected = sorted((subtype, line_of_occurrence(path, needle, occurrence))
                      for subtype, needle, occurrence in EXPECTED)
    found = [(subtype, line) for subtype, line, _ in _critique_warnings(app, syntax)]
    assert found == expected
    assert {subtype for subtype, _ in found} == set(CRITIQUE_CHECKS)


@pytest.mark.parametrize("syntax", SYNTAXES)
@CRITIQUE
@CRITIQUE_SHARED
def test_each_warning_says_what_to_do_instead(app, syntax):
    built(app)
    messages = {subtype: [] for subtype in CRITIQUE_CHECKS}
    for subtype, _, message in _critique_warnings(app, syntax):
        messages[subtype].append(message)
    assert "'herein' is archaic: write 'in these terms' instead" in messages["archaic-word"]
    assert "'Thenceforth' is archaic: write 'from then on' instead" in messages["archaic-word"]
    assert messages["number-doublet"] == [
        "'thirty (30)' gives the number twice, in words and in digits: write it once ('30')"]
    assert "conspicuous directive" in messages["all-caps"][0]
    assert "6 words in capitals" in messages["all-caps"][0]
    assert "a sentence of 45 words (more than 40)" in messages["long-sentence"][0]
    assert "above 12" in messages["hard-to-read"][0]
    assert "add a summary directive" in messages["missing-summary"][0]
    assert "Traceback" not in app.warning.getvalue()


@pytest.mark.parametrize("syntax", SYNTAXES)
@CRITIQUE
@CRITIQUE_SHARED
def test_misplaced_reports_warn(app, syntax):
    built(app)
    path = _source(app, "outside", syntax)
    found = sorted((w["type"], int(w["line"])) for w in warnings(app.warning.getvalue())
                   if Path(w["path"]).name == path.name)
    directive = "agreement-report"
    lines = [number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if directive in line]
    assert found == sorted([("agreement.outside-agreement", lines[0]),
                            ("agreement.unknown-agreement", lines[1])])
    assert not body(app.outdir, f"outside-{syntax}").select("table.agreement-report")


@pytest.mark.parametrize("syntax", SYNTAXES)
@CRITIQUE
@CRITIQUE_SHARED
def test_report_figures_are_the_exports(app, syntax):
    built(app)
    data = export(app.outdir, f"critique-{syntax}")
    validate(data)
    clauses = all_clauses(data["clauses"])
    for page in (f"critique-{syntax}", f"report-{syntax}"):
        rows = _report_rows(body(app.outdir, page))
        assert len(rows) == len(clauses) + 1
        for row, clause in zip(rows, clauses, strict=False):
            reading = clause["reading"]
            assert row[:6] == [clause["number"], clause["title"], str(reading["words"]),
                               str(reading["sentences"]), str(reading["longest_sentence"]),
                               f"{reading['grade']:.1f}"]
        total = rows[-1]
        assert total[0] == "Total"
        assert total[2] == str(sum(c["reading"]["words"] for c in clauses))
        assert total[3] == str(sum(c["reading"]["sentences"] for c in clauses))
        assert total[4] == str(max(c["reading"]["longest_sentence"] for c in clauses))
        findings = {row[0]: row[6] for row in rows[:-1]}
        assert findings == {"1": "hard-to-read", "2": "long-sentence", "3": "archaic-word",
                            "4": "number-doublet", "5": "all-caps", "6": "missing-summary",
                            "7": "\u2014", "8": "\u2014"}
        # Each title links to its clause.
        links = [a["href"] for a in body(app.outdir, page).select("table.agreement-report a")]
        assert links[0].endswith(f"#{syntax}-hard") or links[0].endswith("#hard-clause")
        assert len(links) == len(clauses)


@pytest.mark.parametrize("syntax", SYNTAXES)
@CRITIQUE
@CRITIQUE_SHARED
def test_reading_is_measured_on_the_exported_text(app, syntax):
    built(app)
    clauses = {c["number"]: c for c in all_clauses(export(app.outdir, f"critique-{syntax}")
                                                   ["clauses"])}
    hard = clauses["1"]
    paragraph = ("Notwithstanding anything contrary, indemnification obligations concerning "
                 "unauthorized disclosure necessitate comprehensive, contemporaneous "
                 "documentation.")
    assert hard["text"] == paragraph
    assert hard["reading"] == {"words": 12, "sentences": 1, "longest_sentence": 12,
                               "grade": textstat.flesch_kincaid_grade(paragraph)}
    for clause in clauses.values():
        assert clause["reading"]["grade"] == grade_of(clause["text"])
        assert clause["reading"]["words"] <= textstat.lexicon_count(clause["text"]) + 1
    # The summary is not measured: the two long clauses differ only by it.
    assert clauses["6"]["reading"] == clauses["7"]["reading"]
    assert clauses["7"]["summary"] == "You may use the app."


def test_grade_of_a_fixed_paragraph_is_textstats():
    sample = ("The Customer may end this Agreement at any time. Liquid AI may suspend the "
              "Services if the Customer breaks these terms, and will tell the Customer why.")
    assert grade_of(sample) == textstat.flesch_kincaid_grade(sample)
    assert grade_of("") == 0.0


@pytest.mark.parametrize("subtype", CRITIQUE_CHECKS)
@pytest.mark.sphinx("html", testroot="agreement-critique")
def test_suppress_warnings_per_subtype(make_app, rootdir, tmp_path, subtype):
    app = _build(make_app, rootdir, tmp_path, suppress_warnings=[f"agreement.{subtype}"])
    for syntax in SYNTAXES:
        found = {subtype for subtype, _, _ in _critique_warnings(app, syntax)}
        assert found == set(CRITIQUE_CHECKS) - {subtype}


def _build(make_app, rootdir, tmp_path, buildername="html", **overrides):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-agreement-critique", srcdir)
    app = make_app(buildername, srcdir=srcdir, confoverrides=overrides, freshenv=True)
    app.build()
    return app


def test_off_by_default_and_reading_still_exported(make_app, rootdir, tmp_path):
    app = _build(make_app, rootdir, tmp_path, agreement_critique=False)
    for syntax in SYNTAXES:
        assert _critique_warnings(app, syntax) == []
        clauses = all_clauses(export(app.outdir, f"critique-{syntax}")["clauses"])
        assert all(set(c["reading"]) == {"words", "sentences", "longest_sentence", "grade"}
                   for c in clauses)
        assert {row[6] for row in _report_rows(body(app.outdir, f"critique-{syntax}"))} <= {
            "\u2014", ""}


def test_a_list_turns_on_those_checks(make_app, rootdir, tmp_path):
    app = _build(make_app, rootdir, tmp_path,
                 agreement_critique=["all-caps", "long-sentence", "no-such-check"])
    for syntax in SYNTAXES:
        assert {s for s, _, _ in _critique_warnings(app, syntax)} == {"all-caps",
                                                                     "long-sentence"}
    assert "'no-such-check' is not a check of the critique" in app.warning.getvalue()
    assert "[agreement.unknown-check]" in app.warning.getvalue()


def test_thresholds_are_settings(make_app, rootdir, tmp_path):
    app = _build(make_app, rootdir, tmp_path, agreement_reading_grade=40,
                 agreement_sentence_words=50, agreement_summary_words=200)
    for syntax in SYNTAXES:
        found = {s for s, _, _ in _critique_warnings(app, syntax)}
        assert found == {"archaic-word", "number-doublet", "all-caps"}


def test_other_languages_skip_the_critique(make_app, rootdir, tmp_path):
    app = _build(make_app, rootdir, tmp_path, language="ja")
    for syntax in SYNTAXES:
        assert _critique_warnings(app, syntax) == []
        # Words, sentences and grades are English measures: none in another
        # language, in the export or in the report (which lists the clauses).
        assert all(clause["reading"] is None
                   for clause in export(app.outdir, f"critique-{syntax}")["clauses"])
        page = body(app.outdir, f"critique-{syntax}")
        assert page.select_one(".agreement-report-note").get_text() == \
            "読みやすさの数値は英語の本文についてのみ測定します。"
        headers = [th.get_text(strip=True) for th in page.select("table.agreement-report th")]
        assert headers == ["条項", "見出し"]


def test_quiet_pages_report_but_do_not_warn(make_app, rootdir, tmp_path):
    app = _build(make_app, rootdir, tmp_path, agreement_critique_quiet=["critique-md"])
    assert _critique_warnings(app, "md") == []
    assert len(_critique_warnings(app, "rst")) == len(EXPECTED)
    rows = _report_rows(body(app.outdir, "critique-md"))
    assert rows[0][6] == "hard-to-read"


BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo",
            "xml", "gettext"]


@pytest.mark.parametrize("buildername", BUILDERS)
def test_every_builder_renders_the_report_without_a_warning(make_app, rootdir, tmp_path,
                                                            buildername):
    app = _build(make_app, rootdir, tmp_path, buildername,
                 agreement_critique_quiet=["*"], exclude_patterns=["_build", "outside-*"])
    assert app.warning.getvalue() == ""
    if buildername == "gettext":
        return
    text = "\n".join(path.read_text("utf-8", errors="replace")
                     for path in Path(app.outdir).rglob("*")
                     if path.is_file() and path.suffix in {
                         ".html", ".xhtml", ".tex", ".txt", ".1", ".texi", ".xml"})
    # LaTeX and man write a hyphen their own way.
    text = re.sub(r"\\sphinxhyphen\{\}|\\-", "-", text)
    assert "Longest sentence" in text and "Reading grade" in text
    assert "hard-to-read" in text and "missing-summary" in text


@pytest.mark.parametrize("buildername", ["html", "singlehtml", "latex", "text"])
def test_figure_warnings_once_per_build(make_app, rootdir, tmp_path, buildername):
    """The reports of ``report-*`` resolve the agreements again (quietly);
    builders that join the pages into one resolve them once, joined: every
    figure check warns once per build."""
    app = _build(make_app, rootdir, tmp_path, buildername)
    for syntax in SYNTAXES:
        found = [subtype for subtype, _, _ in _critique_warnings(app, syntax)]
        assert found.count("hard-to-read") == 1
        assert found.count("long-sentence") == 1
        assert found.count("missing-summary") == 1


# -- the guide and the site ----------------------------------------------------------------

GUIDE = REPO / "source" / "guide" / "agreements.md"
EXAMPLE = REPO / "source" / "guide" / "examples" / "critique-example.md"


def test_guide_documents_the_critique():
    guide = GUIDE.read_text("utf-8")
    assert "## Plain-language critique" in guide
    for subtype in CRITIQUE_CHECKS:
        assert f"| `agreement.{subtype}` |" in guide
    for setting in ("agreement_critique", "agreement_reading_grade", "agreement_sentence_words",
                    "agreement_summary_words", "agreement_archaic_words",
                    "agreement_critique_quiet"):
        assert f"`{setting}`" in guide
    for word, plain in ARCHAIC_WORDS.items():
        assert f"| {word} | {plain} |" in guide
    assert "{agreement-report}" in guide and ".. agreement-report::" in guide


def test_guide_shows_the_warnings_the_example_gives(tmp_path):
    """The warnings the guide shows are those of its example, built with the
    critique on and not quiet."""
    guide = GUIDE.read_text("utf-8")
    shown = re.findall(r"^critique-example\.md:(\d+): WARNING: (.*)$", guide, re.MULTILINE)
    assert len(shown) == len(CRITIQUE_CHECKS)
    srcdir = tmp_path / "example"
    srcdir.mkdir()
    shutil.copy(EXAMPLE, srcdir / "critique-example.md")
    (srcdir / "index.rst").write_text("Index\n=====\n\n.. toctree::\n\n   critique-example\n")
    (srcdir / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(REPO / '_ext')!r})\n"
        "extensions = ['myst_parser', 'agreement']\nagreement_critique = True\n"
        "suppress_warnings = ['myst.xref_missing']\n")
    app = SphinxTestApp("html", srcdir=srcdir, freshenv=True)
    try:
        app.build()
        found = [(w["line"], f"{w['message']} [{w['type']}]")
                 for w in warnings(app.warning.getvalue())]
    finally:
        app.cleanup()
    assert sorted(found) == sorted(shown)


def test_site_terms_meet_the_critique_and_show_their_report(site):
    from bs4 import BeautifulSoup

    critique = [line for line in site.warnings.splitlines()
                if any(f"agreement.{subtype}" in line for subtype in CRITIQUE_CHECKS)]
    assert critique == []
    data = export(site.outdir, "source/terms/leap-terms-of-use")
    clauses = all_clauses(data["clauses"])
    assert len(clauses) == 19
    assert max(c["reading"]["grade"] for c in clauses) <= 12
    assert max(c["reading"]["longest_sentence"] for c in clauses) <= 40
    page = BeautifulSoup(site.html("source/terms/index"), "html.parser")
    rows = _report_rows(page)
    assert len(rows) == 20
    for row, clause in zip(rows, clauses, strict=False):
        assert row[0] == clause["number"] and row[1] == clause["title"]
        assert row[2] == str(clause["reading"]["words"])
        assert row[5] == f"{clause['reading']['grade']:.1f}"
        assert row[6] == "\u2014"
    guide = BeautifulSoup(site.html("source/guide/agreements"), "html.parser")
    findings = {row[6] for row in _report_rows(guide)}
    assert set(CRITIQUE_CHECKS) <= findings


def test_line_helper_matches_root():
    # The needles of EXPECTED are on the lines they name in both syntaxes.
    root = REPO / "tests" / "roots" / "test-agreement-critique"
    for syntax in SYNTAXES:
        for _, needle, _ in EXPECTED:
            assert line_of(root / f"critique-{syntax}{SUFFIX[syntax]}", needle)
