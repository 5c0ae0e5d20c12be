"""Shared test fixtures: Sphinx's own testing fixtures, and one build of the
whole site per test session (building it is the expensive part)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sitebuild import ROOTS, SiteBuild, build_site

if TYPE_CHECKING:
    from pathlib import Path

pytest_plugins = ["sphinx.testing.fixtures"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """The whole site, built once per test session and shared by every test."""
    return build_site(tmp_path_factory.mktemp("site"))
