"""The forms a defined term takes -- itself and its plain English plural or
singular -- how terms are compared, and the slug of a term's id."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["looks_plural", "plural_of", "singular_of", "slugify", "straight_quotes",
           "term_forms"]


def plural_of(term: str) -> str | None:
    """The plain English plural of a term's last word: +s, +es after s, x, z,
    ch and sh, and consonant+y -> ies. None when the term ends in a
    non-letter (``Fees (Annual)``) or already looks plural."""
    if not term or not _latin_letter(term[-1]) or looks_plural(term):
        return None
    lower = term.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return term + "es"
    if lower.endswith("y") and len(term) > 1 and lower[-2] not in "aeiou":
        return term[:-1] + "ies"
    return term + "s"


def _latin_letter(char: str) -> bool:
    """Plural rules are English ones: for terms that end in a Latin letter."""
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


def looks_plural(term: str) -> bool:
    if not term or not _latin_letter(term[-1]):
        return False
    lower = term.lower()
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def singular_of(term: str) -> str | None:
    """The singular of a term that looks plural (``Services`` -> ``Service``),
    else None."""
    if not looks_plural(term):
        return None
    lower = term.lower()
    if lower.endswith("ies") and len(term) > 3:
        return term[:-3] + "y"
    if lower.endswith(("sses", "xes", "zes", "ches", "shes")):
        return term[:-2]
    return term[:-1]


def term_forms(term: str) -> tuple[str, ...]:
    """Every form that counts as `term`: itself and its plural or singular."""
    forms = [term]
    for other in (plural_of(term), singular_of(term)):
        if other and other not in forms:
            forms.append(other)
    return tuple(forms)


def slugify(term: str) -> str:
    """An id-safe slug: accents of Latin letters dropped, ``+``/``&`` spelt
    out, every other run of characters that are not letters or digits a
    hyphen; letters of other scripts are kept (HTML5 ids may hold any
    character but whitespace)."""
    text = term if term.isascii() else "".join(_latin_base(char) for char in term)
    if "+" in text or "&" in text:
        text = text.replace("+", " plus ").replace("&", " and ")
    return "-".join(_SLUG_WORD.findall(text.lower())) or "term"


_SLUG_WORD = re.compile(r"[^\W_]+")


def _latin_base(char: str) -> str:
    """A letter without its accents when that leaves an ASCII letter
    (``é`` -> ``e``); any other character as it is (``デ`` keeps its mark)."""
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if base.isascii() else char


#: Curly quotes as straight ones, one character for one (offsets unchanged):
#: smart quotes curl the quotes of running text, not those of a definition.
_STRAIGHT_QUOTES = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def straight_quotes(text: str) -> str:
    """`text` with its curly quotes straight: how terms are compared."""
    return text.translate(_STRAIGHT_QUOTES)
