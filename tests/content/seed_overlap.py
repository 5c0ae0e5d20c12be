"""How much of a seed a built page repeats word for word.

The site's pages carry the facts of their seeds (``tests/data/seeds/``) in
sentences of their own. This module measures what is still shared: every
maximal run of at least ``MIN_RUN`` consecutive words that a page and its
seed have in common, the longest such run, and the share of the seed's
words that the runs cover. Standard library only, so that it runs anywhere
the repository does:

    python tests/content/seed_overlap.py            # the Terms of Use
    python tests/content/seed_overlap.py --all      # ... and list every run
    python tests/content/seed_overlap.py PAGE.html SEED.txt

Text is compared after normalising case, quotes and punctuation: both sides
are cut into words of letters and digits only, so "Liquid AI’s" and
"liquid ai's" are the same three words and a hyphen or a comma is no word.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

#: The shortest run of shared words that counts.
MIN_RUN = 8
#: The most of the Terms seed's words that the Terms page may share.
TARGET_SHARE = 0.10

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SEEDS = REPO / "tests" / "data" / "seeds"
TERMS_SEED = SEEDS / "003_a895839695e83967.txt"
DECK_SEED = SEEDS / "000_f328992e950d4be4.txt"
TERMS_PAGE = "source/terms/leap-terms-of-use"

#: Runs that a page may share with the Terms seed however long they are:
#: fixed enumerations of items, which cannot be reworded without changing
#: what they list. A run is allowed only when it lies wholly inside one of
#: these (compared as normalised words).
TERMS_ALLOWED = (
    # Clause 10: the categories of information that Confidential Information covers.
    "research, development, operations, marketing, transactions, regulatory affairs, "
    "discoveries, inventions, methods, processes, articles, materials, algorithms, software, "
    "specifications, designs, drawings, data, strategies, plans, prospects, know-how and ideas",
    # Clause 12: the clauses that survive termination, as the `clause` role
    # renders its reference (a fixed list of clause numbers).
    "Sections 4 through 10 and 12 through 19",
    # Clause 16: the warranty types that the disclaimer names.
    "implied warranties of title, non-infringement, merchantability and fitness for a "
    "particular purpose",
    "course of performance, usage of trade, or course of dealing",
    # Clause 19: the force-majeure events.
    "the elements; fire; flood; severe weather; earthquake; vandalism; accidents; sabotage; "
    "power failure; denial of service attacks or similar attacks; Internet failure; acts of "
    "God and the public enemy; acts of war; acts of terrorism; riots; civil or public "
    "disturbances; strikes lock-outs or labor disruptions; any laws, orders, rules, "
    "regulations, acts or restraints of any government or governmental body or authority, "
    "civil or military, including the orders and judgments of courts",
)

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'})
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """`text` as a list of normalised words (lower case, letters and digits)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return _WORD.findall(text)


class _MainText(HTMLParser):
    """The text of a page's main content (furo's ``<article role="main">``,
    or a ``div role="main"``), without scripts and styles."""

    SKIP = {"script", "style"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside the main content (0: outside)
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.depth:
            self.depth += 1
            if self.skip or tag in self.SKIP:
                self.skip += 1
        elif dict(attrs).get("role") == "main" and tag in ("article", "div", "main"):
            self.depth = 1

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.depth:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def main_text(html: str) -> str:
    """The text of a built page's main content."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


@dataclass(frozen=True)
class Run:
    """A maximal run of words shared by the seed and the page."""

    start: int  # first word of the run in the seed
    end: int  # one past its last word in the seed
    text: str  # the run, as normalised words

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Overlap:
    runs: tuple[Run, ...]  # in seed order
    seed_words: int
    covered: int  # seed words inside at least one run

    @property
    def share(self) -> float:
        return self.covered / self.seed_words if self.seed_words else 0.0

    @property
    def longest(self) -> Run | None:
        return max(self.runs, key=lambda run: run.length, default=None)


def shared_runs(page: list[str], seed: list[str], min_run: int = MIN_RUN) -> tuple[Run, ...]:
    """Every maximal run of at least `min_run` words that occurs in both word
    lists. A run is counted once however often the page repeats it, and a
    run that lies inside a longer one of the seed is not counted apart."""
    starts: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for p in range(len(page) - min_run + 1):
        starts[tuple(page[p:p + min_run])].append(p)
    spans: set[tuple[int, int]] = set()
    for s in range(len(seed) - min_run + 1):
        for p in starts.get(tuple(seed[s:s + min_run]), ()):
            if s and p and seed[s - 1] == page[p - 1]:
                continue  # inside a run that starts earlier
            k = min_run
            while s + k < len(seed) and p + k < len(page) and seed[s + k] == page[p + k]:
                k += 1
            spans.add((s, s + k))
    kept = [span for span in spans
            if not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in spans)]
    return tuple(Run(s, e, " ".join(seed[s:e])) for s, e in sorted(kept))


def overlap(page_text: str, seed_text: str, min_run: int = MIN_RUN) -> Overlap:
    seed = words(seed_text)
    runs = shared_runs(words(page_text), seed, min_run)
    covered = set()
    for run in runs:
        covered.update(range(run.start, run.end))
    return Overlap(runs, len(seed), len(covered))


def allowed(run: Run, phrases: tuple[str, ...] = TERMS_ALLOWED) -> bool:
    """Whether `run` lies wholly inside one of the allowed `phrases`."""
    return any(f" {run.text} " in f" {' '.join(words(phrase))} " for phrase in phrases)


def report(result: Overlap, phrases: tuple[str, ...] = (), every: bool = False) -> str:
    longest = result.longest
    outside = [run for run in result.runs if not allowed(run, phrases)]
    lines = [
        f"seed words:    {result.seed_words}",
        f"shared runs:   {len(result.runs)} of {MIN_RUN}+ words"
        f" ({len(outside)} outside the allow-list)",
        f"longest run:   {longest.length if longest else 0} words"
        + (f": {longest.text!r}" if longest else ""),
        f"seed covered:  {result.covered} words, {result.share:.1%}",
    ]
    for run in (result.runs if every else outside):
        mark = "allowed " if allowed(run, phrases) else ""
        lines.append(f"  {mark}[{run.length}] {run.text}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("page", nargs="?", type=Path,
                        default=REPO / "_build" / "html" / f"{TERMS_PAGE}.html",
                        help="a built HTML page (default: the Terms of Use in _build/html)")
    parser.add_argument("seed", nargs="?", type=Path, default=TERMS_SEED,
                        help="its seed (default: the Terms seed)")
    parser.add_argument("--all", action="store_true", help="list every run, allowed or not")
    args = parser.parse_args(argv)
    if not args.page.is_file():
        parser.error(f"{args.page} does not exist: run `make html` first")
    html = args.page.read_text(encoding="utf-8")
    text = main_text(html) if args.page.suffix == ".html" else html
    phrases = TERMS_ALLOWED if args.seed.resolve() == TERMS_SEED else ()
    print(report(overlap(text, args.seed.read_text(encoding="utf-8")), phrases, args.all))
    return 0


if __name__ == "__main__":
    sys.exit(main())
