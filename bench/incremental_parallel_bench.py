"""Incremental and parallel builds of the auto-linking corpus.

Uses the corpora of autolink_bench.py (60 agreement pages, 33,000 uses of
50 and of 500 defined terms per page), built with the real `agreement`
extension:

- the extension's share of a rebuild, on the corpora of 50 and 500 terms a
  page and on the Japanese one: after a full build, one agreement page is
  edited three ways (a word in a clause; a definition's text; a clause
  added at the top, which renumbers the rest), and the site rebuilt
  without -E, with the real extension and with the floor stub in turn.
  Reported for each edit: the median rebuild time with the extension over
  the median with the floor (target ≤ 1.15; the range of the paired
  ratios is printed), and the pages each rebuild re-read (doctrees written
  again; target: the edited page alone).
- scale: ten times the pages, -j 1 and -j 2 (target: at most 11 times the
  time; the two outputs byte-identical);
- parallel (50 terms per page): a clean build with -j 2 against one with -j 1; the wall-time
  ratio is reported (2 cores can at best halve it: a ratio under 1 is the
  gain) and the two outputs must be byte-identical.

    .venv/bin/python bench/incremental_parallel_bench.py [--pages 60] [--runs 2] [--rebuilds 3]
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import statistics
import tempfile
from pathlib import Path

from autolink_bench import JA_KINDS, write_corpus, write_japanese_corpus
from common import best_of_each, doctrees_of, report, sphinx_build


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


#: The three edits an author makes to one agreement page, each with its
#: undo: a word in a clause, the text of a definition, a clause added at
#: the top (which renumbers every clause after it).
EDITS = ("a word in a clause", "a definition's text", "a clause added")


def edited(text: str, edit: str, japanese: bool) -> str:
    """`text` (a page of the corpus) after `edit`."""
    lines = text.split("\n")
    if edit == "a word in a clause":
        last = max(i for i, line in enumerate(lines) if line.endswith(("。", ".")))
        lines[last] = lines[last][:-1] + ("再び。" if japanese else " again.")
    elif edit == "a definition's text":
        first = next(i for i, line in enumerate(lines) if line.startswith(":define:"))
        lines[first] = lines[first].replace("をいう。", "をいうものとする。") if japanese \
            else lines[first].replace("in this agreement.", "under this agreement.")
    else:
        start = next(i for i, line in enumerate(lines) if line.startswith("   :last-updated:"))
        title = "追加の条項" if japanese else "An added clause"
        body = "この条項は追加されたものである。" if japanese else "This clause was added."
        lines[start + 1:start + 1] = ["", title, "-" * (2 * len(title)), "", body]
    return "\n".join(lines)


def rebuilds(corpus: Path, kinds: tuple[str, str], japanese: bool,
             runs: int) -> tuple[list[tuple[str, float]], list[str]]:
    """For each edit: the rebuild after it with the real extension over the
    same rebuild with the floor (median of `runs` edits and undos, variants
    in turn), and the documents each rebuild re-read."""
    real, floor = kinds
    for kind in kinds:
        sphinx_build(corpus / kind, corpus / f"out-{kind}")
    rows, others = [], set()
    for edit in EDITS:
        samples: dict[str, list[float]] = {kind: [] for kind in kinds}
        reread: set[str] = set()
        for _ in range(runs):
            for kind in kinds:
                page = corpus / kind / "page010.rst"
                original = page.read_text("utf-8")
                # An edit and its undo are two rebuilds of the same kind.
                for text in (edited(original, edit, japanese), original):
                    before = doctree_mtimes(corpus / f"out-{kind}")
                    page.write_text(text, "utf-8")
                    result = sphinx_build(corpus / kind, corpus / f"out-{kind}", fresh=False)
                    samples[kind].append(result.seconds)
                    after = doctree_mtimes(corpus / f"out-{kind}")
                    if kind == real:
                        reread |= {name for name, t in after.items() if before.get(name) != t}
        others |= reread - {"page010.doctree"}
        ratios = sorted(r / f for r, f in zip(samples[real], samples[floor], strict=True))
        print(f"    {edit}: real {statistics.median(samples[real]):.2f} s, floor "
              f"{statistics.median(samples[floor]):.2f} s (medians of {len(ratios)}); ratio "
              f"{ratios[0]:.3f}-{ratios[-1]:.3f}x; re-read {sorted(reread)}", flush=True)
        rows.append((edit, statistics.median(samples[real]) / statistics.median(samples[floor])))
    return rows, sorted(others)


def incremental(root: Path, pages: int, uses: int, runs: int) -> list[dict]:
    """The extension's share of a rebuild after one edit, on the 50- and
    500-term corpora and on the Japanese one."""
    rows = []
    corpora = [(f"{terms} terms/page", terms, False) for terms in (50, 500)]
    corpora.append(("Japanese, 50 terms/page", 50, True))
    for name, terms, japanese in corpora:
        corpus = root / name.replace(" ", "-").replace(",", "").replace("/", "-")
        if japanese:
            write_japanese_corpus(corpus, pages, terms, uses)
            kinds = JA_KINDS
        else:
            write_corpus(corpus, pages, terms, uses, kinds=("real", "floor"))
            kinds = ("real", "floor")
        print(f"  {name}:", flush=True)
        figures, others = rebuilds(corpus, kinds, japanese, runs)
        for edit, ratio in figures:
            rows.append(report(f"rebuild after {edit} / floor ({name})", ratio, 1.15))
        rows.append(report(f"rebuild ({name}): other pages re-read", len(others), 0, unit=""))
        shutil.rmtree(corpus, ignore_errors=True)
    return rows


def scale(root: Path, pages: int, uses: int) -> list[dict]:
    """Ten times the pages (50 terms each): the clean build of 10 x `pages`
    over that of `pages`, with -j 1 and with -j 2, and the outputs of -j 1
    and -j 2 of the large corpus byte-identical."""
    rows = []
    for count in (pages, pages * 10):
        write_corpus(root / f"p{count}", count, 50, uses, kinds=("real",))
        # Without the theme's sidebar: its global table of contents lists
        # every page on every page, which Sphinx renders in time that grows
        # with the square of the pages, the floor's as much as the real
        # build's (cProfile, 200 pages: 27 of 60 s in toctree rendering).
        with (root / f"p{count}" / "real" / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write("html_sidebars = {'**': []}\n")
    seconds = {}
    for jobs in ("1", "2"):
        for count in (pages, pages * 10):
            out = root / f"out-p{count}-j{jobs}"
            seconds[count, jobs] = sphinx_build(root / f"p{count}" / "real", out,
                                                "-j", jobs).seconds
        ratio = seconds[pages * 10, jobs] / seconds[pages, jobs]
        print(f"  scale, -j {jobs}: {pages} pages {seconds[pages, jobs]:.2f} s, "
              f"{pages * 10} pages {seconds[pages * 10, jobs]:.2f} s", flush=True)
        rows.append(report(f"scale: {pages * 10} pages / {pages} pages (-j {jobs})", ratio, 11))
    differing = differing_files(root / f"out-p{pages * 10}-j1", root / f"out-p{pages * 10}-j2")
    rows.append(report(f"scale: files differing between -j 1 and -j 2 ({pages * 10} pages)",
                       len(differing), 0, unit=""))
    return rows

def main() -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--uses", type=int, default=550)
    parser.add_argument("--runs", type=int, default=2, help="builds per figure (best kept)")
    parser.add_argument("--rebuilds", type=int, default=3,
                        help="edits (each with its undo) per variant and kind of edit")
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
    root = Path(tempfile.mkdtemp(prefix="incremental-"))
    try:
        rows += incremental(root, args.pages, args.uses, args.rebuilds)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    root = Path(tempfile.mkdtemp(prefix="scale-"))
    try:
        rows += scale(root, args.pages, args.uses)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return rows


if __name__ == "__main__":
    main()
