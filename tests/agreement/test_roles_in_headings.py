"""Roles in headings (root ``test-agreement-roles-in-headings``): a `use`, a
`clause` and a `define` in the headings of agreements in both syntaxes (in
MyST, one `clause` inside emphasis), and a `use` in a heading of a page that is
not an agreement, in a project whose toctree lists every page. Sphinx copies
each heading into the tables of contents (the page's, the sidebar's, the
toctree's); a link of ours in a heading once reached them without the
``refuri`` that Sphinx expects of every reference there, and the build stopped
with a traceback."""

from __future__ import annotations

import pytest
from agreement_support import SYNTAXES, body, export, plain, soup, warnings

OTHER = {"rst": "md", "md": "rst"}
TITLE = {"rst": "Terms RST", "md": "Terms MD"}


def heading_texts(page) -> list[str]:
    return [" ".join(h.get_text(" ", strip=True).rstrip("¶").split())
            for h in page.find_all("h2")]


def toc_texts(container) -> list[str]:
    return [" ".join(a.get_text(" ", strip=True).split()) for a in container.select("a")]


def expected_headings(syntax: str) -> list[str]:
    return ["1. Access to Customer Data under Section 2",
            f"2. Fees for the data of Section 2 of {TITLE[OTHER[syntax]]}",
            "3. Definitions of \u201c Heading Term \u201d"]


@pytest.mark.sphinx("html", testroot="agreement-roles-in-headings")
@pytest.mark.test_params(shared_result="agreement-roles-in-headings")
def test_roles_in_headings_build_without_a_traceback(app):
    app.build()
    log = plain(app.status.getvalue() + app.warning.getvalue())
    for sign in ("Traceback", "Exception occurred", "KeyError"):
        assert sign not in log
    # Only the `define`s in headings warn, each at its own line.
    assert sorted((w["path"].rsplit("/", 1)[-1], w["line"], w["type"])
                  for w in warnings(app.warning.getvalue())) == [
        ("terms-md.md", "18", "agreement.define-in-heading"),
        ("terms-rst.rst", "22", "agreement.define-in-heading"),
    ]


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.sphinx("html", testroot="agreement-roles-in-headings")
@pytest.mark.test_params(shared_result="agreement-roles-in-headings")
def test_a_use_in_a_heading_is_plain_text_and_the_clause_is_resolved(app, syntax):
    app.build()
    page = body(app.outdir, f"terms-{syntax}")
    assert heading_texts(page) == expected_headings(syntax)
    for heading in page.find_all("h2"):
        # Headings are not linked to terms (the markup contract).
        assert heading.select("a.term") == [] and heading.find("dfn") is None
    # The running text is linked as ever, and the heading's `use` counts.
    assert page.select('a.term[href="#term-customer-data"]')
    assert page.find("dfn", id="term-customer-data") is not None


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.sphinx("html", testroot="agreement-roles-in-headings")
@pytest.mark.test_params(shared_result="agreement-roles-in-headings")
def test_the_tables_of_contents_show_the_headings(app, syntax):
    app.build()
    docname = f"terms-{syntax}"
    # The page's own table of contents (furo's right-hand one).
    local = soup(app.outdir, docname).select_one(".toc-tree")
    assert toc_texts(local) == [TITLE[syntax], *expected_headings(syntax)]
    hrefs = [a["href"] for a in local.select("a")]
    assert all(href.startswith("#") for href in hrefs) and len(set(hrefs)) == len(hrefs)
    # The toctree of the index, built from the same copies of the headings.
    index = body(app.outdir, "index")
    listed = toc_texts(index.select_one(".toctree-wrapper"))
    start = listed.index(TITLE[syntax])
    assert listed[start + 1:start + 4] == expected_headings(syntax)
    links = [a["href"] for a in index.select(".toctree-wrapper a")][start + 1:start + 4]
    assert all(href.startswith(f"{docname}.html#") for href in links)
    # The sidebar of every page lists every page.
    for page in ("index", "notes", "terms-rst", "terms-md"):
        sidebar = soup(app.outdir, page).select_one(".sidebar-tree")
        assert toc_texts(sidebar) == ["Terms RST", "Terms MD", "Notes"]


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.sphinx("html", testroot="agreement-roles-in-headings")
@pytest.mark.test_params(shared_result="agreement-roles-in-headings")
def test_the_export_titles_are_the_headings_as_shown(app, syntax):
    """A clause's title in the export is its heading as the reader sees it,
    without its number: a `clause` role in it reads "Section 2", whether it
    got that text at read time (same page) or at write time (another page),
    and the heading's markup adds no words."""
    app.build()
    titles = [clause["title"] for clause in export(app.outdir, f"terms-{syntax}")["clauses"]]
    assert titles == ["Access to Customer Data under Section 2",
                      f"Fees for the data of Section 2 of {TITLE[OTHER[syntax]]}",
                      "Definitions of \u201cHeading Term\u201d"]


@pytest.mark.sphinx("html", testroot="agreement-roles-in-headings")
@pytest.mark.test_params(shared_result="agreement-roles-in-headings")
def test_a_use_in_a_heading_outside_an_agreement_is_plain_text(app):
    app.build()
    page = body(app.outdir, "notes")
    assert heading_texts(page) == ["About Customer Data"]
    assert page.find("h2").select("a") == list(page.find("h2").select("a.headerlink"))
    assert toc_texts(soup(app.outdir, "notes").select_one(".toc-tree")) == \
        ["Notes", "About Customer Data"]
    # In the running text, the same `use` links to the defining agreement.
    assert [a["href"] for a in page.select("p a.term")] == ["terms-md.html#term-customer-data"]
