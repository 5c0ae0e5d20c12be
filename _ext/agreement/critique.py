"""The plain-language critique of an agreement: six checks, off by default.

``agreement_critique = True`` turns them all on, a list of subtypes turns on
those; English text only (``language`` ``en`` or unset). Two kinds:

- words (``archaic-word``, ``number-doublet``, ``all-caps``): looked for in
  the running text while it is read, on the read-time pass's own walk (each
  text node once, with the line where it starts; see `WordCritic`), and
  noted per clause in the domain for the `agreement-report`;
- figures (``hard-to-read``, ``long-sentence``, ``missing-summary``): the
  clause's text is complete only once its references are resolved, so these
  are measured at write time (`reading.measure_clause`) and warned about
  once per build, from the doctree of the agreement itself (or its part of
  a document that builders such as LaTeX join into one), never from a
  doctree that `agreement_data` resolves quietly.
"""

from __future__ import annotations

import contextlib
import fnmatch
import re
import weakref
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Final

from docutils import nodes
from sphinx import addnodes

from .checks import _Lines
from .diagnostics import AgreementWarning, __, warn
from .domain import agreement_domain
from .export import QUIETLY_RESOLVED, summary_text
from .reading import BlockLines, ClauseReading, is_english, measure_clause

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

    from .definitions import DefinedTerm
    from .records import ClauseExport

__all__ = [
    "ARCHAIC_WORDS",
    "CRITIQUE_CHECKS",
    "WordCritic",
    "critique_resolved",
    "enabled_checks",
    "figure_findings",
    "setup_critique",
    "word_critic",
]

#: The checks, in the order of the guide.
CRITIQUE_CHECKS: Final[tuple[AgreementWarning, ...]] = (
    "hard-to-read", "long-sentence", "archaic-word", "number-doublet", "all-caps",
    "missing-summary",
)
_WORD_CHECKS = frozenset({"archaic-word", "number-doublet", "all-caps"})

#: The archaic words of legal drafting, each with the plain words to write
#: instead (the guide publishes this list; ``agreement_archaic_words`` adds to it).
ARCHAIC_WORDS: Final[dict[str, str]] = {
    "aforementioned": "this, that or the",
    "aforesaid": "this, that or the",
    "forthwith": "at once",
    "henceforth": "from now on",
    "hereafter": "from now on",
    "hereby": "nothing: leave it out",
    "herein": "in these terms",
    "hereinafter": "from now on, or below",
    "hereof": "of these terms",
    "heretofore": "until now",
    "hereto": "to these terms",
    "hereunder": "under these terms",
    "herewith": "with this",
    "hitherto": "until now",
    "thereafter": "after that",
    "thereby": "by that",
    "therefor": "for it",
    "therefrom": "from it",
    "therein": "in it",
    "thereof": "of it",
    "thereto": "to it",
    "thereunder": "under it",
    "therewith": "with it",
    "whereas": "because, or leave it out",
    "whereby": "by which",
    "wherein": "in which",
    "whereof": "of which",
    "witnesseth": "nothing: leave it out",
}


def enabled_checks(config: Config) -> frozenset[str]:
    """The critique's checks that `config` turns on (none for a language
    other than English)."""
    value = config.agreement_critique
    if not value or not is_english(config):
        return frozenset()
    if value is True:
        return frozenset(CRITIQUE_CHECKS)
    names = [value] if isinstance(value, str) else list(value)
    return frozenset(name for name in names if name in CRITIQUE_CHECKS)


def is_quiet(config: Config, docname: str) -> bool:
    """Whether ``agreement_critique_quiet`` names `docname`: its findings
    are reported, not warned about."""
    return any(fnmatch.fnmatchcase(docname, pattern)
               for pattern in config.agreement_critique_quiet or ())


def archaic_words(config: Config) -> dict[str, str]:
    """The archaic list with the site's own words (a mapping word -> plain
    word, or a list of words)."""
    extra = config.agreement_archaic_words or {}
    words = dict(ARCHAIC_WORDS)
    if isinstance(extra, dict):
        words.update({str(word).lower(): str(plain) for word, plain in extra.items()})
    else:
        words.update({str(word).lower(): "a plain word" for word in extra})
    return words


@lru_cache(maxsize=8)
def _archaic_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


_NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
                r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
                r"billion)")
_NUMBER_WORDS = rf"\b{_NUMBER_WORD}(?:(?:[ \t\n-]+|[ \t\n]+and[ \t\n]+){_NUMBER_WORD})*\b"
_PERCENT = r"(?:[ \t\n]+per[ \t\n]?cent)?"
_DIGITS = r"[$\u20ac\u00a3]?\d[\d,.]*[ \t\n]?%?"
#: thirty (30), ten percent (10%), 30 (thirty).
_DOUBLET = re.compile(
    rf"{_NUMBER_WORDS}{_PERCENT}[ \t\n]*\([ \t\n]*(?P<digits>{_DIGITS})[ \t\n]*\)"
    rf"|(?P<first>\b{_DIGITS})[ \t\n]*\([ \t\n]*{_NUMBER_WORDS}{_PERCENT}[ \t\n]*\)",
    re.IGNORECASE,
)
#: A run of five or more words in capitals (ASCII letters: English text),
#: whatever is between them that is not a letter.
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'\u2019]*\b(?:[^A-Za-z]+\b[A-Z][A-Z'\u2019]*\b){4,}")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'\u2019]*")
#: Words in capitals needed for a warning.
CAPS_WORDS: Final = 5


class WordCritic:
    """The word checks of an agreement's running text, one text node at a
    time, and what they found per clause."""

    def __init__(self, checks: frozenset[str], archaic: Mapping[str, str],
                 terms: list[DefinedTerm], quiet: bool = False) -> None:
        self.checks = checks
        self.quiet = quiet
        self.archaic = {word.lower(): plain for word, plain in archaic.items()}
        self.archaic_pattern = _archaic_pattern(tuple(self.archaic))
        # A defined term in capitals (``AUP``) is a name, not shouting.
        self.term_words = {word for term in terms for form in term.forms
                           for word in form.split() if word.isupper()}
        #: clause number ("" before the first clause) -> the subtypes found there.
        self.findings: dict[str, list[str]] = {}

    def found(self, clause: str | None, subtype: AgreementWarning, message: str,
              location: str | nodes.Node) -> None:
        found = self.findings.setdefault(clause or "", [])
        if subtype not in found:
            found.append(subtype)
        if not self.quiet:
            warn(subtype, message, location)

    def check(self, text: str, source: str | None, line: int | None,
              fallback: nodes.Node, clause: str | None) -> None:
        """Warn about the archaic words, number doublets and runs of
        capitals of `text`, a text node that starts at `line` of `source`."""

        def location(lines: _Lines, offset: int) -> str | nodes.Node:
            found = lines.at(text, offset)
            return f"{source}:{found}" if source and found else fallback

        checks = self.checks
        if "archaic-word" in checks:
            lines = _Lines(line)
            for match in self.archaic_pattern.finditer(text):
                word = match.group(0)
                plain = self.archaic.get(word.lower(), __("a plain word"))
                self.found(clause, "archaic-word",
                           __("{word} is archaic: write {plain} instead").format(
                               word=repr(word), plain=repr(plain)),
                           location(lines, match.start()))
        if "number-doublet" in checks and "(" in text:
            lines = _Lines(line)
            for match in _DOUBLET.finditer(text):
                digits = (match.group("digits") or match.group("first")).strip()
                shown = " ".join(match.group(0).split())
                self.found(clause, "number-doublet",
                           __("{shown} gives the number twice, in words and in digits: write "
                              "it once ({digits})").format(
                                  shown=repr(shown), digits=repr(digits)),
                           location(lines, match.start()))
        if "all-caps" in checks:
            lines = _Lines(line)
            for match in _CAPS_RUN.finditer(text):
                self.caps(match, clause, partial(location, lines))

    def caps(self, match: re.Match[str], clause: str | None,
             location: Callable[[int], str | nodes.Node]) -> None:
        """Warn about a run of capitals, unless defined terms (names, not
        shouting) break it into runs shorter than `CAPS_WORDS`."""
        run: list[re.Match[str]] = []
        words = [*_CAPS_WORD.finditer(match.group(0)), None]
        for word in words:
            if word is not None and word.group(0) not in self.term_words:
                run.append(word)
                continue
            if len(run) >= CAPS_WORDS:
                offset = match.start() + run[0].start()
                shown = " ".join(item.group(0) for item in run[:CAPS_WORDS])
                self.found(clause, "all-caps",
                           __("{count} words in capitals ({shown} ...): capitals are harder to "
                              "read, not more conspicuous; write the passage in ordinary case "
                              "inside a conspicuous directive instead").format(
                                  count=len(run), shown=repr(shown)),
                           location(offset))
            run = []


def word_critic(config: Config, terms: list[DefinedTerm],
                docname: str) -> WordCritic | None:
    """The word checks that `config` turns on, or None when it turns on none."""
    checks = enabled_checks(config) & _WORD_CHECKS
    if not checks:
        return None
    return WordCritic(checks, archaic_words(config), terms, is_quiet(config, docname))


# -- the checks of figures, at write time ---------------------------------------------


def figure_findings(config: Config, clause: ClauseExport, depth: int,
                    all_words: int) -> list[str]:
    """The figure checks that `clause` (an export) fails, of those on:
    `all_words` counts its subclauses' words too."""
    checks = enabled_checks(config)
    reading = clause["reading"]
    if reading is None:  # not English: no figure, no finding
        return []
    found = []
    if "hard-to-read" in checks and reading["grade"] > config.agreement_reading_grade:
        found.append("hard-to-read")
    if "long-sentence" in checks and reading["longest_sentence"] > config.agreement_sentence_words:
        found.append("long-sentence")
    if ("missing-summary" in checks and depth == 1 and clause["summary"] is None
            and all_words > config.agreement_summary_words):
        found.append("missing-summary")
    return found


#: The agreements whose figures were warned about in this build, by builder.
_WARNED: weakref.WeakKeyDictionary[Builder, set[str]] = weakref.WeakKeyDictionary()


def _agreement_roots(app: Sphinx, doctree: nodes.Node,
                     docname: str) -> Iterator[tuple[str, nodes.Element]]:
    """The agreements in a resolved doctree: the document itself, and those
    that a builder joined into it (each after a ``start_of_file``)."""
    agreements = agreement_domain(app.env).agreements
    if docname in agreements and isinstance(doctree, nodes.Element):
        yield docname, doctree
    for start in doctree.findall(addnodes.start_of_file):
        if start.get("docname") in agreements and start["docname"] != docname:
            yield start["docname"], start


def _clause_sections(root: nodes.Element) -> Iterator[nodes.section]:
    stack: list[nodes.Node] = list(reversed(root.children))
    while stack:
        node = stack.pop()
        if isinstance(node, (addnodes.start_of_file, nodes.Text)):
            continue  # another document's (or no) clauses
        if isinstance(node, nodes.section) and node.get("clause_number"):
            yield node
        if isinstance(node, (nodes.section, nodes.document)):
            stack.extend(reversed(node.children))


def critique_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: warn about the figures of each agreement of the
    doctree, once per build."""
    checks = enabled_checks(app.config) - _WORD_CHECKS
    if not checks or docname in QUIETLY_RESOLVED:
        return
    warned = _WARNED.setdefault(app.builder, set())
    for agreement, root in list(_agreement_roots(app, doctree, docname)):
        if agreement in warned or is_quiet(app.config, agreement):
            continue
        warned.add(agreement)
        _critique_agreement(app, root, checks)


def _critique_agreement(app: Sphinx, root: nodes.Element, checks: frozenset[str]) -> None:
    config = app.config
    readings: list[tuple[nodes.section, ClauseReading]] = [
        (section, measure_clause(section)) for section in _clause_sections(root)]
    words_below: dict[int, int] = {}
    for section, reading in reversed(readings):
        words_below[id(section)] = reading.words + sum(
            words_below.get(id(child), 0) for child in section.children
            if isinstance(child, nodes.section))
    lines = BlockLines()
    for section, reading in readings:
        number = section["clause_number"]
        # Where the clause's text starts (a heading's line differs between
        # the syntaxes: reST gives the line of its underline).
        title = reading.sentences[0].block if reading.sentences else (
            section[0] if section.children else section)
        if "hard-to-read" in checks and reading.grade > config.agreement_reading_grade:
            warn("hard-to-read", __("clause {number} reads at grade {grade} (Flesch-Kincaid), "
                                    "above {limit}: write shorter sentences and plainer "
                                    "words").format(
                                        number=number, grade=f"{reading.grade:.1f}",
                                        limit=config.agreement_reading_grade), title)
        if "long-sentence" in checks:
            for sentence in reading.sentences:
                if sentence.words > config.agreement_sentence_words:
                    line = lines.line(sentence.block, sentence.offset)
                    source = sentence.block.source
                    start = " ".join(sentence.text.split()[:8])
                    warn("long-sentence", __("a sentence of {words} words (more than {limit}) "
                                             "in clause {number}: split it into shorter ones "
                                             "({start} ...)").format(
                                                 words=sentence.words,
                                                 limit=config.agreement_sentence_words,
                                                 number=number, start=repr(start)),
                         f"{source}:{line}" if source and line else sentence.block)
        if ("missing-summary" in checks and _depth(section) == 1
                and words_below[id(section)] > config.agreement_summary_words
                and summary_text(section) is None):
            warn("missing-summary", __("clause {number} has {words} words (more than {limit}) "
                                       "and no summary: add a summary directive that says it "
                                       "in short").format(
                                           number=number, words=words_below[id(section)],
                                           limit=config.agreement_summary_words), title)


def _depth(section: nodes.section) -> int:
    return str(section["clause_number"]).count(".") + 1


def check_config(app: Sphinx) -> None:
    """``builder-inited``: a name in ``agreement_critique`` that is no check."""
    value = app.config.agreement_critique
    if not isinstance(value, (list, tuple, set, frozenset)):
        return
    unknown = [name for name in value if name not in CRITIQUE_CHECKS]
    if not unknown:
        return
    # At the line of conf.py that sets it (the first that names it).
    conf = Path(app.confdir, "conf.py")
    line = 1
    with contextlib.suppress(OSError, UnicodeError):
        lines = conf.read_text(encoding="utf-8").splitlines()
        line = next((number for number, text in enumerate(lines, 1)
                     if text.lstrip().startswith("agreement_critique")), 1)
    for name in unknown:
        warn("unknown-check", __("agreement_critique: {name} is not a check of the critique "
                                 "(they are {checks})").format(
                                     name=repr(name), checks=", ".join(CRITIQUE_CHECKS)),
             f"{conf}:{line}")


def setup_critique(app: Sphinx) -> None:
    app.connect("builder-inited", check_config)
