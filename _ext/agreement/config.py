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
)


def setup_config(app: Sphinx) -> None:
    for setting in SETTINGS:
        app.add_config_value(setting.name, setting.default, setting.rebuild,
                             types=setting.types, description=setting.description)
