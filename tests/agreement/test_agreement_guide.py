"""The authoring guide of the `agreement` extension documents all of it, and
its live example builds in the real site without a warning."""

from __future__ import annotations

import json
import re

import pytest
from agreement_support import validate
from bs4 import BeautifulSoup
from sitebuild import REPO

from agreement.diagnostics import WARNING_SUBTYPES
from agreement.header import AgreementDirective

GUIDE = REPO / "source" / "guide" / "agreements.md"
EXAMPLE = "source/guide/example-agreement"


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


@pytest.mark.parametrize("subtype", sorted(WARNING_SUBTYPES))
def test_guide_documents_every_warning_subtype(guide, subtype):
    assert re.search(rf"^\| `agreement\.{re.escape(subtype)}` \| .+ \|$", guide, re.MULTILINE)


@pytest.mark.parametrize("name", ["agreement", "conspicuous", "summary", "defined-terms"])
def test_guide_documents_every_directive(guide, name):
    assert f"{{{name}}}" in guide and f".. {name}::" in guide


@pytest.mark.parametrize("name", ["define", "use", "clause"])
def test_guide_documents_every_role(guide, name):
    assert f"{{{name}}}`" in guide and f":{name}:`" in guide


@pytest.mark.parametrize("option", sorted(AgreementDirective.option_spec))
def test_guide_documents_every_option(guide, option):
    assert f"| `{option}` |" in guide


def test_guide_documents_configuration_and_export(guide):
    for value in ('"all"', '"first"', '"none"'):
        assert value in guide
    assert "agreement_link_terms" in guide
    assert "agreement.schema.json" in guide
    assert "agreement_data(app, docname)" in guide
    for css_class in ("agreement-header", "clause-number", "`term`", "conspicuous",
                      "clause-summary", "defined-terms"):
        assert css_class in guide


def _own_warnings(site) -> list[str]:
    return [line for line in site.warnings.splitlines()
            if "source/guide/agreements.md" in line or "example-agreement" in line
            or "_ext/agreement" in line]


def test_guide_and_example_build_without_warnings(site):
    assert _own_warnings(site) == []
    assert "Traceback" not in site.warnings


def test_live_example_is_an_agreement(site):
    page = BeautifulSoup(site.html(EXAMPLE), "html.parser")
    header = page.select_one("div.agreement-header")
    assert header.find("time")["datetime"] == "2025-07-15"
    assert "Liquid AI, Inc." in header.get_text()
    toc = page.select_one("div.toc-tree")  # furo's "On this page"
    entries = [a.get_text() for a in toc.find_all("a") if a.select_one(".clause-number")]
    assert entries[:4] == ["1. Access to the Services", "2. Fees and Payment",
                           "2.1 Free Services", "2.2 Paid Services"]
    data = json.loads((site.outdir / f"{EXAMPLE}.agreement.json").read_text("utf-8"))
    validate(data)
    assert [c["number"] for c in data["clauses"]] == ["1", "2", "3", "4", "5", "6"]
    assert data["references"] == [{"from": "3", "to": ["2.2"]},
                                  {"from": "4", "to": ["2", "3", "5"]}]
    assert page.select("aside.clause-summary") and page.select("div.conspicuous")
    assert page.select("div.defined-terms table")
    assert (site.outdir / "_static" / "agreement.css").is_file()


def test_guide_shows_references_built_live(site, guide):
    page = BeautifulSoup(site.html("source/guide/agreements"), "html.parser")
    spans = [span.get_text() for span in page.select("span.clause-ref")]
    assert spans == ["Section 4 of Sample Agreement: LEAP Terms in Brief",
                     "Sections 2 through 3 and 5 of Sample Agreement: LEAP Terms in Brief"]
    links = {a.get_text(): a["href"] for a in page.select("a.term")}
    assert links["Customer Data"] == "example-agreement.html#term-customer-data"
    # The guide's sample of the export is the real export of the example.
    data = json.loads((site.outdir / f"{EXAMPLE}.agreement.json").read_text("utf-8"))
    definition = next(d for d in data["definitions"] if d["term"] == "Customer Data")
    assert json.dumps(definition["text"], ensure_ascii=False) in guide
    assert json.dumps(data["references"]) in guide
