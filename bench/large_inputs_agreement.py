"""Large input for the `agreement` extension: build time must grow linearly.

One agreement page of 20,000 and of 200,000 words: clauses of about 100
words in sections of ten subclauses, a defined term per section (each used
throughout, so every text node is scanned against every term), `clause`
references (single, ranges, lists) to clauses near and far, a `summary` per
section, a `conspicuous` block and the index of definitions.  Ten times the
words may cost at most eleven times the build time (≤ 11: linear, not
quadratic).  The absolute time of the 200,000-word build is printed too.

    .venv/bin/python bench/large_inputs_agreement.py [--runs 2] [--syntax rst|md]
"""

from __future__ import annotations

import argparse

from common import REPO, BuildResult, report, timed_project

CONF = f"""\
import sys
sys.path.insert(0, {str(REPO / "_ext")!r})
extensions = ["myst_parser", "agreement"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_sidebars = {{"**": []}}
"""

FILLER = ("the parties agree that each obligation set out here applies during the term and "
          "after it where the nature of the obligation so requires and that notices are given "
          "in writing to the address last provided").split()
SUBCLAUSES = 10  # per section
WORDS_PER_CLAUSE = 100


def term_of(section: int) -> str:
    # Distinct, two-word, capitalised terms: "Widget Alpha 12".
    return f"Asset Class{section:05d}"


def agreement_page(words: int, syntax: str) -> dict[str, str]:
    """An agreement of about `words` words of running text."""
    sections = max(1, words // (WORDS_PER_CLAUSE * SUBCLAUSES))
    rst = syntax == "rst"
    out = []
    title = f"Large Agreement of {words} Words"
    out.append(f"{title}\n{'=' * len(title)}\n" if rst else f"# {title}\n")
    directive = ("agreement::\n   :provider: Bench Corp.\n   :last-updated: 2025-07-15\n"
                 if rst else "```{agreement}\n:provider: Bench Corp.\n:last-updated: 2025-07-15\n"
                 "```\n")
    out.append(".. " + directive if rst else directive)

    def role(name: str, text: str) -> str:
        return f":{name}:`{text}`" if rst else f"{{{name}}}`{text}`"

    def label(name: str) -> str:
        return f".. _{name}:\n" if rst else f"({name})="

    def heading(text: str, level: int) -> str:
        if rst:
            return f"{text}\n{'-~'[level - 1] * len(text)}\n"
        return f"{'#' * (level + 1)} {text}\n"

    def block(name: str, text: str) -> str:
        if rst:
            return f".. {name}::\n\n   {text}\n"
        return f":::{{{name}}}\n{text}\n:::\n"

    for s in range(sections):
        term = term_of(s)
        out.append(label(f"s{s}"))
        out.append(heading(f"Section topic {s}", 1))
        out.append(block("summary", f"In short, section topic {s} deals with {term}s."))
        for c in range(SUBCLAUSES):
            out.append(label(f"s{s}-c{c}"))
            out.append(heading(f"Subclause {s}.{c}", 2))
            words_left = WORDS_PER_CLAUSE
            parts = []
            if c == 0:
                parts.append(f"Each asset of this section (an {role('define', term)}) is "
                             "listed here.")
                words_left -= 10
            # Uses of this section's term and of the previous ones.
            parts.append(f"Every {term} and every {term_of(max(0, s - 1))} counts.")
            # References near and far, single, ranges and lists.
            far = (s * 7919) % sections
            parts.append(f"See {role('clause', f's{far}')} and "
                         f"{role('clause', f's{s}-c0..s{s}-c{SUBCLAUSES - 1}')}, and "
                         f"{role('clause', f's{s}, s{far}-c1')}.")
            words_left -= 22
            filler = [FILLER[(s + c + i) % len(FILLER)] for i in range(max(0, words_left))]
            # Paragraphs of about 40 words.
            for start in range(0, len(filler), 40):
                parts.append(" ".join(filler[start:start + 40]).capitalize() + ".")
            out.append("\n\n".join(parts) + "\n")
        if s == 0:
            out.append(block("conspicuous", "The services are provided as they are."))
    out.append(heading("Index of definitions", 1))
    out.append(".. defined-terms::\n" if rst else "```{defined-terms}\n```\n")
    return {f"agreement.{syntax}": "\n".join(out)}


def count_words(pages: dict[str, str]) -> int:
    return sum(len(text.split()) for text in pages.values())


def timed(pages: dict[str, str], label: str, runs: int) -> BuildResult:
    # -W: the generated agreement is clean; a warning would mean a broken bench.
    return timed_project(CONF, pages, label, runs, "-W")


def main() -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="builds per size (best kept)")
    parser.add_argument("--syntax", choices=["rst", "md"], default="rst")
    args = parser.parse_args()
    small_pages = agreement_page(20_000, args.syntax)
    large_pages = agreement_page(200_000, args.syntax)
    print(f"agreement ({args.syntax}), one page:")
    small = timed(small_pages, f"{count_words(small_pages):,} words", args.runs)
    large = timed(large_pages, f"{count_words(large_pages):,} words", args.runs)
    rows = [report("agreement build time, 200,000 / 20,000 words",
                   large.seconds / small.seconds, 11)]
    print(f"  200,000-word build: {large.seconds:.2f} s (20,000 words: {small.seconds:.2f} s)")
    return rows


if __name__ == "__main__":
    main()
