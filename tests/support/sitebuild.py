"""Building the real site from tests: paths and the `build_site` helper.

A module of its own (not conftest) so test modules can import it by a name
that no other conftest shadows."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ROOTS = REPO / "tests" / "roots"
# The test roots load the extensions by name, as the site does.
sys.path.insert(0, str(REPO / "_ext"))

# A fixed date keeps every build of a session byte-comparable.
# 2026-01-01: the guide's sample chain then has a superseded, a current and
# an upcoming version (effective 2030-01-01).
FIXED_EPOCH = "1767225600"


@dataclass
class SiteBuild:
    """The result of building the real site with `sphinx-build`."""

    srcdir: Path
    outdir: Path
    doctreedir: Path
    returncode: int
    warnings: str
    status: str = ""

    def html(self, page: str) -> str:
        """The HTML of a built page, e.g. ``site.html("source/terms/index")``."""
        return (self.outdir / f"{page}.html").read_text(encoding="utf-8")


def build_site(outroot: Path, *extra: str, srcdir: Path = REPO, status: bool = False,
               epoch: str = FIXED_EPOCH, builder: str = "html",
               outdir_name: str | None = None) -> SiteBuild:
    """Build the site as `make html` does (``-W --keep-going -n``), as of
    the date `epoch` (``SOURCE_DATE_EPOCH``); `status` keeps Sphinx's
    progress output (which pages it read) in ``.status``. A test root
    (`srcdir`) finds the extensions on ``PYTHONPATH``. The output goes to
    `outroot`/<builder>, or `outroot`/`outdir_name` (its doctrees beside it)."""
    name = outdir_name or builder
    outdir = outroot / name
    doctreedir = outroot / ("doctrees" if outdir_name is None else f"doctrees-{name}")
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "_ext"),
                                                       os.environ.get("PYTHONPATH")]))}
    env.pop("READTHEDOCS_CANONICAL_URL", None)
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "-W", "--keep-going", "-n",
         *([] if status else ["-q"]),
         "-d", str(doctreedir), *extra, str(srcdir), str(outdir)],
        capture_output=True, text=True, env=env, check=False,
    )
    return SiteBuild(srcdir, outdir, doctreedir, proc.returncode, proc.stderr, proc.stdout)


def write_linking_project(srcdir: Path, extensions: list[str], base: str, inventory: Path,
                          index: str) -> None:
    """Write into `srcdir` another project: its `extensions` with
    ``sphinx.ext.intersphinx``, whose inventory ``them`` is `inventory`
    (served at `base`), and its ``index.rst``."""
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(
        f"extensions = {['sphinx.ext.intersphinx', *extensions]!r}\n"
        f"intersphinx_mapping = {{'them': ({base!r}, {str(inventory)!r})}}\n",
        encoding="utf-8")
    (srcdir / "index.rst").write_text(index, encoding="utf-8")
