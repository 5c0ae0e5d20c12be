"""Defined terms: the `define` and `use` roles and the automatic linking of
every use to its definition.

On the root ``test-agreement-all-features`` (one agreement in each syntax
that uses every feature): the dfn, uses linking to their definitions with
the defining sentence, the `use` role. On the root ``test-agreement-terms``:
terms with regular-expression characters and non-ASCII letters, plural
forms, whole words, exclusions, and the three ``agreement_link_terms``
modes; and one-page builds of terms over a line break and with backslashes.
Also its warnings on the root ``test-agreement-warnings``
(``IN_WARNINGS_ROOT``) and its malformed input as cases (``MALFORMED``),
each a page of a project generated and built once per syntax (see
agreement_malformed.py).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from agreement_malformed import CONF as MALFORMED_CONF
from agreement_malformed import (
    GOOD,
    Case,
    agreement,
    catalogue_builds,
    check_case,
    check_exports,
    check_failed_under_W,
    check_no_traceback_and_located,
    md_directive,
    rst_directive,
    rst_heading,
)
from agreement_malformed import SYNTAXES as MALFORMED_SYNTAXES
from agreement_support import (
    AGREEMENT_WARNINGS,
    AGREEMENT_WARNINGS_SHARED,
    ALL_FEATURES,
    ALL_FEATURES_SHARED,
    SYNTAXES,
    body,
    built,
    export,
    found_warnings,
    line_of_occurrence,
    section_by_label,
    validate,
    warnings,
    warnings_root_source,
)
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from agreement import checks
from agreement.forms import plural_of, singular_of, slugify, term_forms
from agreement.matcher import TermMatcher, matcher_for
from agreement.term_nodes import linked_text


def links(container) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in container.select("a.term")]


def section(page, syntax: str, label: str):
    target = page.find(id=f"{syntax}-{label}")
    return target if target.name == "section" else target.find_parent("section")


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.sphinx("html", testroot="agreement-terms")
@pytest.mark.test_params(shared_result="agreement-terms")
def test_special_characters_in_terms(app, syntax):
    app.build()
    assert warnings(app.warning.getvalue()) == []
    page = body(app.outdir, f"words-{syntax}")
    ids = [dfn["id"] for dfn in page.find_all("dfn")]
    assert ids == ["term-customer", "term-customer-data", "term-c-plus-plus-services",
                   "term-fees-annual", "term-donnees-client", "term-customer-application",
                   "term-pass", "term-activity"]
    all_ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(all_ids) == len(set(all_ids))
    uses = links(section(page, syntax, "uses"))
    assert ("C++ Services", "#term-c-plus-plus-services") in uses
    assert ("Fees (Annual)", "#term-fees-annual") in uses
    assert ("Données Client", "#term-donnees-client") in uses


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.sphinx("html", testroot="agreement-terms")
@pytest.mark.test_params(shared_result="agreement-terms")
def test_plurals_whole_words_and_case(app, syntax):
    app.build()
    page = body(app.outdir, f"words-{syntax}")
    uses = links(section(page, syntax, "uses"))
    assert uses[:4] == [("Customers", "#term-customer"),
                        ("Customer Applications", "#term-customer-application"),
                        ("Fees (Annual)", "#term-fees-annual"),
                        ("C++ Services", "#term-c-plus-plus-services")]
    assert ("Passes", "#term-pass") in uses  # +es after s
    assert ("Activities", "#term-activity") in uses  # consonant + y -> ies
    texts = [text for text, _ in uses]
    assert "CustomerData" not in " ".join(texts)
    assert "customer" not in texts
    # A possessive is a use; the text around the link is kept.
    paragraph = section(page, syntax, "uses").find("p")
    assert "Customer\u2019s rights stay. CustomerData is not a term and neither is customer." in \
        paragraph.get_text()


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.sphinx("html", testroot="agreement-terms")
@pytest.mark.test_params(shared_result="agreement-terms")
def test_longest_first_and_definitions_after_use(app, syntax):
    app.build()
    page = body(app.outdir, f"words-{syntax}")
    preamble = page.find("section").find("p", recursive=False)
    assert links(preamble) == [("Customer Data", "#term-customer-data"),
                               ("Customer", "#term-customer")]


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.sphinx("html", testroot="agreement-terms")
@pytest.mark.test_params(shared_result="agreement-terms")
def test_not_linked_in_code_links_headings_or_definitions(app, syntax):
    app.build()
    page = body(app.outdir, f"words-{syntax}")
    for code in page.find_all("code"):
        assert code.select("a.term") == [] and code.find_parent("a") is None
    external = page.find("a", href="https://example.com")
    assert external.get_text() == "Customer" and "term" not in external.get("class", [])
    assert external.select("a") == []
    for heading in page.find_all(["h1", "h2", "h3"]):
        assert heading.select("a.term") == []
    assert "Customer Names" in page.find("h3").get_text()
    for dfn in page.find_all("dfn"):
        assert dfn.select("a") == []


def _mode(mode: str):
    return pytest.param(mode, marks=[
        pytest.mark.sphinx("html", testroot="agreement-terms",
                           confoverrides={"agreement_link_terms": mode}),
        pytest.mark.test_params(shared_result=f"agreement-terms-{mode}"),
    ])


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize("mode", [_mode("first"), _mode("none")])
def test_link_modes(app, mode, syntax):
    app.build()
    page = body(app.outdir, f"words-{syntax}")
    uses = section(page, syntax, "uses")
    names = section(page, syntax, "uses").find("section")
    own = [a for a in uses.select("a.term") if a.find_parent("section") is uses]
    if mode == "none":
        assert page.select("a.term") == []
    else:
        # The first use of each term in each clause links, and only that.
        texts = [a.get_text() for a in own]
        hrefs = [a["href"] for a in own]
        assert len(hrefs) == len(set(hrefs))
        assert texts[0] == "Customers"
        assert hrefs.count("#term-customer") == 1
        # A subclause is a clause of its own: its first use links again.
        assert links(names) == [("Customer", "#term-customer")]
    # Every use still counts, whatever links.
    data = export(app.outdir, f"words-{syntax}")
    validate(data)
    customer = next(d for d in data["definitions"] if d["term"] == "Customer")
    assert customer["used_in"] == ["1", "2", "2.1"]
    assert warnings(app.warning.getvalue()) == []


@pytest.mark.parametrize(("term", "plural"), [
    ("Customer Application", "Customer Applications"),
    ("Pass", "Passes"), ("Box", "Boxes"), ("Batch", "Batches"), ("Wish", "Wishes"),
    ("Activity", "Activities"), ("Day", "Days"), ("API", "APIs"),
    ("Fees (Annual)", None), ("Services", None), ("Business", "Businesses"),
])
def test_plural_rules(term, plural):
    assert plural_of(term) == plural


# The forms are the term, then its singular (of a plural) or its plural (of
# a singular), by the plain rules of the guide: "Analysis" is not taken for
# a plural, and its plural is formed as that of any word ending in "s".
@pytest.mark.parametrize(("term", "singular", "forms"), [
    ("Services", "Service", ("Services", "Service")),
    ("Activities", "Activity", ("Activities", "Activity")),
    ("Boxes", "Box", ("Boxes", "Box")),
    ("Business", None, ("Business", "Businesses")),
    ("Status", None, ("Status", "Statuses")),
    ("Analysis", None, ("Analysis", "Analysises")),
    ("Customer", None, ("Customer", "Customers")),
])
def test_singular_rules(term, singular, forms):
    assert singular_of(term) == singular
    assert term_forms(term) == forms


@pytest.mark.parametrize(("term", "slug"), [
    ("Customer Data", "customer-data"), ("Données Client", "donnees-client"),
    ("C++ Services", "c-plus-plus-services"), ("Fees (Annual)", "fees-annual"),
    ("R&D Results", "r-and-d-results"), ("データ", "データ"), ("(!)", "term"),
])
def test_slugs(term, slug):
    assert slugify(term) == slug


def test_matcher_longest_whole_words_and_cache():
    owners = tuple(sorted({form: term for term in ("Customer", "Customer Data", "C++ Services",
                                                   "Fees (Annual)")
                           for form in term_forms(term)}.items()))
    matcher = matcher_for(owners)
    assert matcher_for(owners) is matcher  # compiled once per agreement
    text = ("The Customer Data of Customers and Customer\nData; C++ Services, Fees (Annual). "
            "CustomerData, customer, Customer\u2019s, C+ + Services, Customer Data_x.")
    assert [(text[s:e], term) for s, e, term in matcher.finditer(text)] == [
        ("Customer Data", "Customer Data"), ("Customers", "Customer"),
        ("Customer\nData", "Customer Data"), ("C++ Services", "C++ Services"),
        ("Fees (Annual)", "Fees (Annual)"), ("Customer", "Customer"), ("Customer", "Customer"),
    ]
    assert TermMatcher(()).finditer(text) == []


def found(matcher, text):
    return [(text[start:end], term) for start, end, term in matcher.finditer(text)]


def test_matcher_singular_and_plural_forms_of_a_term():
    matcher = TermMatcher(dict.fromkeys(term_forms("Service"), "Service"))
    text = "A Service, two Services; Serviced, Servicess, service, SERVICES."
    assert found(matcher, text) == [("Service", "Service"), ("Services", "Service")]


def test_matcher_in_scripts_written_without_spaces():
    matcher = TermMatcher({"データ": "データ", "本サービス": "本サービス", "Services": "Services"})
    text = "本サービスのデータはServicesの中、ServicesXではない。"
    assert found(matcher, text) == [("本サービス", "本サービス"), ("データ", "データ"),
                                    ("Services", "Services")]


def test_matcher_forms_that_start_or_end_with_punctuation_are_whole_words_too():
    matcher = TermMatcher({".NET": ".NET", "C++": "C++", "Fees (Annual)": "Fees (Annual)"})
    text = "ASP.NET and .NET, C++x and C++; Fees (Annual)s and Fees (Annual)."
    assert found(matcher, text) == [(".NET", ".NET"), ("C++", "C++"),
                                    ("Fees (Annual)", "Fees (Annual)")]


def test_matcher_quotes_and_escapes():
    # A form with a quote matches either quote style; text with reST's
    # escapes (null characters) is matched as shown, at its own positions.
    matcher = TermMatcher({"Provider's Content": "Provider's Content", "Customer": "Customer"})
    assert found(matcher, "the Provider\u2019s Content and Provider's Content") == [
        ("Provider\u2019s Content", "Provider's Content"),
        ("Provider's Content", "Provider's Content")]
    text = "the Cus\x00tomer, \x00Customer and\x00 Customer"
    assert found(matcher, text) == [("Cus\x00tomer", "Customer"), ("Customer", "Customer")]
    # An escaped space or line break goes with its escape, joining what it
    # separates (reST's ``*Service*\ s``), and a text may end in an escape.
    matcher = TermMatcher({"Services": "Services", "Fees": "Fees"})
    text = "the Service\x00 s, Fe\x00\nes and Fees\x00"
    assert found(matcher, text) == [("Service\x00 s", "Services"), ("Fe\x00\nes", "Fees"),
                                    ("Fees", "Fees")]


def test_matcher_cache_keeps_the_last_four_agreements():
    owners = [{f"Term{n}X": f"Term{n}X"} for n in range(5)]
    matchers = [matcher_for(o) for o in owners]
    assert all(matcher_for(o) is m for o, m in zip(owners[1:], matchers[1:], strict=True))
    assert matcher_for(owners[0]) is not matchers[0]  # the oldest, dropped


def test_linked_text_keeps_its_links_when_pickled_or_copied():
    node = linked_text("", "a Customer b", links=(2, 10, "term-customer", "The sentence."))
    for twin in (pickle.loads(pickle.dumps(node)), node.deepcopy()):
        assert type(twin) is linked_text and twin.astext() == "a Customer b"
        assert twin["links"] == node["links"]
    assert node.copy()["links"] == node["links"]


# -- a term over a line break, backslashes in terms (pages built per test) ------------------

PAGE_CONF = """\
extensions = ["myst_parser", "agreement"]
myst_enable_extensions = ["colon_fence"]
show_warning_types = True
"""
HEADER = {
    "rst": "Terms\n=====\n\n.. agreement::\n   :provider: Example Corp\n"
           "   :last-updated: 2025-07-15\n\n",
    "md": "# Terms\n\n```{agreement}\n:provider: Example Corp\n:last-updated: 2025-07-15\n```\n\n",
}


def build_page(tmp_path, syntax: str, text: str):
    """Build one agreement page (`text` after the header); its HTML body,
    its export and the build's warnings."""
    (tmp_path / "conf.py").write_text(PAGE_CONF, "utf-8")
    (tmp_path / f"index.{syntax}").write_text(HEADER[syntax] + text, "utf-8")
    app = SphinxTestApp("html", srcdir=tmp_path, freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    return body(app.outdir, "index"), export(app.outdir, "index"), app.warning.getvalue()


LINE_BREAK = {
    "rst": "The :define:`Customer Data` is kept.\n\nAll Customer\nData is safe, and so is\n"
           "Customer    Data.\n",
    "md": "The {define}`Customer Data` is kept.\n\nAll Customer\nData is safe, and so is\n"
          "Customer    Data.\n",
}


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_a_term_split_over_lines_is_linked(tmp_path, syntax):
    page, data, log = build_page(tmp_path, syntax, LINE_BREAK[syntax])
    assert warnings(log) == []
    uses = [(" ".join(text.split()), href) for text, href in links(page)]
    assert uses == [("Customer Data", "#term-customer-data")] * 2
    assert "Customer\nData" in page.select("a.term")[0].get_text()
    assert data["definitions"][0]["used_in"] == []  # no clauses: counted, not placed


# reST does the backslash escapes of a role's text, as for every role; MyST
# gives roles their text raw (as Sphinx's own roles show it there), so a
# backslash is part of the term. Either way the term is one string: as
# exported, as shown in its <dfn> (smart quotes would drop the backslash of
# "\." there) and as matched in the text as shown.
BACKSLASHES = {
    "rst": ("The :define:`Dot\\.Net Data` and the :define:`Back\\\\Slash` are kept.\n\n"
            "Dot.Net Data, Dot\\.Net Data and Back\\\\Slash are safe.\n",
            ["Dot.Net Data", "Back\\Slash"],
            [("Dot.Net Data", 0), ("Dot.Net Data", 0), ("Back\\Slash", 1)]),
    # The `use` shows its text as running text is shown: smart quotes take
    # the backslash of "\." there, as they do in Sphinx's own roles.
    "md": ("The {define}`Dot\\.Net Data` and the {define}`Back\\Slash` are kept.\n\n"
           "The {use}`Dot\\.Net Data` and Back\\\\Slash are safe.\n",
           ["Dot\\.Net Data", "Back\\Slash"],
           [("Dot.Net Data", 0), ("Back\\Slash", 1)]),
}


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_backslashes_in_a_term_are_exported_shown_and_matched_alike(tmp_path, syntax):
    source, terms, expected_links = BACKSLASHES[syntax]
    page, data, log = build_page(tmp_path, syntax, source)
    assert warnings(log) == []
    assert [d["term"] for d in data["definitions"]] == terms
    for definition in data["definitions"]:
        dfn = page.find("dfn", id=definition["id"])
        assert dfn.get_text() == f"\u201c{definition['term']}\u201d"
    ids = [d["id"] for d in data["definitions"]]
    assert links(page) == [(text, f"#{ids[index]}") for text, index in expected_links]


# The export reads a paragraph's text as shown: the quotes of a definition,
# and no backslash of reST's escapes (an escaped space goes, with it).
ESCAPES_IN_A_CLAUSE = {
    "rst": "Use\n---\n\nThe :define:`Dot\\.Net Data` of A\\ B\\*C is Dot\\.Net Data.\n",
    "md": "## Use\n\nThe {define}`Dot Net Data` of AB\\*C is Dot Net Data.\n",
}


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_the_exported_clause_text_is_the_text_as_shown(tmp_path, syntax):
    page, data, log = build_page(tmp_path, syntax, ESCAPES_IN_A_CLAUSE[syntax])
    assert warnings(log) == []
    shown = " ".join(page.find("dfn").find_parent("p").get_text().split())
    name = "Dot.Net Data" if syntax == "rst" else "Dot Net Data"
    assert shown == f"The \u201c{name}\u201d of AB*C is {name}."
    assert data["clauses"][0]["text"] == shown


# -- defining and using terms in a whole agreement (root test-agreement-all-features) ---------


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_define_renders_a_dfn(app, syntax):
    outdir = built(app)
    html = (outdir / f"terms-{syntax}.html").read_text(encoding="utf-8")
    assert '<dfn id="term-customer-data">\u201c<strong>Customer Data</strong>\u201d</dfn>' in html
    page = body(outdir, f"terms-{syntax}")
    ids = [dfn["id"] for dfn in page.find_all("dfn")]
    assert ids == ["term-services", "term-customer", "term-customer-application",
                   "term-order-form", f"term-{(syntax == 'rst' and 'alpha') or 'beta'}-credit",
                   "term-customer-data"]
    for dfn in page.find_all("dfn"):
        assert dfn.find_parent("a") is None


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_uses_link_to_their_definitions(app, syntax):
    outdir = built(app)
    page = body(outdir, f"terms-{syntax}")
    preamble = page.find("section").find("p", recursive=False)
    # Uses before the definition link too.
    assert [(a.get_text(), a["href"]) for a in preamble.select("a.term")] == [
        ("Customer", "#term-customer"), ("Services", "#term-services")]
    data = section_by_label(page, syntax, "data")
    uses = [(a.get_text(), a["href"]) for a in data.select("a.term")]
    # Longest first: "Customer Data" is one use, not "Customer" + "Data".
    assert ("Customer Data", "#term-customer-data") in uses
    assert ("Customer", "#term-customer") in uses
    accounts = section_by_label(page, syntax, "accounts")
    # The plural links to the singular's definition.
    assert ("Customer Applications", "#term-customer-application") in [
        (a.get_text(), a["href"]) for a in accounts.select("a.term")]
    for link in page.select("a.term"):
        assert link["class"] == ["term"]
    # Not in headings, not in the summary box.
    for heading in page.find_all(["h1", "h2", "h3"]):
        assert heading.select("a.term") == []
    assert page.select("aside.clause-summary a.term") == []


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_links_carry_the_defining_sentence(app, syntax):
    outdir = built(app)
    page = body(outdir, f"terms-{syntax}")
    link = page.find("a", class_="term", href="#term-customer-data")
    assert link["aria-description"] == (
        "All data that the Customer uploads is \u201cCustomer Data\u201d.")
    link = page.find("a", class_="term", href="#term-customer-application")
    # Clause references in the sentence read as rendered.
    assert link["aria-description"] == (
        "The Customer may build applications that run the Services (each a "
        "\u201cCustomer Application\u201d), subject to Section 2.")


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_use_role_links_explicitly(app, syntax):
    outdir = built(app)
    fees = section_by_label(body(outdir, f"terms-{syntax}"), syntax, "fees")
    links = fees.find_all("a", class_="term", href="#term-order-form")
    assert [a.get_text() for a in links] == ["Order Form"]
    assert links[0]["aria-description"].startswith("Paid use of the")


# -- warnings (root test-agreement-warnings) --------------------------------------------------

#: This feature's warnings in the root ``test-agreement-warnings``: (document,
#: text on the offending line, occurrence of that text, subtype).
#: test_agreement_warnings.py checks that the root gives no others.
IN_WARNINGS_ROOT = [
    ("warn", "Heading with", 1, "define-in-heading"),
    ("warn", "duplicate is wrong", 1, "duplicate-term"),
    ("warn", "Lonely Term", 1, "unused-term"),
    ("warn", "Missing Term", 1, "undefined-term"),
    ("warn", "Portal Account", 1, "undeclared-definition"),
    ("warn", "Gateway Key", 1, "undeclared-definition"),
    ("warn", "Empty use", 1, "empty-role"),
    ("warn", "Empty define", 1, "empty-role"),
    ("outside", "Stray Term", 1, "outside-agreement"),
    ("outside", "Nowhere Term", 1, "undefined-term"),
]


@AGREEMENT_WARNINGS
@AGREEMENT_WARNINGS_SHARED
@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize(("document", "needle", "occurrence", "subtype"), IN_WARNINGS_ROOT)
def test_warning_has_subtype_file_and_line(app, syntax, document, needle, occurrence, subtype):
    app.build()
    path = warnings_root_source(app, document, syntax)
    needle = needle[syntax] if isinstance(needle, dict) else needle
    line = line_of_occurrence(path, needle, occurrence)
    assert (path.name, line, f"agreement.{subtype}") in found_warnings(app), \
        app.warning.getvalue()


@pytest.mark.parametrize(("source", "line", "placed"), [
    ("terms.rst", 3, ["terms.rst:3", "terms.rst:4"]),  # each at its own line of the text
    (None, 3, None), ("terms.rst", None, None), (None, None, None),
])
def test_a_check_on_text_without_a_source_line_is_placed_at_its_node(
        monkeypatch, source, line, placed):
    """Text that a directive or a transform made may lack a file or a line:
    the checks of running text then place their warnings at the node that
    stands for it (`fallback`), never at a made-up "None:4"."""
    fallback = nodes.paragraph()
    seen = []
    monkeypatch.setattr(checks, "warn",
                        lambda subtype, _message, location: seen.append((subtype, location)))
    checks.check_text('The portal (the "Portal") and\nthe fees of Section 4 stay.',
                      source, line, fallback)
    definition_at, reference_at = placed or (fallback, fallback)
    assert seen == [("undeclared-definition", definition_at),
                    ("unmarked-reference", reference_at)]


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; agreement_malformed builds and checks them.
#: Text with undeclared definitions in both scripts (and one that is none);
#: the last paragraph holds only half-width corner brackets.
UNDECLARED = (
    'The software (the "services", in lower case) is no definition; the\n'
    'platform ("Platform") is, and so are\n'
    "本サービス（以下「本サービス」という。）.\n"
    "\n"
    "｢利用者｣とは, alone in its paragraph.\n"
)

MALFORMED: list[Case] = [
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
    # A quoted phrase in lower case is no definition; the Japanese forms,
    # full-width and half-width, are. (Smart quotes curl the English ones.)
    Case("undeclared-definition-case-and-japanese",
         UNDECLARED, UNDECLARED,
         (agreement("undeclared-definition", "'(\u201cPlatform\u201d)' looks like a "
                    "definition: mark the term with the define role", at="platform"),
          agreement("undeclared-definition", "'（以下「本サービス」という。）' looks like a "
                    "definition: mark the term with the define role", at="本サービス"),
          agreement("undeclared-definition", "'｢利用者｣とは' looks like a definition",
                    at="｢利用者"))),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "terms", MALFORMED)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
@pytest.mark.parametrize("case", MALFORMED, ids=[case.name for case in MALFORMED])
def test_malformed_case(builds, case, syntax):
    check_case(builds(syntax), case, syntax)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_no_traceback_and_every_warning_located(builds, syntax):
    check_no_traceback_and_located(builds(syntax))


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_every_export_is_valid_and_keeps_its_page(builds, syntax):
    """The pages that stayed agreements have a valid export."""
    build = builds(syntax)
    check_exports(build, MALFORMED)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_the_build_fails_under_W_because_of_the_cases(builds, syntax):
    check_failed_under_W(builds(syntax), MALFORMED, syntax)


# -- known bugs in files of other helpers -------------------------------------------------------


APOSTROPHE_PAGES = {
    "rst": "Quotes\n======\n\n" + rst_directive(**GOOD) + "\nThe data (the :define:`O'Brien "
           "Data`) is kept.\n\nAll O'Brien Data is safe.\n",
    "md": "# Quotes\n\n" + md_directive(**GOOD) + "\nThe data (the {define}`O'Brien Data`) "
          "is kept.\n\nAll O'Brien Data is safe.\n",
}


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_a_term_with_an_apostrophe_is_shown_as_typed_and_linked(tmp_path, syntax):
    (tmp_path / "conf.py").write_text(MALFORMED_CONF, "utf-8")
    (tmp_path / f"index{MALFORMED_SYNTAXES[syntax]}").write_text(APOSTROPHE_PAGES[syntax], "utf-8")
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


# -- equivalent mutants (make mutate) ---------------------------------------------------------
#
# Mutants of matcher.py that no test can tell from the code:
#
# agreement.matcher.x__keys__mutmut_2
#     form.split(None) for form.split(" "): the form has just fully matched
#     _PLAIN_WORDS, words with one space between them, which both split alike.
# agreement.matcher.x__without_null_escapes__mutmut_16
#     index + 2 < length for index + 1 < length: differs only for an escaped
#     space that ends the text, which the mutant keeps as a trailing space;
#     no form ends in whitespace, so the uses found are the same.
#
# Mutants of checks.py's definition check that no test can tell from the
# code, because they change only how fast it is:
#
# agreement.checks.x_check_text__mutmut_4
# agreement.checks.x_check_text__mutmut_6
#     `japanese` true for text without a corner bracket: the early return
#     (an optimisation) is skipped and the Japanese pattern scans text it
#     cannot match (it needs a corner bracket); the warnings are the same.
