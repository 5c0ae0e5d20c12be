"""A catalogue of malformed `agreement` input, each case in reST and in MyST.

Every case is one page of a generated project; all the pages of one syntax
are built together, once, as ``sphinx-build -W`` would (warnings treated as
errors: in Sphinx 9 the build goes on and fails at the end).  Per case and
syntax the test checks that the page's warnings are exactly the expected
ones, each with its type and subtype, file and line; that the page was still
written up to the sentinel paragraph after the bad markup, with what it must
(and must not) show; and, for the whole build, that no traceback appeared,
that every export is valid against the schema and that the build failed
because of the cases.

Most pages are agreements: the case's snippet follows a title and a valid
`agreement` directive.  Cases about the directive itself (``header=False``)
bring their own, and cases about pages that are not agreements have none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import malformed_support
import pytest
from bs4 import BeautifulSoup
from malformed_support import (
    SYNTAXES,
    Expect,
    assert_case_page,
    assert_case_warnings,
    assert_no_traceback_and_every_warning_located,
    build_once_per_syntax,
    catalogue_files,
    failed_under_W_with,
)
from sphinx.testing.util import SphinxTestApp
from test_agreement_support import validate

from agreement.diagnostics import WARNING_SUBTYPES


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
# The text of an unused definition is used once, so that no unused-term warns.
USED_RST = "The Widget Fee is due."
USED_MD = USED_RST


CASES: list[Case] = [
    # -- the agreement directive ---------------------------------------------------------------
    Case("agreement-unknown-option",
         rst_directive(**GOOD, colour="blue"),
         md_directive(**GOOD, colour="blue"),
         (Expect("docutils", 'Error in "agreement" directive:\nunknown option: "colour"'),),
         expect_md=(Expect("myst.directive_option", "Unknown option key: 'colour'",
                           at=":colour:"),),
         header=False),
    Case("agreement-with-content",
         rst_directive(**GOOD) + "\n   Stray content.\n",
         md_directive(**GOOD).replace("```\n", "\nStray content.\n```\n", 1)
         .replace("```{agreement}\n\nStray", "```{agreement}\nStray"),
         (Expect("docutils", 'Error in "agreement" directive:\nno content permitted'),),
         expect_md=(Expect("myst.directive_parse",
                           "'agreement': Has content, but none permitted"),),
         absent=("Stray content.",), header=False),
    Case("missing-provider",
         rst_directive(**{"last-updated": "2025-07-15"}),
         md_directive(**{"last-updated": "2025-07-15"}),
         (agreement("missing-option", "agreement: the 'provider' option is required"),),
         header=False),
    Case("missing-last-updated",
         rst_directive(provider="Example Corp."),
         md_directive(provider="Example Corp."),
         (agreement("missing-option", "agreement: the 'last-updated' option is required"),),
         absent=("<time",), header=False),
    Case("missing-both-options",
         rst_directive(**{"governing-law": "Massachusetts"}),
         md_directive(**{"governing-law": "Massachusetts"}),
         (agreement("missing-option", "'provider' option is required"),
          agreement("missing-option", "'last-updated' option is required")),
         present=("Massachusetts",), header=False),
    Case("last-updated-empty",
         rst_directive(provider="Example Corp.", **{"last-updated": ""}),
         md_directive(provider="Example Corp.", **{"last-updated": ""}),
         (agreement("missing-option", "'last-updated' option is required"),),
         header=False),
    Case("bad-date-words",
         rst_directive(provider="Example Corp.", **{"last-updated": "15 July 2025"}),
         md_directive(provider="Example Corp.", **{"last-updated": "15 July 2025"}),
         (agreement("bad-date", "agreement: last-updated '15 July 2025' is not an ISO date"),),
         absent=("<time",), header=False),
    Case("bad-date-impossible",
         rst_directive(provider="Example Corp.", **{"last-updated": "2025-02-30"}),
         md_directive(provider="Example Corp.", **{"last-updated": "2025-02-30"}),
         (agreement("bad-date", "'2025-02-30' is not an ISO date"),),
         absent=('datetime="2025-02-30"',), header=False),
    # -- unsafe URLs: no link, a warning at the option's line ---------------------------------
    *[Case(f"source-{name}",
           rst_directive(**GOOD, source=url), md_directive(**GOOD, source=url),
           (agreement("bad-url", f"agreement: source {url!r} is not linked", at=":source:"),),
           absent=("Authoritative text", "alert("), header=False)
      for name, url in (("javascript", "javascript:alert(13)"),
                        ("mixed-case", "JaVaScRiPt:alert(14)"),
                        ("entity-encoded", "&#106;avascript:alert(15)"),
                        ("entity-colon", "javascript&colon;alert(16)"),
                        ("data", "data:text/html;base64,alert(17)"),
                        ("vbscript", "VBScript:alert(18)"),
                        ("file", "file:///etc/alert(19)"),
                        ("other-scheme", "x-app:alert(20)"))],
    Case("bad-date-unpadded",
         rst_directive(provider="Example Corp.", **{"last-updated": "2025-7-5"}),
         md_directive(provider="Example Corp.", **{"last-updated": "2025-7-5"}),
         (agreement("bad-date", "'2025-7-5' is not an ISO date"),),
         header=False),
    Case("bad-date-markup",
         rst_directive(provider="Example <b>Corp</b>", **{"last-updated": '<x-date a="1">'}),
         md_directive(provider="Example <b>Corp</b>", **{"last-updated": '<x-date a="1">'}),
         (agreement("bad-date", "'<x-date a=\"1\">' is not an ISO date"),),
         present=("Example &lt;b&gt;Corp&lt;/b&gt;",), absent=("<x-date", "<b>Corp"),
         header=False),
    Case("previous-missing",
         rst_directive(**GOOD, previous="archive/nowhere"),
         md_directive(**GOOD, previous="archive/nowhere"),
         (agreement("bad-previous", "previous names 'archive/nowhere', which is not a "
                    "document"),),
         header=False),
    Case("previous-itself",
         rst_directive(**GOOD, previous="previous-itself"),
         md_directive(**GOOD, previous="previous-itself"),
         (agreement("bad-previous", "previous names this agreement itself"),),
         header=False),
    Case("previous-not-agreement",
         rst_directive(**GOOD, previous="/index"),
         md_directive(**GOOD, previous="/index"),
         (agreement("bad-previous", "previous names 'index', which is not an agreement"),),
         header=False),
    Case("two-agreements",
         "Preamble text.\n\n" + rst_directive(provider="Second Corp.",
                                               **{"last-updated": "2024-01-01"}),
         "Preamble text.\n\n" + md_directive(provider="Second Corp.",
                                             **{"last-updated": "2024-01-01"}),
         (agreement("duplicate-agreement", "this second agreement directive is ignored (the "
                    "first is at line 4)", at="agreement"),),
         expect_md=(agreement("duplicate-agreement", "(the first is at line 3)",
                              at="agreement"),),
         absent=("Second Corp.",)),
    Case("no-title",
         rst_directive(**GOOD),
         md_directive(**GOOD),
         (agreement("missing-title", "agreement: the document has no title"),),
         header=False, title=False),
    Case("misplaced-agreement",
         rst_heading("Misplaced clause") + "\nClause text.\n\n" + rst_directive(**GOOD),
         "## Misplaced clause\n\nClause text.\n\n" + md_directive(**GOOD),
         (agreement("misplaced-agreement", "place the directive right after the document's "
                    "title", at="agreement"),),
         header=False),
    # -- empty roles ---------------------------------------------------------------------------
    Case("define-empty",
         "An empty :define:`\\ ` here.\n",
         "An empty {define}` ` here.\n",
         (agreement("empty-role", "define needs the term to define"),),
         absent=("<dfn",)),
    Case("use-empty",
         "An empty :use:`\\ ` here.\n",
         "An empty {use}` ` here.\n",
         (agreement("empty-role", "use needs the term to link to"),)),
    Case("use-empty-target",
         "Words :use:`some words <>` here.\n",
         "Words {use}`some words <>` here.\n",
         (agreement("empty-role", "use needs the term to link to"),)),
    Case("clause-empty",
         "An empty :clause:`\\ ` here.\n",
         "An empty {clause}` ` here.\n",
         (agreement("empty-role", "clause needs the label of a clause"),)),
    Case("clause-empty-target",
         "See :clause:`the rules <>` here.\n",
         "See {clause}`the rules <>` here.\n",
         (agreement("empty-role", "clause needs the label of a clause"),)),
    # -- clause references ---------------------------------------------------------------------
    Case("clause-range-missing-end",
         ".. _rme-one:\n\n" + rst_heading("One") + "\nSee :clause:`rme-one..` here.\n",
         "(rme-one)=\n## One\n\nSee {clause}`rme-one..` here.\n",
         (agreement("bad-range", "clause: 'rme-one..' lacks an end of its range", at="See"),),
         present=("rme-one..",)),
    Case("clause-range-missing-start",
         ".. _rms-one:\n\n" + rst_heading("One") + "\nSee :clause:`..rms-one` here.\n",
         "(rms-one)=\n## One\n\nSee {clause}`..rms-one` here.\n",
         (agreement("bad-range", "lacks an end of its range", at="See"),)),
    Case("clause-range-reversed",
         ".. _rev-first:\n\n" + rst_heading("First") + "\nText.\n\n.. _rev-second:\n\n"
         + rst_heading("Second") + "\nSee :clause:`rev-second..rev-first` here.\n",
         "(rev-first)=\n## First\n\nText.\n\n(rev-second)=\n## Second\n\n"
         "See {clause}`rev-second..rev-first` here.\n",
         (agreement("bad-range", "rev-second..rev-first is out of order (it runs from 2 back "
                    "to 1)", at="See"),),
         present=("rev-second..rev-first",)),
    Case("clause-range-across-agreements",
         ".. _cross-one:\n\n" + rst_heading("One") + "\nSee :clause:`cross-one..rev-second`.\n",
         "(cross-one)=\n## One\n\nSee {clause}`cross-one..rev-second`.\n",
         (agreement("bad-range", "the ends of cross-one..rev-second are in different "
                    "agreements (clause-range-across-agreements, clause-range-reversed)",
                    at="See"),)),
    Case("clause-unknown-label",
         "Text.\n\nSee\n:clause:`no-such-label` here.\n",
         "Text.\n\nSee\n{clause}`no-such-label` here.\n",
         (agreement("unknown-clause", "clause: 'no-such-label' is not the label of a clause",
                    at=":clause:`no-such" if True else None),),
         expect_md=(agreement("unknown-clause", "'no-such-label' is not the label",
                              at="{clause}`no-such"),)),
    Case("clause-range-unknown-end",
         ".. _rue-one:\n\n" + rst_heading("One") + "\nSee :clause:`rue-one..rue-nowhere`.\n",
         "(rue-one)=\n## One\n\nSee {clause}`rue-one..rue-nowhere`.\n",
         (agreement("unknown-clause", "'rue-nowhere' is not the label of a clause",
                    at="See"),)),
    Case("clause-list-one-unknown",
         ".. _lou-one:\n\n" + rst_heading("One") + "\nSee :clause:`lou-one, lou-nowhere`.\n",
         "(lou-one)=\n## One\n\nSee {clause}`lou-one, lou-nowhere`.\n",
         (agreement("unknown-clause", "'lou-nowhere' is not the label", at="See"),),
         present=("lou-one, lou-nowhere",)),
    Case("clause-custom-text-unknown",
         "See :clause:`the <b> rule <ctu-nowhere>` here.\n",
         "See {clause}`the <b> rule <ctu-nowhere>` here.\n",
         (agreement("unknown-clause", "'ctu-nowhere' is not the label"),),
         present=("the &lt;b&gt; rule",), absent=("<b>",)),
    Case("clause-names-a-paragraph",
         ".. _cnp-para:\n\nA labelled paragraph; see :clause:`cnp-para`.\n",
         "(cnp-para)=\nA labelled paragraph; see {clause}`cnp-para`.\n",
         (agreement("unknown-clause", "'cnp-para' is not the label of a clause",
                    at="A labelled"),)),
    Case("clause-names-the-title",
         "See :clause:`cnt-title` here.\n",
         "See {clause}`cnt-title` here.\n",
         (agreement("unknown-clause", "'cnt-title' is not the label of a clause"),)),
    # -- defined terms -------------------------------------------------------------------------
    Case("define-in-heading",
         rst_heading("About :define:`Heading Term`") + "\nClause text.\n",
         "## About {define}`Heading Term`\n\nClause text.\n",
         (agreement("define-in-heading", "define 'Heading Term' in a heading"),),
         present=("Heading Term",), absent=("<dfn",)),
    Case("define-outside-agreement",
         "A stray (the :define:`Stray Term`) here.\n",
         "A stray (the {define}`Stray Term`) here.\n",
         (agreement("outside-agreement", "define 'Stray Term': this document is not an "
                    "agreement"),),
         header=False),
    Case("defined-terms-outside-agreement",
         "Text.\n\n.. defined-terms::\n",
         "Text.\n\n```{defined-terms}\n```\n",
         (agreement("outside-agreement", "defined-terms: this document is not an agreement",
                    at="defined-terms"),),
         absent=('class="defined-terms"',), header=False),
    Case("use-undefined",
         "First line.\nA :use:`Missing Term` here.\n",
         "First line.\nA {use}`Missing Term` here.\n",
         (agreement("undefined-term", "use: the agreement does not define 'Missing Term'",
                    at="A "),),
         present=("Missing Term",)),
    Case("use-undefined-outside-agreement",
         "First line.\nA :use:`Nowhere Term` here.\n",
         "First line.\nA {use}`Nowhere Term` here.\n",
         (agreement("undefined-term", "use: no agreement defines the term 'Nowhere Term'",
                    at="A "),),
         present=("Nowhere Term",), header=False),
    Case("unused-term",
         "The (the :define:`Lonely Term`) is never used.\n",
         "The (the {define}`Lonely Term`) is never used.\n",
         (agreement("unused-term", "the term 'Lonely Term' is defined but never used"),),
         present=('id="term-lonely-term"',)),
    Case("duplicate-term",
         "A (the :define:`Twice Term`) here.\n\nAgain (the :define:`Twice Term`) there.\n\n"
         "Twice Term is used.\n",
         "A (the {define}`Twice Term`) here.\n\nAgain (the {define}`Twice Term`) there.\n\n"
         "Twice Term is used.\n",
         (agreement("duplicate-term", "the term 'Twice Term' is already defined at line {start} "
                    "(as 'Twice Term')", at="Again"),),
         present=('id="term-twice-term"', 'href="#term-twice-term"')),
    Case("duplicate-term-plural",
         "A (the :define:`Widget`) here.\n\nMore (the :define:`Widgets`) there.\n\n"
         "One Widget is used.\n",
         "A (the {define}`Widget`) here.\n\nMore (the {define}`Widgets`) there.\n\n"
         "One Widget is used.\n",
         (agreement("duplicate-term", "the term 'Widgets' is already defined at line {start} "
                    "(as 'Widget')", at="More"),)),
    Case("term-with-plus-signs",
         "Our (the :define:`C++ Services`) run.\n\nThe C++ Services are fast.\n\n"
         "Again (the :define:`C++ Service`).\n",
         "Our (the {define}`C++ Services`) run.\n\nThe C++ Services are fast.\n\n"
         "Again (the {define}`C++ Service`).\n",
         (agreement("duplicate-term", "the term 'C++ Service' is already defined",
                    at="Again"),),
         present=('id="term-c-plus-plus-services"', 'href="#term-c-plus-plus-services"')),
    Case("term-with-parentheses",
         "Yearly (the :define:`Fees (Annual)`) apply.\n\nThe Fees (Annual) are due.\n\n"
         "A :use:`Fees (Annual` typo.\n",
         "Yearly (the {define}`Fees (Annual)`) apply.\n\nThe Fees (Annual) are due.\n\n"
         "A {use}`Fees (Annual` typo.\n",
         (agreement("undefined-term", "does not define 'Fees (Annual'", at="typo"),),
         present=('id="term-fees-annual"', 'href="#term-fees-annual"')),
    Case("term-non-ascii",
         "Les (the :define:`Données Client`) ici.\n\nLes Données Client restent.\n\n"
         "A :use:`Donnees Client` typo.\n",
         "Les (the {define}`Données Client`) ici.\n\nLes Données Client restent.\n\n"
         "A {use}`Donnees Client` typo.\n",
         (agreement("undefined-term", "does not define 'Donnees Client'", at="typo"),),
         present=('id="term-donnees-client"', 'href="#term-donnees-client"')),
    Case("term-weird-spacing",
         "A (the :define:`Spaced\nTerm`) over two lines.\n\nThe :use:`Spaced    Term` "
         "links.\nBut\n:use:`spaced term` does not.\n",
         "A (the {define}`Spaced\n   Term`) over two lines.\n\nThe {use}`Spaced    Term` "
         "links.\nBut\n{use}`spaced term` does not.\n",
         (agreement("undefined-term", "does not define 'spaced term'", at="use:`spaced term`"),),
         expect_md=(agreement("undefined-term", "does not define 'spaced term'",
                              at="{use}`spaced term`"),),
         present=('id="term-spaced-term"', 'href="#term-spaced-term"')),
    Case("use-angle-brackets-unbalanced",
         "A :use:`Order <Form` here.\n",
         "A {use}`Order <Form` here.\n",
         (agreement("undefined-term", "does not define 'Order <Form'"),),
         present=("Order &lt;Form",), absent=("<Form",)),
    Case("use-markup-in-display-text",
         'A :use:`the <b onclick="x"> form <Nowhere Form>` here.\n',
         'A {use}`the <b onclick="x"> form <Nowhere Form>` here.\n',
         (agreement("undefined-term", "does not define 'Nowhere Form'"),),
         present=("the &lt;b onclick=", ), absent=("<b onclick",)),
    Case("nested-roles",
         "A :use:`:define:`Inner Term`` here.\n",
         "A {use}`{define}`Inner Term`` here.\n",
         (agreement("undefined-term", "does not define ':define:`Inner Term`'"),),
         expect_md=(agreement("undefined-term", "does not define '{{define}}"),),
         absent=("<dfn",)),
    Case("undeclared-definition",
         'The software (the "Services") and\nthe papers (\u201cOrder Form\u201d) are here.\n',
         'The software (the "Services") and\nthe papers (\u201cOrder Form\u201d) are here.\n',
         (agreement("undeclared-definition", "looks like a definition", at="software"),
          agreement("undeclared-definition", "Order Form", at="papers"))),
    Case("unmarked-reference",
         "Text.\n\nAs set out in\nSections 4 through 10, and not Section 1542 of the "
         "California Civil Code.\n",
         "Text.\n\nAs set out in\nSections 4 through 10, and not Section 1542 of the "
         "California Civil Code.\n",
         (agreement("unmarked-reference", "'Sections 4 through 10' is typed by hand",
                    at="Sections 4"),)),
    # -- the block directives ------------------------------------------------------------------
    Case("conspicuous-empty",
         ".. conspicuous::\n",
         "```{conspicuous}\n```\n",
         (Expect("docutils", 'Content block expected for the "conspicuous" directive'),),
         absent=('class="conspicuous"',)),
    Case("summary-empty",
         ".. _se-one:\n\n" + rst_heading("One") + "\n.. summary::\n",
         "(se-one)=\n## One\n\n:::{summary}\n:::\n",
         (Expect("docutils", 'Content block expected for the "summary" directive',
                 at="summary"),),
         absent=('class="clause-summary"',)),
    Case("summary-outside-agreement",
         ".. summary::\n\n   In short (the :define:`Summary Term`) here.\n",
         ":::{summary}\nIn short (the {define}`Summary Term`) here.\n:::\n",
         (agreement("outside-agreement", "define 'Summary Term'", at="In short"),),
         present=('class="clause-summary"',), header=False),
    Case("conspicuous-outside-clause",
         ".. conspicuous::\n\n   Warning text; see :clause:`coc-nowhere`.\n",
         ":::{conspicuous}\nWarning text; see {clause}`coc-nowhere`.\n:::\n",
         (agreement("unknown-clause", "'coc-nowhere' is not the label", at="Warning"),),
         present=('class="conspicuous"', "Warning text")),
    Case("conspicuous-unknown-option",
         ".. conspicuous::\n   :caps: yes\n\n   Loud text.\n",
         ":::{conspicuous}\n:caps: yes\n\nLoud text.\n:::\n",
         (Expect("docutils", 'Error in "conspicuous" directive:\nunknown option: "caps"'),),
         expect_md=(Expect("myst.directive_option", "Unknown option key: 'caps'",
                           at=":caps:"),)),
    # Text on the directive's line is its first line of content (as for
    # docutils' admonitions), and is checked like the rest.
    Case("summary-on-the-directive-line",
         ".. _sdl-one:\n\n" + rst_heading("One") + "\n.. summary:: In short, Section 3 says so.\n",
         "(sdl-one)=\n## One\n\n:::{summary} In short, Section 3 says so.\n:::\n",
         (agreement("unmarked-reference", "'Section 3' is typed by hand", at="summary"),),
         present=('class="clause-summary"', "In short, Section 3 says so.")),
    Case("summary-unknown-option",
         ".. summary::\n   :title: Briefly\n\n   Short text.\n",
         ":::{summary}\n:title: Briefly\n\nShort text.\n:::\n",
         (Expect("docutils", 'Error in "summary" directive:\nunknown option: "title"'),),
         expect_md=(Expect("myst.directive_option", "Unknown option key: 'title'",
                           at=":title:"),)),
    Case("defined-terms-with-content",
         ".. defined-terms::\n\n   A stray body.\n",
         "```{defined-terms}\nA stray body.\n```\n",
         (Expect("docutils", 'Error in "defined-terms" directive:\nno content permitted'),),
         expect_md=(Expect("myst.directive_parse", "'defined-terms': Has content, but none "
                           "permitted"),),
         absent=("A stray body.",)),
    Case("defined-terms-in-preamble",
         ".. defined-terms::\n\nThe (the :define:`Early Term`) and the :use:`Late Term`.\n",
         "```{defined-terms}\n```\n\nThe (the {define}`Early Term`) and the {use}`Late Term`.\n",
         (agreement("unused-term", "'Early Term' is defined but never used", at="The (the"),
          agreement("undefined-term", "does not define 'Late Term'", at="The (the")),
         present=('class="defined-terms"', 'href="#term-early-term"')),
]

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


# -- the catalogue, built once per syntax ---------------------------------------------------

@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """One build per syntax, made on first use and shared by the module's tests."""
    return build_once_per_syntax(tmp_path_factory, "agreement-malformed",
                                 partial(catalogue_files, SUPPORT_FILES, CASES, page_source))


def test_catalogue_is_large_and_names_are_unique():
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("syntax", sorted(SYNTAXES))
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_malformed_case(builds, case, syntax):
    build = builds(syntax)
    page, start = page_source(case, syntax)
    assert_case_warnings(build, case, syntax, page, start)
    assert_case_page(build, case)


@pytest.mark.parametrize("syntax", sorted(SYNTAXES))
def test_no_traceback_and_every_warning_located(builds, syntax):
    assert_no_traceback_and_every_warning_located(builds(syntax), "agreement", WARNING_SUBTYPES)


@pytest.mark.parametrize("syntax", sorted(SYNTAXES))
def test_every_export_is_valid_and_keeps_its_page(builds, syntax):
    """The pages that stayed agreements have a valid export; bad options are null."""
    build = builds(syntax)
    exports = sorted(build.outdir.glob("*.agreement.json"))
    assert len(exports) >= len([c for c in CASES if c.header]) - 1
    for path in exports:
        data = json.loads(path.read_text("utf-8"))
        validate(data)
    no_title = json.loads((build.outdir / "no-title.agreement.json").read_text("utf-8"))
    assert no_title["title"] == "no-title"
    bad_date = json.loads((build.outdir / "bad-date-markup.agreement.json").read_text("utf-8"))
    assert bad_date["last_updated"] is None and bad_date["provider"] == "Example <b>Corp</b>"


@pytest.mark.parametrize("syntax", sorted(SYNTAXES))
def test_the_build_fails_under_W_because_of_the_cases(builds, syntax):
    build = builds(syntax)
    # Every warning counted towards the failure is one of the cases' records.
    assert failed_under_W_with(build) == len(build.records)
    places = {Path(r.path).name for r in build.records}
    for case in CASES:
        assert f"{case.name}{SYNTAXES[syntax]}" in places, case.name


# -- known bugs in files of other helpers ---------------------------------------------------------

APOSTROPHE_PAGES = {
    "rst": "Quotes\n======\n\n" + rst_directive(**GOOD) + "\nThe data (the :define:`O'Brien "
           "Data`) is kept.\n\nAll O'Brien Data is safe.\n",
    "md": "# Quotes\n\n" + md_directive(**GOOD) + "\nThe data (the {define}`O'Brien Data`) "
          "is kept.\n\nAll O'Brien Data is safe.\n",
}


@pytest.mark.parametrize("syntax", sorted(SYNTAXES))
def test_a_term_with_an_apostrophe_is_shown_as_typed_and_linked(tmp_path, syntax):
    (tmp_path / "conf.py").write_text(CONF, "utf-8")
    (tmp_path / f"index{SYNTAXES[syntax]}").write_text(APOSTROPHE_PAGES[syntax], "utf-8")
    app = SphinxTestApp("html", srcdir=tmp_path, freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    assert "[agreement." not in app.warning.getvalue()
    data = json.loads((Path(app.outdir) / "index.agreement.json").read_text("utf-8"))
    html = (Path(app.outdir) / "index.html").read_text("utf-8")
    [term] = data["definitions"]
    page = BeautifulSoup(html, "html.parser")
    assert page.find("dfn", id=term["id"]).get_text() == f"\u201c{term['term']}\u201d"
    assert page.find("a", class_="term", href=f"#{term['id']}") is not None
