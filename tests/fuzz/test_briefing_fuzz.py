"""Property-based fuzzing of every `briefing` directive and role, in reST and MyST.

Hypothesis draws whole projects: a list of pages, each holding a few
directives (`technology`, `technologies`, `metric`, `ranking`, `timeline`,
`disclaimer`) and roles (`tech`, `stage`) with random arguments, options and
bodies, salted with marker strings that would become a tag (``<x-fuzz-N>``)
or an attribute (``" onfuzz="``) if any of them reached the HTML unescaped.
Each drawn project is built once, and every page is checked: the build ends
without a traceback, every briefing warning has a file and a line, and no
marker survives as markup anywhere (text, attributes, tooltips, the SVG
chart).  Deterministic under ``make test`` (``derandomize``; ``make fuzz``
explores) and without shrinking (a shrink step is a Sphinx build): a failure
names the page and prints its source.
"""

from __future__ import annotations

import csv
import io
import math
import re
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from fuzz_support import (
    ATTR_MARKERS,
    HELPERS,
    LOCATED,
    TAG_MARKERS,
    assert_no_markup_from_input,
    build_fuzzed,
    fuzz_text,
    options,
    role_text,
    run_whole_builds,
    whole_build_settings,
)
from hypothesis import given
from hypothesis import strategies as st

pytestmark = pytest.mark.fuzz

# -- markers -------------------------------------------------------------------------------

PLAIN_MARKERS = ["&", "&amp;", "&lt;x-fuzz-7&gt;", "<", ">", '"', "'", "\\", "×", "¥"]
ALL_MARKERS = TAG_MARKERS + ATTR_MARKERS + PLAIN_MARKERS

TEXT = fuzz_text(ALL_MARKERS)
# Drawn mostly from small pools, so that cards, `tech` links, charts and dated
# items are really rendered (with the markers in them), not only rejected.
ID_POOL = ["alpha", "beta", "x-fuzz-1", '" onfuzz="id', "<x-fuzz-8>", "gamma delta"]
IDS = st.one_of(st.sampled_from(ID_POOL), st.sampled_from(ID_POOL), st.sampled_from(["", "a"]),
                TEXT)
AREAS = st.one_of(st.sampled_from(["llm", "bio", "", "nowhere", "llm, bio", "<x-fuzz-9>"]),
                  TEXT)
STAGES = st.one_of(st.sampled_from(["rnd", "product", "", "later", "rnd,product"]), TEXT)
YEARS = st.one_of(st.sampled_from(["2019", "19", "2019-01", "", "<x-fuzz-10>"]), TEXT)
LINKS = st.one_of(st.sampled_from([
    "https://example.com/?q=\"onfuzz=\"11", "https://example.com/<x-fuzz-12>",
    "javascript:alert(1)", "http://[::1", "mailto:a@example.com", "docs/page.html", ""]), TEXT)
KEYS = st.one_of(st.sampled_from(["deck2023", "", "nokey", "deck2023, nokey"]), TEXT)
GOOD_NUMBERS = st.sampled_from(["1", "-3", "1,234.5", "12%", "\u22122", "0", "7.25"])
NUMBERS = st.one_of(GOOD_NUMBERS, GOOD_NUMBERS, GOOD_NUMBERS, st.sampled_from(
    ["abc", "", "9" * 400, "1" + "0" * 308, "1e5", "<x-fuzz-13>", '" onfuzz="14']), TEXT)
GOOD_DATES = st.sampled_from(["2020", "2023-05", "2023-12-15", "1999-01-01", "2021"])
DATES = st.one_of(GOOD_DATES, GOOD_DATES, GOOD_DATES, st.sampled_from(
    ["2023-13", "2023-02-30", "0000", "9999-12-31", "20", "<x-fuzz-15>", ""]), TEXT)


@dataclass(frozen=True)
class Snippet:
    """One directive (``kind``) or role (``role:tech`` ...), syntax-free."""

    kind: str
    argument: str = ""
    options: tuple[tuple[str, str], ...] = ()
    body: tuple[str, ...] = ()  # body lines
    markdown_body: bool = False  # MyST parses the body as Markdown


def prose(markers: list[str]) -> st.SearchStrategy[tuple[str, ...]]:
    line = st.one_of(fuzz_text(markers), st.sampled_from(
        ["See :tech:`alpha`.", "Stage :stage:`rnd`.", "A :footcite:`deck2023` cite."]))
    return st.lists(line, max_size=3).map(tuple)


def csv_body(draw, names: list[str], columns: list[str]) -> tuple[str, ...]:
    """A CSV body: mostly the right number of cells, sometimes not."""
    cells = [["Name", *columns]]
    for name in names:
        values = [draw(NUMBERS) for _ in columns]
        if not draw(st.integers(0, 5)):  # a row with a wrong cell count
            values = values[:-1] if draw(st.booleans()) else [*values, "extra"]
        cells.append([name, *values])
    if draw(st.booleans()):  # well-quoted CSV ...
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(cells)
        return tuple(out.getvalue().splitlines())
    return tuple(",".join(row) for row in cells)  # ... or whatever the author typed


@st.composite
def snippets(draw) -> Snippet:
    kind = draw(st.sampled_from(["technology", "technologies", "metric", "ranking",
                                 "timeline", "disclaimer", "role:tech", "role:stage"]))
    if kind == "technology":
        opts = draw(options(area=AREAS, stage=STAGES, since=YEARS, link=LINKS,
                            catalogue=st.sampled_from(["yes", "no", "maybe"])))
        if draw(st.integers(0, 4)):  # mostly with an id, so that it is linked and listed
            opts = (("id", draw(IDS)), *opts)
        return Snippet(kind, draw(TEXT), opts, draw(prose(ALL_MARKERS)), markdown_body=True)
    if kind == "technologies":
        return Snippet(kind, options=draw(options(area=AREAS, stage=STAGES)))
    if kind == "metric":
        return Snippet(kind, draw(TEXT), draw(options(label=TEXT, source=KEYS)),
                       draw(prose(ALL_MARKERS)), markdown_body=True)
    if kind == "ranking":
        names = draw(st.lists(TEXT, min_size=1, max_size=6))
        columns = draw(st.lists(st.one_of(st.sampled_from(["Score", "Share"]), TEXT),
                                min_size=1, max_size=3))
        opts = draw(options(
            file=st.sampled_from(["good.csv", "nowhere.csv", "", "."]),
            highlight=st.one_of(st.sampled_from(names), st.sampled_from(names), TEXT),
            value=st.one_of(st.sampled_from(columns), st.sampled_from(columns), TEXT),
            source=KEYS))
        if draw(st.integers(0, 3)) and any(name == "file" for name, _ in opts):
            opts = tuple((n, v) for n, v in opts if n != "file")  # mostly a CSV body
        body = csv_body(draw, names, columns) if draw(st.integers(0, 5)) else ()
        return Snippet(kind, draw(TEXT), opts, body)
    if kind == "timeline":
        item = st.one_of(
            st.tuples(DATES, TEXT).map(lambda dt: f"- {dt[0]}: {dt[1]}"),
            fuzz_text(ALL_MARKERS).map(lambda text: f"- {text}"),
            fuzz_text(ALL_MARKERS),
        )
        return Snippet(kind, body=tuple(draw(st.lists(item, max_size=5))), markdown_body=True)
    if kind == "disclaimer":
        return Snippet(kind, draw(st.one_of(st.sampled_from(["forward", "nowhere", ""]), TEXT)))
    # Roles: `tech` with or without an explicit title, `stage`.
    if kind == "role:tech":
        target = draw(st.one_of(st.sampled_from(ID_POOL), IDS))
        text = f"{draw(TEXT)} <{target}>" if draw(st.booleans()) else target
        return Snippet(kind, text)
    return Snippet(kind, draw(STAGES))


PAGES = st.lists(st.lists(snippets(), min_size=1, max_size=4), min_size=12, max_size=18)


# -- rendering ---------------------------------------------------------------------------------


def render_rst(snippet: Snippet) -> str:
    if snippet.kind.startswith("role:"):
        return f"Before :{snippet.kind[5:]}:`{role_text(snippet.argument)}` after.\n"
    lines = [f".. {snippet.kind}:: {snippet.argument}".rstrip()]
    lines += [f"   :{name}: {value}".rstrip() for name, value in snippet.options]
    if snippet.body:
        lines.append("")
        lines += [f"   {line}".rstrip() for line in snippet.body]
    return "\n".join(lines) + "\n"


MYST_ROLE = re.compile(r":(tech|stage|footcite):`")


def _md_safe(line: str, markdown: bool) -> str:
    if line.lstrip().startswith(("```", ":::")):
        line = "x" + line  # would close the fence
    if markdown:
        # Markdown lets authors write raw HTML on purpose (a MyST feature, not
        # the extension's output): tags become entities, which MyST turns back
        # into text that must come out escaped.
        line = line.replace("<", "&lt;").replace(">", "&gt;")
        line = MYST_ROLE.sub(r"{\1}`", line)
    return line


def render_md(snippet: Snippet) -> str:
    if snippet.kind.startswith("role:"):
        text = role_text(snippet.argument)
        text = " " if text == "\\ " else text
        return f"Before {{{snippet.kind[5:]}}}`{text}` after.\n"
    argument = snippet.argument.replace("`", "'")
    lines = [f"```{{{snippet.kind}}} {argument}".rstrip()]
    lines += [f":{name}: {value.replace('`', chr(39))}".rstrip()
              for name, value in snippet.options]
    if snippet.body:
        lines.append("")
        lines += [_md_safe(line, snippet.markdown_body) for line in snippet.body]
    lines.append("```")
    return "\n".join(lines) + "\n"


def render_page(index: int, page: list[Snippet], syntax: str) -> str:
    title = f"Fuzz page {index}"
    render = render_rst if syntax == "rst" else render_md
    head = f"{title}\n{'=' * len(title)}\n" if syntax == "rst" else f"# {title}\n"
    parts = [head] + [render(snippet) for snippet in page] + [f"End of page {index}.\n"]
    return "\n".join(parts)


CONF = """\
extensions = ["myst_parser", "sphinxcontrib.bibtex", "briefing"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "disclaimers"]
bibtex_bibfiles = ["refs.bib"]
show_warning_types = True
suppress_warnings = ["toc.not_included"]
briefing_areas = {"llm": 'Large <x-fuzz-a> " onfuzz="a models', "bio": "Bio & <x-fuzz-b>"}
briefing_stages = {"rnd": "R&D <x-fuzz-s>", "product": 'Product " onfuzz="s'}
briefing_disclaimers = {"forward": "disclaimers/forward.rst"}
"""

SUPPORT_FILES = {
    "conf.py": CONF,
    "index.rst": "Fuzz\n====\n\n.. technologies::\n",
    "refs.bib": "@misc{deck2023,\n  author = {Example Corp},\n  title = {Deck},\n"
                "  year = {2023},\n}\n",
    "good.csv": 'Name,Score\n"<x-fuzz-c>",1\n""" onfuzz=""c",2\n',
    "disclaimers/forward.rst": 'Forecasts <x-fuzz-d> " onfuzz="d may change.\n',
}

# -- checks ----------------------------------------------------------------------------------

SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def assert_finite_geometry(tree: ET.Element) -> None:
    """Every coordinate of the chart is a finite number (no NaN, no infinity)."""
    for element in tree.iter():
        for name in ("x", "y", "width", "height", "x1", "x2", "y1", "y2"):
            if name in element.attrib:
                assert math.isfinite(float(element.attrib[name])), element.attrib


def check_page(html: str) -> None:
    assert_no_markup_from_input(html)
    for svg in SVG.findall(html):
        tree = ET.fromstring(svg)  # well-formed: every text and attribute escaped
        assert not any("x-fuzz" in element.tag for element in tree.iter())
        assert_finite_geometry(tree)


def build_and_check(pages: list[list[Snippet]], syntax: str) -> str:
    with tempfile.TemporaryDirectory(prefix="briefing-fuzz-") as tmp:
        sources = {f"page{index}": render_page(index, page, syntax)
                   for index, page in enumerate(pages)}
        build = build_fuzzed(Path(tmp), SUPPORT_FILES, sources, syntax)
        for line in build.warnings.splitlines():
            if "[briefing." in line:
                assert LOCATED.match(line), line
        escaped = []
        for docname, source in sorted(sources.items()):
            html = (build.outdir / f"{docname}.html").read_text("utf-8")
            try:
                check_page(html)
            except AssertionError as error:
                raise AssertionError(f"{docname}.{syntax}:\n{source}") from error
            assert f"End of page {docname[4:]}." in html, source
            escaped.append(html)
        index = (build.outdir / "index.html").read_text("utf-8")
        check_page(index)
        return "".join(escaped) + index


FUZZ = whole_build_settings(max_examples=10)


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_fuzzed_projects_build_and_escape_every_input(syntax):
    everything = run_whole_builds(FUZZ, PAGES, lambda pages: build_and_check(pages, syntax))
    # The markers did reach the pages (escaped): the property is not vacuous.
    assert "&lt;x-fuzz" in everything
    assert "&quot; onfuzz=" in everything


# -- the pure helpers behind the directives, fuzzed without a build ---------------------------


@HELPERS
@given(text=st.one_of(NUMBERS, st.text(max_size=40),
                      st.from_regex(r"[+\-\u2212]?\d{1,400}(\.\d{1,20})?%?", fullmatch=True)))
def test_parse_number_never_raises_and_is_finite(text):
    from briefing.ranking import parse_number

    value = parse_number(text)
    assert value is None or math.isfinite(value)


@HELPERS
@given(text=st.one_of(DATES.map(lambda d: f"{d}: x"), st.text(max_size=30)))
def test_timeline_dates_never_raise(text):
    from briefing.timeline import DATE_PREFIX
    from foundation.dates import parse_partial_date

    match = DATE_PREFIX.match(text)
    if match is not None:
        parsed = parse_partial_date(match.group(1))
        if parsed is not None:
            assert parsed.iso == text.strip()[:len(parsed.iso)] and parsed.readable("en")


@HELPERS
@given(caption=TEXT, label=TEXT, bars=st.lists(
    st.tuples(TEXT, TEXT, st.floats(allow_nan=False, allow_infinity=False), st.booleans()),
    min_size=1, max_size=8))
def test_bar_chart_is_well_formed_and_escapes_every_string(caption, label, bars):
    from briefing.chart import Bar, bar_chart_svg

    svg = bar_chart_svg("briefing-ranking-0", caption, label,
                        [Bar(name, shown, value, highlight) for name, shown, value, highlight
                         in bars])
    tree = ET.fromstring(svg)
    assert not any("x-fuzz" in element.tag for element in tree.iter())
    assert not any("onfuzz" in name for element in tree.iter() for name in element.attrib)
    assert_finite_geometry(tree)
    assert (tree.find("{http://www.w3.org/2000/svg}title").text or "") == caption
