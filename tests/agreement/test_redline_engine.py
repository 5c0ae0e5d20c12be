"""Unit tests of the redline engine (`_ext/agreement/redline.py`) on agreement
dicts in the shape of the JSON export, and of the page template that shows
its result (``agreement-redline.html``): the HTML tests render each
comparison through that template in a real Sphinx build (furo, the
extension) of a one-page project.  End-to-end tests of the redline page of
a site live with the rest of the extension's tests."""

from __future__ import annotations

import copy
import functools
import itertools
import json
import subprocess
import sys
from collections import Counter
from html import escape as html_escape
from html.parser import HTMLParser
from typing import Any

import pytest
from fuzz_support import unit_settings
from hypothesis import given
from hypothesis import strategies as st
from sitebuild import REPO

# Imported plainly: if the package does not import, every test here fails
# at collection, loudly, instead of testing a copy loaded beside it.
from agreement import redline

EXT_DIR = REPO / "_ext"


# --------------------------------------------------------------------------
# Building agreements as the export shapes them
# --------------------------------------------------------------------------

def clause(label: str | None, title: str, text: str, *children: dict) -> dict[str, Any]:
    return {"number": None, "label": label, "title": title, "text": text,
            "summary": None, "clauses": list(children)}


def agreement(*clauses: dict, title: str = "LEAP Terms of Use",
              last_updated: str = "2025-07-15", previous: str | None = None) -> dict:
    """An exported agreement; clauses are numbered 1, 1.1, 1.1.1 in document
    order, as the extension numbers them (authors never type numbers)."""
    tree = copy.deepcopy(list(clauses))

    def number(items: list[dict], prefix: str) -> None:
        for position, item in enumerate(items, start=1):
            item["number"] = f"{prefix}{position}"
            number(item["clauses"], f"{item['number']}.")

    number(tree, "")
    return {"title": title, "provider": "Liquid AI, Inc.", "last_updated": last_updated,
            "governing_law": "Commonwealth of Massachusetts", "source": None,
            "previous": previous, "clauses": tree, "definitions": [], "references": []}


ACCESS = clause("access", "Access to the Services",
                "Subject to these Terms, Liquid AI lets Customer reach and use the "
                "Services during the Term.",
                clause("accounts", "Accounts",
                       "Customer keeps its login details secret and answers for all "
                       "activity under its account."),
                clause(None, "Eligibility",
                       "Only a person of legal age who may form a binding contract "
                       "may use the Services."))
INSTALL = clause("installation", "Services Installation",
                 "Customer installs the Services on its own devices at its own cost.")
FEES = clause("fees", "Fees; Payment",
              "Customer pays the Fees stated in the Order Form within 30 days of the "
              "invoice date.")
CUSTOMER_DATA = clause("customer-data", "Customer Data",
                       "Customer Data means the material Customer feeds into the "
                       "Services. Customer keeps every right in its Customer Data.")
CONFIDENTIALITY = clause("confidentiality", "Confidentiality",
                         "Each party guards the other party's confidential material "
                         "with reasonable care.")
TERMINATION = clause("termination", "Termination; Survival",
                     "Either party may end these Terms on written notice. The duties "
                     "in Section 5 outlast the end of these Terms.")
MISC = clause("misc", "Miscellaneous",
              "These Terms are governed by the laws of the Commonwealth of "
              "Massachusetts.")


def edited(base: dict, **changes: Any) -> dict:
    """A copy of a clause with some fields replaced."""
    result = copy.deepcopy(base)
    result.update(changes)
    return result


def flat_texts(segments) -> tuple[str, str, str]:
    """(new text, old text, '|'-joined changes) rebuilt from diff segments."""
    new = "".join(text for op, text in segments if op != "-")
    old = "".join(text for op, text in segments if op != "+")
    return new, old, "|".join(f"{op}{text}" for op, text in segments if op != "=")


def by_new_number(result, number: str):
    return next(p for p in result.pairs if p.new is not None and p.new.number == number)


def numbers(items) -> list[tuple[str | None, str | None]]:
    return [(item.old_number, item.new_number) for item in items]


# --------------------------------------------------------------------------
# HTML inspection
# --------------------------------------------------------------------------

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}


class RedlineParser(HTMLParser):
    """Checks that tags nest properly and collects the text of each
    <ins>/<del>, of the clause sections and of the summary lists."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ins: list[str] = []
        self.dels: list[str] = []
        self.tags: Counter[str] = Counter()
        self.ids: list[str] = []
        self.text: list[str] = []
        self.sections: dict[str, list[str]] = {}
        self._section: str | None = None
        self._section_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] += 1
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "ins":
            self.ins.append("")
        elif tag == "del":
            self.dels.append("")
        if tag == "section" and "redline-clause" in (attrs.get("class") or "").split():
            self._section = attrs["id"]
            self._section_depth = len(self.stack)
            self.sections[self._section] = []

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        if tag == "section" and len(self.stack) == self._section_depth:
            self._section = None
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        # Marked text, without the separating space a deletion carries.
        if "ins" in self.stack:
            self.ins[-1] = (self.ins[-1] + data).strip()
        if "del" in self.stack:
            self.dels[-1] = (self.dels[-1] + data).strip()
        if self._section is not None:
            self.sections[self._section].append(data)


def parse(fragment: str) -> RedlineParser:
    parser = RedlineParser()
    parser.feed(fragment)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    return parser


RENDER_OPTIONS = {"old_href": "archive/terms-2024.html", "new_href": "terms.html",
                  "old_title": "LEAP Terms of Use (2024)", "new_title": "LEAP Terms of Use"}


def page_options(**kwargs) -> dict[str, Any]:
    """The arguments of `redline_page_context` (and of `render_html`, but
    for the title): the defaults above, the page's title after them."""
    options = {**RENDER_OPTIONS, **kwargs}
    options.setdefault("title", f"Changes to {options['new_title']}")
    return options


@pytest.fixture(scope="module")
def render_body(tmp_path_factory):
    """Render a `Redline` as the site does: the page template
    ``agreement-redline.html`` with the context of `redline_page_context`,
    written by the HTML builder of a real build (furo and the agreement
    extension, one page). Returns the page's body, the
    ``<section id="redline">``, cut out of the written page."""
    from sphinx.testing.util import SphinxTestApp

    from agreement.versions import PAGE_TEMPLATE, redline_page_context

    srcdir = tmp_path_factory.mktemp("redline-template")
    (srcdir / "conf.py").write_text('extensions = ["agreement"]\nhtml_theme = "furo"\n',
                                    encoding="utf-8")
    (srcdir / "index.rst").write_text("Redline template\n================\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
        assert app.warning.getvalue() == ""
        names = (f"redline-case-{n}" for n in itertools.count(1))

        def body(result, **kwargs) -> str:
            pagename = next(names)
            # What the builder does for each page of html-collect-pages.
            context = redline_page_context(result, **page_options(**kwargs))
            app.builder.handle_page(pagename, context, PAGE_TEMPLATE)
            page = (app.outdir / f"{pagename}.html").read_text(encoding="utf-8")
            start = page.index('<section id="redline">')
            assert page.count('<section id="redline">') == 1
            article = page[start:page.index("</article>", start)]  # furo's main content
            return article[:article.rindex("</section>\n") + len("</section>\n")]

        yield body
    finally:
        app.cleanup()


@pytest.fixture(scope="module")
def render(render_body):
    """The fragment ``<div class="agreement-redline">`` of a rendered page
    (what `render_html` returns), after checking the ``<h1>`` before it."""
    def fragment(result, **kwargs) -> str:
        page = render_body(result, **kwargs)
        title = page_options(**kwargs)["title"]
        head = f'<section id="redline">\n<h1>{html_escape(title)}</h1>\n'
        assert page.startswith(head) and page.endswith("</div>\n</section>\n")
        return page[len(head):-len("</section>\n")]
    return fragment


def section_html(fragment: str, anchor: str) -> str:
    """One clause's ``<section>`` of a rendered redline."""
    start = fragment.rindex("<section", 0, fragment.index(f'id="{anchor}"'))
    end = fragment.index("</section>", start) + len("</section>")
    return fragment[start:end]


# --------------------------------------------------------------------------
# Word diff
# --------------------------------------------------------------------------

def test_word_diff_marks_only_the_changed_words():
    segments = redline.diff_words(
        "Customer pays the Fees within 30 days of the invoice date.",
        "Customer pays all Fees within 45 days of the invoice date.")
    new, old, changes = flat_texts(segments)
    assert new == "Customer pays all Fees within 45 days of the invoice date."
    assert old == "Customer pays the Fees within 30 days of the invoice date."
    assert changes == "-the|+all|-30|+45"


def test_word_diff_insertion_holds_words_and_deletion_takes_its_space():
    assert redline.diff_words("may use the Services", "may freely use the Services") == (
        ("=", "may "), ("+", "freely"), ("=", " use the Services"))
    # The kept text reads "may use", not "may  use".
    assert redline.diff_words("may freely use the Services", "may use the Services") == (
        ("=", "may"), ("-", " freely"), ("=", " use the Services"))


def test_word_diff_deletion_at_the_start_does_not_glue_words():
    assert redline.diff_words("the Customer Data", "Customer Data") == (
        ("-", "the "), ("=", "Customer Data"))
    assert redline.diff_words("(the Services)", "(Services)") == (
        ("=", "("), ("-", "the "), ("=", "Services)"))
    assert redline.diff_words("the the", "the") == (("=", "the"), ("-", " the"))


def test_word_diff_treats_punctuation_as_its_own_token():
    segments = redline.diff_words("Fees; Payment", "Fees, Payment")
    assert flat_texts(segments)[2] == "-;|+,"


def test_word_diff_folds_a_short_kept_word_between_two_changes():
    # "of" alone between two replaced words reads better inside one change.
    segments = redline.diff_words("laws of Delaware", "courts of Massachusetts")
    assert flat_texts(segments)[2] == "-laws of Delaware|+courts of Massachusetts"


def test_word_diff_keeps_a_long_kept_stretch_between_changes():
    segments = redline.diff_words("pay the fee within 30 days", "pay a fee within 60 days")
    assert flat_texts(segments)[2] == "-the|+a|-30|+60"


def test_word_diff_folds_a_kept_stretch_as_long_as_the_changes_and_no_longer():
    # The threshold, in visible characters: "cd" (2) between two changes of
    # 2 is folded into them; "cde" (3) is not.
    assert flat_texts(redline.diff_words("ab cd ef", "xy cd zw"))[2] == "-ab cd ef|+xy cd zw"
    assert flat_texts(redline.diff_words("ab cde ef", "xy cde zw"))[2] == "-ab|+xy|-ef|+zw"


def test_word_diff_keeps_words_with_inner_apostrophes_and_hyphens_whole():
    assert flat_texts(redline.diff_words("a non-exclusive licence", "a non-transferable licence")
                      )[2] == "-non-exclusive|+non-transferable"
    assert flat_texts(redline.diff_words("the Provider's rights", "the Customer's rights")
                      )[2] == "-Provider's|+Customer's"
    assert flat_texts(redline.diff_words("the Provider\u2019s rights", "the Provider rights")
                      )[2] == "-Provider\u2019s|+Provider"


def test_word_diff_ignores_whitespace_only_changes():
    assert redline.diff_words("one  two\nthree", "one two three") == (
        ("=", "one two three"),)


def test_word_diff_of_empty_texts():
    assert redline.diff_words("", "") == ()
    assert redline.diff_words("", "New text.") == (("+", "New text."),)
    assert redline.diff_words("Old text.", "") == (("-", "Old text."),)


def test_word_diff_across_many_sentences_finds_each_change():
    sentences = [f"Sentence {n} says that the party {n} keeps its rights." for n in range(300)]
    changed = list(sentences)
    changed[10] = changed[10].replace("keeps", "loses")
    changed[200] = changed[200].replace("the party", "each party")
    del changed[150]
    segments = redline.diff_words(" ".join(sentences), " ".join(changed))
    assert flat_texts(segments)[2] == (
        "-keeps|+loses|- Sentence 150 says that the party 150 keeps its rights.|-the|+each")


WORDS = st.sampled_from(["the", "Customer", "Data", "Services", "shall", "not", "Section",
                         "10", "11", ",", ".", ";", "(a)", "Liquid", "AI’s", "non-exclusive"])
TEXTS = st.lists(st.tuples(WORDS, st.sampled_from([" ", " ", " ", "\n\n", ""])),
                 max_size=60).map(lambda pairs: "".join(w + s for w, s in pairs).strip())


@unit_settings(300)
@given(old=TEXTS, new=TEXTS)
def test_word_diff_rebuilds_both_texts(old, new):
    """Kept + inserted spell the new text exactly; kept + deleted the old text
    but for whitespace; an insertion is words only, no change is blank."""
    segments = redline.diff_words(old, new)
    rebuilt_new, rebuilt_old, _ = flat_texts(segments)
    assert rebuilt_new == new
    assert "".join(rebuilt_old.split()) == "".join(old.split())
    for op, text in segments:
        assert text.strip() if op != "=" else text
        if op == "+":
            assert text == text.strip()
    assert all(a[0] != b[0] for a, b in itertools.pairwise(segments))


# --------------------------------------------------------------------------
# Clause matching and the lists
# --------------------------------------------------------------------------

def versions(*labels: str | None) -> list[redline.ClauseVersion]:
    return [redline.ClauseVersion(number=str(index + 1), label=label, title="", text="",
                                  depth=1, index=index) for index, label in enumerate(labels)]


@pytest.mark.parametrize(("labels", "stems"), [
    (["v1-fees", "v1-data"], ["fees", "data"]),          # a shared head
    (["fees", "data"], ["fees", "data"]),                # nothing shared
    (["a-b-c-fees", "a-b-c-data"], ["fees", "data"]),    # a head of three parts
    (["fees-v2", "data-v2"], ["fees", "data"]),          # a shared tail
    (["fees-a-b-c", "data-a-b-c"], ["fees", "data"]),    # a tail of three parts
    (["x-fees-y-v2", "x-data-z-v2"], ["fees-y", "data-z"]),  # head and tail
    (["t-a-b-v", "t-c-d-v", "t-e-v"], ["a-b", "c-d", "e"]),  # the shortest sets the limit
    (["a-b", "a-b"], ["b", "b"]),                        # one part is always kept
    (["a-b-c", "a-x-c"], ["b", "x"]),
    (["v1_fees.x", "v1:data.x"], ["fees", "data"]),      # any separator; joined by "-"
    (["v1-fees"], ["v1-fees"]),                          # one label: no marker to tell
])
def test_label_stems_drop_the_parts_every_label_shares(labels, stems):
    clauses = versions(None, *labels)  # an unlabelled clause has no stem
    assert redline.label_stems(clauses) == dict(enumerate(stems, start=1))


def test_flatten_clauses_reads_anchor_label_and_nesting_and_skips_what_is_not_a_clause():
    exported = {"clauses": [
        "not a clause",
        {"number": " 1 ", "label": "v1-fees", "anchor": " fees ", "title": " Fees ",
         "text": " Pay. ", "clauses": [{"number": "1.1", "label": None, "anchor": "c-1-1",
                                        "title": "Due", "text": None}]},
        None,
        {"number": "2", "label": "data", "title": "Data", "text": "Keep."},
    ]}
    assert [(c.number, c.label, c.title, c.text, c.depth, c.index, c.page_anchor)
            for c in redline.flatten_clauses(exported)] == [
        ("1", "fees", "Fees", "Pay.", 1, 0, "fees"),     # the stable anchor, not the label
        ("1.1", None, "Due", "", 2, 1, "c-1-1"),          # no label: an anchor alone is none
        ("2", "data", "Data", "Keep.", 1, 2, ""),         # a label without an anchor
    ]


V1 = agreement(ACCESS, INSTALL, FEES, CUSTOMER_DATA, CONFIDENTIALITY, TERMINATION, MISC,
               last_updated="2024-03-01")
# v2: a clause added after 1 (everything after it renumbered), installation
# removed, the fees changed in place, confidentiality unchanged but renumbered.
MODEL_INTEGRATIONS = clause("model-integrations", "Model Integrations",
                            "Customer may connect third-party models to the Services at "
                            "its own risk.")
V2 = agreement(ACCESS, MODEL_INTEGRATIONS,
               edited(FEES, text="Customer pays the Fees stated in the Order Form within "
                                 "45 days of the invoice date."),
               CUSTOMER_DATA, CONFIDENTIALITY, TERMINATION, MISC,
               previous="archive/terms-2024")


def test_compare_lists_added_removed_changed_and_renumbered():
    result = redline.compare(V1, V2)
    assert numbers(result.added) == [(None, "2")]
    assert [item.label for item in result.added] == ["model-integrations"]
    assert numbers(result.removed) == [("2", None)]
    assert [item.title for item in result.removed] == ["Services Installation"]
    assert numbers(result.changed) == [("3", "3")]
    assert [item.label for item in result.changed] == ["fees"]
    assert result.renumbered == ()  # one added, one removed: the rest keep their number
    unchanged = [p.new.number for p in result.pairs if p.status == "unchanged"]
    assert unchanged == ["1", "1.1", "1.2", "4", "5", "6", "7"]


def test_pairs_follow_the_new_order_with_removed_clauses_in_their_old_place():
    result = redline.compare(V1, V2)
    order = [(p.status, p.old and p.old.number, p.new and p.new.number) for p in result.pairs]
    assert order == [
        ("unchanged", "1", "1"), ("unchanged", "1.1", "1.1"), ("unchanged", "1.2", "1.2"),
        # Installation was 2, right after 1.2: it is shown there, before
        # what replaced it (as a deletion is shown before an insertion).
        ("removed", "2", None),
        ("added", None, "2"),
        ("changed", "3", "3"), ("unchanged", "4", "4"), ("unchanged", "5", "5"),
        ("unchanged", "6", "6"), ("unchanged", "7", "7")]


def test_renumbered_clause_with_unchanged_text_is_not_changed():
    v2 = agreement(ACCESS, MODEL_INTEGRATIONS, INSTALL, FEES, CUSTOMER_DATA,
                   CONFIDENTIALITY, TERMINATION, MISC)
    result = redline.compare(V1, v2)
    assert numbers(result.renumbered) == [(str(n), str(n + 1)) for n in range(2, 8)]
    assert result.changed == ()
    assert [item.numbers for item in result.renumbered][:2] == ["2 → 3", "3 → 4"]
    pair = by_new_number(result, "5")
    assert (pair.status, pair.renumbered, pair.matched_by) == ("unchanged", True, "label")


def test_clause_both_renumbered_and_changed_is_listed_in_both():
    v2 = agreement(ACCESS, MODEL_INTEGRATIONS, INSTALL,
                   edited(FEES, title="Fees and Payment"), CUSTOMER_DATA,
                   CONFIDENTIALITY, TERMINATION, MISC)
    result = redline.compare(V1, v2)
    assert ("3", "4") in numbers(result.changed)
    assert ("3", "4") in numbers(result.renumbered)
    pair = by_new_number(result, "4")
    assert flat_texts(pair.title_diff)[2] == "-;|+and"


def test_moved_clause_is_matched_by_label_and_listed_as_renumbered(render):
    # Confidentiality moves up from 5 to 2; its text is the same.
    v2 = agreement(ACCESS, CONFIDENTIALITY, INSTALL, FEES, CUSTOMER_DATA, TERMINATION, MISC)
    result = redline.compare(V1, v2)
    pair = by_new_number(result, "2")
    assert (pair.old.number, pair.old.label, pair.matched_by) == ("5", "confidentiality",
                                                                  "label")
    assert pair.status == "unchanged"
    assert result.added == () and result.removed == () and result.changed == ()
    assert numbers(result.renumbered) == [("5", "2"), ("2", "3"), ("3", "4"), ("4", "5")]
    html = render(result)
    moved = section_html(html, pair.anchor)
    assert '<span class="clause-number"><del>5</del> <ins>2</ins></span>' in moved
    assert "(renumbered)" in moved
    assert "<ins>" not in moved.split("</h3>", 1)[1]  # the text itself has no marks


def test_renumbered_subclauses_follow_their_parent():
    v2 = agreement(MODEL_INTEGRATIONS, ACCESS, INSTALL, FEES, CUSTOMER_DATA,
                   CONFIDENTIALITY, TERMINATION, MISC)
    result = redline.compare(V1, v2)
    assert numbers(result.renumbered)[:3] == [("1", "2"), ("1.1", "2.1"), ("1.2", "2.2")]
    # "Eligibility" has no label: it was matched by its title.
    assert by_new_number(result, "2.2").matched_by == "title"


def test_matching_by_title_when_the_label_changed_and_in_order_for_repeats():
    old = agreement(clause("a", "Notices", "By email."),
                    clause(None, "General", "First general text."),
                    clause(None, "General", "Second general text."))
    new = agreement(clause("notices", "Notices", "By email or post."),
                    clause(None, "General", "First general text."),
                    clause(None, "General", "Second general text, amended."))
    result = redline.compare(old, new)
    assert [(p.old.number, p.new.number, p.matched_by) for p in result.pairs] == [
        ("1", "1", "title"), ("2", "2", "title"), ("3", "3", "title")]
    assert numbers(result.changed) == [("1", "1"), ("3", "3")]


def test_label_match_wins_over_title_match():
    old = agreement(clause("term", "Term", "One year."), clause("renewal", "Renewal", "Yearly."))
    # The clause labelled "renewal" now carries the title "Term".
    new = agreement(clause("renewal", "Term", "Yearly."))
    result = redline.compare(old, new)
    assert [(p.status, p.old and p.old.label) for p in result.pairs] == [
        ("removed", "term"), ("changed", "renewal")]


def test_changed_defined_term_marks_the_words_of_the_term(render):
    v2 = agreement(ACCESS, INSTALL, FEES,
                   edited(CUSTOMER_DATA, text="Customer Content means the material "
                          "Customer feeds into the Services. Customer keeps every right "
                          "in its Customer Content."),
                   CONFIDENTIALITY, TERMINATION, MISC)
    result = redline.compare(V1, v2)
    assert numbers(result.changed) == [("4", "4")]
    pair = by_new_number(result, "4")
    assert flat_texts(pair.text_diff)[2] == "-Data|+Content|-Data|+Content"
    parsed = parse(section_html(render(result), pair.anchor))
    assert parsed.dels == ["Data", "Data"]
    assert parsed.ins == ["Content", "Content"]


def test_changed_cross_reference_number_is_a_change(render):
    """The text is the rendered text: "Section 5" became "Section 6" because
    the referenced clause moved, though the author changed nothing here."""
    v2 = agreement(ACCESS, MODEL_INTEGRATIONS, INSTALL, FEES, CUSTOMER_DATA,
                   CONFIDENTIALITY,
                   edited(TERMINATION, text=TERMINATION["text"].replace("Section 5",
                                                                         "Section 6")),
                   MISC)
    result = redline.compare(V1, v2)
    assert ("6", "7") in numbers(result.changed)
    pair = by_new_number(result, "7")
    assert flat_texts(pair.text_diff)[2] == "-5|+6"
    html = section_html(render(result), pair.anchor)
    assert "in Section <del>5</del><ins>6</ins> outlast" in html


def test_chain_of_three_versions_compares_each_to_its_predecessor(render):
    v3 = agreement(ACCESS, MODEL_INTEGRATIONS,
                   edited(FEES, text="Customer pays the Fees stated in the Order Form "
                                     "within 60 days of the invoice date."),
                   CUSTOMER_DATA, TERMINATION, MISC,
                   previous="archive/terms-2025")
    first, second = redline.compare(V1, V2), redline.compare(V2, v3)
    assert flat_texts(by_new_number(first, "3").text_diff)[2] == "-30|+45"
    assert flat_texts(by_new_number(second, "3").text_diff)[2] == "-45|+60"
    assert numbers(second.added) == [] and numbers(first.added) == [(None, "2")]
    assert [i.label for i in second.removed] == ["confidentiality"]
    assert numbers(second.renumbered) == [("6", "5"), ("7", "6")]
    # The first step knows nothing of v3, the second nothing of v1.
    assert "60" not in render(first) and "Installation" not in render(second)


def test_agreement_without_changes(render):
    result = redline.compare(V1, copy.deepcopy(V1))
    assert (result.added, result.removed, result.changed, result.renumbered) == ((),) * 4
    assert result.unchanged_count == 9
    parsed = parse(render(result))
    assert parsed.ins == [] and parsed.dels == []


def test_malformed_input_does_not_raise(render):
    old = {"clauses": [{"number": "1", "title": None, "text": None},
                       "not a clause", {"label": "", "clauses": None}]}
    new = {"clauses": [{"number": 1, "label": None, "title": "T", "text": "x",
                        "clauses": [{"number": "1.1"}]}]}
    result = redline.compare(old, new)
    parse(render(result))
    assert redline.compare({}, {}).pairs == ()


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

def test_html_summary_counts_and_lists(render):
    v2 = agreement(ACCESS, MODEL_INTEGRATIONS,
                   edited(FEES, text=FEES["text"].replace("30", "45")),
                   CUSTOMER_DATA, CONFIDENTIALITY, TERMINATION, MISC, INSTALL)
    result = redline.compare(V1, v2)
    html = render(result)
    assert html.startswith('<div class="agreement-redline">')
    assert html.rstrip().endswith("</div>")
    for kind, count in [("added", 1), ("removed", 0), ("changed", 1), ("renumbered", 1),
                        ("unchanged", 8)]:
        assert (f'<li class="redline-count-{kind}">{kind.capitalize()}: '
                f'<strong>{count}</strong></li>') in html
    assert ('<a href="#redline-new-10"><span class="clause-number">2 → 8</span> '
            'Services Installation</a>') in html
    assert '<p class="redline-none">No clause removed.</p>' in html
    assert '<a href="archive/terms-2024.html">LEAP Terms of Use (2024)</a>' in html
    parsed = parse(html)
    # Every link in the summary points at a clause section of the page.
    assert len(parsed.ids) == len(set(parsed.ids))
    for anchor in ("redline-new-4", "redline-new-10"):
        assert anchor in parsed.ids


def test_html_marks_exactly_the_inserted_and_deleted_words(render):
    v2 = agreement(ACCESS, MODEL_INTEGRATIONS,
                   edited(FEES, text="Customer promptly pays the Fees stated in the Order "
                                     "Form within 45 days of the invoice."),
                   CUSTOMER_DATA, CONFIDENTIALITY, TERMINATION, MISC)
    result = redline.compare(V1, v2)
    html = render(result)
    fees = parse(section_html(html, by_new_number(result, "3").anchor))
    assert fees.ins == ["promptly", "45"]
    assert fees.dels == ["30", "date"]
    added = parse(section_html(html, by_new_number(result, "2").anchor))
    assert added.ins == ["2", "Model Integrations", MODEL_INTEGRATIONS["text"]]
    assert added.dels == []
    removed_pair = next(p for p in result.pairs if p.status == "removed")
    removed = parse(section_html(html, removed_pair.anchor))
    assert removed.dels == ["2", "Services Installation", INSTALL["text"]]
    assert removed.ins == []
    # The whole page: no mark anywhere else.
    whole = parse(html)
    assert Counter(whole.ins) == Counter(fees.ins + added.ins)
    assert Counter(whole.dels) == Counter(fees.dels + removed.dels)


def test_html_headings_nest_with_clause_depth(render):
    result = redline.compare(V1, V2)
    html = render(result)
    assert '<h3><span class="clause-number">1</span> Access to the Services' in html
    assert '<h4><span class="clause-number">1.1</span> Accounts' in html
    deeper = agreement(clause("a", "A", "a", clause("b", "B", "b", clause("c", "C", "c"))))
    html = render(redline.compare(deeper, deeper), heading_level=3)
    assert '<h5><span class="clause-number">1.1</span> B' in html
    assert '<h6><span class="clause-number">1.1.1</span> C' in html
    assert '<h3 id="redline-summary">' in html


def test_html_escapes_all_text(render, render_body):
    evil = "<script>alert('x')</script> & \"quotes\""
    old = agreement(clause("x", f"Title {evil}", f"Old {evil} text."),
                    clause("y", "Gone <b>", "<img src=x onerror=alert(1)>"))
    new = agreement(clause("x", f"Title {evil}!", f"New {evil} text."),
                    clause("z", "<i>Added</i>", "<script>new()</script>"))
    html = render(redline.compare(old, new), old_href='a.html"><script>',
                  new_title="<script>t</script>", old_title="&amp;")
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "<i>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    assert 'href="a.html&quot;&gt;&lt;script&gt;"' in html
    assert ">&amp;amp;</a>" in html
    parsed = parse(html)
    assert "<script>alert('x')</script>" in "".join(parsed.text)
    assert set(parsed.tags) <= {"div", "p", "span", "section", "h2", "h3", "ul", "li",
                                "strong", "a", "ins", "del"}
    # The page's <h1> ("Changes to" the new title) is escaped the same way.
    page = render_body(redline.compare(old, new), new_title="<script>t</script>",
                       title="Changes to <script>'t' & \"t\"</script>")
    assert ("<h1>Changes to &lt;script&gt;&#x27;t&#x27; &amp; &quot;t&quot;&lt;/script&gt;</h1>"
            in page)
    assert "<script" not in page


def test_html_is_deterministic_within_and_across_processes(render, render_body):
    result = redline.compare(V1, V2)
    html = render(result)
    assert render(redline.compare(copy.deepcopy(V1), copy.deepcopy(V2))) == html
    # A fresh interpreter with another hash seed gives the same bytes
    # (nothing is ordered by set or dict-of-hash iteration): its compare(),
    # through the same template, in a bare Jinja environment whose
    # "page.html" is the body alone (see `stub_render_body`).
    script = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(EXT_DIR)!r})\n"
        "from jinja2 import ChoiceLoader, DictLoader, FileSystemLoader\n"
        "from jinja2.sandbox import SandboxedEnvironment\n"
        "from agreement.redline import compare\n"
        "from agreement.versions import PAGE_TEMPLATE, TEMPLATES, redline_page_context\n"
        "loader = ChoiceLoader([DictLoader({'page.html': '{{ body }}'}),"
        " FileSystemLoader(str(TEMPLATES))])\n"
        "template = SandboxedEnvironment(loader=loader).get_template(PAGE_TEMPLATE)\n"
        "old, new = json.loads(sys.stdin.read())\n"
        f"options = {page_options()!r}\n"
        "sys.stdout.write(template.render(redline_page_context(compare(old, new), **options)))\n")
    for seed in ("1", "12345"):
        proc = subprocess.run([sys.executable, "-c", script], input=json.dumps([V1, V2]),
                              capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": seed})
        assert proc.stdout == render_body(result)
        assert html in proc.stdout


def stub_render_body(result, **kwargs) -> str:
    """The body that ``agreement-redline.html`` renders, in a bare Jinja
    environment like Sphinx's (sandboxed, no autoescape, no trim_blocks)
    whose "page.html" is ``{{ body }}``: fast enough for many examples."""
    from agreement.versions import redline_page_context

    return _stub_template().render(redline_page_context(result, **page_options(**kwargs)))


@functools.cache
def _stub_template():
    from jinja2 import ChoiceLoader, DictLoader, FileSystemLoader
    from jinja2.sandbox import SandboxedEnvironment

    from agreement.versions import PAGE_TEMPLATE, TEMPLATES

    loader = ChoiceLoader([DictLoader({"page.html": "{{ body }}"}),
                           FileSystemLoader(str(TEMPLATES))])
    return SandboxedEnvironment(loader=loader).get_template(PAGE_TEMPLATE)


def expected_body(result, **kwargs) -> str:
    """The page body as it was built before the template: `render_html`'s
    fragment in ``<section id="redline">`` under the ``<h1>``."""
    options = page_options(**kwargs)
    title = options.pop("title")
    return (f'<section id="redline">\n<h1>{html_escape(title)}</h1>\n'
            f"{redline.render_html(result, **options)}</section>\n")


def test_page_template_renders_the_bytes_of_render_html(render_body):
    """The page from the template is byte for byte what render_html built
    (kept for the benchmark): hostile text, nesting, every heading level."""
    evil = "<script>alert('x')</script> & \"quotes\""
    old = agreement(clause("x", f"Title {evil}", f"Old {evil} text."),
                    clause("y", "Gone <b>", "<img src=x onerror=alert(1)>"))
    new = agreement(clause("x", f"Title {evil}!", f"New {evil} text."),
                    clause("z", "<i>Added</i>", "<script>new()</script>"))
    deeper = agreement(clause("a", "A", "a", clause("b", "B", "b", clause("c", "C", "c"))))
    cases = [(V1, V2, {}), (V1, V1, {}), (V2, V1, {"heading_level": 1}),
             (old, new, {"old_href": 'a.html"><script>', "new_title": "<script>t</script>",
                         "old_title": "&amp;"}),
             *((deeper, deeper, {"heading_level": level}) for level in (0, 3, 5, 6, 9)),
             ({}, {}, {})]
    for before, after, options in cases:
        result = redline.compare(before, after)
        assert render_body(result, **options) == expected_body(result, **options), options
        assert stub_render_body(result, **options) == expected_body(result, **options)


MARKUP_WORDS = st.sampled_from(["the", "Customer", "Section", "10", ".", ";", "<b>", "</i>",
                                "&", "&amp;", "'", '"', "O'Brien", "“x”", "→", "\u00a0"])
MARKUP_TEXTS = st.lists(st.tuples(MARKUP_WORDS, st.sampled_from([" ", " ", "\n", ""])),
                        max_size=25).map(lambda pairs: "".join(w + s for w, s in pairs).strip())
CLAUSES = st.recursive(
    st.builds(clause,
              st.sampled_from([None, "a", "b", "v1-c", "v2-c"]), MARKUP_TEXTS, MARKUP_TEXTS),
    lambda children: st.builds(lambda label, title, text, kids: clause(label, title, text, *kids),
                               st.sampled_from([None, "d", "e"]), MARKUP_TEXTS, MARKUP_TEXTS,
                               st.lists(children, max_size=3)),
    max_leaves=6)
AGREEMENTS = st.lists(CLAUSES, max_size=4).map(lambda clauses: agreement(*clauses))


@unit_settings(60)
@given(old=AGREEMENTS, new=AGREEMENTS, title=MARKUP_TEXTS, href=MARKUP_TEXTS)
def test_page_template_and_render_html_agree_on_any_agreements(old, new, title, href):
    result = redline.compare(old, new)
    options = {"old_title": title, "new_href": href, "title": f"Changes to {title}"}
    assert stub_render_body(result, **options) == expected_body(result, **options)


def test_large_single_clause_marks_every_scattered_edit():
    """One 12,000-word clause (the clause pairing cannot split the work) with
    scattered edits: the sentence pass must still find each one. Its speed is
    measured by bench/redline_bench.py --single-clause, not here."""
    sentences = [f"The party {n} shall keep the records of clause {n % 17} for the Term."
                 for n in range(1000)]
    changed = [s.replace("keep", "hold") if n % 19 == 0 else s
               for n, s in enumerate(sentences)]
    old = agreement(clause("all", "Everything", " ".join(sentences)))
    new = agreement(clause("all", "Everything", " ".join(changed)))
    result = redline.compare(old, new)
    assert flat_texts(result.pairs[0].text_diff)[2] == "|".join(["-keep|+hold"] * 53)


@pytest.mark.parametrize("level", [1, 2, 4])
def test_heading_level_sets_the_top_headings(level, render):
    html = render(redline.compare(V1, V2), heading_level=level)
    assert f'<h{level} id="redline-summary">' in html
    assert f'<h{level} id="redline-clauses">' in html
    assert f"<h{level + 1}>Added (1)</h{level + 1}>" in html
