"""The `agreement` Sphinx extension: legal agreements with numbered clauses,
linked defined terms, checked cross-references and a JSON export.

The markup is specified in the project's markup contract; the authoring
guide is ``source/guide/agreements.md``. One module per feature, each with
its ``setup_<feature>(app)``:

- ``header``  -- the `agreement` directive and its header block
- ``clauses`` -- clause numbering and the `clause` role
- ``terms``   -- the `define` and `use` roles, term forms and the matcher
- ``blocks``  -- `conspicuous`, `summary`, `defined-terms`
- ``checks``  -- checks of the running text
- ``reader``  -- the read-time pass over an agreement document
- ``domain``  -- cross-document data and incremental-build bookkeeping
- ``resolve`` -- the write-time pass
- ``export``  -- ``X.agreement.json`` and `agreement_data()`
- ``versions`` -- the redline page ``X.redline.html`` against `previous`
- ``assets``  -- the stylesheet
- ``common``  -- warning subtypes and shared helpers
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.config import ENUM

from .assets import setup_assets
from .blocks import setup_blocks
from .clauses import setup_clauses
from .common import WARNING_SUBTYPES, WARNING_TYPE
from .domain import setup_domain
from .export import agreement_data
from .header import setup_header
from .reader import setup_reader
from .resolve import setup_resolve
from .terms import setup_terms
from .versions import setup_versions

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"
__all__ = ["WARNING_SUBTYPES", "WARNING_TYPE", "agreement_data", "setup"]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value(
        "agreement_link_terms", "all", "env", types=ENUM("all", "first", "none"),
        description="which uses of a defined term link to its definition: every use, "
        "the first use in each clause, or none",
    )
    setup_domain(app)
    setup_header(app)
    setup_clauses(app)
    setup_terms(app)
    setup_blocks(app)
    setup_reader(app)
    setup_resolve(app)
    setup_assets(app)
    setup_versions(app)
    return {
        "version": __version__,
        # 2: the first version with the agreement domain (1 was a stub).
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
