"""The words the `briefing` extension writes itself (table headers, "As of",
the filter's legends ...), through Sphinx's translation machinery: the
message catalog ``briefing``, looked up in ``locale/<language>/LC_MESSAGES``
beside this module, for the build's ``language``; and its messages on the
console (its warnings), ``__``, from the same catalog in the console's
language, as Sphinx's own: ``__("... {name} ...").format(name=value)``.

``_()`` gives a lazy proxy until the catalog is loaded: callers turn it into
a ``str`` before it goes into a node, so that doctrees hold plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["CATALOG", "_", "__", "setup_translations"]

CATALOG = "briefing"
LOCALES = Path(__file__).resolve().parent / "locale"

_ = get_translation(CATALOG)
__ = get_translation(CATALOG, "console")


def setup_translations(app: Sphinx) -> None:
    # locale/ja ships; `make catalogs` updates it from the code.
    app.add_message_catalog(CATALOG, str(LOCALES))
