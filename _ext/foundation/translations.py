"""The messages of the shared pieces themselves (why a URL may not become a
link ...), through Sphinx's translation machinery: the message catalog
``foundation``, in ``locale/<language>/LC_MESSAGES`` beside this module.

``__`` is Sphinx's function for the console: these messages end up in the
extensions' warnings, in the console's language. Outside a Sphinx build
(the catalog not registered) it gives a lazy proxy: callers turn it into a
``str``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["CATALOG", "__", "setup_translations"]

CATALOG = "foundation"
LOCALES = Path(__file__).resolve().parent / "locale"

__ = get_translation(CATALOG, "console")


def setup_translations(app: Sphinx) -> None:
    # locale/ja ships; `make catalogs` updates it from the code.
    app.add_message_catalog(CATALOG, str(LOCALES))
