"""Every output of the real site against its HTML build: the dirhtml and
EPUB builds, the PDF in two parts -- writing the LaTeX, then compiling it
(latexmk with XeLaTeX) --, the Japanese edition, and the critique's share of
the html build (the html build with ``agreement_critique = False`` beside it;
the feed and the register are written within the html build, too small to
time apart). Each a clean build (-W --keep-going -n), the
variants built in turn, best of --runs; printed as ratios to the HTML
build's time.

    .venv/bin/python bench/outputs_bench.py [--runs 2]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from common import REPO, BuildResult, best_of_each, report, sphinx_build

STRICT = ("-W", "--keep-going", "-n")
#: No target in the issues: these say what an author may expect. A format
#: that writes no theme (LaTeX) is cheaper than HTML; EPUB about as dear;
#: a PDF compile of a 60-page book a few times an HTML build.
TARGETS = {"dirhtml": 1.2, "epub": 1.3, "latex": 1.0, "pdf-compile": 4.0, "html-ja": 1.2}


def compile_pdf(latex_dir: Path) -> BuildResult:
    """A full compile: latexmk's own output of an earlier run removed
    first (else the second run finds the PDF up to date and costs nothing)."""
    subprocess.run(["latexmk", "-C", "corporate-documents.tex"], cwd=latex_dir, check=True,
                   capture_output=True)
    start = time.perf_counter()
    subprocess.run(["latexmk", "-pdfxe", "-interaction=nonstopmode", "-halt-on-error",
                    "corporate-documents.tex"], cwd=latex_dir, check=True,
                   capture_output=True)
    return BuildResult(time.perf_counter() - start, 0)


def main() -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="builds per variant (best kept)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="outputs-bench-"))
    try:
        builders = ("html", "dirhtml", "epub", "latex")
        variants = {name: lambda b=name: sphinx_build(REPO, root / b, *STRICT, builder=b)
                    for name in builders}
        # The Japanese edition; the html build without the critique (the
        # critique's share of the html build is the difference).
        variants["html-ja"] = lambda: sphinx_build(REPO, root / "html-ja", *STRICT,
                                                   "-D", "language=ja")
        variants["html-no-critique"] = lambda: sphinx_build(
            REPO, root / "html-no-critique", *STRICT, "-D", "agreement_critique=0")
        times = best_of_each(args.runs, variants)
        rows = []
        if shutil.which("latexmk") and shutil.which("xelatex"):
            times["pdf-compile"] = min((compile_pdf(root / "latex") for _ in range(args.runs)),
                                       key=lambda result: result.seconds)
        else:
            print("  latexmk or xelatex missing (apt-get install latexmk texlive-xetex): "
                  "no PDF compile figure")
        html = times["html"].seconds
        for name, result in times.items():
            print(f"  {name}: {result.seconds:6.2f} s")
        for name, target in TARGETS.items():
            if name in times:
                rows.append(report(f"outputs: {name} time / html build", times[name].seconds / html,
                                   target))
        critique = (html - times["html-no-critique"].seconds) / html
        rows.append(report("outputs: the critique's share of the html build", critique, 0.15))
        return rows
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
