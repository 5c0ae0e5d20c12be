"""The work per definition, use and clause reference does not grow with
what else its paragraph holds.

Speed is measured in ``bench/`` (``paragraph_shapes_bench.py``); this test
measures work instead, which a loaded machine does not change: the number
of function calls (Python and C) that the `agreement` extension's read and
write passes make on an agreement whose roles all sit in one paragraph, at
two sizes. Eight times the roles must cost at most about eight times the
calls; a pass that read the whole paragraph again for each role would cost
about sixty-four times.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import sitebuild  # noqa: F401 - puts _ext/ on sys.path, as the site's conf.py does
from malformed_support import build_project

if TYPE_CHECKING:
    from pathlib import Path

#: The test project counts the calls made between two transforms around the
#: extension's read pass (priority 800) and two listeners around its write
#: pass (``doctree-resolved``, priority 500), and writes the count out.
CONF = """\
import sys
from sphinx.transforms import SphinxTransform

extensions = ['myst_parser', 'agreement']
COUNT = [0]


def _profile(frame, event, arg):
    if event in ('call', 'c_call'):
        COUNT[0] += 1


class StartCounting(SphinxTransform):
    default_priority = 799

    def apply(self, **kwargs):
        sys.setprofile(_profile)


class StopCounting(SphinxTransform):
    default_priority = 801

    def apply(self, **kwargs):
        sys.setprofile(None)


def setup(app):
    app.add_transform(StartCounting)
    app.add_transform(StopCounting)
    app.connect('doctree-resolved', lambda *args: sys.setprofile(_profile), priority=499)
    app.connect('doctree-resolved', lambda *args: sys.setprofile(None), priority=501)
    app.connect('build-finished', lambda app, error: (app.outdir / 'calls.txt').write_text(
        str(COUNT[0])))
"""
INDEX = "Index\n=====\n\n.. toctree::\n\n   terms\n"
SMALL, LARGE = 40, 320


def role(syntax: str, name: str, text: str) -> str:
    return f":{name}:`{text}`" if syntax == "rst" else f"{{{name}}}`{text}`"


def clause(syntax: str, label: str, title: str) -> str:
    if syntax == "rst":
        return f".. _{label}:\n\n{title}\n{'-' * len(title)}\n\n"
    return f"({label})=\n## {title}\n\n"


def definitions_in_one_paragraph(syntax: str, count: int) -> str:
    terms = [f"Item{n:04d} Fee" for n in range(count)]
    block = ";\n".join(f"{role(syntax, 'define', term)} means the fee for item {n}"
                        for n, term in enumerate(terms))
    return (clause(syntax, "defs", "Definitions") + block + ".\n\n"
            + clause(syntax, "uses", "Uses") + " and\n".join(terms) + " are due.\n")


def roles_in_one_paragraph(syntax: str, count: int) -> str:
    """`use` roles, `clause` references and hand-typed references (each
    warns), all in one paragraph that spans many lines."""
    parts = [f"the {role(syntax, 'use', 'Base Fee')} and {role(syntax, 'clause', 'defs')}\n"
             f"and Section {n + 1} here" for n in range(count)]
    return (clause(syntax, "defs", "Definitions") + role(syntax, "define", "Base Fee")
            + " means the fee.\n\n" + clause(syntax, "uses", "Uses") + ",\n".join(parts)
            + ".\n")


SHAPES = {"definitions": definitions_in_one_paragraph, "roles": roles_in_one_paragraph}
HEADER = {
    "rst": "Terms\n=====\n\n.. agreement::\n   :provider: Example\n"
           "   :last-updated: 2025-07-15\n\n",
    "md": "# Terms\n\n```{agreement}\n:provider: Example\n:last-updated: 2025-07-15\n```\n\n",
}


def calls_of_the_passes(tmp_path: Path, syntax: str, shape: str, count: int) -> int:
    page = HEADER[syntax] + SHAPES[shape](syntax, count)
    build = build_project(tmp_path / f"{shape}-{count}",
                          {"conf.py": CONF, "index.rst": INDEX, f"terms.{syntax}": page},
                          warningiserror=False)
    assert (build.outdir / "terms.html").is_file()
    if shape == "roles":  # the hand-typed references were all found, each on its line
        lines = sorted(r.line for r in build.records if r.tag == "agreement.unmarked-reference")
        assert len(lines) == count and lines == sorted(set(lines))
    return int((build.outdir / "calls.txt").read_text())


@pytest.mark.parametrize("syntax", ["rst", "md"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_calls_grow_linearly_with_the_roles_of_one_paragraph(tmp_path, syntax, shape):
    small = calls_of_the_passes(tmp_path, syntax, shape, SMALL)
    large = calls_of_the_passes(tmp_path, syntax, shape, LARGE)
    growth = large / small
    assert growth <= (LARGE / SMALL) * 1.25, f"{growth:.1f}x the calls for 8x the roles"
