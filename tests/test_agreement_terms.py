"""Automatic linking of defined terms (root ``test-agreement-terms``): terms
with regular-expression characters and non-ASCII letters, plural forms,
whole words, exclusions, and the three ``agreement_link_terms`` modes."""

from __future__ import annotations

import pickle

import pytest
from sphinx.testing.util import SphinxTestApp
from test_agreement_support import SYNTAXES, body, export, validate, warnings

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


@pytest.mark.parametrize(("term", "singular"), [
    ("Services", "Service"), ("Activities", "Activity"), ("Boxes", "Box"),
    ("Business", None), ("Status", None), ("Analysis", None), ("Customer", None),
])
def test_singular_rules(term, singular):
    assert singular_of(term) == singular
    assert term in term_forms(term)


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
