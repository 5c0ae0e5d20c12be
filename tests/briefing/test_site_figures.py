"""The site's own figures: the briefing's "Figures and sources" page lists
every metric and ranking that the site's pages show (none missing, none
extra), and each deck figure carries the date the deck gives it -- and only
those figures carry one. The site build is the session's (conftest.site)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

REGISTER = "source/briefing/figures.html"

#: (page, the start of the label) -> the date shown, for every dated figure of the
#: briefing; the deck's own words in the comments.
DATED = {
    # "Ranked No. 1 by NIST for FRVT Ongoing 1: N Identification (Aug. 2021)"
    ("core-technologies", "NIST FRVT Ongoing 1:N Identification, August 2021"): "August 2021",
    # "... (Jan. 2022)"
    ("core-technologies", "NIST FRVT Ongoing 1:N Identification, January 2022"): "January 2022",
    # "Ranked No. 1 by IREX 10: Identification Track (Sep. 2022)"
    ("core-technologies", "NIST IREX 10 Identification Track"): "September 2022",
    # "Right holder score ... by Patent Result Co. November 2023 (Our research)"
    ("core-technologies", "NEC's standing in biometric authentication"): "November 2023",
    # "Machine learning:2000-2022: Our researchRanking of paper accepted ..."
    ("innovation-scheme", "NEC's world rank by accepted machine-learning papers"): "2022",
    ("innovation-scheme", "Papers accepted at NeurIPS"): "2022",
    # "*2 2022 Biometrics in Security Market Research" (Frost & Sullivan)
    ("biometrics-business", "in biometrics for security"): "2022",
    # The team sizes, as NEC gave them at the event ("December 15, 2023").
    ("innovation-scheme", "specialists who foster innovation talent"): "15 December 2023",
    ("people-and-organisation", "specialists in NEC's innovation team"): "15 December 2023",
    ("people-and-organisation", "people in the LLM business advancement"): "15 December 2023",
}


def register_rows(site) -> list[dict]:
    html = BeautifulSoup(site.html(REGISTER.removesuffix(".html")), "html.parser")
    table = html.find("table", class_="figures")
    rows = []
    for tr in table.select("tbody tr"):
        cells = tr.find_all("td")
        link = cells[4].find("a")["href"]
        rows.append({"figure": cells[0].get_text(" ", strip=True),
                     "label": " ".join(cells[1].get_text().split()),
                     "as_of": cells[2].get_text(" ", strip=True),
                     "datetime": cells[2].find("time")["datetime"] if cells[2].find("time")
                     else "",
                     "href": (Path(REGISTER).parent / link).as_posix(),
                     "page": link.split(".html", 1)[0].rsplit("/", 1)[-1]})
    return rows


def shown_figures(site) -> list[str]:
    found = []
    for path in sorted(site.outdir.rglob("*.html")):
        page = path.relative_to(site.outdir).as_posix()
        html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        main = html.select_one('article[role="main"]') or html
        found += [f"{page}#{div['id']}" for div in main.select("div.metric, div.ranking")]
    return found


def normalised(href: str) -> str:
    parts = []
    for part in href.split("/"):
        if part == ".." and parts:
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def test_the_register_is_every_figure_of_the_site(site):
    assert site.returncode == 0, site.warnings
    listed = [normalised(row["href"]) for row in register_rows(site)]
    assert len(listed) >= 30
    assert len(set(listed)) == len(listed)
    assert sorted(listed) == sorted(shown_figures(site))


def test_deck_figures_wear_the_deck_dates_and_no_others(site):
    rows = register_rows(site)
    dated = {}
    for row in rows:
        if not row["as_of"]:
            continue
        key = next((k for k in DATED if k[0] == row["page"] and row["label"].startswith(k[1])),
                   None)
        assert key is not None, ("a figure with a date the deck does not give", row)
        dated[key] = row["as_of"]
    assert dated == DATED
    # The date is a <time> whose datetime is ISO.
    assert {row["datetime"] for row in rows if row["as_of"]} == {
        "2021-08", "2022-01", "2022-09", "2023-11", "2022", "2023-12-15"}


def test_the_register_follows_the_toctree(site):
    pages = []
    for row in register_rows(site):
        if not pages or pages[-1] != row["page"]:
            pages.append(row["page"])
    assert pages[:3] == ["innovation-scheme", "core-technologies", "generative-ai"]
    # The authoring guide comes after the briefing, as in the root toctree.
    assert pages[-1] == "briefings"
