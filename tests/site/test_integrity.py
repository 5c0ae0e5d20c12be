"""Build integrity: the same sources give the same bytes, however built."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from sitebuild import REPO, build_site

if TYPE_CHECKING:
    from pathlib import Path

# What a copy of the site needs; the rest of the repository is not read.
SITE_FILES = ["conf.py", "index.rst", "source", "_ext", "_static"]


def tree(outdir: Path) -> dict[str, bytes]:
    return {p.relative_to(outdir).as_posix(): p.read_bytes()
            for p in sorted(outdir.rglob("*")) if p.is_file()}


def assert_same_tree(a: Path, b: Path) -> None:
    ta, tb = tree(a), tree(b)
    assert sorted(ta) == sorted(tb)
    differing = [name for name in ta if ta[name] != tb[name]]
    assert differing == []


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """A private copy of the site's sources, safe to edit."""
    src = tmp_path / "src"
    src.mkdir()
    for name in SITE_FILES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    return src


def test_two_clean_builds_are_byte_identical(site, tmp_path):
    again = build_site(tmp_path / "again")
    assert again.returncode == 0, again.warnings
    assert_same_tree(site.outdir, again.outdir)


def test_parallel_build_equals_serial_build(site, tmp_path):
    parallel = build_site(tmp_path / "parallel", "-j", "2")
    assert parallel.returncode == 0, parallel.warnings
    assert_same_tree(site.outdir, parallel.outdir)


def _reread_count(warnings_and_status: str) -> int:
    match = re.search(r"(\d+) added, (\d+) changed, (\d+) removed", warnings_and_status)
    assert match, warnings_and_status
    return int(match[1]) + int(match[2])


def test_incremental_build_after_an_edit_equals_a_clean_build(site_copy, tmp_path):
    first = build_site(tmp_path / "incremental", srcdir=site_copy, status=True)
    assert first.returncode == 0, first.warnings
    page = site_copy / "source" / "terms" / "index.md"
    page.write_text(page.read_text("utf-8") + "\nA sentence added by the test.\n", "utf-8")
    second = build_site(tmp_path / "incremental", srcdir=site_copy, status=True)
    assert second.returncode == 0, second.warnings
    assert 1 <= _reread_count(second.status) < _reread_count(first.status)
    clean = build_site(tmp_path / "clean", srcdir=site_copy)
    assert_same_tree(clean.outdir, second.outdir)


def test_config_change_without_effect_on_output_rereads_nothing(site_copy, tmp_path):
    first = build_site(tmp_path / "out", srcdir=site_copy, status=True)
    assert first.returncode == 0, first.warnings
    conf = site_copy / "conf.py"
    conf.write_text(conf.read_text("utf-8") + "\nlinkcheck_timeout = 7\n", "utf-8")
    second = build_site(tmp_path / "out", srcdir=site_copy, status=True)
    assert second.returncode == 0, second.warnings
    assert _reread_count(second.status) == 0
