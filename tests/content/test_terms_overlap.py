"""The Terms of Use are written anew, not copied from their seed: measured on
the real site build with tests/content/seed_overlap.py (its own checks first)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import seed_overlap
from seed_overlap import (
    MIN_RUN,
    TARGET_SHARE,
    TERMS_ALLOWED,
    TERMS_PAGE,
    TERMS_SEED,
    Run,
    allowed,
    main_text,
    overlap,
    shared_runs,
    words,
)

# -- the measure ---------------------------------------------------------------------------


def test_words_ignore_case_quotes_and_punctuation():
    assert words("Liquid AI\u2019s \u201cServices\u201d; non-infringement (30) 1.5%") == \
        ["liquid", "ai", "s", "services", "non", "infringement", "30", "1", "5"]
    assert words("LIQUID AI'S") == words("liquid ai\u2019s")


def test_a_run_is_maximal_counted_once_and_not_inside_a_longer_one():
    seed = words("one two three four five six seven eight nine ten")
    page = words("x one two three four five six seven eight nine ten y "
                 "one two three four five six seven eight nine ten z "
                 "three four five six seven eight nine ten")
    runs = shared_runs(page, seed, min_run=8)
    # The page repeats the run: it counts once. Its third, shorter copy is
    # the seed's words 3 to 10, inside the first run: not counted apart.
    assert [run.text for run in runs] == ["one two three four five six seven eight nine ten"]
    assert (runs[0].start, runs[0].length) == (0, 10)


def test_runs_shorter_than_the_minimum_do_not_count():
    seed = words("a b c d e f g h")
    assert shared_runs(words("a b c d e f g"), seed, min_run=8) == ()
    assert len(shared_runs(words("a b c d e f g h"), seed, min_run=8)) == 1


def test_share_is_of_the_seed_words_covered():
    result = overlap("alpha beta gamma delta epsilon zeta eta theta",
                     "alpha beta gamma delta epsilon zeta eta theta iota kappa")
    assert result.seed_words == 10 and result.covered == 8
    assert result.share == pytest.approx(0.8)


def test_allowed_means_inside_one_phrase_of_the_allow_list():
    inside = Run(0, 8, " ".join(words("fire; flood; severe weather; earthquake; vandalism; "
                                      "accidents")))
    assert allowed(inside)
    across = Run(0, 9, "without limitation the elements fire flood severe weather earthquake")
    assert not allowed(across)


def test_main_text_reads_only_the_main_content():
    html = ('<html><body><nav>Menu text</nav><article role="main"><h1>Title</h1>'
            '<p>Body <b>text</b><br>here</p><script>var x = 1;</script></article>'
            '<footer>Footer</footer></body></html>')
    assert words(main_text(html)) == ["title", "body", "text", "here"]


# -- the Terms page ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def terms_overlap(site):
    assert site.returncode == 0, site.warnings
    return overlap(main_text(site.html(TERMS_PAGE)), TERMS_SEED.read_text(encoding="utf-8"))


def test_the_measure_reads_the_whole_seed_and_page(site, terms_overlap):
    # Not vacuous: the seed is read whole and the page text is the agreement.
    assert terms_overlap.seed_words > 4000
    text = words(main_text(site.html(TERMS_PAGE)))
    assert len(text) > 5000 and "indemnitor" in text and "cambridge" in text


def test_terms_share_at_most_the_target(terms_overlap):
    assert terms_overlap.share <= TARGET_SHARE, seed_overlap.report(terms_overlap, TERMS_ALLOWED)


@pytest.mark.parametrize("page", [TERMS_PAGE, "source/terms/index"])
def test_no_run_of_eight_words_outside_the_allow_list(site, page):
    result = overlap(main_text(site.html(page)), TERMS_SEED.read_text(encoding="utf-8"))
    outside = [f"[{run.length}] {run.text}" for run in result.runs if not allowed(run)]
    assert outside == [], "\n".join(outside)


def test_the_allow_list_is_short_and_the_threshold_fixed():
    assert MIN_RUN == 8 and TARGET_SHARE == 0.10
    assert len(TERMS_ALLOWED) <= 6
    # Every allowed phrase is really in the seed (a stale entry allows nothing).
    seed = " ".join(words(TERMS_SEED.read_text(encoding="utf-8")))
    for phrase in TERMS_ALLOWED:
        assert f" {' '.join(words(phrase))} " in f" {seed} ", phrase


def test_command_line_prints_the_figures(site):
    page = Path(site.outdir) / f"{TERMS_PAGE}.html"
    proc = subprocess.run([sys.executable, seed_overlap.__file__, str(page), str(TERMS_SEED)],
                          capture_output=True, text=True, check=True)
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("seed words:")
    assert any(line.startswith("shared runs:") for line in lines)
    assert any(line.startswith("longest run:") for line in lines)
    assert any(line.startswith("seed covered:") and line.endswith("%") for line in lines)
