"""The `agreement` Sphinx extension: legal agreements with numbered clauses,
linked defined terms, checked cross-references, a JSON export and redlines.

The markup is specified in the project's markup contract; the authoring
guide is ``source/guide/agreements.md``; ``_ext/README.md`` draws how a
document flows through the modules. One module per job, each feature with
its ``setup_<feature>(app)``:

- ``config``        -- the settings of conf.py
- ``diagnostics``   -- the warning subtypes and `warn`
- ``records``       -- the typed records of the domain and the export
- ``domain``        -- the agreements of the site, noted per docname
- ``freshness``     -- what incremental builds read or write again
- ``outputs``       -- which builders write the JSON and redline outputs
- ``header``        -- the `agreement` directive and its header block
- ``numbering``     -- clause numbers in the headings
- ``clause_refs``   -- the `clause` role and its resolution
- ``forms``         -- a term's singular and plural, term ids
- ``matcher``       -- the matcher that finds uses of terms
- ``term_nodes``    -- definition, use and link nodes, their HTML
- ``term_roles``    -- the `define` and `use` roles
- ``definitions``   -- an agreement's defined terms while it is read
- ``linking``       -- the walk that links terms and runs the checks
- ``blocktext``     -- lines and sentences of a block, worked out once
- ``checks``        -- the checks of the running text
- ``blocks``        -- `conspicuous` and `summary`
- ``defined_terms`` -- the `defined-terms` index
- ``reading``       -- words, sentences and reading grade of a clause
- ``critique``      -- the plain-language critique's checks
- ``report``        -- the `agreement-report` table
- ``reader``        -- the read-time pass
- ``resolve``       -- the write-time pass
- ``toc_copies``    -- the headings' copies in Sphinx's tables of contents
- ``export``        -- ``X.agreement.json`` and `agreement_data()`
- ``versions``      -- the redline pages; ``redline`` -- the comparison
- ``lifecycle``     -- chains of versions, status on the build date, notices
- ``changes``       -- the `changes` directive (the author's "What changed")
- ``archive``       -- the `agreement-versions` table
- ``feed``          -- ``X.atom``, the feed of a chain of versions
- ``page_head``     -- the feed link and the JSON-LD in each page's head
- ``translation``   -- the notice of a translated agreement
- ``doctree``       -- helpers to walk and edit doctrees
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from foundation.assets import add_stylesheets
from foundation.latex import add_latex_style

from .archive import setup_archive
from .blocks import setup_blocks
from .changes import setup_changes
from .clause_refs import setup_clause_refs
from .config import setup_config
from .critique import setup_critique
from .defined_terms import setup_defined_terms
from .diagnostics import WARNING_SUBTYPES, WARNING_TYPE
from .domain import setup_domain
from .export import agreement_data
from .feed import setup_feed
from .freshness import setup_freshness
from .header import setup_header
from .lifecycle import setup_lifecycle
from .page_head import setup_page_head
from .reader import setup_reader
from .report import setup_report
from .resolve import setup_resolve
from .term_nodes import setup_term_nodes
from .term_roles import setup_term_roles
from .toc_copies import setup_toc_copies
from .translation import setup_translation
from .versions import setup_versions

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"
__all__ = ["WARNING_SUBTYPES", "WARNING_TYPE", "agreement_data", "setup"]

STATIC_DIR = Path(__file__).with_name("static")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("foundation")
    # The extension's own words, in the build's language (locale/ja ...).
    app.add_message_catalog("agreement", str(Path(__file__).with_name("locale")))
    setup_config(app)
    setup_domain(app)
    setup_freshness(app)
    setup_header(app)
    setup_clause_refs(app)
    setup_term_nodes(app)
    setup_term_roles(app)
    setup_blocks(app)
    setup_defined_terms(app)
    setup_changes(app)
    setup_archive(app)
    setup_lifecycle(app)
    setup_critique(app)
    setup_report(app)
    setup_reader(app)
    setup_resolve(app)
    setup_toc_copies(app)
    setup_translation(app)
    add_stylesheets(app, STATIC_DIR, "agreement.css",
                    for_theme={"furo": ["agreement-furo.css"]})
    add_latex_style(app, Path(__file__).with_name("latex") / "sphinxagreement.sty")
    setup_versions(app)
    setup_feed(app)
    setup_page_head(app)
    return {
        "version": __version__,
        # 5: reading figures and critique findings; 4: clauses' stable anchors,
        # effective dates, label prefixes, the changes and agreement-versions nodes.
        "env_version": 5,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
