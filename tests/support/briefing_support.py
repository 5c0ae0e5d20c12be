"""Helpers shared by the briefing tests: the roots that several feature
modules share, and reading built pages, charts and warnings.

A module of its own (not conftest), imported by name like ``sitebuild``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

#: Every feature is written twice in the roots, once in reStructuredText
#: (``*_rst``/``rst_page``) and once in MyST (``*_md``/``md_page``).
SYNTAXES = [("rst_page", "rst_page.rst"), ("md_page", "md_page.md")]
PAGES = [page for page, _ in SYNTAXES]
SVG_NS = "{http://www.w3.org/2000/svg}"

#: The root ``test-briefing-all-features``: every directive and role on a
#: reST page and a MyST page, a catalogue and a page without
#: footbibliography. It builds clean; its tests share one build.
ALL_FEATURES = pytest.mark.sphinx("html", testroot="briefing-all-features")
ALL_FEATURES_SHARED = pytest.mark.test_params(shared_result="briefing-all-features")

#: The root ``test-briefing-warnings``: a mistake of each feature on a reST
#: page (bad_rst) and a MyST page (bad_md); each feature module lists its own.
BRIEFING_WARNINGS = pytest.mark.sphinx("html", testroot="briefing-warnings")
BRIEFING_WARNINGS_SHARED = pytest.mark.test_params(shared_result="briefing-warnings")

#: The root ``test-briefing-malformed``: malformed input of every directive
#: (mal_rst.rst, mal_md.md); each feature module lists its own warnings.
BRIEFING_MALFORMED = pytest.mark.sphinx("html", testroot="briefing-malformed")
BRIEFING_MALFORMED_SHARED = pytest.mark.test_params(shared_result="briefing-malformed")


def soup(app, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / f"{page}.html").read_text("utf-8"), "html.parser")


def svg_tree(svg_tag) -> ET.Element:
    """The chart parsed as XML: proves it well-formed (and its text escaped)."""
    return ET.fromstring(str(svg_tag))


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def warning_text(app) -> str:
    """The build's warnings without terminal colours."""
    return ANSI.sub("", app.warning.getvalue())


def warnings_of(app) -> list[str]:
    return [line for line in warning_text(app).splitlines() if "WARNING" in line]
