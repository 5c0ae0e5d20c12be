"""The conf.py vocabulary (areas, stages, disclaimers) and the badges built from it."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from .checks import warn


def setup_vocabulary(app: Sphinx) -> None:
    # Plain dicts of strings: picklable, and a change re-reads every page ("env").
    app.add_config_value("briefing_areas", {}, "env", types=frozenset({dict}))
    app.add_config_value("briefing_stages", {}, "env", types=frozenset({dict}))
    app.add_config_value("briefing_disclaimers", {}, "env", types=frozenset({dict}))


def split_keys(value: str) -> list[str]:
    """``"a, b,,c"`` -> ``["a", "b", "c"]``."""
    return [key.strip() for key in value.split(",") if key.strip()]


def valid_keys_text(vocabulary: dict[str, str]) -> str:
    return ", ".join(sorted(vocabulary)) or "(none configured)"


def check_key(config: Config, kind: str, key: str, location: Any) -> bool:
    """Whether *key* is a key of ``briefing_<kind>s``; warn ``unknown-<kind>`` if not."""
    vocabulary: dict[str, str] = getattr(config, f"briefing_{kind}s")
    if key in vocabulary:
        return True
    warn(
        f"unknown-{kind}",
        f"unknown {kind} {key!r}; valid keys of briefing_{kind}s: {valid_keys_text(vocabulary)}",
        location,
    )
    return False


def stage_badge(config: Config, key: str) -> nodes.inline:
    """The stage badge: it carries the stage's text, so it reads without colour."""
    label = str(config.briefing_stages[key])
    return nodes.inline(label, label, classes=["stage", f"stage-{key}"])


def area_badge(config: Config, key: str) -> nodes.inline:
    label = str(config.briefing_areas[key])
    return nodes.inline(label, label, classes=["technology-area", f"area-{key}"])
