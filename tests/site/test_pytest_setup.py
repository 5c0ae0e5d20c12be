"""The test suite's own set-up: what ``pytest -m`` selects, and how the fuzz tests
draw their examples."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest
from sitebuild import REPO


def collected(*args: str) -> list[str]:
    """The node ids that ``pytest --collect-only`` lists with `args`."""
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
        cwd=REPO, capture_output=True, text=True, check=False)
    assert "error" not in proc.stdout.lower().splitlines()[-1:][0], proc.stdout[-2000:]
    return [line for line in proc.stdout.splitlines() if "::" in line]


def test_not_browser_deselects_every_browser_test_and_only_those():
    browser = collected("tests/browser")
    assert len(browser) >= 10 and all(node.startswith("tests/browser/") for node in browser)
    assert collected("-m", "browser", "tests/browser") == browser
    assert collected("-m", "not browser", "tests/browser") == []
    # No test elsewhere is a browser test.
    assert collected("-m", "browser") == browser


def test_fuzz_marks_every_property_and_every_whole_build_fuzzer():
    fuzz = collected("-m", "fuzz")
    names = {node.split("::")[1].split("[")[0] for node in fuzz}
    # Whole builds per example (hypothesis inside the test, marked by hand) ...
    assert {"test_fuzzed_agreements_build_escape_and_export_every_input",
            "test_fuzzed_projects_build_and_escape_every_input",
            "test_no_page_links_an_unsafe_url"} <= names
    # ... and properties (@given, marked by tests/conftest.py), wherever they are.
    assert {"test_word_diff_rebuilds_both_texts", "test_term_matcher_finds_whole_forms_only",
            "test_page_template_and_render_html_agree_on_any_agreements",
            "test_safe_urls_pass_as_written"} <= names
    assert "test_singular_rules" not in names


def test_fuzz_explore_draws_fresh_and_more_examples(monkeypatch):
    from fuzz_support import exploring, unit_settings, whole_build_settings
    from hypothesis import HealthCheck

    monkeypatch.delenv("FUZZ_EXPLORE", raising=False)
    assert exploring(15) == {"max_examples": 15, "derandomize": True}
    monkeypatch.setenv("FUZZ_EXPLORE", "")  # as `make test` sets it
    fixed = whole_build_settings(15)
    assert (fixed.max_examples, fixed.derandomize, fixed.database) == (15, True, None)
    assert HealthCheck.too_slow in fixed.suppress_health_check
    monkeypatch.setenv("FUZZ_EXPLORE", "4")
    explored = whole_build_settings(15)
    assert (explored.max_examples, explored.derandomize, explored.database) == (60, False, None)
    assert explored.print_blob  # a failure prints how to replay it
    assert unit_settings(300).max_examples == 1200
    monkeypatch.setenv("FUZZ_EXPLORE", "-1")
    with pytest.raises(ValueError, match="FUZZ_EXPLORE"):
        exploring(15)


def test_a_module_sharing_an_earlier_modules_build_sees_its_log():
    """Two modules share the build of a root; the second skips the build
    and must still get its status and warnings (tests/conftest.py)."""
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/agreement/test_agreement_css.py::test_stylesheet",
         "tests/agreement/test_agreement_warnings.py::test_build_has_no_warnings"],
        cwd=REPO, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "2 passed" in proc.stdout


def test_no_two_test_modules_share_a_file_name():
    """Test modules are imported by their file name (pytest's default import
    mode, which lets them import tests/support/ and each other by name), so
    a second test_terms.py anywhere would not be collected."""
    names = Counter(path.name for path in (REPO / "tests").rglob("test_*.py")
                    if "roots" not in path.relative_to(REPO / "tests").parts)
    assert [name for name, count in names.items() if count > 1] == []
