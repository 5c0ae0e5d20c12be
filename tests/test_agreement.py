"""The `agreement` extension on a small site with the same agreement in
reStructuredText and in MyST Markdown (root ``test-agreement-basic``).

All tests share one build (``shared_result``); each is run for both syntaxes.
"""

from __future__ import annotations

import re

import pytest
from test_agreement_support import (
    SYNTAXES,
    all_clauses,
    body,
    clause_sections,
    export,
    heading_of,
    soup,
    validate,
    warnings,
)

from agreement.export import agreement_data, dumps

pytestmark = [
    pytest.mark.sphinx("html", testroot="agreement-basic"),
    pytest.mark.test_params(shared_result="agreement-basic"),
]

TITLES = {"rst": "Alpha Terms of Use", "md": "Beta Terms of Use"}
CREDIT = {"rst": "Alpha Credit", "md": "Beta Credit"}


def built(app):
    app.build()
    return app.outdir


def section_by_label(page, syntax: str, label: str):
    """The section of the clause labelled `<syntax>-<label>`."""
    target = page.find(id=f"{syntax}-{label}")
    return target if target.name == "section" else target.find_parent("section")


def test_build_has_no_warnings(app):
    built(app)
    assert warnings(app.warning.getvalue()) == []


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_header(app, syntax):
    outdir = built(app)
    page = body(outdir, f"terms-{syntax}")
    header = page.select_one("div.agreement-header")
    assert header is not None
    assert str(header).startswith('<div class="agreement-header">')
    text = header.get_text(" ", strip=True)
    assert f"{TITLES[syntax].split()[0]} Corp." in text
    assert "Commonwealth of Massachusetts" in text
    time = header.find("time")
    assert time["datetime"] == "2025-07-15"
    assert time.get_text() == "15 July 2025"
    assert "Last updated" in text
    links = {a.get_text(): a["href"] for a in header.find_all("a")}
    assert links["Authoritative text"] == f"https://example.com/{TITLES[syntax].split()[0].lower()}-terms"
    assert links["JSON export"] == f"terms-{syntax}.agreement.json"
    assert (outdir / links["JSON export"]).is_file()
    assert links["Previous version"] == f"archive-{syntax}.html"
    assert links["Changes from the previous version (redline)"] == f"terms-{syntax}.redline.html"


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_previous_version_is_marked_superseded(app, syntax):
    outdir = built(app)
    header = body(outdir, f"archive-{syntax}").select_one("div.agreement-header")
    assert "Superseded by" in header.get_text()
    forward = header.find("a", string=TITLES[syntax])
    assert forward["href"] == f"terms-{syntax}.html"
    # No redline and no previous version for the first version.
    texts = [a.get_text() for a in header.find_all("a")]
    assert "Previous version" not in texts
    assert not any("redline" in t for t in texts)
    assert export(outdir, f"terms-{syntax}")["previous"] == f"archive-{syntax}"
    assert export(outdir, f"archive-{syntax}")["previous"] is None


@pytest.mark.parametrize("syntax", SYNTAXES)
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


@pytest.mark.parametrize("syntax", SYNTAXES)
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
def test_use_role_links_explicitly(app, syntax):
    outdir = built(app)
    fees = section_by_label(body(outdir, f"terms-{syntax}"), syntax, "fees")
    links = fees.find_all("a", class_="term", href="#term-order-form")
    assert [a.get_text() for a in links] == ["Order Form"]
    assert links[0]["aria-description"].startswith("Paid use of the")


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_clause_references(app, syntax):
    outdir = built(app)
    page = body(outdir, f"terms-{syntax}")
    anchor = {label: section_by_label(page, syntax, label)["id"]
              for label in ("access", "accounts", "fees", "ownership", "data")}
    references = [(span.get_text(), [a["href"] for a in span.find_all("a")])
                  for span in page.select("span.clause-ref")]
    assert references == [
        ("Section 2", [f"#{anchor['fees']}"]),
        ("Sections 3 through 4", [f"#{anchor['ownership']}", f"#{anchor['data']}"]),
        ("the fees clause", [f"#{anchor['fees']}"]),
        ("Sections 1 and 2 through 4",
         [f"#{anchor['access']}", f"#{anchor['fees']}", f"#{anchor['data']}"]),
        ("Sections 1, 1.1 and 4",
         [f"#{anchor['access']}", f"#{anchor['accounts']}", f"#{anchor['data']}"]),
    ]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_references_from_another_page(app, syntax):
    outdir = built(app)
    page = body(outdir, f"notes-{syntax}")
    terms = body(outdir, f"terms-{syntax}")
    data_id = section_by_label(terms, syntax, "data")["id"]
    spans = page.select("span.clause-ref")
    assert spans[0].get_text() == f"Section 4 of {TITLES[syntax]}"
    assert spans[0].a["href"] == f"terms-{syntax}.html#{data_id}"
    assert spans[1].get_text() == f"Sections 1 through 2 of {TITLES[syntax]}"
    assert len(spans[1].find_all("a")) == 2
    use = page.find("a", class_="term")
    assert use.get_text() == f"{CREDIT[syntax]}s"
    assert use["href"] == f"terms-{syntax}.html#term-{CREDIT[syntax].lower().replace(' ', '-')}"
    assert use["aria-description"].startswith("Credits (each a")


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_summary_box(app, syntax):
    outdir = built(app)
    page = body(outdir, f"terms-{syntax}")
    boxes = page.select("aside.clause-summary")
    assert len(boxes) == 1
    text = boxes[0].get_text(" ", strip=True)
    assert text.startswith("In short")
    assert "not part of the legal text" in text
    assert "You may use the Services to build Customer Applications." in text
    # It sits in the clause it summarises.
    assert boxes[0].find_parent("section") is section_by_label(page, syntax, "access")


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_conspicuous_block(app, syntax):
    outdir = built(app)
    blocks = body(outdir, f"terms-{syntax}").select("div.conspicuous")
    assert len(blocks) == 1
    assert str(blocks[0]).startswith('<div class="conspicuous">')
    text = blocks[0].get_text(" ", strip=True)
    # The author's letter case is kept.
    assert text.startswith("The Services are provided as is, without any warranty.")
    css = (outdir / "_static" / "agreement.css").read_text(encoding="utf-8")
    rule = re.search(r"\.conspicuous\s*\{([^}]*)\}", css).group(1)
    assert "font-weight: bold" in rule
    assert "uppercase" not in css


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_defined_terms_index(app, syntax):
    outdir = built(app)
    page = body(outdir, f"terms-{syntax}")
    index = page.select_one("div.defined-terms")
    anchor = {number: heading_of(s).parent["id"] for s in clause_sections(page)
              for number in [heading_of(s).select_one(".clause-number").get_text().rstrip(".")]}
    rows = []
    for row in index.select("tbody tr"):
        term, defined, used = row.find_all("td")
        rows.append((term.get_text(), term.a["href"],
                     [(a.get_text(), a["href"]) for a in defined.find_all("a")],
                     [(a.get_text(), a["href"]) for a in used.find_all("a")]))
    credit = CREDIT[syntax]
    assert [r[0] for r in rows] == sorted([credit, "Customer", "Customer Application",
                                           "Customer Data", "Order Form", "Services"])
    by_term = {r[0]: r for r in rows}
    assert by_term["Customer Data"][1] == "#term-customer-data"
    assert by_term["Customer Data"][2] == [("3", f"#{anchor['3']}")]
    assert by_term["Customer Data"][3] == [("4", f"#{anchor['4']}")]
    assert by_term["Customer Application"][3] == [("1.1", f"#{anchor['1.1']}")]
    assert [n for n, _ in by_term["Customer"][3]] == ["1", "1.1", "3", "4"]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_json_export(app, syntax):
    outdir = built(app)
    data = export(outdir, f"terms-{syntax}")
    validate(data)
    assert data["title"] == TITLES[syntax]
    assert data["provider"] == f"{TITLES[syntax].split()[0]} Corp."
    assert data["last_updated"] == "2025-07-15"
    assert data["governing_law"] == "Commonwealth of Massachusetts"
    top = data["clauses"]
    assert [(c["number"], c["label"], c["title"]) for c in top] == [
        ("1", f"{syntax}-access", "Access to the Services"), ("2", f"{syntax}-fees", "Fees"),
        ("3", f"{syntax}-ownership", "Ownership"), ("4", f"{syntax}-data", "Customer Data"),
        ("5", None, "Definitions")]
    assert [(c["number"], c["title"]) for c in top[0]["clauses"]] == [("1.1", "Accounts")]
    # Own text only: the subclause and the summary are not in clause 1's text.
    assert "keeps its account" not in top[0]["text"]
    assert top[0]["clauses"][0]["text"].startswith("The Customer keeps its account secure")
    assert top[0]["summary"] == "You may use the Services to build Customer Applications."
    assert "You may use" not in top[0]["text"]
    # References read as rendered; blocks are separated by a blank line.
    assert "see also Sections 1 and 2 through 4 and Sections 1, 1.1 and 4." in top[3]["text"]
    assert top[3]["text"].endswith("\n\nThe Services are provided as is, without any warranty.")
    assert top[4]["text"] == ""
    definitions = {d["term"]: d for d in data["definitions"]}
    assert definitions["Customer Data"] == {
        "term": "Customer Data", "id": "term-customer-data", "clause": "3",
        "text": "All data that the Customer uploads is \u201cCustomer Data\u201d.",
        "used_in": ["4"]}
    assert definitions["Services"]["used_in"] == ["1", "2", "3", "4"]
    assert data["references"] == [
        {"from": "1", "to": ["2"]},
        {"from": "2", "to": ["3", "4"]},
        {"from": "4", "to": ["1", "1.1", "2", "3", "4"]},
    ]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_json_export_agrees_with_the_page(app, syntax):
    outdir = built(app)
    data = export(outdir, f"terms-{syntax}")
    page = body(outdir, f"terms-{syntax}")

    clauses = all_clauses(data["clauses"])
    headings = [heading_of(s) for s in clause_sections(page)]
    assert [(c["number"], c["title"]) for c in clauses] == [
        (h.select_one(".clause-number").get_text().rstrip("."),
         h.get_text().split(" ", 1)[1].rstrip("\u00b6").strip()) for h in headings]
    assert [d["id"] for d in data["definitions"]] == [dfn["id"] for dfn in page.find_all("dfn")]
    for definition in data["definitions"]:
        links = page.find_all("a", class_="term", href="#" + definition["id"])
        assert links and all(a["aria-description"] == definition["text"] for a in links)
    # Each clause's text is what its own paragraphs show.
    for clause, section in zip(clauses, clause_sections(page), strict=True):
        own = [p for p in section.find_all("p")
               if p.find_parent("section") is section and not p.find_parent("aside")
               and not p.find_parent("div", class_="defined-terms")]
        assert clause["text"] == "\n\n".join(" ".join(p.get_text().split()) for p in own)


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_json_export_is_deterministic_text(app, syntax):
    outdir = built(app)
    path = outdir / f"terms-{syntax}.agreement.json"
    raw = path.read_text(encoding="utf-8")
    assert raw == dumps(export(outdir, f"terms-{syntax}"))
    assert "\u201cCustomer Data\u201d" in raw  # UTF-8, not \u escapes
    assert raw.endswith("}\n")
    # Only agreements are exported.
    assert not (outdir / f"notes-{syntax}.agreement.json").exists()


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_agreement_data_for_other_extensions(app, syntax):
    outdir = built(app)
    assert agreement_data(app, f"terms-{syntax}") == export(outdir, f"terms-{syntax}")
    assert agreement_data(app, f"notes-{syntax}") is None


def test_stylesheet(app):
    outdir = built(app)
    css = outdir / "_static" / "agreement.css"
    furo = outdir / "_static" / "agreement-furo.css"
    assert css.is_file() and furo.is_file()
    assert css.stat().st_size + furo.stat().st_size < 10_000
    text, mapping = css.read_text(encoding="utf-8"), furo.read_text(encoding="utf-8")
    # The properties mapped to furo's variables, and furo's dark mode, apart.
    assert "var(--color-background-secondary)" in mapping
    assert 'body[data-theme="dark"]' in mapping
    assert "prefers-color-scheme: dark" in mapping
    assert "var(--color-" not in text
    for name in ("agreement-header", "clause-number", "a.term", "conspicuous", "clause-summary",
                 "defined-terms"):
        assert name in text
    head = soup(outdir, "terms-rst").head
    assert head.find("link", href=re.compile(r"_static/agreement\.css"))
    # The root's theme is Sphinx's default, not furo: no mapping to furo.
    assert head.find("link", href=re.compile(r"_static/agreement-furo\.css")) is None
