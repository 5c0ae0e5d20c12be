"""The vocabulary of conf.py -- ``briefing_areas``, ``briefing_stages``,
``briefing_disclaimers`` -- and the check that a key is one of it.

An area's or a stage's name is a string, or, for a site published in
several languages, a mapping from language code to the name in that
language (``{"en": "Product", "ja": "製品"}``): a build takes the name for
its ``language``, else the English one, else the first given. conf.py is
read before ``-D language=`` applies, so the choice is made here, when the
name is written, not in conf.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .diagnostics import warn
from .translations import __

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from foundation.diagnostics import Location

__all__ = ["check_key", "setup_vocabulary", "split_keys", "valid_keys_text", "vocabulary_label"]


def setup_vocabulary(app: Sphinx) -> None:
    # Plain dicts of strings: picklable, and a change re-reads every page ("env").
    app.add_config_value("briefing_areas", {}, "env", types=frozenset({dict}),
                         description="area key -> the area's name (or {language: name})")
    app.add_config_value("briefing_stages", {}, "env", types=frozenset({dict}),
                         description="stage key -> the stage's name (or {language: name})")
    app.add_config_value("briefing_disclaimers", {}, "env", types=frozenset({dict}),
                         description="disclaimer key -> its file, relative to conf.py's folder")


def vocabulary_label(config: Config, kind: Literal["area", "stage"], key: str) -> str:
    """The name of the area or stage `key` in the build's language ("" for
    a key that is not in the vocabulary)."""
    vocabulary: dict[str, str | dict[str, str]] = getattr(config, f"briefing_{kind}s")
    name = vocabulary.get(key, "")
    if isinstance(name, dict):
        language = (config.language or "en").replace("-", "_")
        for wanted in (language, language.split("_")[0], "en"):
            if wanted in name:
                return str(name[wanted])
        return str(next(iter(name.values()), ""))
    return str(name)


def split_keys(value: str) -> list[str]:
    """``"a, b,,c"`` -> ``["a", "b", "c"]``."""
    return [key.strip() for key in value.split(",") if key.strip()]


def valid_keys_text(vocabulary: dict[str, str]) -> str:
    return ", ".join(sorted(vocabulary)) or __("(none configured)")


def check_key(config: Config, kind: Literal["area", "stage"], key: str,
              location: Location) -> bool:
    """Whether `key` is a key of ``briefing_<kind>s``; warn ``unknown-<kind>`` if not."""
    vocabulary: dict[str, str] = getattr(config, f"briefing_{kind}s")
    if key in vocabulary:
        return True
    warn(
        "unknown-area" if kind == "area" else "unknown-stage",
        __("unknown {kind} {key}; valid keys of briefing_{kind}s: {keys}").format(
            kind=kind, key=repr(key), keys=valid_keys_text(vocabulary)),
        location,
    )
    return False
