"""`make bench`: run every benchmark under bench/ and print one table.

Each benchmark script prints result lines through common.report(); this
runner collects them (figure, value, target, pass/fail) into a summary."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = [
    "autolink_bench.py",
    "figures_register_bench.py",
    "incremental_parallel_bench.py",
    "livehtml_bench.py",
    "large_inputs_agreement.py",
    "large_inputs_briefing.py",
    "paragraph_shapes_bench.py",
    "outputs_bench.py",
    "redline_bench.py",
    "site_bench.py",
    "page_weight.py",
    "tricks_bench.py",
]
# A line of common.report(): "<figure>  <value><unit>  target ≤ <target>  PASS".
ROW = re.compile(r"^(?P<figure>.+?)\s+(?P<value>-?[\d.]+)(?P<unit>\S*)\s+target\s+"
                 r"(?P<target>[≤≥]\s*\S+)\s+(?P<verdict>PASS|FAIL)$")


def main() -> int:
    rows, failed_scripts = [], []
    for script in BENCHES:
        print(f"== {script}", flush=True)
        proc = subprocess.run([sys.executable, str(HERE / script)], cwd=HERE.parent,
                              capture_output=True, text=True, check=False)
        print(proc.stdout, end="")
        if proc.returncode != 0:
            failed_scripts.append(script)
            print(proc.stderr[-2000:], file=sys.stderr)
        rows += [m.groupdict() for line in proc.stdout.splitlines()
                 if (m := ROW.match(line.strip()))]
    print("\n| figure | value | target | result |\n| --- | --- | --- | --- |")
    for row in rows:
        print(f"| {row['figure'].strip()} | {row['value']}{row['unit']} | {row['target']} "
              f"| {row['verdict']} |")
    failed_rows = sum(row["verdict"] == "FAIL" for row in rows)
    print(f"\n{len(rows)} figures, {failed_rows} off target"
          + (f"; scripts that failed: {', '.join(failed_scripts)}" if failed_scripts else ""))
    return 1 if failed_scripts else 0


if __name__ == "__main__":
    sys.exit(main())
