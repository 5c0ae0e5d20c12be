"""A catalogue of malformed `briefing` input, each case in reST and in MyST.

Every case is one page of a generated project; all the pages of one syntax
are built together, once, as ``sphinx-build -W`` would (warnings treated as
errors: in Sphinx 9 the build goes on and fails at the end).  Per case and
syntax the test checks that the page's warnings are exactly the expected
ones, each with its type and subtype, file and line; that the page was still
written up to the sentinel paragraph after the bad markup; and, for the whole
build, that no traceback appeared and that the build failed because of them.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from malformed_support import (
    SYNTAXES,
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


def briefing(subtype: str, fragment: str, at: str | None = None, **kw) -> Expect:
    assert subtype in SUBTYPES, subtype
    return Expect(f"briefing.{subtype}", fragment, at, **kw)


CASES: list[Case] = [
    # -- vocabulary --------------------------------------------------------------------------
    Case("area-unknown",
         ".. technology:: Face match\n   :id: face\n   :area: nowhere\n",
         "```{technology} Face match\n:id: face\n:area: nowhere\n```\n",
         (briefing("unknown-area", "unknown area 'nowhere'; valid keys of briefing_areas: "
                   "biometrics, llm"),)),
    Case("area-empty",
         ".. technology:: Face match\n   :id: face-empty-area\n   :area:\n",
         "```{technology} Face match\n:id: face-empty-area\n:area:\n```\n",
         (briefing("unknown-area", "unknown area ''"),)),
    Case("stage-unknown-option",
         ".. technology:: Face match\n   :id: face-stage\n   :stage: someday\n",
         ":::{technology} Face match\n:id: face-stage\n:stage: someday\n:::\n",
         (briefing("unknown-stage", "unknown stage 'someday'; valid keys of briefing_stages: "
                   "product, rnd"),)),
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
    Case("technologies-unknown-filter",
         ".. technologies::\n   :area: nowhere, llm\n   :stage: later\n",
         "```{technologies}\n:area: nowhere, llm\n:stage: later\n```\n",
         (briefing("unknown-area", "unknown area 'nowhere'"),
          briefing("unknown-stage", "unknown stage 'later'"))),
    # -- technologies and the tech role ----------------------------------------------------------
    Case("duplicate-id",
         ".. technology:: First\n   :id: twice\n\n.. technology:: Second\n   :id: twice\n",
         "```{technology} First\n:id: twice\n```\n\n```{technology} Second\n:id: twice\n```\n",
         (briefing("duplicate-id", "duplicate technology id 'twice': also defined at "
                   "{file}:{start}", at="Second"),)),
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
    Case("technology-no-id",
         ".. technology:: Nameless\n   :area: llm\n",
         "```{technology} Nameless\n:area: llm\n```\n",
         (briefing("missing-option", "technology: the required `id` option is missing"),)),
    Case("technology-empty-title",
         ".. technology::\n   :id: untitled\n",
         "```{technology}\n:id: untitled\n```\n",
         (briefing("missing-option", "technology: the title argument is missing"),)),
    Case("technology-bad-since",
         ".. technology:: Old\n   :id: old\n   :since: last year\n",
         "```{technology} Old\n:id: old\n:since: last year\n```\n",
         (briefing("bad-option", "`since` must be a year (YYYY), not 'last year'"),)),
    # Unsafe URLs: no link, a warning at the option's line.
    *[Case(f"technology-{name}-link",
           f".. technology:: Sly\n   :id: sly-{name}\n   :link: {url}\n",
           f"```{{technology}} Sly\n:id: sly-{name}\n:link: {url}\n```\n",
           (briefing("bad-url", f"technology: `link` {url!r} is not linked", at=":link:"),),
           absent=("alert(", "More information"))
      for name, url in (("javascript", "JavaScript:alert(1)"),
                        ("entity-encoded", "&#x6A;avascript:alert(2)"),
                        ("data", "data:text/html,alert(3)"),
                        ("vbscript", "vbscript:alert(4)"),
                        ("file", "FILE:///alert(5)"),
                        ("other-scheme", "chrome:alert(6)"))],
    Case("technology-unparsable-link",
         ".. technology:: Bracket\n   :id: bracket\n   :link: http://[::1/\n",
         "```{technology} Bracket\n:id: bracket\n:link: http://[::1/\n```\n",
         (briefing("bad-url", "`link` 'http://[::1/' is not linked: it is not a valid URL",
                   at=":link:"),),
         absent=("[::1",)),
    # -- metric ----------------------------------------------------------------------------------
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
    # -- ranking ---------------------------------------------------------------------------------
    Case("ranking-bad-csv",
         '.. ranking:: Unclosed\n\n   Name,Score\n   "open,1\n',
         '```{ranking} Unclosed\nName,Score\n"open,1\n```\n',
         (briefing("bad-ranking", "bad CSV in line 2"),)),
    Case("ranking-bad-csv-file",
         ".. ranking:: Unclosed file\n   :file: broken.csv\n",
         "```{ranking} Unclosed file\n:file: broken.csv\n```\n",
         (briefing("bad-ranking", "bad CSV in broken.csv line 2"),)),
    Case("ranking-missing-file",
         ".. ranking:: Missing\n   :file: nowhere.csv\n",
         "```{ranking} Missing\n:file: nowhere.csv\n```\n",
         (briefing("bad-ranking", "cannot read CSV file 'nowhere.csv'"),)),
    Case("ranking-empty-body",
         ".. ranking:: Empty\n",
         "```{ranking} Empty\n```\n",
         (briefing("bad-ranking", "no CSV data"),)),
    Case("ranking-header-only",
         ".. ranking:: Header only\n\n   Name,Score\n",
         ":::{ranking} Header only\nName,Score\n:::\n",
         (briefing("bad-ranking", "needs a header row, a name column, a value column"),)),
    Case("ranking-non-numeric",
         ".. ranking:: Rows\n\n   Name,Score\n   Good,1\n   Broken,abc\n",
         "```{ranking} Rows\nName,Score\nGood,1\nBroken,abc\n```\n",
         (briefing("bad-row", "row 2 ('Broken', line {line}): 'Score' value 'abc' is not a "
                   "number", at="Broken"),),
         present=("Good",), absent=("Broken",)),
    # Figures beyond a float are no number; figures near its limit still draw.
    Case("ranking-overflowing-value",
         ".. ranking:: Extremes\n\n   Name,Score\n   High,1" + "0" * 308 + "\n   Low,-1" + "0" * 308
         + "\n   Huge," + "9" * 400 + "\n",
         "```{ranking} Extremes\nName,Score\nHigh,1" + "0" * 308 + "\nLow,-1" + "0" * 308
         + "\nHuge," + "9" * 400 + "\n```\n",
         (briefing("bad-row", "row 3 ('Huge'", at="Huge,"),),
         present=("High", "Low"), absent=('"nan"', '"inf"', "Huge")),
    Case("ranking-wrong-column-count",
         ".. ranking:: Columns\n\n   Name,Score\n   Good,1\n   Short\n   Long,1,2\n",
         "```{ranking} Columns\nName,Score\nGood,1\nShort\nLong,1,2\n```\n",
         (briefing("bad-row", "row 2 ('Short', line {line}) has 1 cells, the header has 2",
                   at="Short"),
          briefing("bad-row", "row 3 ('Long', line {line}) has 3 cells", at="Long"))),
    Case("ranking-bad-row-in-file",
         ".. ranking:: From file\n   :file: rows.csv\n",
         "```{ranking} From file\n:file: rows.csv\n```\n",
         (briefing("bad-row", "rows.csv row 2 ('Broken', line 3)"),)),
    Case("ranking-unknown-value-column",
         ".. ranking:: Value\n   :value: Nope\n\n   Name,Score\n   A,1\n",
         "```{ranking} Value\n:value: Nope\n\nName,Score\nA,1\n```\n",
         (briefing("bad-option", "no value column 'Nope'; columns: Score"),)),
    Case("ranking-no-numeric-column",
         ".. ranking:: Words\n\n   Name,Colour\n   A,red\n",
         "```{ranking} Words\nName,Colour\nA,red\n```\n",
         (briefing("bad-ranking", "no numeric column for the bars"),)),
    Case("ranking-unknown-highlight",
         ".. ranking:: Highlight\n   :highlight: Nobody\n\n   Name,Score\n   A,1\n",
         "```{ranking} Highlight\n:highlight: Nobody\n\nName,Score\nA,1\n```\n",
         (briefing("bad-option", "highlight 'Nobody' matches no name"),),
         present=("<svg",)),
    Case("ranking-file-and-body",
         ".. ranking:: Both\n   :file: good.csv\n\n   Name,Score\n   Body,1\n",
         "```{ranking} Both\n:file: good.csv\n\nName,Score\nBody,1\n```\n",
         (briefing("bad-ranking", "give either `file` or a CSV body, not both"),),
         present=("FromFile",), absent=("Body",)),
    Case("ranking-no-caption",
         ".. ranking::\n\n   Name,Score\n   A,1\n",
         "```{ranking}\nName,Score\nA,1\n```\n",
         (briefing("missing-option", "ranking: the caption argument is missing"),)),
    # -- timeline --------------------------------------------------------------------------------
    Case("timeline-bad-date",
         ".. timeline::\n\n   - 2020: Fine\n   - Sometime: no date\n",
         ":::{timeline}\n- 2020: Fine\n- Sometime: no date\n:::\n",
         (briefing("bad-date", "timeline item 'Sometime: no date' does not start with a valid "
                   "date", at="Sometime"),),
         present=("Sometime: no date",)),
    Case("timeline-month-13",
         ".. timeline::\n\n   - 2023-13: Thirteenth month\n",
         ":::{timeline}\n- 2023-13: Thirteenth month\n:::\n",
         (briefing("bad-date", "'2023-13: Thirteenth month'", at="2023-13"),),
         absent=('datetime="2023-13"',)),
    Case("timeline-feb-30",
         ".. timeline::\n\n   - 2023-01-31: Fine\n   - 2023-02-30: No such day\n",
         ":::{timeline}\n- 2023-01-31: Fine\n- 2023-02-30: No such day\n:::\n",
         (briefing("bad-date", "'2023-02-30: No such day'", at="2023-02-30"),)),
    Case("timeline-no-colon",
         ".. timeline::\n\n   - 2023 without a colon\n",
         ":::{timeline}\n- 2023 without a colon\n:::\n",
         (briefing("bad-date", "'2023 without a colon'", at="2023 without"),)),
    Case("timeline-empty-body",
         ".. timeline::\n",
         ":::{timeline}\n:::\n",
         (briefing("bad-date", "timeline: the body must be a bullet list"),)),
    Case("timeline-non-list-body",
         ".. timeline::\n\n   Just a paragraph.\n",
         ":::{timeline}\nJust a paragraph.\n:::\n",
         (briefing("bad-date", "timeline: the body must be a bullet list"),)),
    Case("timeline-list-and-paragraph",
         ".. timeline::\n\n   - 2020: Listed\n\n   A stray paragraph.\n",
         ":::{timeline}\n- 2020: Listed\n\nA stray paragraph.\n:::\n",
         (briefing("bad-date", "1 other block(s) left out", at="stray"),),
         present=("Listed",)),
    Case("timeline-nested-list",
         ".. timeline::\n\n   - 2020: Outer\n\n     - 2019: Inner\n\n   - Undated: Outer\n",
         ":::{timeline}\n- 2020: Outer\n\n  - 2019: Inner\n\n- Undated: Outer\n:::\n",
         (briefing("bad-date", "'Undated: Outer'", at="Undated"),),
         # A nested item stays in its own item, shown once.
         present=("2019: Inner",)),
    # -- disclaimer ------------------------------------------------------------------------------
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
    # -- generic directive errors stay errors, with file and line --------------------------------
    Case("unknown-option",
         ".. metric:: 4\n   :label: four\n   :source: deck2023\n   :bogus: option\n",
         "```{metric} 4\n:label: four\n:source: deck2023\n:bogus: option\n```\n",
         (Expect("docutils", 'unknown option: "bogus"'),),
         expect_md=(Expect("myst.directive_option", "Unknown option key: 'bogus'",
                           at=":bogus:"),)),
    Case("technologies-unknown-option",
         ".. technologies::\n   :owner: me\n",
         "```{technologies}\n:owner: me\n```\n",
         (Expect("docutils", 'unknown option: "owner"'),),
         expect_md=(Expect("myst.directive_option", "Unknown option key: 'owner'",
                           at=":owner:"),)),
]

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


# -- the catalogue, built once per syntax ---------------------------------------------------

@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """One build per syntax, made on first use and shared by the module's tests."""
    return build_once_per_syntax(tmp_path_factory, "malformed",
                                 partial(catalogue_files, SUPPORT_FILES, CASES, page_source))


def test_catalogue_is_large_and_names_are_unique():
    assert len(CASES) >= 22
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("syntax", sorted(SYNTAXES))
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_malformed_case(builds, case, syntax):
    build = builds(syntax)
    page, start = page_source(case, syntax)
    assert_case_warnings(build, case, syntax, page, start)
    body_html = assert_case_page(build, case)
    if case.name == "timeline-nested-list":
        assert body_html.count("Inner") == 1
    if case.name == "disclaimer-shows-itself":
        assert body_html.count("Looping text.") == 1


@pytest.mark.parametrize("syntax", sorted(SYNTAXES))
def test_no_traceback_and_every_warning_located(builds, syntax):
    assert_no_traceback_and_every_warning_located(builds(syntax), "briefing", SUBTYPES)


@pytest.mark.parametrize("syntax", sorted(SYNTAXES))
def test_the_build_fails_under_W_because_of_the_cases(builds, syntax):
    build = builds(syntax)
    # Every warning counted towards the failure is one of the cases' records.
    assert failed_under_W_with(build) == len(build.records)
    places = {Path(r.path).relative_to(build.srcdir).as_posix() for r in build.records}
    for case in CASES:
        files = {e.file or f"{case.name}{SYNTAXES[syntax]}" for e in case.expect}
        assert files & places, case.name
