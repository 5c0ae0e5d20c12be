"""Versions of an agreement and the redline page ``X.redline.html``, on the
real build of root ``test-agreement-versions``: the same three versions
written in reStructuredText (``rst-v1`` ← ``rst-v2`` ← ``rst-v3``) and in
MyST Markdown (``md-v1`` ← ``md-v2`` ← ``md-v3``).

From version 1 to version 2: "Access" and "Miscellaneous" keep their text
and number; "Privacy" is added (2); "Support" (3) is removed; "Fees" moves
from 2 to 3 and its deadline changes; "Notices" moves up from 6 to 4 with
the same text; "Customer Content" becomes "Customer Data" (the defined term
too: matched by its label, whose version marker differs); "Termination"
keeps its source text but its reference to the fees clause now reads
"Section 3" instead of "Section 2". Version 3 only changes the deadline
again.

The previous version of the all-features root's agreement is marked
superseded (root ``test-agreement-all-features``). Also the warnings of the
`previous` option on the root ``test-agreement-warnings``
(``IN_WARNINGS_ROOT``) and its malformed input as cases (``MALFORMED``),
each a page of a project generated and built once per syntax (see
agreement_malformed.py).
"""

from __future__ import annotations

import copy
import html
import re
import shutil
from pathlib import Path

import pytest
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
)
from agreement_malformed import SYNTAXES as MALFORMED_SYNTAXES
from agreement_support import (
    AGREEMENT_WARNINGS,
    AGREEMENT_WARNINGS_SHARED,
    ALL_FEATURES,
    ALL_FEATURES_SHARED,
    ALL_FEATURES_TITLES,
    DIRECTIVE,
    SUFFIX,
    SYNTAXES,
    body,
    export,
    found_warnings,
    line_of_occurrence,
    plain,
    soup,
    warnings,
    warnings_root_source,
)
from sitebuild import ROOTS

pytestmark = [
    pytest.mark.sphinx("html", testroot="agreement-versions"),
    pytest.mark.test_params(shared_result="agreement-versions"),
]

ROOT = ROOTS / "test-agreement-versions"
TITLES = {
    "md": ["Gamma Terms (2023)", "Gamma Terms (2024)", "Gamma Terms (2025)"],
    "rst": ["Omega Terms (2023)", "Omega Terms (2024)", "Omega Terms (2025)"],
}


def built(app) -> Path:
    app.build()
    return app.outdir


def redline_of(outdir: Path, docname: str):
    """The redline fragment of the page ``<docname>.redline.html``."""
    fragment = soup(outdir, f"{docname}.redline").select_one("div.agreement-redline")
    assert fragment is not None
    return fragment


def clause_rows(fragment) -> list[dict]:
    """Each clause section of a redline, in page order: status classes, old
    and new number, title as it reads now, and the marked words."""
    rows = []
    for section in fragment.select("section.redline-clause"):
        heading = section.find(["h3", "h4", "h5"])
        number = heading.select_one("span.clause-number")
        old, new = number.find("del"), number.find("ins")
        plain = number.get_text(strip=True)
        text = section.select_one("div.redline-text")
        rows.append({
            "classes": set(section["class"]) - {"redline-clause"},
            "old": old.get_text() if old else (None if new else plain),
            "new": new.get_text() if new else (None if old else plain),
            "title": reading(heading, without=("del", "span")),
            "ins": [tag.get_text() for tag in section.find_all("ins")],
            "del": [tag.get_text().strip() for tag in section.find_all("del")],
            "text_now": reading(text, without=("del",)) if text else "",
            "text_before": reading(text, without=("ins",)) if text else "",
        })
    return rows


def reading(element, without: tuple[str, ...]) -> str:
    """The text of `element` without the elements named `without`, with
    spaces folded (the redline's own spacing is not under test)."""
    element = copy.copy(element)
    for tag in element.find_all(without):
        tag.decompose()
    return " ".join(element.get_text().split())


def row(rows: list[dict], title: str) -> dict:
    matches = [r for r in rows if r["title"] == title]
    assert len(matches) == 1, (title, rows)
    return matches[0]


def summary(fragment) -> dict[str, tuple[int, list[str]]]:
    """Each kind of change: its count and the entries of its list."""
    result = {}
    for kind in ("added", "removed", "changed", "renumbered", "unchanged"):
        count = int(fragment.select_one(f"li.redline-count-{kind} strong").get_text())
        entries = [" ".join(li.get_text().split())
                   for li in fragment.select(f"ul.redline-list-{kind} li")]
        result[kind] = (count, entries)
    return result


def header_links(outdir: Path, docname: str) -> dict[str, str]:
    header = body(outdir, docname).select_one("div.agreement-header")
    return {" ".join(a.get_text().split()): a["href"] for a in header.find_all("a")}


# --------------------------------------------------------------------------
# The redline page
# --------------------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_redline_page_is_a_page_of_the_theme(app, syntax):
    outdir = built(app)
    assert (outdir / f"{syntax}-v2.redline.html").is_file()
    assert (outdir / f"{syntax}-v3.redline.html").is_file()
    assert not (outdir / f"{syntax}-v1.redline.html").exists()  # no previous version
    page = soup(outdir, f"{syntax}-v2.redline")
    assert page.title.get_text().startswith(f"Changes to {TITLES[syntax][1]}")
    assert page.find("h1").get_text() == f"Changes to {TITLES[syntax][1]}"
    # furo: the site navigation, the theme toggle, the stylesheets
    assert page.select_one("a.sidebar-brand[href='index.html']") is not None
    assert page.select_one(f".sidebar-tree a[href='{syntax}-v2.html']") is not None
    assert page.select_one(".theme-toggle") is not None
    sheets = [link["href"].split("?")[0] for link in page.find_all("link", rel="stylesheet")]
    assert "_static/redline.css" in sheets and "_static/agreement.css" in sheets
    assert (outdir / "_static" / "redline.css").is_file()
    # The redline stylesheet is only on redline pages.
    other = [link["href"].split("?")[0]
             for link in soup(outdir, f"{syntax}-v2").find_all("link", rel="stylesheet")]
    assert "_static/redline.css" not in other
    # It names both versions, linked.
    versions = page.select_one("p.redline-versions")
    assert [(a.get_text(), a["href"]) for a in versions.find_all("a")] == [
        (TITLES[syntax][0], f"{syntax}-v1.html"), (TITLES[syntax][1], f"{syntax}-v2.html")]


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize("version", [2, 3])
def test_redline_body_is_the_engine_html_of_the_two_exports(app, syntax, version):
    """The page's template (agreement-redline.html) renders, byte for byte,
    what the engine's own string builder makes of the two exports."""
    from agreement.redline import compare, render_html

    outdir = built(app)
    new, old = (export(outdir, f"{syntax}-v{n}") for n in (version, version - 1))
    fragment = render_html(compare(old, new), old_href=f"{syntax}-v{version - 1}.html",
                           new_href=f"{syntax}-v{version}.html",
                           old_title=old["title"], new_title=new["title"])
    expected = (f'<section id="redline">\n<h1>Changes to {html.escape(new["title"])}</h1>\n'
                f"{fragment}</section>\n")
    page = (outdir / f"{syntax}-v{version}.redline.html").read_text(encoding="utf-8")
    assert page.count(expected) == 1


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_summary_counts_and_lists_every_kind_of_change(app, syntax):
    outdir = built(app)
    assert summary(redline_of(outdir, f"{syntax}-v2")) == {
        "added": (1, ["2 Privacy"]),
        "removed": (1, ["3 Support"]),
        "changed": (3, ["2 → 3 Fees", "4 → 5 Customer Data", "5 → 6 Termination"]),
        # "Notices" only moved: renumbered, not changed.
        "renumbered": (4, ["2 → 3 Fees", "6 → 4 Notices", "4 → 5 Customer Data",
                           "5 → 6 Termination"]),
        "unchanged": (3, []),
    }


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_every_clause_in_new_order_with_removed_one_in_its_old_place(app, syntax):
    rows = clause_rows(redline_of(built(app), f"{syntax}-v2"))
    assert [(r["title"], r["old"], r["new"]) for r in rows] == [
        ("Access", "1", "1"),
        ("Privacy", None, "2"),
        ("Fees", "2", "3"),
        ("", "3", None),  # "Support": its title is deleted too, so nothing reads now
        ("Notices", "6", "4"),
        ("Customer Data", "4", "5"),
        ("Termination", "5", "6"),
        ("Miscellaneous", "7", "7"),
    ]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_unchanged_clauses_have_no_marks(app, syntax):
    rows = clause_rows(redline_of(built(app), f"{syntax}-v2"))
    company = "Gamma" if syntax == "md" else "Omega"
    for title in ("Access", "Miscellaneous"):
        clause = row(rows, title)
        assert clause["classes"] == {"redline-unchanged"}
        assert clause["ins"] == clause["del"] == []
    assert row(rows, "Access")["text_now"] == (
        f"{company} Corp. lets the “Customer” use the software. The Customer may stop at any time.")


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_added_clause_is_wholly_inserted(app, syntax):
    clause = row(clause_rows(redline_of(built(app), f"{syntax}-v2")), "Privacy")
    assert clause["classes"] == {"redline-added"}
    assert clause["del"] == []
    company = "Gamma" if syntax == "md" else "Omega"
    assert clause["ins"] == ["2", "Privacy",
                             f"{company} Corp. keeps the personal data of the Customer private."]
    assert clause["text_before"] == ""


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_removed_clause_is_wholly_deleted(app, syntax):
    rows = clause_rows(redline_of(built(app), f"{syntax}-v2"))
    clause = next(r for r in rows if r["old"] == "3" and r["new"] is None)
    assert clause["classes"] == {"redline-removed"}
    assert clause["ins"] == [] and clause["text_now"] == ""
    company = "Gamma" if syntax == "md" else "Omega"
    assert clause["del"] == ["3", "Support", f"{company} Corp. answers support requests by email."]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_changed_clause_marks_only_the_changed_words(app, syntax):
    clause = row(clause_rows(redline_of(built(app), f"{syntax}-v2")), "Fees")
    assert clause["classes"] == {"redline-changed", "redline-renumbered"}
    assert clause["del"] == ["2", "30"] and clause["ins"] == ["3", "45"]
    assert clause["text_now"] == "The Customer pays every invoice within 45 days."
    assert clause["text_before"] == "The Customer pays every invoice within 30 days."


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_moved_clause_with_same_text_is_renumbered_not_changed(app, syntax):
    clause = row(clause_rows(redline_of(built(app), f"{syntax}-v2")), "Notices")
    assert clause["classes"] == {"redline-unchanged", "redline-renumbered"}
    assert (clause["del"], clause["ins"]) == (["6"], ["4"])  # only the number
    assert clause["text_now"] == clause["text_before"] == (
        "Notices go to the address given at sign-up.")


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_changed_defined_term_is_matched_by_label_and_marked(app, syntax):
    outdir = built(app)
    clause = row(clause_rows(redline_of(outdir, f"{syntax}-v2")), "Customer Data")
    assert clause["classes"] == {"redline-changed", "redline-renumbered"}
    assert clause["del"] == ["4", "Content", "Content", "Content"]
    assert clause["ins"] == ["5", "Data", "Data", "Data"]
    assert clause["text_before"] == ("All material that the Customer uploads is “Customer "
                                     "Content”. The Customer owns the Customer Content.")
    assert clause["text_now"] == ("All material that the Customer uploads is “Customer "
                                  "Data”. The Customer owns the Customer Data.")
    # The exports agree: the term itself changed.
    terms = [[d["term"] for d in export(outdir, f"{syntax}-v{n}")["definitions"]] for n in (1, 2)]
    assert terms == [["Customer", "Customer Content"], ["Customer", "Customer Data"]]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_reference_whose_number_changed_shows_as_changed(app, syntax):
    outdir = built(app)
    clause = row(clause_rows(redline_of(outdir, f"{syntax}-v2")), "Termination")
    # Same source text in both versions, but the clause it names moved.
    assert clause["classes"] == {"redline-changed", "redline-renumbered"}
    assert (clause["del"], clause["ins"]) == (["5", "2"], ["6", "3"])
    assert clause["text_now"] == ("Either party may end these terms. "
                                  "The payment rule in Section 3 survives.")
    assert clause["text_before"] == ("Either party may end these terms. "
                                     "The payment rule in Section 2 survives.")
    sources = [(ROOT / f"{syntax}-v{n}{SUFFIX[syntax]}").read_text("utf-8") for n in (1, 2)]
    assert all("The payment rule in " in source for source in sources)


# --------------------------------------------------------------------------
# Chains, headers, the export
# --------------------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_chain_of_three_versions(app, syntax):
    outdir = built(app)
    v1, v2, v3 = (f"{syntax}-v{n}" for n in (1, 2, 3))
    redline = "Changes from the previous version (redline)"
    feed = "Feed of versions (Atom)"
    # v1 and v2 are superseded: their banner links to the current v3, their
    # "Superseded by" to the next version; every page links the chain's feed.
    assert header_links(outdir, v1) == {
        TITLES[syntax][1]: f"{v2}.html", TITLES[syntax][2]: f"{v3}.html",
        "JSON export": f"{v1}.agreement.json", feed: f"{v3}.atom"}
    assert "Superseded by" in body(outdir, v1).select_one("div.agreement-header").get_text()
    assert header_links(outdir, v2) == {
        TITLES[syntax][2]: f"{v3}.html", "JSON export": f"{v2}.agreement.json",
        "Previous version": f"{v1}.html", redline: f"{v2}.redline.html", feed: f"{v3}.atom"}
    assert header_links(outdir, v3) == {
        "JSON export": f"{v3}.agreement.json",
        "Previous version": f"{v2}.html", redline: f"{v3}.redline.html", feed: f"{v3}.atom"}
    assert "Superseded by" not in body(outdir, v3).select_one("div.agreement-header").get_text()
    # Each redline is against its direct predecessor: 45 → 60, not 30 → 60.
    fragment = redline_of(outdir, v3)
    assert summary(fragment) == {
        "added": (0, []), "removed": (0, []), "changed": (1, ["3 Fees"]),
        "renumbered": (0, []), "unchanged": (6, []),
    }
    fees = row(clause_rows(fragment), "Fees")
    assert (fees["del"], fees["ins"]) == (["45"], ["60"])
    assert "30" not in fragment.get_text()
    versions = fragment.select_one("p.redline-versions")
    assert [a["href"] for a in versions.find_all("a")] == [f"{v2}.html", f"{v3}.html"]


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_export_carries_previous(app, syntax):
    outdir = built(app)
    assert [export(outdir, f"{syntax}-v{n}")["previous"] for n in (1, 2, 3)] == [
        None, f"{syntax}-v1", f"{syntax}-v2"]


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize(("document", "message"), [
    ("bad-other", "previous names 'notes-md', which is not an agreement"),
    ("bad-missing", "previous names 'missing-version', which is not a document"),
])
def test_bad_previous_warns_with_location_and_gets_no_redline(app, syntax, document, message):
    outdir = built(app)
    docname = f"{document}-{syntax}"
    path = ROOT / f"{docname}{SUFFIX[syntax]}"
    directive = "```{agreement}" if syntax == "md" else ".. agreement::"
    line = next(number for number, text in enumerate(path.read_text("utf-8").splitlines(), 1)
                if text.startswith(directive))
    found = [(Path(w["path"]).name, int(w["line"]), w["message"])
             for w in warnings(app.warning.getvalue()) if w["type"] == "agreement.bad-previous"]
    assert (path.name, line, f"agreement: {message}") in found
    assert not (outdir / f"{docname}.redline.html").exists()
    assert set(header_links(outdir, docname)) == {"JSON export", "Feed of versions (Atom)"}


def test_only_the_bad_previous_options_warn(app):
    built(app)
    found = sorted((Path(w["path"]).name, w["type"]) for w in warnings(app.warning.getvalue()))
    assert found == sorted((f"bad-{kind}-{syntax}{SUFFIX[syntax]}", "agreement.bad-previous")
                           for kind in ("other", "missing") for syntax in SYNTAXES)
    assert "Traceback" not in app.warning.getvalue()


# --------------------------------------------------------------------------
# Incremental builds
# --------------------------------------------------------------------------


def copy_sources(source: Path, destination: Path) -> Path:
    """A copy of a root's sources (not its build), safe to edit."""
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns("_build"))
    return destination


@pytest.mark.test_params()  # its own builds, not the module's shared one
@pytest.mark.parametrize("syntax", SYNTAXES)
def test_editing_only_the_old_version_updates_the_redline(make_app, tmp_path, syntax):
    srcdir = copy_sources(ROOT, tmp_path / "src")
    first = make_app("html", srcdir=srcdir, freshenv=True)
    first.build()
    v1, v2 = f"{syntax}-v1", f"{syntax}-v2"
    before = (first.outdir / f"{v2}.redline.html").read_text("utf-8")
    assert "within 30 days" not in before  # the text is marked word by word

    old = srcdir / f"{v1}{SUFFIX[syntax]}"
    text = old.read_text("utf-8")
    edited = (text.replace("within 30 days", "within 45 days")
              .replace("Support", "Help Desk").replace("(2023)", "(2023 edition)"))
    edited = edited.replace("=" * len(TITLES[syntax][0]),
                            "=" * len(TITLES[syntax][0].replace("(2023)", "(2023 edition)")), 1)
    assert edited != text
    old.write_text(edited, "utf-8")
    first.cleanup()  # one app at a time: the next one registers the same nodes

    second = make_app("html", srcdir=srcdir)
    second.build()
    # An incremental build: the old version and the page that names it.
    read = re.findall(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", plain(second.status.getvalue()))
    assert read == [v1, v2]
    assert {w["type"] for w in warnings(second.warning.getvalue())} == {"agreement.bad-previous"}
    fragment = redline_of(second.outdir, v2)
    old_title = TITLES[syntax][0].replace("(2023)", "(2023 edition)")
    assert fragment.select_one("p.redline-versions a").get_text() == old_title
    counts = summary(fragment)
    assert counts["changed"][1] == ["4 → 5 Customer Data", "5 → 6 Termination"]  # Fees now equal
    assert counts["removed"][1] == ["3 Help Desk"]
    assert row(clause_rows(fragment), "Fees")["del"] == ["2"]
    # The predecessor's header still points forward; the successor's back.
    assert header_links(second.outdir, v1)[TITLES[syntax][1]] == f"{v2}.html"
    assert header_links(second.outdir, v2)["Previous version"] == f"{v1}.html"

    # Byte for byte what a clean build of the edited sources writes.
    clean = make_app("html", srcdir=copy_sources(srcdir, tmp_path / "clean"), freshenv=True)
    clean.build()
    for page in (f"{v2}.redline.html", f"{v1}.html", f"{v2}.html"):
        assert (second.outdir / page).read_bytes() == (clean.outdir / page).read_bytes(), page


@pytest.mark.sphinx("dirhtml", testroot="agreement-versions")
@pytest.mark.test_params()
@pytest.mark.parametrize("syntax", SYNTAXES)
def test_dirhtml_links_the_redline_where_it_is_written(app, syntax):
    app.build()
    outdir = app.outdir
    v1, v2 = f"{syntax}-v1", f"{syntax}-v2"
    header = body(outdir, f"{v2}/index").select_one("div.agreement-header")
    links = {" ".join(a.get_text().split()): a["href"] for a in header.find_all("a")}
    # Every dirhtml page is a folder; the redline too, linked by the same helper.
    assert links["Changes from the previous version (redline)"] == f"../{v2}.redline/"
    assert links["Previous version"] == f"../{v1}/"
    fragment = soup(outdir, f"{v2}.redline/index").select_one("div.agreement-redline")
    versions = fragment.select_one("p.redline-versions")
    assert [a["href"] for a in versions.find_all("a")] == [f"../{v1}/", f"../{v2}/"]
    assert summary(fragment)["changed"][0] == 3


# --------------------------------------------------------------------------
# The previous version of the all-features root's agreement
# --------------------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
@ALL_FEATURES
@ALL_FEATURES_SHARED
def test_previous_version_is_marked_superseded(app, syntax):
    outdir = built(app)
    header = body(outdir, f"archive-{syntax}").select_one("div.agreement-header")
    assert "Superseded by" in header.get_text()
    forward = header.find("a", string=ALL_FEATURES_TITLES[syntax])
    assert forward["href"] == f"terms-{syntax}.html"
    # No redline and no previous version for the first version.
    texts = [a.get_text() for a in header.find_all("a")]
    assert "Previous version" not in texts
    assert not any("redline" in t for t in texts)
    assert export(outdir, f"terms-{syntax}")["previous"] == f"archive-{syntax}"
    assert export(outdir, f"archive-{syntax}")["previous"] is None


# -- warnings (root test-agreement-warnings) --------------------------------------------------

#: This feature's warnings in the root ``test-agreement-warnings``: (document,
#: text on the offending line, occurrence of that text, subtype).
#: test_agreement_warnings.py checks that the root gives no others.
IN_WARNINGS_ROOT = [
    ("warn", DIRECTIVE, 1, "bad-previous"),
    ("other", DIRECTIVE, 1, "bad-previous"),
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


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; agreement_malformed builds and checks them.
MALFORMED: list[Case] = [
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
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "versions", MALFORMED)


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
