"""The `timeline` directive: dated items in date order, each date a
``<time>``; undated items kept after the dated ones.

On the roots ``test-briefing-all-features``, ``test-briefing-warnings`` and
``test-briefing-malformed``.

Its malformed input is also tested as cases (``MALFORMED``), each a page
of a project generated and built once per syntax (see briefing_malformed.py).
"""

from __future__ import annotations

import pytest
from briefing_malformed import SYNTAXES as MALFORMED_SYNTAXES
from briefing_malformed import (
    Case,
    briefing,
    catalogue_builds,
    check_case,
    check_failed_under_W,
    check_no_traceback_and_located,
)
from briefing_support import (
    ALL_FEATURES,
    ALL_FEATURES_SHARED,
    BRIEFING_MALFORMED,
    BRIEFING_MALFORMED_SHARED,
    BRIEFING_WARNINGS,
    BRIEFING_WARNINGS_SHARED,
    PAGES,
    soup,
    warnings_of,
)
from sphinx.testing.util import SphinxTestApp


@ALL_FEATURES
@ALL_FEATURES_SHARED
@pytest.mark.parametrize("page", PAGES)
def test_timeline_in_date_order(app, page):
    app.build()
    html = soup(app, page)
    timeline = html.find("div", class_="timeline")
    items = timeline.find_all("li")
    stamps = [li.find("time")["datetime"] for li in items]
    assert stamps == ["2021", "2021", "2023-05", "2023-12-15"]
    # Equal dates keep their written order; inline markup survives.
    assert [li.get_text(" ", strip=True) for li in items] == [
        "2021 Start", "2021 Second start", "May 2023 Middle", "15 December 2023 Innovation Day",
    ]
    assert items[-1].find("em").get_text() == "Day"
    # Each date a <time> of its own class, one space before the item's text.
    assert [li.p.get_text() for li in items][:2] == ["2021 Start", "2021 Second start"]
    assert all(li.find("time")["class"] == ["timeline-date"] for li in items)


@pytest.mark.sphinx("html", testroot="briefing-all-features", srcdir="briefing-all-features-ja",
                    confoverrides={"language": "ja"})
def test_dates_are_written_in_the_build_s_language(app):
    app.build()
    items = soup(app, PAGES[0]).select(".timeline-items > li")
    assert [li.time.get_text() for li in items] == ["2021年", "2021年", "2023年5月",
                                                    "2023年12月15日"]


# -- translated (root test-briefing-translated, language ja) -------------------------------

TRANSLATED = pytest.mark.sphinx("html", testroot="briefing-translated")


@TRANSLATED
@pytest.mark.parametrize("page", ["rst_page", "md_page"])
def test_translated_items_get_their_dates_back_in_the_build_s_language(app, page):
    app.build()
    items = soup(app, page).select(".timeline-items > li")
    assert [(li.time["datetime"], li.time.get_text(), li.p.get_text()) for li in items] == [
        ("2021", "2021年", "2021年 開始"), ("2023-05", "2023年5月", "2023年5月 中間"),
        ("2023-12-15", "2023年12月15日", "2023年12月15日 イノベーションデー")]


@pytest.mark.sphinx("gettext", testroot="briefing-translated",
                    srcdir="briefing-translated-gettext")
def test_the_message_of_an_item_is_its_source_text_without_the_date(app):
    app.build()
    for page in ("rst_page", "md_page"):
        template = (app.outdir / f"{page}.pot").read_text("utf-8")
        # The source's markup is kept (not the text as shown), the date left out.
        for message in ("Start", "Middle", "Innovation *Day*"):
            assert f'msgid "{message}"' in template, (page, template)
        assert "2023-12-15" not in template and "2021:" not in template


def test_an_item_whose_source_hides_its_date_gives_its_shown_text(tmp_path):
    """MyST's escaped colon (``2022\\:``) is a date in the text as shown but not
    in the item's source: the message is then the shown text without the date
    (not the whole source, date and all)."""
    (tmp_path / "conf.py").write_text('extensions = ["myst_parser", "briefing"]\n')
    (tmp_path / "index.md").write_text(
        "# Page\n\n```{timeline}\n- 2022\\: Escaped *text*\n- 2021: Plain\n```\n")
    app = SphinxTestApp("gettext", srcdir=tmp_path, freshenv=True)
    try:
        app.build()
        template = (app.outdir / "index.pot").read_text("utf-8")
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    assert 'msgid "Escaped text"' in template and 'msgid "Plain"' in template
    assert "2022" not in template and "2021" not in template


# -- warnings (root test-briefing-warnings) ----------------------------------------------------

#: This feature's warnings in the root: (line, subtype, a piece of the message) per file.
IN_WARNINGS_ROOT = {
    "bad_rst.rst": [
        (28, "bad-date", "2023-13"),
        (29, "bad-date", "Sometime"),
    ],
    "bad_md.md": [
        (26, "bad-date", "2023-13"),
        (27, "bad-date", "Sometime"),
    ],
}


@BRIEFING_WARNINGS
@BRIEFING_WARNINGS_SHARED
@pytest.mark.parametrize("source", sorted(IN_WARNINGS_ROOT))
def test_each_check_warns_with_subtype_file_and_line(app, source):
    app.build()
    lines = warnings_of(app)
    for line, subtype, text in IN_WARNINGS_ROOT[source]:
        hits = [w for w in lines if f"{source}:{line}: WARNING:" in w
                and w.endswith(f"[briefing.{subtype}]") and text in w]
        assert hits, (source, line, subtype, "\n".join(lines))


@BRIEFING_WARNINGS
@BRIEFING_WARNINGS_SHARED
@pytest.mark.parametrize("page", ["bad_rst", "bad_md"])
def test_undated_items_are_kept_after_the_dated_ones(app, page):
    app.build()
    html = soup(app, page)
    # Undated timeline items are kept, after the dated ones, without <time>.
    items = html.select("div.timeline li")
    assert [li.find("time") is not None for li in items] == [True, False, False]
    assert "timeline-undated" in items[-1]["class"]


# -- malformed input (root test-briefing-malformed) -----------------------------------------

#: This feature's warnings in the root, in each syntax: (subtype, a piece of the message).
IN_MALFORMED_ROOT = [
    ("bad-date", "must be a bullet list"),
]


@BRIEFING_MALFORMED
@BRIEFING_MALFORMED_SHARED
@pytest.mark.parametrize("source", ["mal_rst.rst", "mal_md.md"])
def test_malformed_input_warns(app, source):
    app.build()
    lines = [w for w in warnings_of(app) if source in w]
    for subtype, fragment in IN_MALFORMED_ROOT:
        assert any(fragment in w and w.endswith(f"[briefing.{subtype}]") for w in lines), (
            subtype, fragment, "\n".join(lines))


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; briefing_malformed builds and checks them.
MALFORMED: list[Case] = [
    Case("timeline-bad-date",
         ".. timeline::\n\n   - 2020: Fine\n   - Sometime: no date\n",
         ":::{timeline}\n- 2020: Fine\n- Sometime: no date\n:::\n",
         (briefing("bad-date", "timeline item 'Sometime: no date' does not start with a valid "
                   "date", at="Sometime"),),
         present=("Sometime: no date",)),
    Case("timeline-month-13",
         ".. timeline::\n\n   - 2023-13: Thirteenth month\n",
         ":::{timeline}\n- 2023-13: Thirteenth month\n:::\n",
         (briefing("bad-date", "'2023-13: Thirteenth month'", at="2023-13"),),
         absent=('datetime="2023-13"',)),
    Case("timeline-feb-30",
         ".. timeline::\n\n   - 2023-01-31: Fine\n   - 2023-02-30: No such day\n",
         ":::{timeline}\n- 2023-01-31: Fine\n- 2023-02-30: No such day\n:::\n",
         (briefing("bad-date", "'2023-02-30: No such day'", at="2023-02-30"),)),
    Case("timeline-no-colon",
         ".. timeline::\n\n   - 2023 without a colon\n",
         ":::{timeline}\n- 2023 without a colon\n:::\n",
         (briefing("bad-date", "'2023 without a colon'", at="2023 without"),)),
    Case("timeline-empty-body",
         ".. timeline::\n",
         ":::{timeline}\n:::\n",
         (briefing("bad-date", "timeline: the body must be a bullet list"),)),
    Case("timeline-non-list-body",
         ".. timeline::\n\n   Just a paragraph.\n",
         ":::{timeline}\nJust a paragraph.\n:::\n",
         (briefing("bad-date", "timeline: the body must be a bullet list"),)),
    Case("timeline-list-and-paragraph",
         ".. timeline::\n\n   - 2020: Listed\n\n   A stray paragraph.\n",
         ":::{timeline}\n- 2020: Listed\n\nA stray paragraph.\n:::\n",
         (briefing("bad-date", "1 other block(s) left out", at="stray"),),
         present=("Listed",)),
    Case("timeline-nested-list",
         ".. timeline::\n\n   - 2020: Outer\n\n     - 2019: Inner\n\n   - Undated: Outer\n",
         ":::{timeline}\n- 2020: Outer\n\n  - 2019: Inner\n\n- Undated: Outer\n:::\n",
         (briefing("bad-date", "'Undated: Outer'", at="Undated"),),
         # A nested item stays in its own item, shown once.
         present=("2019: Inner",)),
    # An empty item is warned about (with no text to quote), a long first
    # line shortened to its first 60 characters.
    Case("timeline-empty-item",
         ".. timeline::\n\n   - 2020: Fine\n   -\n",
         ":::{timeline}\n- 2020: Fine\n-\n:::\n",
         (briefing("bad-date", "timeline item '' does not start with a valid date",
                   at="-", nth=2),)),
    # Each item's line in a nested parse too (inside a note; in MyST with a
    # blank line between the items).
    Case("timeline-in-a-note",
         ".. note::\n\n   Inside.\n\n   .. timeline::\n\n      - 2020: Fine\n"
         "      - Later: inside a note\n",
         "::::{note}\nInside.\n\n:::{timeline}\n- 2020: Fine\n\n- Later: inside a note\n"
         ":::\n::::\n",
         (briefing("bad-date", "'Later: inside a note'", at="Later"),)),
    Case("timeline-long-item",
         f".. timeline::\n\n   - Sometime {'x' * 70}\n",
         f":::{{timeline}}\n- Sometime {'x' * 70}\n:::\n",
         (briefing("bad-date", f"timeline item 'Sometime {'x' * 51}' does not start",
                   at="Sometime"),)),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "timeline", MALFORMED)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
@pytest.mark.parametrize("case", MALFORMED, ids=[case.name for case in MALFORMED])
def test_malformed_case(builds, case, syntax):
    body_html = check_case(builds(syntax), case, syntax)
    if case.name == "timeline-nested-list":
        assert body_html.count("Inner") == 1


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_the_warnings_say_what_a_timeline_needs(builds, syntax):
    """The whole messages, not only a piece of each."""
    messages = [record.text.split(" WARNING: ", 1)[-1] for record in builds(syntax).records]
    needs = "(YYYY, YYYY-MM or YYYY-MM-DD, then a colon) [briefing.bad-date]"
    assert "timeline: the body must be a bullet list of dated items [briefing.bad-date]" \
        in messages
    assert f"timeline item 'Sometime: no date' does not start with a valid date {needs}" \
        in messages
    assert f"timeline item '' does not start with a valid date {needs}" in messages
    assert "timeline: the body must be a bullet list of dated items; 1 other block(s) " \
        "left out [briefing.bad-date]" in messages


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_no_traceback_and_every_warning_located(builds, syntax):
    check_no_traceback_and_located(builds(syntax))


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_the_build_fails_under_W_because_of_the_cases(builds, syntax):
    check_failed_under_W(builds(syntax), MALFORMED, syntax)


# -- equivalent mutants (make mutate) ---------------------------------------------------------
#
# Mutants of timeline.py that no test can tell from the code, because they
# change nothing the directive does:
#
# (Names as of the run of 4 December 2026, 169 of 172 killed; the third
# survivor, _date_item__mutmut_30, is killed since by the escaped-colon test.)
# briefing.timeline.xǁTimelineDirectiveǁ_date_item__mutmut_36
# briefing.timeline.xǁTimelineDirectiveǁ_date_item__mutmut_38
#     DATE_PREFIX.sub(...) with no count (all) or count=2 for count=1: the
#     pattern is anchored at the start (^, without MULTILINE), so it can
#     match once only.
