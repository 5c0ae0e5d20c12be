"""`make bench` collects the figures that each bench script prints through
common.report(); the summary table is only as good as that parsing."""

from __future__ import annotations

import sys

import pytest
from sitebuild import REPO

sys.path.insert(0, str(REPO / "bench"))
import common
import run


@pytest.mark.parametrize(("figure", "value", "target", "unit", "lower", "verdict"), [
    ("autolink time / floor (50 terms/page)", 1.07, 1.15, "x", True, "PASS"),
    ("ranking build time, 10,000 / 1,000 rows", 12.5, 11, "x", True, "FAIL"),
    ("incremental: pages re-read after editing one", 1, 1, "", True, "PASS"),
    ("real site: full build time", 2.6, 60, "s", True, "PASS"),
    ("speed-up", 0.5, 1.0, "x", False, "FAIL"),
])
def test_the_runner_reads_every_reported_figure(capsys, figure, value, target, unit, lower,
                                                verdict):
    common.report(figure, value, target, unit=unit, lower_is_better=lower)
    line = capsys.readouterr().out.strip()
    row = run.ROW.match(line)
    assert row, line
    assert row["figure"] == figure
    assert float(row["value"]) == pytest.approx(value)
    assert row["unit"] == unit
    assert row["target"] == f"{'≤' if lower else '≥'} {target:g}{unit}"
    assert row["verdict"] == verdict


def test_every_bench_script_in_the_table_exists():
    assert sorted(run.BENCHES) == sorted(
        p.name for p in (REPO / "bench").glob("*.py")
        # Modules the scripts import, not scripts of their own.
        if p.name not in {"common.py", "run.py", "plain_variants.py"})


def test_variants_are_measured_in_turn_and_the_fastest_of_each_kept():
    order: list[str] = []
    timings = {"real": iter([3.0, 2.0, 2.5]), "floor": iter([1.5, 1.75, 1.25])}

    def build(name: str):
        def run_once() -> common.BuildResult:
            order.append(name)
            return common.BuildResult(next(timings[name]), 1)
        return run_once

    best = common.best_of_each(3, {name: build(name) for name in timings})
    assert order == ["real", "floor"] * 3
    assert {name: result.seconds for name, result in best.items()} == {"real": 2.0, "floor": 1.25}
