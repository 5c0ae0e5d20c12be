"""The `figures` register at scale: 1,000 technologies and 5,000 metrics on
100 pages (ten cards a page, five sourced metrics a card, every other one
dated), built clean with a page holding the register of all of them and
with that page holding a paragraph instead. The register may cost at most
a fifth more than the same site without it (≤ 1.2).

Both variants are built in turn, the fastest of each kept (common.best_of_each).

    .venv/bin/python bench/figures_register_bench.py [--runs 2] [--pages 100]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from common import REPO, best_of_each, report, sphinx_build, write_project

CONF = f"""\
import sys
sys.path.insert(0, {str(REPO / "_ext")!r})
extensions = ["sphinxcontrib.bibtex", "briefing"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "unsrt"
bibtex_foot_reference_style = "foot"
# No sidebars: the theme's site-wide toctree on every page costs Sphinx
# pages x pages, which would hide the extension's own cost.
html_sidebars = {{"**": []}}
briefing_areas = {{"biometrics": "Biometric authentication", "llm": "Large language models",
                   "networks": "Networks"}}
briefing_stages = {{"product": "Product", "rnd": "R&D", "beta": "Beta"}}
"""
BIB = """\
@misc{deck, author = {Example Corp}, title = {{Innovation Day presentation}}, year = {2023}}
@misc{survey, author = {Survey Office}, title = {{A survey}}, year = {2024}}
"""
AREAS = ["biometrics", "llm", "networks"]
STAGES = ["product", "rnd", "beta"]
CARDS_PER_PAGE = 10
METRICS_PER_CARD = 5


def pages(count: int, register: bool) -> dict[str, str]:
    out = {}
    for p in range(count):
        title = f"Technology page {p:03d}"
        parts = [f"{title}\n{'=' * len(title)}\n"]
        for t in range(CARDS_PER_PAGE):
            n = p * CARDS_PER_PAGE + t
            stages = f"{STAGES[n % 3]}, {STAGES[(n + 1) % 3]}" if n % 4 == 0 else STAGES[n % 3]
            parts.append(f".. technology:: Technology {n:04d}\n   :id: tech-{n:04d}\n"
                         f"   :area: {AREAS[n % 3]}\n   :stage: {stages}\n\n"
                         f"   Description of technology {n}.\n")
            for m in range(METRICS_PER_CARD):
                date = f"\n      :as-of: 2023-{m + 1:02d}" if m % 2 == 0 else ""
                source = "deck" if m % 3 else "deck, survey"
                parts.append(f"   .. metric:: {n * 10 + m}%\n      :label: figure {m} of "
                             f"technology {n}\n      :source: {source}{date}\n")
        parts.append(".. footbibliography::\n")
        out[f"page{p:03d}.rst"] = "\n".join(parts)
    body = ".. figures::\n" if register else "The register would be here.\n"
    out["zz-register.rst"] = f"Register\n========\n\n{body}"
    return out


def project(root: Path, count: int, register: bool) -> Path:
    src = write_project(root, CONF, pages(count, register))
    (src / "refs.bib").write_text(BIB, "utf-8")
    return src


def main() -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="builds per variant (best kept)")
    parser.add_argument("--pages", type=int, default=100)
    args = parser.parse_args()
    technologies = args.pages * CARDS_PER_PAGE
    metrics = technologies * METRICS_PER_CARD
    print(f"register: {technologies:,} technologies, {metrics:,} metrics on {args.pages} pages")
    root = Path(tempfile.mkdtemp(prefix="figures-bench-"))
    try:
        with_register = project(root / "with", args.pages, register=True)
        without = project(root / "without", args.pages, register=False)
        found = best_of_each(args.runs, {
            "with": lambda: sphinx_build(with_register, root / "out-with"),
            "without": lambda: sphinx_build(without, root / "out-without")})
        rows = (root / "out-with" / "zz-register.html").read_text("utf-8").count("<tr")
        print(f"  without the register: {found['without'].seconds:6.2f} s; with it: "
              f"{found['with'].seconds:6.2f} s ({rows - 1:,} rows)")
        return [report("figures register: build time with / without (5,000 metrics)",
                       found["with"].seconds / found["without"].seconds, 1.2)]
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
