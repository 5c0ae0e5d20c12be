"""Parallel and incremental builds give the same output as a clean serial
build (root ``test-agreement-all-features``: nine documents, agreements in both
syntaxes and pages that refer to them)."""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

import pytest
from agreement_support import body, export, warnings

if TYPE_CHECKING:
    from pathlib import Path

ROOT = "test-agreement-all-features"


def fresh_copy(rootdir: Path, tempdir: Path, name: str) -> Path:
    srcdir = tempdir / name
    if srcdir.exists():
        shutil.rmtree(srcdir)
    shutil.copytree(rootdir / ROOT, srcdir)
    return srcdir


def outputs(outdir: Path) -> dict[str, bytes]:
    """Every page and export of a build, by path."""
    return {path.relative_to(outdir).as_posix(): path.read_bytes()
            for path in sorted(outdir.rglob("*"))
            if path.suffix in (".html", ".json") and "_sources" not in path.parts}


def build(make_app, srcdir: Path, **kwargs):
    app = make_app("html", srcdir=srcdir, **kwargs)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    app.build()
    assert warnings(app.warning.getvalue()) == []
    return app, read


def test_parallel_build_matches_serial(make_app, rootdir, sphinx_test_tempdir):
    serial, _ = build(make_app, fresh_copy(rootdir, sphinx_test_tempdir, "agreement-j1"))
    parallel, read = build(make_app, fresh_copy(rootdir, sphinx_test_tempdir, "agreement-j2"),
                           parallel=2)
    assert parallel.parallel == 2
    assert parallel.is_parallel_allowed("read") and parallel.is_parallel_allowed("write")
    assert len(read) >= 6
    expected = outputs(serial.outdir)
    assert sum(name.endswith(".agreement.json") for name in expected) == 4
    assert outputs(parallel.outdir) == expected


EDITS = {
    # A new defining sentence, and a new use in clause 3.
    "terms-rst.rst": [
        ("Credits (each an :define:`Alpha Credit`) never expire.",
         "Credits (each an :define:`Alpha Credit`) lapse after a year."),
        ("Alpha Corp. owns the Services.", "Alpha Corp. owns the Services and each Alpha Credit."),
    ],
    "terms-md.md": [
        ("Credits (each a {define}`Beta Credit`) never expire.",
         "Credits (each a {define}`Beta Credit`) lapse after a year."),
        ("Beta Corp. owns the Services.", "Beta Corp. owns the Services and each Beta Credit."),
    ],
}


def edit(srcdir: Path) -> None:
    for name, replacements in EDITS.items():
        path = srcdir / name
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
        later = path.stat().st_mtime + 5
        os.utime(path, (later, later))


def test_incremental_build_matches_clean_build(make_app, rootdir, sphinx_test_tempdir):
    srcdir = fresh_copy(rootdir, sphinx_test_tempdir, "agreement-incremental")
    first, _ = build(make_app, srcdir)
    before = outputs(first.outdir)
    edit(srcdir)
    second, read = build(make_app, srcdir)
    # The edited agreements and the pages that use their terms and clauses
    # are read again; a page that depends on nothing of them is not.
    assert {"terms-rst", "terms-md", "notes-rst", "notes-md"} <= set(read)
    assert not {"unrelated-rst", "unrelated-md", "index"} & set(read)

    clean_src = fresh_copy(rootdir, sphinx_test_tempdir, "agreement-incremental-clean")
    edit(clean_src)
    clean, _ = build(make_app, clean_src)
    after = outputs(second.outdir)
    assert after == outputs(clean.outdir)
    assert after != before

    for syntax, credit in (("rst", "alpha-credit"), ("md", "beta-credit")):
        # The use in another page carries the new defining sentence ...
        use = body(second.outdir, f"notes-{syntax}").find("a", class_="term")
        assert use["aria-description"].endswith("lapse after a year.")
        # ... and the index lists the new use.
        index = body(second.outdir, f"terms-{syntax}").select_one("div.defined-terms")
        row = index.find("a", href=f"#term-{credit}").find_parent("tr")
        assert [a.get_text() for a in row.find_all("td")[2].find_all("a")] == ["3", "4"]
        definition = next(d for d in export(second.outdir, f"terms-{syntax}")["definitions"]
                          if d["id"] == f"term-{credit}")
        assert definition["used_in"] == ["3", "4"]


@pytest.mark.parametrize("syntax", ["rst", "md"])
def test_a_new_clause_renumbers_references_elsewhere(make_app, rootdir, sphinx_test_tempdir,
                                                     syntax):
    """A page that refers to an agreement's clauses gets the new numbers when
    a clause is inserted before them."""
    srcdir = fresh_copy(rootdir, sphinx_test_tempdir, f"agreement-renumber-{syntax}")
    app, _ = build(make_app, srcdir)
    assert body(app.outdir, f"notes-{syntax}").select("span.clause-ref")[0].get_text() \
        .startswith("Section 4 of")
    path = srcdir / f"terms-{syntax}.{syntax}"
    text = path.read_text(encoding="utf-8")
    label = f".. _{syntax}-data:" if syntax == "rst" else f"({syntax}-data)="
    new_clause = ("Audits\n------\n\nAlpha Corp. may audit its records.\n\n" if syntax == "rst"
                  else "## Audits\n\nBeta Corp. may audit its records.\n\n")
    path.write_text(text.replace(label, new_clause + label), encoding="utf-8")
    later = path.stat().st_mtime + 5
    os.utime(path, (later, later))
    app, read = build(make_app, srcdir)
    assert f"notes-{syntax}" in read
    spans = body(app.outdir, f"notes-{syntax}").select("span.clause-ref")
    assert spans[0].get_text().startswith("Section 5 of")
    assert spans[1].get_text().startswith("Sections 1 through 2 of")
