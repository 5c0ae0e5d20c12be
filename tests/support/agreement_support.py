"""Helpers shared by the agreement tests: reading built pages, exports and
warnings, and the export's schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from sitebuild import REPO

SCHEMA_PATH = REPO / "_ext" / "agreement" / "agreement.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
SYNTAXES = ["rst", "md"]
SUFFIX = {"rst": ".rst", "md": ".md"}

#: The root ``test-agreement-all-features``: one agreement in each syntax
#: (``terms-rst``, ``terms-md``) that uses every feature, its previous version
#: (``archive-*``), pages that refer to it (``notes-*``) and pages that do not
#: (``unrelated-*``). Every test of it shares one build.
ALL_FEATURES = pytest.mark.sphinx("html", testroot="agreement-all-features")
ALL_FEATURES_SHARED = pytest.mark.test_params(shared_result="agreement-all-features")
ALL_FEATURES_TITLES = {"rst": "Alpha Terms of Use", "md": "Beta Terms of Use"}
ALL_FEATURES_CREDIT = {"rst": "Alpha Credit", "md": "Beta Credit"}

#: The root ``test-agreement-warnings``: documents (``warn-*``, ``other-*``,
#: ``notitle-*`` ...) with one mistake on each line of note. Each feature
#: module lists the warnings of its feature there (``IN_WARNINGS_ROOT``).
AGREEMENT_WARNINGS = pytest.mark.sphinx("html", testroot="agreement-warnings")
AGREEMENT_WARNINGS_SHARED = pytest.mark.test_params(shared_result="agreement-warnings")
DIRECTIVE = {"rst": ".. agreement::", "md": "```{agreement}"}

_WARNING = re.compile(
    r"^(?P<path>[^\n]+?):(?P<line>\d+): (?:WARNING|ERROR): (?P<message>.*?) \[(?P<type>[\w.-]+)\]$",
    re.MULTILINE,
)


def soup(outdir: Path, docname: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def body(outdir: Path, docname: str):
    """The page's own content (without navigation)."""
    page = soup(outdir, docname)
    return page.select_one('div[role="main"]') or page.select_one("article")


def export(outdir: Path, docname: str) -> dict:
    return json.loads((outdir / f"{docname}.agreement.json").read_text(encoding="utf-8"))


def all_clauses(clauses: list[dict]) -> list[dict]:
    """The clauses of an export and their subclauses, in document order."""
    out = []
    for clause in clauses:
        out.append(clause)
        out += all_clauses(clause["clauses"])
    return out


def validate(data: dict) -> None:
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of `path` where `needle` first occurs."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def plain(text: str) -> str:
    """A build log without the test app's colours."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def warnings(text: str) -> list[dict[str, str]]:
    """The warnings of a build log: path, line, message, type."""
    text = plain(text)
    return [match.groupdict() for match in _WARNING.finditer(text)]


def clause_sections(container) -> list:
    """The sections whose heading shows a clause number, in document order."""
    return [section for section in container.find_all("section")
            if section.find(["h2", "h3", "h4", "h5", "h6"], recursive=False)
            and section.find(["h2", "h3", "h4", "h5", "h6"], recursive=False)
            .select_one("span.clause-number")]


def heading_of(section):
    return section.find(["h1", "h2", "h3", "h4", "h5", "h6"], recursive=False)


def built(app):
    app.build()
    return app.outdir


def section_by_label(page, syntax: str, label: str):
    """The section of the clause labelled `<syntax>-<label>`."""
    target = page.find(id=f"{syntax}-{label}")
    return target if target.name == "section" else target.find_parent("section")


def warnings_root_source(app, document: str, syntax: str) -> Path:
    """The file of `document` in `syntax` of the root ``test-agreement-warnings``."""
    return Path(app.srcdir, f"{document}-{syntax}{SUFFIX[syntax]}")


def line_of_occurrence(path: Path, needle: str, occurrence: int) -> int:
    """The 1-based line of the `occurrence`-th line of `path` holding `needle`."""
    lines = [number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if needle in line]
    return lines[occurrence - 1]


def found_warnings(app) -> list[tuple[str, int, str]]:
    """The warnings of a build: file name, line, type."""
    return [(Path(w["path"]).name, int(w["line"]), w["type"])
            for w in warnings(app.warning.getvalue())]
