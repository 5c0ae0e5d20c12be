"""What the `agreement` and `briefing` extensions share: one copy each of
the pieces both need. Both load it with ``app.setup_extension``, so each
extension still loads alone, and the shared nodes are registered once.

- ``assets``      -- an extension's stylesheets, for HTML builders only
- ``dated``       -- the ``time_element`` node (``<time datetime>``) and `date_element`
- ``dates``       -- ISO dates parsed, and written by babel for ``language``
- ``diagnostics`` -- a typed registry of warning subtypes and its one ``warn``
- ``directives``  -- option and body lines of a directive, in reST and MyST
- ``links``       -- a link to another document, its text alone where a builder has none
- ``messages``    -- translated message templates filled with nodes
- ``roles``       -- a role's explicit title (``text <target>``)
- ``tables``      -- docutils tables from cells
- ``translations`` -- the catalog ``foundation`` of these pieces' own messages (``__``)
- ``urls``        -- which URLs an author may give for a link
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dated import setup_dated
from .translations import setup_translations

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    setup_dated(app)
    setup_translations(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
