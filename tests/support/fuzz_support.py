"""What the property-based fuzzing of both extensions shares: the markers
that must never reach a page unescaped, text strategies mixing them with
random characters, the hypothesis settings of whole-build properties, and
the build of one fuzzed project.

By default (``make test``) every property draws the same examples on every
run (``derandomize``), so a failure is reproducible and the suite's time is
steady. ``FUZZ_EXPLORE=N`` (set by ``make fuzz``) explores instead: fresh
random examples on each run, N times as many, and a failure prints the
``@reproduce_failure`` blob that replays it.

A module of its own (not conftest), imported by name like ``sitebuild``."""

from __future__ import annotations

import json
import os
import re
from typing import TYPE_CHECKING

import sitebuild  # noqa: F401 - puts _ext/ on sys.path, as the site's conf.py does
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from malformed_support import ANSI, CRASH_SIGNS, Build, build_project

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

# A tag or an attribute from these, unescaped in the HTML, is an injection.
TAG_MARKERS = ["<x-fuzz-1>", "</x-fuzz-1>", '<x-fuzz-2 onfuzz="2">', "<x-fuzz-3/>"]
ATTR_MARKERS = ['" onfuzz="4', "' onfuzz='5", '"onfuzz="6', '">', "'>"]
ALPHABET = st.characters(
    codec="utf-8",
    categories=("Lu", "Ll", "Nd", "Zs", "Po", "Pd", "Ps", "Pe", "Sm", "Sc"),
    exclude_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029`",
)

LOCATED = re.compile(r"^/\S*?:\d+: (WARNING|ERROR|CRITICAL): ")



def explore_factor() -> int:
    """``FUZZ_EXPLORE`` as a number: 0 (unset or empty) draws the fixed
    examples of ``make test``; N >= 1 draws N times as many, at random."""
    value = os.environ.get("FUZZ_EXPLORE", "").strip()
    factor = int(value) if value else 0
    if factor < 0:
        raise ValueError(f"FUZZ_EXPLORE must be 0 or more, not {value!r}")
    return factor


def exploring(max_examples: int) -> dict:
    """The settings that ``FUZZ_EXPLORE`` decides: how many examples, and
    whether they are the same on every run."""
    factor = explore_factor()
    if not factor:
        return {"max_examples": max_examples, "derandomize": True}
    return {"max_examples": max_examples * factor, "derandomize": False, "print_blob": True}


def unit_settings(max_examples: int) -> settings:
    """Settings of a property of a helper function (no build per example)."""
    return settings(**exploring(max_examples), deadline=None, database=None)


#: Unit properties of helper functions: cheap, so many examples.
HELPERS = unit_settings(300)


def whole_build_settings(max_examples: int) -> settings:
    """Settings of a property whose every example is a whole Sphinx build."""
    return settings(
        **exploring(max_examples),
        deadline=None,
        database=None,
        # No shrinking: each step would be a whole Sphinx build.
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.large_base_example, HealthCheck.filter_too_much],
    )


def build_fuzzed(srcdir: Path, support_files: dict[str, str], sources: dict[str, str],
                 syntax: str) -> Build:
    """Build the support files and the fuzzed pages (docname -> source) under
    `srcdir`, as ``sphinx-build`` without ``-W`` does, and check that nothing
    crashed. The build's warnings come without colour codes."""
    files = {**support_files, **{f"{docname}.{syntax}": text for docname, text in sources.items()}}
    build = build_project(srcdir, files, warningiserror=False)
    build.warnings = ANSI.sub("", build.warnings)
    for sign in CRASH_SIGNS:
        assert sign not in build.status + build.warnings, (sign, build.warnings[-3000:])
    return build


def run_whole_builds(fuzz_settings: settings, pages: st.SearchStrategy,
                     build_and_check: Callable[[object], str]) -> str:
    """Run `build_and_check` (a whole build) on every example of `pages`
    and return what it returned, joined: the HTML and warnings that the
    caller checks were seen, so that the property is not vacuous."""
    seen: list[str] = []

    @fuzz_settings
    @given(pages=pages)
    def check(pages):
        seen.append(build_and_check(pages))

    check()
    return "".join(seen)


def fuzz_text(markers: list[str], max_parts: int = 5) -> st.SearchStrategy[str]:
    """One line of text mixing random characters with markers."""
    part = st.one_of(st.sampled_from(markers), st.text(ALPHABET, max_size=8))
    return st.lists(part, max_size=max_parts).map("".join)


def options(**strategies: st.SearchStrategy[str]) -> st.SearchStrategy[tuple]:
    """A random subset of the given options, in a random order."""
    items = [st.tuples(st.just(name), strategy) for name, strategy in strategies.items()]
    return st.lists(st.one_of(items), max_size=len(items) + 1, unique_by=lambda kv: kv[0]) \
        .map(tuple)


def role_text(text: str) -> str:
    # A backtick would end the role early; an empty role is no role at all.
    text = text.replace("`", "'")
    return text if text.strip() else "\\ "


_JSON_LD = re.compile(r'(<script type="application/ld\+json">)(.*?)(</script>)', re.S)


def _checked_json_ld(match: re.Match[str]) -> str:
    """A JSON-LD script must parse and hold no ``<``, ``>`` or ``&`` (so no
    text can end the element); its strings are input, not markup, so they
    are left out of the checks for markup below."""
    script = match[2]
    assert not set("<>&") & set(script), script
    json.loads(script)
    return match[1] + match[3]


def assert_no_markup_from_input(html: str) -> None:
    """No tag and no attribute of the markers came through unescaped."""
    html = _JSON_LD.sub(_checked_json_ld, html)
    assert "<x-fuzz" not in html
    assert '" onfuzz=' not in html and '"onfuzz=' not in html
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        assert not tag.name.startswith("x-fuzz"), tag.name
        assert not any("onfuzz" in name for name in tag.attrs), tag.attrs
