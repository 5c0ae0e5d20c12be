"""The JSON export ``X.agreement.json``: its schema (``agreement.schema.json``)
and, on the root ``test-agreement-all-features`` (one agreement in each
syntax that uses every feature), what it holds, that it agrees with the
page, its bytes, and ``agreement_data()`` for other extensions. Every
agreement of the site is checked against its page in
tests/site/test_nothing_lost.py.
"""

from __future__ import annotations

import jsonschema
import pytest
from agreement_support import (
    ALL_FEATURES,
    ALL_FEATURES_SHARED,
    SCHEMA,
    SYNTAXES,
    all_clauses,
    body,
    built,
    clause_sections,
    export,
    heading_of,
    validate,
)
from agreement_support import ALL_FEATURES_TITLES as TITLES

from agreement.export import agreement_data, dumps


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_rejects_a_wrong_export():
    minimal = {"title": "T", "provider": "P", "last_updated": "2025-07-15",
               "governing_law": None, "source": None, "previous": None,
               "clauses": [], "definitions": [], "references": [],
               "effective": "2025-07-15", "status": "current", "changes": [],
               "digest": "sha256:" + "0" * 64}
    validate(minimal)
    for broken in ({**minimal, "last_updated": "15 July 2025"},
                   {**minimal, "effective": "2025-07"},
                   {**minimal, "status": "draft"},
                   {**minimal, "digest": "md5:00"},
                   {**minimal, "changes": [1]},
                   {k: v for k, v in minimal.items() if k != "digest"},
                   {**minimal, "extra": 1},
                   {**minimal, "clauses": [{"number": "1"}]}):
        try:
            validate(broken)
        except jsonschema.ValidationError:
            continue
        raise AssertionError(f"accepted {broken}")


# -- the export of a whole agreement (root test-agreement-all-features) ----------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
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
@ALL_FEATURES
@ALL_FEATURES_SHARED
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
@ALL_FEATURES
@ALL_FEATURES_SHARED
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
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_agreement_data_for_other_extensions(app, syntax):
    outdir = built(app)
    assert agreement_data(app, f"terms-{syntax}") == export(outdir, f"terms-{syntax}")
    assert agreement_data(app, f"notes-{syntax}") is None
