"""Large input for the `briefing` extension: build time must grow linearly.

- ranking:   one page holding a `ranking` of 1,000 and of 10,000 CSV rows
             (in the directive's body); ten times the rows may cost at most
             eleven times the build time (≤ 11: linear, not quadratic).  The
             ratio net of a 10-row baseline build is printed for information.
- catalogue: 10 technologies on 10 pages against 1,000 technologies on 100
             pages (ten per page), every page naming the technologies of the
             next one with `tech` and one page listing all of them with
             `technologies`; ten times the pages and a hundred times the
             technologies may cost at most eleven times the build time.

    .venv/bin/python bench/large_inputs_briefing.py [--runs 2] [--syntax rst|md]
"""

from __future__ import annotations

import argparse

from common import REPO, BuildResult, report, timed_project

CONF = f"""\
import sys
sys.path.insert(0, {str(REPO / "_ext")!r})
extensions = ["myst_parser", "briefing"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
# No sidebars: the theme's site-wide toctree on every page costs Sphinx
# pages x pages, which would hide the extension's own scaling.
html_sidebars = {{"**": []}}
briefing_areas = {{"biometrics": "Biometric authentication", "llm": "Large language models",
                   "networks": "Networks"}}
briefing_stages = {{"product": "Product", "rnd": "R&D", "beta": "Beta"}}
"""
AREAS = ["biometrics", "llm", "networks"]
STAGES = ["product", "rnd", "beta"]





def ranking_page(rows: int, syntax: str) -> dict[str, str]:
    csv = ["Country,Users,Share"] + [
        f"Country {i:05d},{(i * 7919) % 100_000 + 1},{(i * 31) % 1000 / 10}%" for i in range(rows)]
    highlight = f"Country {rows // 2:05d}"
    if syntax == "rst":
        body = "\n".join(f"   {line}" for line in csv)
        text = (f"Ranking\n=======\n\n.. ranking:: Users by country\n   :highlight: {highlight}"
                f"\n   :value: Users\n\n{body}\n")
    else:
        text = (f"# Ranking\n\n```{{ranking}} Users by country\n:highlight: {highlight}\n"
                f":value: Users\n\n" + "\n".join(csv) + "\n```\n")
    return {f"ranking.{syntax}": text}


def catalogue_pages(pages: int, per_page: int, syntax: str) -> dict[str, str]:
    out = {}
    for p in range(pages):
        title = f"Technology page {p:03d}"
        cards, refs = [], []
        for t in range(per_page):
            n = p * per_page + t
            area, stage = AREAS[n % 3], STAGES[(n // 3) % 3]
            nxt = ((p + 1) % pages) * per_page + t
            if syntax == "rst":
                cards.append(f".. technology:: Technology {n:04d}\n   :id: tech-{n:04d}\n"
                             f"   :area: {area}\n   :stage: {stage}\n   :since: 2020\n\n"
                             f"   Description of technology {n}.\n")
                refs.append(f":tech:`tech-{nxt:04d}`")
            else:
                cards.append(f"```{{technology}} Technology {n:04d}\n:id: tech-{n:04d}\n"
                             f":area: {area}\n:stage: {stage}\n:since: 2020\n\n"
                             f"Description of technology {n}.\n```\n")
                refs.append(f"{{tech}}`tech-{nxt:04d}`")
        head = f"{title}\n{'=' * len(title)}\n" if syntax == "rst" else f"# {title}\n"
        out[f"page{p:03d}.{syntax}"] = "\n".join(
            [head, *cards, "See also " + ", ".join(refs) + ".\n"])
    head = "Catalogue\n=========\n" if syntax == "rst" else "# Catalogue\n"
    directive = (".. technologies::\n\n.. technologies::\n   :area: llm\n" if syntax == "rst"
                 else "```{technologies}\n```\n\n```{technologies}\n:area: llm\n```\n")
    out[f"catalogue.{syntax}"] = f"{head}\n{directive}"
    return out


def timed(pages: dict[str, str], label: str, runs: int) -> BuildResult:
    return timed_project(CONF, pages, label, runs)


def main() -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="builds per size (best kept)")
    parser.add_argument("--syntax", choices=["rst", "md"], default="rst")
    args = parser.parse_args()
    rows = []

    print(f"ranking ({args.syntax}), one page:")
    base = timed(ranking_page(10, args.syntax), "10 rows (baseline)", args.runs)
    small = timed(ranking_page(1_000, args.syntax), "1,000 rows", args.runs)
    large = timed(ranking_page(10_000, args.syntax), "10,000 rows", args.runs)
    rows.append(report("ranking build time, 10,000 / 1,000 rows",
                       large.seconds / small.seconds, 11))
    # Informative only: the difference of two short builds is noisy (10-15x from
    # run to run), and it is spent in docutils and Sphinx (smart quotes, the
    # search index), not in the extension.
    net = (large.seconds - base.seconds) / max(small.seconds - base.seconds, 1e-9)
    print(f"  (net of the 10-row baseline: {net:.1f}x)")

    print(f"catalogue ({args.syntax}):")
    few = timed(catalogue_pages(10, 1, args.syntax), "10 technologies on 10 pages", args.runs)
    many = timed(catalogue_pages(100, 10, args.syntax), "1,000 technologies on 100 pages",
                 args.runs)
    rows.append(report("catalogue build time, 1,000 / 10 technologies",
                       many.seconds / few.seconds, 11))
    return rows


if __name__ == "__main__":
    main()
