"""The shape of the input, not only its size: the `agreement` extension's
cost per definition, use and reference must not grow with what else its
paragraph holds.

Three corpora, each built with the real extension and with the do-nothing
floor (bench/floor/agreement), variants in turn; the time ratio real/floor
of each must be at most 1.20:

- ``one-paragraph``: 60 agreement pages, each with its 500 definitions in
  one paragraph of the first clause (a definitions clause written as one
  block), and the terms used in the clauses after it;
- ``one-list``: the same definitions as one bullet list, an item each;
- ``huge-paragraph``: 20 agreement pages, each one paragraph of 20,000 words
  holding 2,000 uses of its 50 terms (defined in the clause before), one in
  fifty an explicit `use` role, with `clause` references among them.

    .venv/bin/python bench/paragraph_shapes_bench.py [--runs 2] [--shapes one-paragraph ...]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from autolink_bench import CONF, FILLER, term_names
from common import REPO, best_of_each, report, sphinx_build

if TYPE_CHECKING:
    from collections.abc import Callable

KINDS = ("real", "floor")


def _page(title: str, clauses: list[tuple[str, str, list[str]]]) -> str:
    """An agreement page: (label, title, paragraphs) per clause."""
    out = [title, "=" * len(title), "", ".. agreement::", "   :provider: Example Corp.",
           "   :last-updated: 2025-07-15", ""]
    for label, heading, paragraphs in clauses:
        out += [f".. _{label}:", "", heading, "-" * len(heading), ""]
        for paragraph in paragraphs:
            out += [paragraph, ""]
    return "\n".join(out)


def _filler(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(FILLER) for _ in range(rng.randint(low, high)))


def _uses(rng: random.Random, names: list[str], count: int, per_paragraph: int) -> list[str]:
    """Paragraphs holding `count` uses of `names`, every name at least once."""
    chosen = [names[k % len(names)] for k in range(count)]
    rng.shuffle(chosen)
    return [" ".join(f"{_filler(rng, 4, 9)} {name}" for name in chosen[i:i + per_paragraph]) + "."
            for i in range(0, len(chosen), per_paragraph)]


def definitions_page(p: int, terms: int, as_list: bool) -> str:
    rng = random.Random(p)
    names = term_names(terms, p * terms)
    definitions = [f":define:`{name}` means the {name.lower()} in this agreement"
                   for name in names]
    block = ("\n".join(f"- {text};" for text in definitions) if as_list
             else "; ".join(definitions) + ".")
    clauses = [(f"p{p}-definitions", "Definitions", [block])]
    for c in range(1, 10):
        clauses.append((f"p{p}-clause-{c}", f"Clause {c}",
                        [*_uses(rng, names[c - 1::9], 60, 8),
                         f"As :clause:`p{p}-definitions` says."]))
    return _page(f"Agreement {p}", clauses)


def huge_paragraph_page(p: int, words: int = 20_000, uses: int = 2_000, terms: int = 50) -> str:
    rng = random.Random(p)
    names = term_names(terms, p * terms)
    definitions = [f":define:`{name}` means the {name.lower()} here." for name in names]
    filler_words = max(0, (words - uses * 3) // uses)
    parts = []
    for k in range(uses):
        parts.append(" ".join(rng.choice(FILLER) for _ in range(filler_words)))
        name = names[k % terms]
        # Most uses are plain words, linked automatically; one in fifty an
        # explicit `use` role, one in a hundred a `clause` reference.
        parts.append(f":clause:`p{p}-definitions`" if k % 100 == 0
                     else f":use:`{name}`" if k % 50 == 25 else name)
    return _page(f"Agreement {p}", [(f"p{p}-definitions", "Definitions", definitions),
                                    (f"p{p}-body", "Body", [" ".join(parts) + "."])])


SHAPES: dict[str, tuple[int, Callable[[int], str]]] = {
    "one-paragraph": (60, lambda p: definitions_page(p, 500, as_list=False)),
    "one-list": (60, lambda p: definitions_page(p, 500, as_list=True)),
    "huge-paragraph": (20, huge_paragraph_page),
}
FIGURE = {
    "one-paragraph": "500 definitions in one paragraph: time / floor",
    "one-list": "500 definitions as one bullet list: time / floor",
    "huge-paragraph": "20,000-word paragraph, 2,000 uses: time / floor",
}


def write_shape(root: Path, shape: str) -> None:
    pages, page = SHAPES[shape]
    index = ["Corpus", "======", "", ".. toctree::", ""]
    sources = {f"page{p:03d}": page(p) for p in range(pages)}
    index += [f"   {name}" for name in sources]
    for kind in KINDS:
        (root / kind).mkdir(parents=True)
        (root / kind / "conf.py").write_text(CONF[kind].format(
            ext=str(REPO / "_ext"), floor=str(REPO / "bench" / "floor")))
        (root / kind / "index.rst").write_text("\n".join(index) + "\n", "utf-8")
        for name, text in sources.items():
            (root / kind / f"{name}.rst").write_text(text, "utf-8")


def main() -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="builds per variant (best kept)")
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    args = parser.parse_args()
    rows = []
    for shape in args.shapes:
        root = Path(tempfile.mkdtemp(prefix=f"shape-{shape}-"))
        try:
            write_shape(root, shape)
            times = best_of_each(args.runs, {
                kind: lambda k=kind, r=root: sphinx_build(r / k, r / f"_out-{k}")
                for kind in KINDS})
        finally:
            shutil.rmtree(root, ignore_errors=True)
        print(f"  {shape}: real {times['real'].seconds:6.2f} s, "
              f"floor {times['floor'].seconds:6.2f} s", flush=True)
        rows.append(report(FIGURE[shape], times["real"].seconds / times["floor"].seconds, 1.20))
    return rows


if __name__ == "__main__":
    main()
