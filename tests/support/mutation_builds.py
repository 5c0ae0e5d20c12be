"""A pytest plugin for the runs of ``make mutate`` (see mutation.py), loaded
there with ``-p mutation_builds``; the plain test suite never loads it.

mutmut runs, for each mutant, only the tests that called the mutated
function while it collected its statistics. Many tests here read one build
made for several of them: a shared test root (``test_params(shared_result=
...)``) or a module-scoped fixture (``builds``, ``render_body``). Only the
first of them runs the build, so only it calls the extension's functions;
the others check the pages and warnings it left. Alone, that first test
would let a mutant through that its neighbours catch.

So, at the end of the statistics run, every test that called a function
brings along the tests that read the same build: the function's tests are
those of every build any of them shares. A mutant's run then builds once
(whichever of them comes first) and checks everything that build is for.
"""

from __future__ import annotations

import os
from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

#: build -> the tests that read it; test -> its builds. A build is
#: ``shared:<root>`` or ``<test module>:<fixture>``.
_readers: defaultdict[str, set[str]] = defaultdict(set)
_builds: dict[str, set[str]] = {}


def _builds_of(item: pytest.Item) -> set[str]:
    builds = set()
    marker = item.get_closest_marker("test_params")
    if marker is not None and marker.kwargs.get("shared_result"):
        builds.add(f"shared:{marker.kwargs['shared_result']}")
    module = getattr(getattr(item, "module", None), "__name__", None)
    info = getattr(item, "_fixtureinfo", None)
    if module and info is not None:
        for name, definitions in info.name2fixturedefs.items():
            definition = definitions[-1]
            # The test module's own fixtures that outlive a test (not the
            # autouse ones of conftest and plugins).
            if definition.scope != "function" and definition.func.__module__ == module:
                builds.add(f"{module}:{name}")
    return builds


def pytest_collection_finish(session: pytest.Session) -> None:
    for item in session.items:
        # As mutmut names the tests: from the folder it runs in.
        _builds[item.nodeid] = builds = _builds_of(item)
        for build in builds:
            _readers[build].add(item.nodeid)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if os.environ.get("MUTANT_UNDER_TEST") != "stats":
        return
    from mutmut.state import state

    for callers in state().tests_by_mangled_function_name.values():
        callers |= {reader for test in list(callers) for build in _builds.get(test, ())
                    for reader in _readers[build]}
