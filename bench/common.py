"""Shared helpers of the benchmark scripts: timed, isolated Sphinx builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Runs one build in a fresh interpreter and reports its own wall time and peak
# memory, so the numbers belong to that build alone.
_RUNNER = textwrap.dedent("""
    import json, resource, sys, time
    from sphinx.cmd.build import build_main
    start = time.perf_counter()
    code = build_main(sys.argv[1:])
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"code": code, "seconds": elapsed, "peak_bytes": peak}))
""")


@dataclass
class BuildResult:
    seconds: float
    peak_bytes: int


def sphinx_build(srcdir: Path, outdir: Path, *args: str, fresh: bool = True) -> BuildResult:
    """Build `srcdir` into `outdir` and return time and peak memory."""
    cmd = [sys.executable, "-c", _RUNNER, "-b", "html", "-q", *args]
    if fresh:
        cmd.append("-E")
    cmd += ["-d", str(outdir / ".doctrees"), str(srcdir), str(outdir)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "{}"
    result = json.loads(last)
    if result.get("code") != 0:
        raise RuntimeError(f"build of {srcdir} failed:\n{proc.stderr[-4000:]}")
    return BuildResult(result["seconds"], result["peak_bytes"])


def best_of(runs: int, build) -> BuildResult:
    """The fastest of `runs` builds (least disturbed by the rest of the machine)."""
    results = [build() for _ in range(runs)]
    return min(results, key=lambda r: r.seconds)


def report(figure: str, value: float, target: float, unit: str = "x", lower_is_better: bool = True) -> dict:
    ok = value <= target if lower_is_better else value >= target
    row = {"figure": figure, "value": round(value, 3), "target": target, "unit": unit,
           "pass": ok}
    print(f"{figure:<58} {value:>9.3f}{unit:<2} target {'≤' if lower_is_better else '≥'} "
          f"{target:g}{unit}  {'PASS' if ok else 'FAIL'}", flush=True)
    return row
