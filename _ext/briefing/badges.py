"""The area and stage badges: inline text with classes that the stylesheet
colours; each carries its name, so that it reads without colour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .vocabulary import vocabulary_label

if TYPE_CHECKING:
    from sphinx.config import Config

__all__ = ["area_badge", "stage_badge"]


def stage_badge(config: Config, key: str) -> nodes.inline:
    label = vocabulary_label(config, "stage", key)
    return nodes.inline(label, label, classes=["stage", f"stage-{key}"])


def area_badge(config: Config, key: str) -> nodes.inline:
    label = vocabulary_label(config, "area", key)
    return nodes.inline(label, label, classes=["technology-area", f"area-{key}"])
