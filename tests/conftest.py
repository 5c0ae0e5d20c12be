"""Shared test fixtures: Sphinx's own testing fixtures (with their shared
builds kept for the whole session), and one build of the whole site per
test session (building it is the expensive part).

The shared helpers are modules of tests/support/ (on pytest's pythonpath),
imported by name; test modules are imported by their basename (pytest's
default "prepend" import mode), so no two test modules, in whatever folder,
may have the same file name."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import is_hypothesis_test
from sitebuild import ROOTS, SiteBuild, build_site

if TYPE_CHECKING:
    from pathlib import Path

pytest_plugins = ["sphinx.testing.fixtures"]


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every property test (``@given``) is a `fuzz` test, as are the tests
    that run hypothesis inside (whole builds, marked by hand): ``make fuzz``
    runs them all with ``-m fuzz``."""
    for item in items:
        if isinstance(item, pytest.Function) and is_hypothesis_test(item.obj):
            item.add_marker(pytest.mark.fuzz)


@pytest.fixture(scope="module", autouse=True)
def _shared_result_cache() -> None:
    """Keep the status and warnings of every shared build for the session.

    sphinx.testing's own fixture of this name forgets them at the start of
    each module, but keeps the build (its ``shared_result`` folder under
    the session's temporary folder) and skips building it again: a module
    whose tests share a root with an earlier module's would see the build's
    pages with no status and no warnings at all. Several feature modules
    share a root (test-agreement-warnings, test-briefing-all-features ...),
    so the results last as long as the builds do."""


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """The whole site, built once per test session and shared by every test."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_ja(site: SiteBuild) -> SiteBuild:
    """The Japanese edition, as ``make html-ja`` builds it, beside the site
    (``html-ja`` next to ``html``, as in ``_build``), so that the links
    between the two editions resolve; each translatable text is marked with
    the class ``translated`` or ``untranslated``."""
    return build_site(site.outdir.parent, "-D", "language=ja",
                      "-D", "translation_progress_classes=1", outdir_name="html-ja")
