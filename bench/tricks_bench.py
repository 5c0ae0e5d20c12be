"""What each performance trick of the `agreement` extension still buys.

The matcher (agreement/matcher.py) and the HTML visitors of terms
(agreement/term_nodes.py) bend the plain way of writing them for speed or
for the garbage collector. For each trick, the same corpus is built with
the shipped code and with the trick written the plain way
(bench/plain_variants.py), variants in turn, several times; the bench
prints the median ratio of CPU time plain/shipped (the build's own
process: less moved by other work on the machine than wall time) with its
range, the ratio of
peak memory, and whether the HTML is the same. A trick whose ratio is
within the noise buys nothing and should go; the figures are quoted in
the comments that justify the tricks that stay.

The corpus is the auto-linking bench's at 500 terms a page (the shape
where links are densest).

    .venv/bin/python bench/tricks_bench.py [--pages 30] [--runs 5] [--variants ...]
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import statistics
import tempfile
from pathlib import Path

from autolink_bench import write_corpus
from common import REPO, BuildResult, report, sphinx_build
from plain_variants import VARIANTS

CONF = ("import sys\nsys.path.insert(0, {ext!r})\nsys.path.insert(0, {bench!r})\n"
        "extensions = ['agreement']\n")
PLAIN = "import plain_variants\nplain_variants.use({variant!r})\nsetup = plain_variants.setup\n"


def _same_html(one: Path, other: Path) -> bool:
    pages = sorted(path.relative_to(one) for path in one.glob("page*.html"))
    return bool(pages) and all(filecmp.cmp(one / page, other / page, shallow=False)
                               for page in pages)


def main() -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--terms", type=int, default=500)
    parser.add_argument("--uses", type=int, default=550)
    parser.add_argument("--runs", type=int, default=5, help="builds per variant (median kept)")
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="tricks-"))
    rows = []
    try:
        write_corpus(root, args.pages, args.terms, args.uses, kinds=("real",))
        projects = {"shipped": root / "real"}
        for variant in args.variants:
            projects[variant] = root / variant
            shutil.copytree(root / "real", projects[variant])
        for name, project in projects.items():
            conf = CONF.format(ext=str(REPO / "_ext"), bench=str(REPO / "bench"))
            if name != "shipped":
                conf += PLAIN.format(variant=name)
            (project / "conf.py").write_text(conf, "utf-8")
        results: dict[str, list[BuildResult]] = {name: [] for name in projects}
        sphinx_build(projects["shipped"], root / "_out-warm-up")  # caches warm for all
        for _ in range(args.runs):
            for name, project in projects.items():
                results[name].append(sphinx_build(project, root / f"_out-{name}"))
        print(f"corpus: {args.pages} pages, {args.terms} terms and {args.uses} uses a page; "
              f"median of {args.runs}, variants in turn")
        shipped = results["shipped"]
        for variant in args.variants:
            ratios = [plain.cpu_seconds / base.cpu_seconds
                      for plain, base in zip(results[variant], shipped, strict=True)]
            memory = (statistics.median(r.peak_bytes for r in results[variant])
                      / statistics.median(r.peak_bytes for r in shipped))
            same = _same_html(root / "_out-shipped", root / f"_out-{variant}")
            print(f"  {variant:<15} {VARIANTS[variant]}")
            print(f"  {'':<15} CPU time plain/shipped median {statistics.median(ratios):.3f}x "
                  f"(from {min(ratios):.3f} to {max(ratios):.3f}), peak memory {memory:.3f}x, "
                  f"same HTML: {'yes' if same else 'NO'}", flush=True)
            # A trick keeps its place when it buys at least 2 per cent of
            # time or of memory (the row shows the one it buys more of).
            cost, what = max((statistics.median(ratios), "CPU time"), (memory, "peak memory"))
            rows.append(report(f"trick {variant}: {what} without it / with it",
                               cost, 1.02, lower_is_better=False))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return rows


if __name__ == "__main__":
    main()
