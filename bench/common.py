"""Shared helpers of the benchmark scripts: timed, isolated Sphinx builds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parent.parent

# Runs one build in a fresh interpreter and reports its own wall time and peak
# memory, so the numbers belong to that build alone.
_RUNNER = textwrap.dedent("""
    import json, resource, sys, time
    from sphinx.cmd.build import build_main
    start, cpu_start = time.perf_counter(), time.process_time()
    code = build_main(sys.argv[1:])
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"code": code, "seconds": elapsed, "cpu_seconds": cpu, "peak_bytes": peak}))
""")


@dataclass
class BuildResult:
    seconds: float
    peak_bytes: int
    #: CPU time of the build's own process (not of its -j workers): less
    #: moved than wall time by other work on the machine.
    cpu_seconds: float = 0.0


def sphinx_build(srcdir: Path, outdir: Path, *args: str, fresh: bool = True,
                 builder: str = "html") -> BuildResult:
    """Build `srcdir` into `outdir` with `builder` and return time and peak memory."""
    cmd = [sys.executable, "-c", _RUNNER, "-b", builder, "-q", *args]
    if fresh:
        cmd.append("-E")
    # The doctrees beside the output, not in it: an EPUB packs every file
    # of its output folder.
    cmd += ["-d", str(doctrees_of(outdir)), str(srcdir), str(outdir)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "{}"
    result = json.loads(last)
    if result.get("code") != 0:
        raise RuntimeError(f"build of {srcdir} failed:\n{proc.stderr[-4000:]}")
    return BuildResult(result["seconds"], result["peak_bytes"], result["cpu_seconds"])


def doctrees_of(outdir: Path) -> Path:
    """Where `sphinx_build` keeps the doctrees of the build into `outdir`."""
    return outdir.with_name(outdir.name + ".doctrees")


def best_of(runs: int, build) -> BuildResult:
    """The fastest of `runs` builds (least disturbed by the rest of the machine)."""
    results = [build() for _ in range(runs)]
    return min(results, key=lambda r: r.seconds)


Variant = TypeVar("Variant", bound=Hashable)


def best_of_each(runs: int, builds: dict[Variant, Callable[[], BuildResult]]
                 ) -> dict[Variant, BuildResult]:
    """The fastest of `runs` builds of each of `builds`, run in turn (one of
    each, then again): when the machine slows down or speeds up during the
    bench, every variant meets the same conditions, and their ratio does not
    depend on the order in which they were measured."""
    results: dict[Variant, list[BuildResult]] = {name: [] for name in builds}
    for _ in range(runs):
        for name, build in builds.items():
            results[name].append(build())
    return {name: min(found, key=lambda r: r.seconds) for name, found in results.items()}


def report(figure: str, value: float, target: float, unit: str = "x",
           lower_is_better: bool = True) -> dict:
    ok = value <= target if lower_is_better else value >= target
    row = {"figure": figure, "value": round(value, 3), "target": target, "unit": unit,
           "pass": ok}
    print(f"{figure:<58} {value:>9.3f}{unit:<2} target {'≤' if lower_is_better else '≥'} "
          f"{target:g}{unit}  {'PASS' if ok else 'FAIL'}", flush=True)
    return row


def write_project(root: Path, conf: str, pages: dict[str, str]) -> Path:
    """A Sphinx project under `root`: `conf` as conf.py, `pages` (file name
    -> text) and an index whose toctree lists them."""
    root.mkdir(parents=True)
    (root / "conf.py").write_text(conf, "utf-8")
    toctree = "\n".join(f"   {name.rsplit('.', 1)[0]}" for name in sorted(pages))
    (root / "index.rst").write_text(f"Bench\n=====\n\n.. toctree::\n\n{toctree}\n", "utf-8")
    for name, text in pages.items():
        (root / name).write_text(text, "utf-8")
    return root


def timed_project(conf: str, pages: dict[str, str], label: str, runs: int,
                  *args: str) -> BuildResult:
    """Best of `runs` clean builds of a throw-away project; prints a line."""
    root = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        src = write_project(root / "src", conf, pages)
        result = best_of(runs, lambda: sphinx_build(src, root / "out", *args))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"  {label:<34} {result.seconds:7.2f} s, peak {result.peak_bytes / 2**20:5.0f} MiB",
          flush=True)
    return result
