"""Incremental and parallel builds of the auto-linking corpus.

Uses the corpora of autolink_bench.py (60 agreement pages, 33,000 uses of
50 and of 500 defined terms per page), built with the real `agreement`
extension:

- incremental, for each corpus: after a full build, one sentence is added
  to one agreement page and the site is rebuilt without -E. Reported: the
  pages re-read (doctrees written again; target: that page alone, nothing
  lists its objects in this corpus) and the rebuild time over the full
  build time (target ≤ 10 %).
- parallel (50 terms per page): a clean build with -j 2 against one with -j 1; the wall-time
  ratio is reported (2 cores can at best halve it: a ratio under 1 is the
  gain) and the two outputs must be byte-identical.

    .venv/bin/python bench/incremental_parallel_bench.py [--pages 60] [--runs 2]
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import tempfile
from pathlib import Path

from autolink_bench import write_corpus
from common import best_of, best_of_each, doctrees_of, report, sphinx_build


def doctree_mtimes(outdir: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in doctrees_of(outdir).glob("*.doctree")}


def differing_files(left: Path, right: Path) -> list[str]:
    """Output files that differ between two builds (doctrees aside: they are
    the cache, not the output)."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        out.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        out.extend(prefix + name for name in mismatch + errors)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[".doctrees"]), "")
    return sorted(out)


def edit_and_rebuild(src: Path, out: Path, runs: int):
    """Full build, then `runs` rebuilds after editing one page (the fastest
    kept); returns full build, rebuild, and the doctrees written again."""
    full = best_of(runs, lambda: sphinx_build(src, out))
    page = src / "page007.rst"
    results = []
    for run in range(runs):
        before = doctree_mtimes(out)
        with page.open("a", encoding="utf-8") as f:
            f.write(f"\nAn added sentence, edit {run}.\n")
        rebuild = sphinx_build(src, out, fresh=False)
        after = doctree_mtimes(out)
        results.append((rebuild, sorted(n for n, t in after.items() if before.get(n) != t)))
    rebuild, reread = min(results, key=lambda r: r[0].seconds)
    return full, rebuild, reread


def incremental(root: Path, terms: int, pages: int, uses: int, runs: int) -> list[dict]:
    write_corpus(root, pages, terms, uses)
    full, rebuild, reread = edit_and_rebuild(root / "real", root / "out-real", runs)
    print(f"  {terms} terms/page: full build {full.seconds:.2f} s; after editing page007: "
          f"rebuild {rebuild.seconds:.2f} s, re-read {reread}")
    # For scale: the same measure with the do-nothing stub, i.e. what Sphinx
    # alone costs (starting up, loading the environment, writing two pages).
    floor_full, floor_rebuild, _ = edit_and_rebuild(root / "floor", root / "out-floor", runs)
    print(f"  {terms} terms/page, do-nothing floor: rebuild / full build "
          f"{floor_rebuild.seconds / floor_full.seconds:.3f}x "
          f"({floor_rebuild.seconds:.2f} s / {floor_full.seconds:.2f} s)")
    return [
        report(f"incremental ({terms} terms/page): pages re-read after editing one",
               len(reread), 1, unit=""),
        report(f"incremental ({terms} terms/page): rebuild time / full build",
               rebuild.seconds / full.seconds, 0.10),
    ]


def main() -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--uses", type=int, default=550)
    parser.add_argument("--runs", type=int, default=2, help="builds per figure (best kept)")
    parser.add_argument("--terms", type=int, nargs="+", default=[50, 500],
                        help="defined terms per page of the incremental corpora")
    args = parser.parse_args()
    rows = []
    print(f"corpus: {args.pages} agreement pages, {args.pages * args.uses} uses of terms")
    root = Path(tempfile.mkdtemp(prefix="parallel-"))
    try:
        write_corpus(root, args.pages, 50, args.uses)
        src = root / "real"
        found = best_of_each(args.runs, {
            "-j 1": lambda: sphinx_build(src, root / "out-j1"),
            "-j 2": lambda: sphinx_build(src, root / "out-j2", "-j", "2")})
        serial, parallel = found["-j 1"], found["-j 2"]
        print(f"  50 terms/page, clean build -j 1: {serial.seconds:6.2f} s; "
              f"-j 2: {parallel.seconds:6.2f} s")
        rows.append(report("parallel: -j 2 wall time / -j 1",
                           parallel.seconds / serial.seconds, 1.0))
        differing = differing_files(root / "out-j1", root / "out-j2")
        print(f"  files differing between -j 1 and -j 2: {len(differing)} {differing[:5]}")
        rows.append(report("parallel: output files differing from -j 1", len(differing), 0,
                           unit=""))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    for terms in args.terms:
        root = Path(tempfile.mkdtemp(prefix=f"incremental-{terms}-"))
        try:
            rows += incremental(root, terms, args.pages, args.uses, args.runs)
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return rows


if __name__ == "__main__":
    main()
