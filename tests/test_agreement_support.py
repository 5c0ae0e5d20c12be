"""Helpers shared by the agreement tests (reading built pages, exports and
warnings), and the tests of the extension's own declarations."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import jsonschema
from bs4 import BeautifulSoup
from sitebuild import REPO

if TYPE_CHECKING:
    from pathlib import Path

SCHEMA_PATH = REPO / "_ext" / "agreement" / "agreement.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
SYNTAXES = ["rst", "md"]
SUFFIX = {"rst": ".rst", "md": ".md"}

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


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_rejects_a_wrong_export():
    minimal = {"title": "T", "provider": "P", "last_updated": "2025-07-15",
               "governing_law": None, "source": None, "previous": None,
               "clauses": [], "definitions": [], "references": []}
    validate(minimal)
    for broken in ({**minimal, "last_updated": "15 July 2025"},
                   {**minimal, "extra": 1},
                   {**minimal, "clauses": [{"number": "1"}]}):
        try:
            validate(broken)
        except jsonschema.ValidationError:
            continue
        raise AssertionError(f"accepted {broken}")
