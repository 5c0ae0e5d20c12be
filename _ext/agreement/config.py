"""The extension's settings in conf.py, each declared once with its type,
default and meaning."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx.config import ENUM

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import _ConfigRebuild

__all__ = ["SETTINGS", "Setting", "setup_config"]


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    rebuild: _ConfigRebuild
    types: Any
    description: str


SETTINGS = (
    Setting("agreement_link_terms", "all", "env", ENUM("all", "first", "none"),
            "which uses of a defined term link to its definition: every use, the first use "
            "in each clause, or none"),
    Setting("agreement_governing_language", None, "env", frozenset({str, type(None)}),
            "the language whose version of an agreement governs (for example \"en\"); a "
            "build in another language shows a notice that its text is a translation"),
    Setting("agreement_governing_edition", None, "html", frozenset({str, type(None)}),
            "where the edition in the governing language is published: its root URL "
            "(https://example.org/en/latest/), or its output folder relative to this "
            "build's (../html/); the translation notice links to the same page there"),
    Setting("agreement_critique", False, "env", (bool, list, tuple),
            "the plain-language critique: True turns every check on, a list of subtypes "
            "(hard-to-read, long-sentence, archaic-word, number-doublet, all-caps, "
            "missing-summary) turns on those"),
    Setting("agreement_reading_grade", 12, "env", (int, float),
            "hard-to-read: the highest Flesch-Kincaid grade of a clause"),
    Setting("agreement_sentence_words", 40, "env", int,
            "long-sentence: the most words in a sentence"),
    Setting("agreement_summary_words", 150, "env", int,
            "missing-summary: the most words of a top-level clause without a summary"),
    Setting("agreement_archaic_words", {}, "env", (dict, list, tuple),
            "archaic-word: words added to the archaic list, word -> plain word (or a list "
            "of words)"),
    Setting("agreement_critique_quiet", [], "env", (list, tuple),
            "docnames (glob patterns) of agreements whose critique findings the "
            "agreement-report shows but that warn about none: examples of the critique"),
)


def setup_config(app: Sphinx) -> None:
    for setting in SETTINGS:
        app.add_config_value(setting.name, setting.default, setting.rebuild,
                             types=setting.types, description=setting.description)
