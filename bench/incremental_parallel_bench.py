"""Incremental and parallel builds of the auto-linking corpus.

Uses the corpus of autolink_bench.py (60 agreement pages, 33,000 uses of
50 defined terms per page), built with the real `agreement` extension:

- incremental: after a full build, one sentence is added to one agreement
  page and the site is rebuilt without -E. Reported: the pages re-read
  (doctrees written again; target: that page alone, nothing lists its
  objects in this corpus) and the rebuild time over the full build time
  (target ≤ 10 %).
- parallel: a clean build with -j 2 against one with -j 1; the wall-time
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
from common import best_of, report, sphinx_build


def doctree_mtimes(outdir: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (outdir / ".doctrees").glob("*.doctree")}


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


def main() -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--uses", type=int, default=550)
    parser.add_argument("--runs", type=int, default=2, help="builds per figure (best kept)")
    args = parser.parse_args()
    rows = []
    root = Path(tempfile.mkdtemp(prefix="incremental-"))
    try:
        write_corpus(root, args.pages, 50, args.uses)
        src = root / "real"
        print(f"corpus: {args.pages} agreement pages, {args.pages * args.uses} uses of terms")

        serial = best_of(args.runs, lambda: sphinx_build(src, root / "out-j1"))
        parallel = best_of(args.runs, lambda: sphinx_build(src, root / "out-j2", "-j", "2"))
        print(f"  clean build -j 1: {serial.seconds:6.2f} s; -j 2: {parallel.seconds:6.2f} s")
        rows.append(report("parallel: -j 2 wall time / -j 1", parallel.seconds / serial.seconds, 1.0))
        differing = differing_files(root / "out-j1", root / "out-j2")
        print(f"  files differing between -j 1 and -j 2: {len(differing)} {differing[:5]}")
        rows.append(report("parallel: output files differing from -j 1", len(differing), 0, unit=""))

        # Incremental: edit one page, rebuild; take the best of `runs` edits.
        page = src / "page007.rst"
        results = []
        for run in range(args.runs):
            before = doctree_mtimes(root / "out-j1")
            with page.open("a", encoding="utf-8") as f:
                f.write(f"\nAn added sentence, edit {run}.\n")
            results.append((sphinx_build(src, root / "out-j1", fresh=False), before))
        rebuild, before = min(results, key=lambda r: r[0].seconds)
        after = doctree_mtimes(root / "out-j1")
        reread = sorted(name for name, mtime in after.items() if before.get(name) != mtime)
        print(f"  after editing page007: rebuild {rebuild.seconds:.2f} s, re-read {reread}")
        rows.append(report("incremental: pages re-read after editing one", len(reread), 1, unit=""))
        rows.append(report("incremental: rebuild time / full build", rebuild.seconds / serial.seconds,
                           0.10))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return rows


if __name__ == "__main__":
    main()
