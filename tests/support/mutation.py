"""Mutation testing of the extensions' core modules with mutmut (``make mutate``).

mutmut changes the code one small edit at a time (a ``<`` for a ``<=``, a
string emptied, a call argument dropped ...) and runs the tests that reach
the changed function; a mutant the tests still pass on has *survived*: a
behaviour no test holds. The score of a module is its mutants killed
(failed a test, or timed out) over all its mutants.

mutmut names a mutant by the module its file's path gives, and the tests
import the extensions as top-level packages (``agreement.matcher``, with
``_ext/`` on ``sys.path``). So the run happens in a copy laid out that way,
``_build/mutation/`` (never the repository):

* ``agreement/``, ``briefing/``, ``foundation/`` ... copied from ``_ext/``,
  ``tests/`` and ``pytest.ini`` beside them, and a ``setup.cfg`` with the
  ``[mutmut]`` settings below;
* mutmut copies all that into ``mutants/`` with the mutants written in, and
  runs pytest there; ``mutants/_ext`` is a link to ``mutants/`` itself, so
  that the tests' ``REPO / "_ext"`` (sitebuild puts it on ``sys.path``; test
  builds in subprocesses get it as ``PYTHONPATH``) is the mutated copy too.

The mutants run in processes forked from a server that has only collected
the tests (``process_isolation = forkserver``): a process that had run them
would hand each mutant the shared Sphinx builds (and compiled term matchers)
of the unmutated code, and the mutant would survive unseen.

Usage (from the repository's top; ``make mutate MUTATE_ARGS=...``)::

    python tests/support/mutation.py            # a fresh run, then the report
    python tests/support/mutation.py briefing/timeline.py   # a fresh run of one
    python tests/support/mutation.py --again    # re-run the survivors only
                                                # (after adding tests)
    python tests/support/mutation.py --report   # the last run's report

Time: one mutant at a time, a module's run costs its setup (mutants
written, mypy, the tests run once clean; a minute or two) and then each
mutant's tests, stopped at the first failure: a mutant that survives runs
every test that reads its function's builds. timeline.py took about 4
minutes, checks.py about 15 (its function is in every agreement build);
all seven modules take well over an hour. Better tests make it faster.

The report: per module killed/total and the percentage, then every mutant
not killed with its diff (``mutmut show``). A survivor that a test module
lists by name in its closing "equivalent mutants" comment is marked
*equivalent* there (no test can tell it from the original) and counted
apart; the score counts it as not killed all the same.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / "_build" / "mutation"
MUTMUT = Path(sys.executable).with_name("mutmut")

#: The modules mutated (paths under _ext/), in the order they are run, each
#: with the test modules that exercise it: fast ones (unit tests, small
#: in-process test roots).
MODULES: dict[str, list[str]] = {
    "briefing/timeline.py": ["tests/briefing/test_timeline.py"],
    "agreement/checks.py": ["tests/agreement/test_agreement_warnings.py",
                            "tests/agreement/test_terms.py"],
    "agreement/numbering.py": ["tests/agreement/test_clauses.py",
                               "tests/agreement/test_clause_refs.py",
                               "tests/agreement/test_roles_in_headings.py"],
    "agreement/matcher.py": ["tests/agreement/test_terms.py"],
    "agreement/clause_refs.py": ["tests/agreement/test_clause_refs.py",
                                 "tests/agreement/test_clauses.py",
                                 "tests/snippets/test_snippets.py"],
    "briefing/ranking.py": ["tests/briefing/test_ranking.py"],
    "agreement/redline.py": ["tests/agreement/test_redline_engine.py"],
}
#: Left out of every mutant's run: the per-subtype suppression tests build
#: a project per warning subtype (0.5 s each) and hold no module's logic.
DESELECT = "not test_suppress_warnings_per_subtype"
#: Added to every pytest run of mutmut's: no cache in the copy, the plugin
#: that gives each test the tests reading the same build (mutation_builds).
PYTEST_ARGS = ["-p", "no:cacheprovider", "-p", "mutation_builds", "-k", DESELECT]
#: Copied from _ext/ (the packages the test roots load, mutated or not).
SOURCES = ["agreement", "briefing", "foundation", "site_languages", "sitemap.py"]
#: mypy over the mutated modules, as `make lint` checks them (mypy.ini),
#: but without warn_unused_ignores (mutmut's generated code carries ignores):
#: a mutant mypy rejects (a None passed for a str ...) is caught by `make
#: test` before any test runs, so mutmut counts it killed without a run.
TYPE_CHECK = [sys.executable, "-m", "mypy", "--output", "json", "--config-file", "/dev/null",
              "--python-version", "3.11", "--explicit-package-bases", "--disallow-untyped-defs",
              "--disallow-incomplete-defs", "--strict-equality", "--ignore-missing-imports",
              "--follow-imports", "silent"]
#: mutmut's status names that count as killed.
KILLED = {"killed", "timeout", "caught by type check"}


def _setup_cfg() -> str:
    tests = sorted({test for selected in MODULES.values() for test in selected})

    def lines(values: list[str]) -> str:
        return "".join(f"\n    {value}" for value in values)

    return (
        "# Written by tests/support/mutation.py for `make mutate`; edit that file.\n"
        "[mutmut]\n"
        f"source_paths ={lines(SOURCES)}\n"
        f"only_mutate ={lines(list(MODULES))}\n"
        # (tests/ is copied anyway; pytest.ini puts tests/support on sys.path.)
        "also_copy =\n    pytest.ini\n    mutation_builds.py\n    source\n"
        f"pytest_add_cli_args_test_selection ={lines(tests)}\n"
        f"pytest_add_cli_args ={lines(PYTEST_ARGS)}\n"
        f"type_check_command ={lines(TYPE_CHECK + list(MODULES))}\n"
        # A mutant stuck in a loop is stopped (and counted killed) after
        # 8 times its tests' usual time, plus 2 s.
        "timeout_multiplier = 8\n"
        "timeout_constant = 2\n"
        "process_isolation = forkserver\n"
        "use_git_change_detection = false\n"
    )


def prepare() -> None:
    """A fresh copy of the sources and tests in WORK, and its setup.cfg."""
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", ".pytest_cache")
    for name in SOURCES:
        source = REPO / "_ext" / name
        if source.is_dir():
            shutil.copytree(source, WORK / name, ignore=ignore)
        else:
            shutil.copy2(source, WORK / name)
    shutil.copytree(REPO / "tests", WORK / "tests", ignore=ignore)
    shutil.copy2(REPO / "pytest.ini", WORK / "pytest.ini")
    # The guides, whose examples the doctree snapshots hold (tests/snippets).
    shutil.copytree(REPO / "source" / "guide", WORK / "source" / "guide", ignore=ignore)
    # The plugin, where mutmut's runs can load it (mutants/ is on sys.path).
    shutil.copy2(REPO / "tests" / "support" / "mutation_builds.py", WORK)
    (WORK / "setup.cfg").write_text(_setup_cfg(), encoding="utf-8")
    (WORK / "mutants").mkdir()
    (WORK / "mutants" / "_ext").symlink_to(".", target_is_directory=True)


def refresh_tests() -> None:
    """Copy the repository's tests again (for --again); mutmut copies them
    on into mutants/."""
    shutil.rmtree(WORK / "tests")
    shutil.copytree(REPO / "tests", WORK / "tests",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.rmtree(WORK / "mutants" / "tests", ignore_errors=True)


def mutmut_run(*names: str) -> None:
    """``mutmut run`` in WORK, one mutant at a time; all, or the `names`."""
    env = {**os.environ, "FUZZ_EXPLORE": ""}
    subprocess.run([str(MUTMUT), "run", "--max-children", "1", *names],
                   cwd=WORK, env=env, check=False)


def results() -> list[tuple[str, str, str]]:
    """(name, status, diff) of every mutant of the last run, read with
    mutmut's own API (what ``mutmut results`` and ``mutmut show`` print),
    in this one process: a ``mutmut show`` per mutant would take minutes."""
    if not (WORK / "setup.cfg").exists():
        sys.exit("no mutation run yet: run `make mutate`")
    os.chdir(WORK)  # mutmut reads its setup.cfg and mutants/ from there
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code
    from mutmut.utils.file_utils import walk_mutatable_files

    found = []
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        for name, code in data.exit_code_by_key.items():
            status = status_by_exit_code[code]
            diff = "" if status in KILLED else get_diff_for_mutant(name, path=path)
            found.append((name, status, diff))
    return found


def module_of(name: str) -> str:
    """``agreement.matcher.x_foo__mutmut_3`` -> ``agreement/matcher.py``."""
    for module in MODULES:
        if name.startswith(module.removesuffix(".py").replace("/", ".") + "."):
            return module
    return "?"


def explained() -> set[str]:
    """The mutant names listed in the test modules' comments as equivalent."""
    names: set[str] = set()
    pattern = re.compile(r"#.*?\b((?:agreement|briefing)\.\w+\.\S+__mutmut_\d+)")
    for test in {test for selected in MODULES.values() for test in selected}:
        for line in (REPO / test).read_text(encoding="utf-8").splitlines():
            names.update(pattern.findall(line))
    return names


def report(found: list[tuple[str, str, str]]) -> None:
    equivalent = explained()
    totals: Counter[str] = Counter()
    killed: Counter[str] = Counter()
    left = []
    for name, status, diff in found:
        module = module_of(name)
        totals[module] += 1
        killed[module] += status in KILLED
        if status not in KILLED:
            left.append((name, status, diff))
    print(f"\nNot killed: {len(left)} ({sum(name in equivalent for name, _, _ in left)} "
          "explained as equivalent in the tests)")
    for name, status, diff in sorted(left):
        mark = " (equivalent, see the test module)" if name in equivalent else ""
        print(f"\n=== {name}: {status}{mark}")
        print(diff.split("\n", 2)[-1] if diff.startswith("---") else diff)
    print("\nMutation score (killed / total), per module:")
    for module in MODULES:
        total = totals[module]
        share = 100 * killed[module] / total if total else 0.0
        print(f"  {module:28} {killed[module]:4} / {total:4}  {share:5.1f}%")
    all_total, all_killed = sum(totals.values()), sum(killed.values())
    if all_total:
        print(f"  {'all':28} {all_killed:4} / {all_total:4}  "
              f"{100 * all_killed / all_total:5.1f}%")


def pattern(module: str) -> str:
    """The mutmut names of a module's mutants: ``agreement.matcher.*``."""
    return module.removesuffix(".py").replace("/", ".") + ".*"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help="only these modules (e.g. briefing/timeline.py); default: all")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--again", action="store_true",
                       help="re-run the mutants not killed last time, with the current tests")
    group.add_argument("--report", action="store_true", help="only report the last run")
    options = parser.parse_args()
    if set(options.modules) - set(MODULES):
        parser.error(f"the modules are: {', '.join(MODULES)}")
    modules = options.modules or list(MODULES)
    if options.again:
        left = [name for name, status, _ in results()
                if status not in KILLED and module_of(name) in modules]
        os.chdir(REPO)
        refresh_tests()
        for module in modules:  # one module at a time, as below
            names = [name for name in left if module_of(name) == module]
            if names:
                mutmut_run(*names)
    elif not options.report:
        prepare()
        # One module at a time: an interrupted run has whole modules done.
        for module in modules:
            mutmut_run(pattern(module))
    report(results())
    return 0


if __name__ == "__main__":
    sys.exit(main())
