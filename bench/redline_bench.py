"""Benchmark the agreement redline engine against its 2-second target.

Generates two versions of a 20,000-word agreement shaped like real terms of
use (19 top-level clauses, most with subclauses, a few third-level ones,
cross-references such as "Section 12"), with 5% of the words changed
(insertions, deletions and substitutions spread over the clauses) and the
clause structure reshuffled (a clause added, one removed, one moved, so that
many clauses are renumbered).  Times ``compare`` + ``render_html``, best of
several runs, and prints the figure and its ratio to the target:

    .venv/bin/python bench/redline_bench.py
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

from common import report

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 2.0
SEED_TEXT = REPO.parent / "shared" / "seeds" / "003_a895839695e83967.txt"


def load_redline() -> Any:
    """The redline module, imported from its file so that the benchmark does
    not depend on the rest of the extension (or on Sphinx) importing."""
    path = REPO / "_ext" / "agreement" / "redline.py"
    spec = importlib.util.spec_from_file_location("agreement_redline_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def vocabulary() -> list[str]:
    """Words with a realistic frequency profile: those of the LEAP terms seed
    when it is there (common words like "the" repeat, as in legal text)."""
    if SEED_TEXT.exists():
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", SEED_TEXT.read_text(encoding="utf-8"))
        if len(words) > 1000:
            return words
    base = ("the of and to any or in a you Services we use by for that not this "
            "Terms may Content Customer Data Provider shall be with agree such as "
            "all including without limitation other are under rights your on "
            "Agreement applicable law party parties notice written").split()
    return base * 20


def sentence(rng: random.Random, words: list[str], clause_count: int) -> str:
    length = rng.randint(12, 38)
    picked = [rng.choice(words) for _ in range(length)]
    if rng.random() < 0.15:  # a cross-reference, as the rendered text shows it
        picked.insert(rng.randrange(len(picked)), f"Section {rng.randint(1, clause_count)}")
    if length > 20:
        picked[rng.randrange(5, length - 5)] += ","
    text = " ".join(picked)
    return text[0].upper() + text[1:] + "."


def make_agreement(rng: random.Random, words: list[str], total_words: int,
                   single: bool = False) -> dict[str, Any]:
    """19 clauses; each 0-4 subclauses, some with 1-2 third-level ones.
    With ``single``, one clause holding all the words (the worst case: the
    clause-level pairing cannot split the work)."""
    skeleton: list[dict[str, Any]] = []
    leaves: list[dict[str, Any]] = []
    for top in range(1 if single else 19):
        clause = {"label": f"clause-{top}", "title": f"Clause heading {top}",
                  "summary": None, "clauses": []}
        skeleton.append(clause)
        leaves.append(clause)
        for sub in range(0 if single else rng.choice([0, 2, 3, 3, 4])):
            child = {"label": f"clause-{top}-{sub}" if rng.random() < 0.7 else None,
                     "title": f"Subclause heading {top}.{sub}", "summary": None,
                     "clauses": []}
            clause["clauses"].append(child)
            leaves.append(child)
            for third in range(rng.choice([0, 0, 0, 1, 2])):
                grandchild = {"label": None, "title": f"Item {top}.{sub}.{third}",
                              "summary": None, "clauses": []}
                child["clauses"].append(grandchild)
                leaves.append(grandchild)
    # Share the words out exactly: each clause gets whole sentences, the last
    # one cut to length so that the agreement has exactly ``total_words``.
    share, extra = divmod(total_words, len(leaves))
    for position, clause in enumerate(leaves):
        wanted = share + (1 if position < extra else 0)
        text: list[str] = []
        while len(text) < wanted:
            text.extend(sentence(rng, words, 19).split(" "))
        text = text[:wanted]
        clause["text"] = " ".join(text).rstrip(",.") + "."
    agreement = {"title": "Terms of Use", "provider": "Example, Inc.",
                 "last_updated": "2025-07-15", "governing_law": None, "source": None,
                 "previous": None, "clauses": skeleton, "definitions": [],
                 "references": []}
    number(agreement["clauses"])
    return agreement


def number(clauses: list[dict[str, Any]], prefix: str = "") -> None:
    """Number clauses 1, 2, ...; 1.1, 1.2, ... as the extension does."""
    for position, clause in enumerate(clauses, start=1):
        clause["number"] = f"{prefix}{position}"
        number(clause["clauses"], f"{clause['number']}.")


def walk(clauses: list[dict[str, Any]]):
    for clause in clauses:
        yield clause
        yield from walk(clause["clauses"])


def edit_words(rng: random.Random, text: str, words: list[str], rate: float) -> tuple[str, int]:
    """Change about ``rate`` of the words: substitute, delete or insert."""
    out: list[str] = []
    changed = 0
    for word in text.split(" "):
        roll = rng.random()
        if roll < rate / 3:
            out.append(rng.choice(words))
            changed += 1
        elif roll < 2 * rate / 3:
            changed += 1
        elif roll < rate:
            out.extend([word, rng.choice(words)])
            changed += 1
        else:
            out.append(word)
    return " ".join(out), changed


def make_new_version(rng: random.Random, old: dict[str, Any], words: list[str],
                     rate: float) -> tuple[dict[str, Any], int]:
    new = copy.deepcopy(old)
    changed = 0
    for clause in walk(new["clauses"]):
        clause["text"], n = edit_words(rng, clause["text"], words, rate)
        changed += n
    top = new["clauses"]
    # Structure: add a clause near the top (renumbers everything after it),
    # remove one, and move one further down (matched by its label).
    top.insert(2, {"label": "new-clause", "title": "A clause added in this version",
                   "text": " ".join(sentence(rng, words, 19) for _ in range(8)),
                   "summary": None, "clauses": []})
    if len(top) > 10:
        del top[10]
    if len(top) > 15:
        top.insert(15, top.pop(5))
    number(top)
    return new, changed


def word_count(agreement: dict[str, Any]) -> int:
    return sum(len(c["text"].split()) for c in walk(agreement["clauses"]))


def time_redline(redline: Any, old: dict[str, Any], new: dict[str, Any], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        result = redline.compare(old, new)
        redline.render_html(result, old_href="archive/terms.html", new_href="terms.html",
                            old_title="Terms of Use (earlier)", new_title="Terms of Use")
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--single-clause", action="store_true",
                        help="worst case: all the words in one clause")
    parser.add_argument("--verbose", action="store_true",
                        help="also describe the generated versions and the result")
    args = parser.parse_args()

    redline = load_redline()
    rng = random.Random(args.seed)
    words = vocabulary()
    old = make_agreement(rng, words, args.words, single=args.single_clause)
    new, changed = make_new_version(rng, old, words, args.rate)
    seconds = time_redline(redline, old, new, args.runs)

    if args.verbose:
        result = redline.compare(old, new)
        print(f"old {word_count(old)} words, new {word_count(new)} words, "
              f"{sum(1 for _ in walk(new['clauses']))} clauses, {changed} words edited; "
              f"added {len(result.added)}, removed {len(result.removed)}, "
              f"changed {len(result.changed)}, renumbered {len(result.renumbered)}")
    shape = ", one clause" if args.single_clause else ""
    report(f"redline of two {args.words:,}-word versions{shape}, {args.rate:.0%} changed",
           seconds, TARGET_SECONDS, unit="s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
