"""The vocabulary of conf.py -- ``briefing_areas``, ``briefing_stages``,
``briefing_disclaimers`` -- and the check that a key is one of it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .diagnostics import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from foundation.diagnostics import Location

__all__ = ["check_key", "setup_vocabulary", "split_keys", "valid_keys_text"]


def setup_vocabulary(app: Sphinx) -> None:
    # Plain dicts of strings: picklable, and a change re-reads every page ("env").
    app.add_config_value("briefing_areas", {}, "env", types=frozenset({dict}),
                         description="area key -> the area's name")
    app.add_config_value("briefing_stages", {}, "env", types=frozenset({dict}),
                         description="stage key -> the stage's name")
    app.add_config_value("briefing_disclaimers", {}, "env", types=frozenset({dict}),
                         description="disclaimer key -> its file, relative to conf.py's folder")


def split_keys(value: str) -> list[str]:
    """``"a, b,,c"`` -> ``["a", "b", "c"]``."""
    return [key.strip() for key in value.split(",") if key.strip()]


def valid_keys_text(vocabulary: dict[str, str]) -> str:
    return ", ".join(sorted(vocabulary)) or "(none configured)"


def check_key(config: Config, kind: Literal["area", "stage"], key: str,
              location: Location) -> bool:
    """Whether `key` is a key of ``briefing_<kind>s``; warn ``unknown-<kind>`` if not."""
    vocabulary: dict[str, str] = getattr(config, f"briefing_{kind}s")
    if key in vocabulary:
        return True
    warn(
        "unknown-area" if kind == "area" else "unknown-stage",
        f"unknown {kind} {key!r}; valid keys of briefing_{kind}s: {valid_keys_text(vocabulary)}",
        location,
    )
    return False
