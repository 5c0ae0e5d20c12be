"""The one URL check of both extensions (``foundation.urls``), fuzzed: no
spelling of an unsafe scheme becomes a link, in the function and in a whole
build; safe URLs stay as written."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from fuzz_support import HELPERS, build_fuzzed, run_whole_builds, whole_build_settings
from hypothesis import given
from hypothesis import strategies as st

from foundation.urls import SAFE_SCHEMES, check_url

UNSAFE = ["javascript", "data", "vbscript", "file", "jar", "blob", "about", "livescript"]
#: Any scheme at all that is not one of the safe ones.
OTHER_SCHEMES = st.from_regex(r"[a-z][a-z0-9+.\-]{0,12}", fullmatch=True).filter(
    lambda scheme: scheme not in SAFE_SCHEMES)
#: What a browser ignores around a URL, and inside it.
EDGE = st.text(st.sampled_from([" ", "\t", "\n", "\x00", "\x01", "\x08", "\x1f"]), max_size=3)
INSIDE = st.sampled_from(["", "", "", "\t", "\n", "\r"])


@st.composite
def spelt(draw: st.DrawFn, text: str) -> str:
    """`text` in random letter case, with tabs or line breaks between its
    characters and some characters as character references."""
    out = []
    for char in text:
        cased = draw(st.sampled_from([char.lower(), char.upper()]))
        form = draw(st.sampled_from(["plain", "plain", "decimal", "hex", "nested"]))
        if form == "decimal":
            cased = f"&#{ord(cased)};"
        elif form == "hex":
            cased = f"&#x{ord(cased):x};"
        elif form == "nested":
            cased = f"&amp;#{ord(cased)};"
        out.append(cased + draw(INSIDE))
    return "".join(out)


@st.composite
def hostile_urls(draw: st.DrawFn) -> str:
    scheme = draw(st.one_of(st.sampled_from(UNSAFE), OTHER_SCHEMES))
    colon = draw(st.sampled_from([":", ":", "&colon;", "&#58;", "&#x3a;"]))
    return draw(EDGE) + draw(spelt(scheme)) + colon + "alert(1)" + draw(EDGE)


SAFE_URLS = st.one_of(
    st.builds(lambda scheme, host, path: f"{scheme}://{host}.example/{path}",
              st.sampled_from(["http", "https", "HTTP", "Https"]),
              st.from_regex(r"[a-z]{1,10}", fullmatch=True),
              st.from_regex(r"[a-z0-9/._~-]{0,20}", fullmatch=True)),
    st.from_regex(r"mailto:[a-z]{1,8}@[a-z]{1,8}\.example", fullmatch=True),
    # Relative: no colon before the first slash, question mark or hash.
    st.from_regex(r"(\.\./|/|#)?[a-z0-9_-]{1,12}(/[a-z0-9_.:-]{0,12})?", fullmatch=True),
)


def browser_scheme(href: str) -> str:
    """The scheme a browser takes from an ``href`` (WHATWG URL parsing)."""
    read = re.sub("[\t\n\r]", "", href.strip("".join(map(chr, range(0x21)))))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", read)
    return match.group(1).lower() if match else ""


@HELPERS
@given(url=hostile_urls())
def test_no_spelling_of_an_unsafe_scheme_passes(url):
    verdict = check_url(url)
    assert verdict.url is None, url
    assert verdict.reason


@HELPERS
@given(url=SAFE_URLS)
def test_safe_urls_pass_as_written(url):
    assert check_url(url).url == url


@HELPERS
@given(url=st.text(max_size=40))
def test_whatever_passes_has_a_safe_scheme_for_a_browser(url):
    verdict = check_url(url)
    if verdict.url is not None:
        assert browser_scheme(verdict.url) in SAFE_SCHEMES, url


# -- whole builds: what the author gives, what the page links -------------------------------

CONF = """\
extensions = ["myst_parser", "agreement", "briefing"]
briefing_areas = {"llm": "Large language models"}
briefing_stages = {"rnd": "R&D"}
"""
INDEX = "Index\n=====\n\n.. toctree::\n   :glob:\n\n   *\n"


def pages_of(urls: list[str]) -> dict[str, str]:
    """An agreement whose `source` and a technology whose `link` is each URL
    (one line: reST and MyST options end at the line break)."""
    pages = {}
    for number, written in enumerate(urls):
        url = re.sub("[\n\r]", "", written)
        pages[f"agreement{number}"] = (
            f"Terms {number}\n========\n\n.. agreement::\n   :provider: Example\n"
            f"   :last-updated: 2025-07-15\n   :source: {url}\n\nText.\n")
        pages[f"technology{number}"] = (
            f"Card {number}\n======\n\n.. technology:: Card\n   :id: card-{number}\n"
            f"   :link: {url}\n\n   Body.\n")
    return pages


@pytest.mark.fuzz  # a whole build per example: hypothesis is called inside
def test_no_page_links_an_unsafe_url(tmp_path):
    def build_and_check(urls: list[str]) -> str:
        srcdir = tmp_path / f"build{len(list(tmp_path.iterdir()))}"
        build = build_fuzzed(srcdir, {"conf.py": CONF, "index.rst": INDEX}, pages_of(urls),
                             "rst")
        seen = []
        for page in build.outdir.glob("*.html"):
            for anchor in BeautifulSoup(page.read_text("utf-8"), "html.parser").find_all(
                    "a", href=True):
                assert browser_scheme(anchor["href"]) in SAFE_SCHEMES, (page.name, anchor)
                seen.append(anchor["href"])
        return build.warnings + "".join(seen)

    seen = run_whole_builds(whole_build_settings(6),
                            st.lists(st.one_of(hostile_urls(), SAFE_URLS), min_size=4,
                                     max_size=8), build_and_check)
    # Unsafe URLs were given and refused; safe ones were linked.
    assert "[agreement.bad-url]" in seen and "[briefing.bad-url]" in seen
    assert "example/" in seen or "mailto:" in seen
