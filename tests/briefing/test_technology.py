"""The `technology` directive: a card with its title, area and stage badges,
year, link and body; its id (unique across the site) and its vocabulary
(``briefing_areas``, ``briefing_stages``).

On the roots ``test-briefing-all-features`` (every directive and role on a
reST and a MyST page), ``test-briefing-warnings`` and ``test-briefing-malformed``.

Its malformed input is also tested as cases (``MALFORMED``), each a page
of a project generated and built once per syntax (see briefing_malformed.py).
"""

from __future__ import annotations

from pathlib import Path

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
    warning_text,
    warnings_of,
)


@ALL_FEATURES
@ALL_FEATURES_SHARED
@pytest.mark.parametrize("page", PAGES)
def test_technology_card(app, page):
    app.build()
    html = soup(app, page)
    tech_id = {"rst_page": "rst-gateless", "md_page": "md-llm"}[page]
    card = html.find("div", id=f"technology-{tech_id}")
    assert card is not None and "technology" in card["class"]
    title = {"rst_page": "Gateless access", "md_page": "Language model"}[page]
    assert card.find(class_="technology-title").get_text() == title
    stage = card.find("span", class_="stage")
    key, text = {"rst_page": ("rnd", "R&D"), "md_page": ("product", "Product")}[page]
    assert stage["class"] == ["stage", f"stage-{key}"] and stage.get_text() == text
    area = card.find("span", class_="technology-area")
    assert area.get_text() == {"rst_page": "Biometric authentication",
                               "md_page": "Large language models"}[page]
    facts = card.find(class_="technology-facts")
    assert "Since 20" in facts.get_text()
    assert facts.find("a")["href"].startswith("https://example.com/")
    # The body is the description and holds a metric.
    assert card.find("div", class_="metric") is not None


# -- warnings (root test-briefing-warnings) ----------------------------------------------------

#: This feature's warnings in the root: (line, subtype, a piece of the message) per file.
IN_WARNINGS_ROOT = {
    "bad_rst.rst": [
        (4, "unknown-area", "nowhere"),
        (4, "unknown-stage", "someday"),
    ],
    "bad_md.md": [
        (3, "unknown-area", "nowhere"),
        (3, "unknown-stage", "someday"),
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
def test_unknown_keys_list_the_valid_ones(app):
    app.build()
    text = warning_text(app)
    assert "valid keys of briefing_areas: llm" in text
    assert "valid keys of briefing_stages: product, rnd" in text


@BRIEFING_WARNINGS
@BRIEFING_WARNINGS_SHARED
def test_duplicate_id_names_both_places(app):
    app.build()
    dups = [w for w in warnings_of(app) if w.endswith("[briefing.duplicate-id]")]
    # bad_md.md:3 comes first (by docname); both later ones name it.
    assert len(dups) == 2
    assert any("bad_rst.rst:4:" in w and "bad_md.md:3" in w for w in dups)
    assert any("bad_rst.rst:9:" in w and "bad_md.md:3" in w for w in dups)


# -- malformed input (root test-briefing-malformed) -----------------------------------------

#: This feature's warnings in the root, in each syntax: (subtype, a piece of the message).
IN_MALFORMED_ROOT = [
    ("missing-option", "technology: the title argument is missing"),
    ("bad-option", "`since` must be a year"),
    ("bad-url", "`link` 'javascript:alert(1)' is not linked"),
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
    # The page is still written, and the unsafe link was dropped.
    page = (Path(app.outdir) / source.rsplit(".", 1)[0]).with_suffix(".html").read_text()
    assert "javascript:" not in page


# -- malformed input (each case a page, built in reST and in MyST) -------------------------

#: This feature's malformed input; briefing_malformed builds and checks them.
MALFORMED: list[Case] = [
    Case("area-unknown",
         ".. technology:: Face match\n   :id: face\n   :area: nowhere\n",
         "```{technology} Face match\n:id: face\n:area: nowhere\n```\n",
         (briefing("unknown-area", "unknown area 'nowhere'; valid keys of briefing_areas: "
                   "biometrics, llm"),)),
    Case("area-empty",
         ".. technology:: Face match\n   :id: face-empty-area\n   :area:\n",
         "```{technology} Face match\n:id: face-empty-area\n:area:\n```\n",
         (briefing("unknown-area", "unknown area ''"),)),
    Case("stage-unknown-option",
         ".. technology:: Face match\n   :id: face-stage\n   :stage: someday\n",
         ":::{technology} Face match\n:id: face-stage\n:stage: someday\n:::\n",
         (briefing("unknown-stage", "unknown stage 'someday'; valid keys of briefing_stages: "
                   "product, rnd"),)),
    Case("duplicate-id",
         ".. technology:: First\n   :id: twice\n\n.. technology:: Second\n   :id: twice\n",
         "```{technology} First\n:id: twice\n```\n\n```{technology} Second\n:id: twice\n```\n",
         (briefing("duplicate-id", "duplicate technology id 'twice': also defined at "
                   "{file}:{start}", at="Second"),)),
    Case("technology-no-id",
         ".. technology:: Nameless\n   :area: llm\n",
         "```{technology} Nameless\n:area: llm\n```\n",
         (briefing("missing-option", "technology: the required `id` option is missing"),)),
    Case("technology-empty-title",
         ".. technology::\n   :id: untitled\n",
         "```{technology}\n:id: untitled\n```\n",
         (briefing("missing-option", "technology: the title argument is missing"),)),
    Case("technology-bad-since",
         ".. technology:: Old\n   :id: old\n   :since: last year\n",
         "```{technology} Old\n:id: old\n:since: last year\n```\n",
         (briefing("bad-option", "`since` must be a year (YYYY), not 'last year'"),)),
    # Unsafe URLs: no link, a warning at the option's line.
    *[Case(f"technology-{name}-link",
           f".. technology:: Sly\n   :id: sly-{name}\n   :link: {url}\n",
           f"```{{technology}} Sly\n:id: sly-{name}\n:link: {url}\n```\n",
           (briefing("bad-url", f"technology: `link` {url!r} is not linked", at=":link:"),),
           absent=("alert(", "More information"))
      for name, url in (("javascript", "JavaScript:alert(1)"),
                        ("entity-encoded", "&#x6A;avascript:alert(2)"),
                        ("data", "data:text/html,alert(3)"),
                        ("vbscript", "vbscript:alert(4)"),
                        ("file", "FILE:///alert(5)"),
                        ("other-scheme", "chrome:alert(6)"))],
    Case("technology-unparsable-link",
         ".. technology:: Bracket\n   :id: bracket\n   :link: http://[::1/\n",
         "```{technology} Bracket\n:id: bracket\n:link: http://[::1/\n```\n",
         (briefing("bad-url", "`link` 'http://[::1/' is not linked: it is not a valid URL",
                   at=":link:"),),
         absent=("[::1",)),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The cases, all pages of one syntax built at once, once per syntax."""
    return catalogue_builds(tmp_path_factory, "technology", MALFORMED)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
@pytest.mark.parametrize("case", MALFORMED, ids=[case.name for case in MALFORMED])
def test_malformed_case(builds, case, syntax):
    check_case(builds(syntax), case, syntax)


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_no_traceback_and_every_warning_located(builds, syntax):
    check_no_traceback_and_located(builds(syntax))


@pytest.mark.parametrize("syntax", sorted(MALFORMED_SYNTAXES))
def test_the_build_fails_under_W_because_of_the_cases(builds, syntax):
    check_failed_under_W(builds(syntax), MALFORMED, syntax)
