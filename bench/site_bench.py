"""The real site: how long its full build takes, and what it holds.

Builds this repository as `make html` does (-W --keep-going -n, clean) and
prints the time with the numbers of pages, agreements, defined terms,
clauses and technologies, counted from the output itself.

    .venv/bin/python bench/site_bench.py [--runs 2]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import tempfile
from pathlib import Path

from common import REPO, best_of, doctrees_of, report, sphinx_build

TECHNOLOGY_CARD = re.compile(r'<div class="technology[" ]')


def count_clauses(clauses: list[dict]) -> int:
    return sum(1 + count_clauses(c.get("clauses", [])) for c in clauses)


def main() -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="builds (best kept)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="site-bench-"))
    out = root / "html"
    try:
        result = best_of(args.runs, lambda: sphinx_build(REPO, out, "-W", "--keep-going", "-n"))
        pages = len(list(doctrees_of(out).rglob("*.doctree")))
        exports = [json.loads(p.read_text("utf-8")) for p in sorted(out.rglob("*.agreement.json"))]
        terms = sum(len(data["definitions"]) for data in exports)
        clauses = sum(count_clauses(data["clauses"]) for data in exports)
        technologies = sum(len(TECHNOLOGY_CARD.findall(p.read_text("utf-8")))
                           for p in out.rglob("*.html"))
        print(f"site: {pages} pages, {len(exports)} agreements ({clauses} clauses, "
              f"{terms} defined terms), {technologies} technology cards; "
              f"peak {result.peak_bytes / 2**20:.0f} MiB")
        # No target in the issue: a full build of the site well under a minute
        # on 2 cores keeps `make html` and the live preview pleasant.
        return [report("real site: full build time", result.seconds, 60, unit="s")]
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
