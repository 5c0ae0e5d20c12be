"""Nothing lost, site-wide, on the real site build (the session `site` fixture).

- Every agreement of the site (every ``X.agreement.json`` beside a page
  ``X.html``): its export holds every clause (number, title, label), every
  definition and every clause reference that the page shows, the header's
  facts, and each clause's ``text`` is the text of that clause on the page.
- The briefing catalogue (``source/briefing/catalogue.html``) lists every
  technology card of the site, as the card shows it.

The pages are read as a reader gets them (the built HTML); the export is read
as a program gets it (the JSON, checked against its schema).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from agreement_support import all_clauses, clause_sections, heading_of, validate
from bs4 import BeautifulSoup, NavigableString, Tag

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Containers whose text is not a clause's own text (the export leaves them out).
NOT_CLAUSE_TEXT = ("clause-summary", "defined-terms", "agreement-header", "toctree-wrapper",
                   "agreement-report")
# Elements that hold one block of text each (docutils' text elements as HTML).
TEXT_BLOCKS = ("p", "dt", "caption")


def text_of(element: Tag) -> str:
    return " ".join(element.get_text().split())


def main_of(page: BeautifulSoup) -> Tag:
    return page.select_one('article[role="main"]') or page.select_one('div[role="main"]')


def heading_text(heading: Tag) -> str:
    """A heading as shown, without its permalink sign."""
    return " ".join("".join(
        str(child) if isinstance(child, NavigableString) else child.get_text()
        for child in heading.children
        if not (isinstance(child, Tag) and "headerlink" in child.get("class", []))).split())


def own_blocks(element: Tag, out: list[str]) -> None:
    """The text blocks of `element` that belong to its clause itself, in
    page order: not its subclauses, its summary box or the index of terms."""
    for child in element.children:
        if not isinstance(child, Tag):
            continue
        if child.name in ("section", *HEADINGS, "script", "style"):
            continue
        if set(child.get("class", [])) & set(NOT_CLAUSE_TEXT):
            continue
        if child.name == "pre":
            out.append(child.get_text().rstrip())
        elif child.name in TEXT_BLOCKS or (child.name == "div"
                                           and "line" in child.get("class", [])):
            out.append(text_of(child))
        else:
            own_blocks(child, out)


def innermost_clause(element: Tag) -> Tag | None:
    for section in element.parents:
        if section.name == "section" and section in CLAUSE_OF:
            return section
    return None


CLAUSE_OF: dict[Tag, str] = {}  # clause section -> number, filled per page


def agreements(site) -> list[str]:
    """The docnames of the site's agreements, from their exports."""
    return sorted(path.relative_to(site.outdir).as_posix().removesuffix(".agreement.json")
                  for path in site.outdir.rglob("*.agreement.json"))


@pytest.fixture(scope="module")
def site_agreements(site) -> list[str]:
    assert site.returncode == 0, site.warnings
    found = agreements(site)
    # The site's own agreements: the LEAP terms and the guide's sample.
    assert {"source/terms/leap-terms-of-use", "source/guide/example-agreement"} <= set(found)
    return found


def load(site, docname: str) -> tuple[dict, Tag]:
    data = json.loads((site.outdir / f"{docname}.agreement.json").read_text("utf-8"))
    validate(data)
    page = BeautifulSoup(site.html(docname), "html.parser")
    main = main_of(page)
    CLAUSE_OF.clear()
    for section in clause_sections(main):
        number = heading_of(section).select_one(".clause-number").get_text().rstrip(".")
        CLAUSE_OF[section] = number
    return data, main


def test_every_agreement_page_has_its_export(site, site_agreements):
    for html in sorted(site.outdir.rglob("*.html")):
        page = main_of(BeautifulSoup(html.read_text("utf-8"), "html.parser"))
        if page is not None and page.select_one("div.agreement-header"):
            docname = html.relative_to(site.outdir).as_posix().removesuffix(".html")
            if docname.endswith(".redline"):
                continue
            assert docname in site_agreements, docname


@pytest.mark.parametrize("docname", ["source/terms/leap-terms-of-use",
                                     "source/guide/example-agreement"])
def test_header_facts_are_exported(site, site_agreements, docname):
    data, main = load(site, docname)
    assert data["title"] == heading_text(main.find("h1"))
    header = main.select_one("div.agreement-header")
    shown = text_of(header)
    assert data["provider"] and data["provider"] in shown
    assert header.find("time")["datetime"] == data["last_updated"]
    if data["governing_law"]:
        assert data["governing_law"] in shown
    links = {a.get_text(): a["href"] for a in header.find_all("a")}
    if data["source"]:
        assert links["Authoritative text"] == data["source"]


def test_every_clause_is_exported_with_its_number_title_label_and_text(site, site_agreements):
    checked = 0
    for docname in site_agreements:
        data, main = load(site, docname)
        clauses = all_clauses(data["clauses"])
        sections = list(CLAUSE_OF)
        assert [c["number"] for c in clauses] == [CLAUSE_OF[s] for s in sections], docname
        for clause, section in zip(clauses, sections, strict=True):
            heading = heading_of(section)
            number = heading.select_one(".clause-number").get_text()
            title = heading_text(heading).removeprefix(number).strip()
            assert clause["title"] == title, (docname, clause["number"])
            if clause["label"] is not None:
                target = main.find(id=clause["label"])
                assert target is not None and (target is section or target in section.parents
                                               or section in target.parents
                                               or target.find_next("section") is section), \
                    (docname, clause["label"])
            blocks: list[str] = []
            own_blocks(section, blocks)
            assert clause["text"] == "\n\n".join(b for b in blocks if b), \
                (docname, clause["number"])
            summaries = [box for box in section.select("aside.clause-summary")
                         if innermost_clause(box) is section]
            if summaries:
                assert clause["summary"], (docname, clause["number"])
                for box in summaries:
                    for paragraph in box.find_all("p"):
                        if set(paragraph.get("class", [])) & {"clause-summary-title",
                                                               "clause-summary-note"}:
                            continue
                        assert text_of(paragraph) in clause["summary"]
            else:
                assert clause["summary"] is None, (docname, clause["number"])
            checked += 1
    assert checked >= 20


def test_every_definition_and_use_is_exported(site, site_agreements):
    for docname in site_agreements:
        data, main = load(site, docname)
        definitions = {d["id"]: d for d in data["definitions"]}
        # Every <dfn> the page shows is a definition of the export, in order.
        assert [dfn["id"] for dfn in main.find_all("dfn")] == [d["id"] for d in
                                                                 data["definitions"]]
        for dfn in main.find_all("dfn"):
            definition = definitions[dfn["id"]]
            assert text_of(dfn) == f"\u201c{definition['term']}\u201d"
            section = innermost_clause(dfn)
            assert definition["clause"] == (CLAUSE_OF[section] if section else None)
            # The defining sentence is the page's sentence around the <dfn>.
            assert text_of(dfn) in definition["text"]
            assert definition["text"] in text_of(dfn.find_parent(TEXT_BLOCKS))
        # Every link to a term names an exported definition; the clauses
        # holding them are its `used_in` (every use links, by default).
        shown_uses: dict[str, list[str]] = {}
        for link in main.select("a.term"):
            term_id = link["href"].removeprefix("#")
            assert term_id in definitions, (docname, link)
            assert link["aria-description"] == definitions[term_id]["text"]
            if link.find_parent("div", class_="defined-terms"):
                continue  # the index of definitions is no use of the term
            section = innermost_clause(link)
            if section is not None and CLAUSE_OF[section] not in shown_uses.setdefault(
                    term_id, []):
                shown_uses[term_id].append(CLAUSE_OF[section])
        for term_id, definition in definitions.items():
            assert definition["used_in"] == shown_uses.get(term_id, []), \
                (docname, definition["term"])


def test_every_clause_reference_is_exported(site, site_agreements):
    linked = 0
    for docname in site_agreements:
        data, main = load(site, docname)
        number_of_anchor = {}
        for section, number in CLAUSE_OF.items():
            for anchor in section.get("id", "").split():
                number_of_anchor[anchor] = number
        exported = {ref["from"]: ref["to"] for ref in data["references"]}
        shown: dict[str | None, list[str]] = {}
        for ref in main.select("span.clause-ref"):
            local = [number_of_anchor[a["href"][1:]] for a in ref.find_all("a")
                     if a["href"].startswith("#") and a["href"][1:] in number_of_anchor]
            if not local:
                continue
            section = innermost_clause(ref)
            source = CLAUSE_OF[section] if section is not None else None
            targets = shown.setdefault(source, [])
            targets += [n for n in local if n not in targets]
        assert sorted(exported, key=str) == sorted(shown, key=str), docname
        for source, targets in shown.items():
            # Every linked clause is exported (ranges add the clauses between).
            assert set(targets) <= set(exported[source]), (docname, source)
            linked += len(targets)
    assert linked >= 10  # the site does refer to its clauses: the check is not vacuous


# -- the briefing catalogue ---------------------------------------------------------------------

CATALOGUE = "source/briefing/catalogue"


def listed_technologies(site) -> dict[str, bool]:
    """id -> whether the card asked to be listed (``:catalogue: no`` does not),
    from the build's own environment."""
    with (site.doctreedir / "environment.pickle").open("rb") as stream:
        env = pickle.load(stream)
    return {record["id"]: record["listed"]
            for records in env.domaindata["briefing"]["technologies"].values()
            for record in records}


def cards(site) -> dict[str, dict]:
    """Every technology card of the built site: id -> page, title, badges."""
    found = {}
    for html in sorted(site.outdir.rglob("*.html")):
        page = main_of(BeautifulSoup(html.read_text("utf-8"), "html.parser"))
        if page is None:
            continue
        for card in page.select("div.technology"):
            card_id = card["id"].removeprefix("technology-")
            assert card_id not in found, card_id
            area = card.select_one(".technology-area")
            # A badge per stage, in the card's header (a stage role in the body is no badge).
            stages = card.select(".technology-header .stage")
            found[card_id] = {
                "href": f"{html.relative_to(site.outdir).as_posix()}#{card['id']}",
                "title": text_of(card.select_one(".technology-title")),
                "area": text_of(area) if area else "",
                "stage": " ".join(text_of(stage) for stage in stages),
            }
    return found


def test_catalogue_lists_every_technology_card(site):
    assert site.returncode == 0, site.warnings
    all_cards = cards(site)
    listed = listed_technologies(site)
    # The environment knows the very cards the pages show.
    assert sorted(all_cards) == sorted(listed)
    assert len(all_cards) >= 20
    main = main_of(BeautifulSoup(site.html(CATALOGUE), "html.parser"))
    table = main.select_one("table.technologies")  # the first, unfiltered table
    base = Path(CATALOGUE).parent
    rows = {}
    for row in table.select("tbody tr"):
        cells = row.find_all("td")
        link = cells[0].find("a")
        href = (base / link["href"]).as_posix()
        rows[href] = [text_of(cell) for cell in cells]
    wanted = {card["href"]: card for card_id, card in all_cards.items() if listed[card_id]}
    assert sorted(rows) == sorted(wanted)
    for href, card in wanted.items():
        title, area, stage, _page = rows[href]
        assert (title, area, stage) == (card["title"], card["area"], card["stage"]), href
    # The tables filtered by stage together list every card that has a stage
    # (a card of two stages may be in two of them).
    rest = {(base / a["href"]).as_posix() for t in main.select("table.technologies")[1:]
            for a in t.select("tbody tr td:first-child a")}
    assert sorted(rest) == sorted(href for href, cells in rows.items() if cells[2])
