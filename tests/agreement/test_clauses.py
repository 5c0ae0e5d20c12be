"""Clauses: every section of an agreement is a clause, numbered 1, 1.1 ...
in its heading and in the tables of contents.

On the root ``test-agreement-all-features`` (one agreement in each syntax
that uses every feature), and `number_clauses` on sections built by hand;
roles in headings are in test_roles_in_headings.py, a clause whose anchor
another element holds in test_lifecycle.py.
"""

from __future__ import annotations

import pytest
from agreement_support import (
    ALL_FEATURES,
    ALL_FEATURES_SHARED,
    SYNTAXES,
    body,
    built,
    clause_sections,
    heading_of,
)
from docutils import frontend, nodes
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from agreement.numbering import number_clauses, stable_anchor


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_clauses_are_numbered_in_headings(app, syntax):
    outdir = built(app)
    page = body(outdir, f"terms-{syntax}")
    headings = [heading_of(s) for s in clause_sections(page)]
    numbers = [h.select_one("span.clause-number").get_text() for h in headings]
    assert numbers == ["1.", "1.1", "2.", "3.", "4.", "5."]
    first = headings[0]
    assert str(first).startswith(
        '<h2><span class="clause-number">1.</span> Access to the Services')
    assert first.get_text().startswith("1. Access to the Services")
    assert headings[1].name == "h3"
    # The title is not a clause.
    assert page.find("h1").select_one("span.clause-number") is None


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_clause_numbers_in_tables_of_contents(app, syntax):
    outdir = built(app)
    docname = f"terms-{syntax}"
    # The document's toc, from which themes build "On this page".
    toc = app.env.tocs[docname].astext()
    assert "1. Access to the Services" in toc
    assert "1.1 Accounts" in toc
    assert "4. Customer Data" in toc
    # The toctree of another page lists them too.
    toctree = body(outdir, "index").select_one("div.toctree-wrapper")
    entries = [a.get_text() for a in toctree.find_all("a")
               if a["href"].startswith(f"{docname}.html#")]
    assert entries == ["1. Access to the Services", "1.1 Accounts", "2. Fees", "3. Ownership",
                       "4. Customer Data", "5. Definitions"]
    assert toctree.find("a", href=f"{docname}.html").select_one(".clause-number") is None


@pytest.mark.parametrize(("label", "prefix", "anchor"), [
    ("v2-fees", "v2-", "fees"),  # the version's prefix dropped
    ("fees", None, "fees"), ("fees", "", "fees"),
    ("other-fees", "v2-", "other-fees"),  # not the prefix: kept
    ("v2-", "v2-", "v2"),  # nothing would be left: the whole label
    ("v2-3", "v2-", "clause-3"), ("7", None, "clause-7"),  # an id cannot start with a digit
    ("Data_Rules", None, "data-rules"),
])
def test_stable_anchor_of_a_labelled_clause(label, prefix, anchor):
    assert stable_anchor(label, prefix) == anchor


def test_sections_built_by_hand_are_numbered_too():
    """Sections that another extension builds (without the ids and names the
    parsers give, even without a title) are clauses like any other: each
    gets a number and an id of its own, and one with no title an empty one."""
    document = new_document("<hand-built>", frontend.get_default_settings(Parser))
    top = nodes.section("", nodes.title("", "Terms"))
    untitled = nodes.section("", nodes.paragraph("", "Text."))
    titled = nodes.section("", nodes.title("", "Fees"))
    top += [untitled, titled]
    document += top
    records = number_clauses(document, top)
    assert [(r["number"], r["title"], r["label"], r["depth"]) for r in records] == \
        [("1", "", None, 1), ("2", "Fees", None, 1)]
    assert untitled["clause_title"] == "" and titled["clause_title"] == "Fees"
    anchors = [r["anchor"] for r in records]
    assert len(set(anchors)) == 2
    assert [document.ids[anchor] for anchor in anchors] == [untitled, titled]
    assert titled[0].astext() == "2. Fees"


# -- equivalent mutants (make mutate) ---------------------------------------------------------
# No test can tell these from the original:
# agreement.numbering.x_stable_anchor__mutmut_11: make_id("CLAUSE-" + label) is the same id
#   as make_id("clause-" + label), since make_id lowers the case.
