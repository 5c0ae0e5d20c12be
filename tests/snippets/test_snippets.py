"""Doctree snapshots of the documented markup of both extensions.

Every example of markup in the authoring guides (``source/guide/agreements.md``
and ``briefings.md``: the fenced ``md`` and ``rst`` blocks and the roles in
inline code) is held by a snippet here, ``<name>.md`` and ``<name>.rst``,
named after its directive or role: the example verbatim, with what it needs
around it to build (a title, an agreement's header, the clauses it names).
The snippets of one syntax are built together, without a warning, in the
small project of ``_project/``; the resolved doctree of each (as the HTML
writer gets it, after the extensions' post-transforms and
``doctree-resolved``) is compared, as docutils' pseudo-XML, with the stored
``tests/snapshots/<name>.<syntax>.xml``. A change of structure fails with a
unified diff of the two.

The pseudo-XML is docutils' ``pformat()`` with the build's folder written
``<srcdir>``, and an attribute set to None written ``None`` (docutils
writes ``True``). ``UPDATE_SNAPSHOTS=1`` (for example
``UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/snippets``) writes
what the build gives instead: review the change with ``git diff
tests/snapshots``, then commit it with the change that caused it.

A new example in a guide fails `test_every_example_of_the_guide_is_in_a_snippet`
until a snippet holds it (or `NOT_SNIPPETS` names it, with the reason).
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from docutils import nodes
from sitebuild import REPO
from sphinx.testing.util import SphinxTestApp

SNIPPETS = Path(__file__).resolve().parent
PROJECT = SNIPPETS / "_project"
SNAPSHOTS = SNIPPETS.parent / "snapshots"
GUIDES = [REPO / "source" / "guide" / name for name in ("agreements.md", "briefings.md")]
SYNTAXES = {"rst": ".rst", "md": ".md"}
UPDATE = bool(os.environ.get("UPDATE_SNAPSHOTS"))

NAMES = sorted({path.stem for path in SNIPPETS.glob("*.rst")}
               | {path.stem for path in SNIPPETS.glob("*.md")})
ROLES = ("define", "use", "clause", "tech", "stage")

#: Guide examples that are no snippet: they warn on purpose (the guides show
#: them to explain the checks, which the warnings tests cover).
NOT_SNIPPETS = (
    'The software (the "Services") is described in Section 4.',
    "See {tech}`no-such-technology`.",
)

#: The opening line of a fenced md or rst block, also as the cell of a list-table.
FENCE = re.compile(r"^[ *-]*(?P<fence>`{3,})(?P<syntax>md|rst)[ \t]*$")
INLINE_ROLE = re.compile(r"``\s?((?:\{(?P<md>[\w-]+)\}|:(?P<rst>[\w-]+):)`[^`]*`)\s?``")


def guide_examples(guide: Path) -> list[tuple[str, str]]:
    """The examples of markup of a guide, as (syntax, text): its fenced
    ``md`` and ``rst`` blocks, dedented, and the extensions' roles that it
    shows in inline code."""
    examples = []
    lines = guide.read_text(encoding="utf-8").splitlines()
    number = 0
    while number < len(lines):
        start = FENCE.match(lines[number])
        number += 1
        if not start:
            continue
        body = []
        while number < len(lines) and lines[number].strip() != start["fence"]:
            body.append(lines[number])
            number += 1
        number += 1
        examples.append((start["syntax"], textwrap.dedent("\n".join(body)).strip("\n")))
    for line in lines:
        for match in INLINE_ROLE.finditer(line):
            role = match["md"] or match["rst"]
            if role in ROLES:
                examples.append(("md" if match["md"] else "rst", match[1]))
    return [(syntax, text) for syntax, text in examples
            if not any(skip in text for skip in NOT_SNIPPETS)]


def snippet_text(name: str, syntax: str) -> str:
    return (SNIPPETS / f"{name}{SYNTAXES[syntax]}").read_text(encoding="utf-8")


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.name)
def test_every_example_of_the_guide_is_in_a_snippet(guide):
    examples = guide_examples(guide)
    assert len(examples) >= 10
    missing = [(syntax, text) for syntax, text in examples
               if not any(text in snippet_text(name, syntax) for name in NAMES)]
    assert missing == [], "examples of the guide that no snippet holds"


def test_every_snippet_is_in_both_syntaxes_and_shows_an_example_of_a_guide():
    examples = [example for guide in GUIDES for example in guide_examples(guide)]
    for name in NAMES:
        texts = {syntax: snippet_text(name, syntax) for syntax in SYNTAXES}  # both exist
        assert any(text in texts[syntax] for syntax, text in examples), name


# -- the doctrees ---------------------------------------------------------------------------

def pseudo_xml(doctree: nodes.document, srcdir: Path) -> str:
    """The doctree as docutils' pseudo-XML, without what changes from one
    build to the next (the build's folder, addresses of objects). An
    attribute set to None reads ``None`` (docutils writes ``True``)."""
    for node in doctree.findall(nodes.Element):
        for name, value in node.attributes.items():
            if value is None:
                node.attributes[name] = "None"
    text = doctree.pformat().replace(str(srcdir), "<srcdir>")
    return re.sub(r" at 0x[0-9a-f]+", " at 0x…", text)


@pytest.fixture(scope="module")
def doctrees(tmp_path_factory):
    """The pseudo-XML of each snippet's resolved doctree and the build's
    warnings, per syntax: one build per syntax, made on first use."""
    done: dict[str, tuple[dict[str, str], str]] = {}

    def get(syntax: str) -> tuple[dict[str, str], str]:
        if syntax not in done:
            srcdir = tmp_path_factory.mktemp(f"snippets-{syntax}")
            shutil.copytree(PROJECT, srcdir, dirs_exist_ok=True)
            for name in NAMES:
                shutil.copy(SNIPPETS / f"{name}{SYNTAXES[syntax]}", srcdir)
            app = SphinxTestApp("html", srcdir=srcdir, freshenv=True)
            try:
                app.build()
                trees = {name: pseudo_xml(app.env.get_and_resolve_doctree(
                    name, app.builder, tags=app.builder.tags), srcdir) for name in NAMES}
                done[syntax] = (trees, app.warning.getvalue())
            finally:
                app.cleanup()
        return done[syntax]

    return get


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_snippets_build_without_a_warning(doctrees, syntax):
    assert doctrees(syntax)[1] == ""


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize("name", NAMES)
def test_doctree_is_the_stored_snapshot(doctrees, name, syntax):
    actual = doctrees(syntax)[0][name]
    path = SNAPSHOTS / f"{name}.{syntax}.xml"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != actual:
            path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no snapshot {path.relative_to(REPO)}: run with UPDATE_SNAPSHOTS=1, "
                    "review it and commit it", pytrace=False)
    stored = path.read_text(encoding="utf-8")
    if stored != actual:
        diff = "".join(difflib.unified_diff(
            stored.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"{path.relative_to(REPO)} (stored)",
            tofile=f"{name}{SYNTAXES[syntax]} (built now)"))
        pytest.fail(f"the doctree of {name}{SYNTAXES[syntax]} changed "
                    f"(UPDATE_SNAPSHOTS=1 stores the new one):\n{diff}", pytrace=False)


def test_every_snapshot_has_its_snippet():
    stored = sorted(path.name for path in SNAPSHOTS.glob("*.xml"))
    assert stored == sorted(f"{name}.{syntax}.xml" for name in NAMES for syntax in SYNTAXES)
