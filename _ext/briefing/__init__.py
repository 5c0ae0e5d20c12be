"""The `briefing` Sphinx extension: technology briefings.

Directives ``technology``, ``technologies``, ``metric``, ``ranking``,
``figures``, ``timeline`` and ``disclaimer``, roles ``tech`` and ``stage``, and the
vocabulary ``briefing_areas`` / ``briefing_stages`` / ``briefing_disclaimers``
in conf.py; the markup is fixed by the project's markup contract and
documented in source/guide/briefings.md. One module per feature, each with
its ``setup_<feature>(app)``:

- ``vocabulary``  -- the conf.py vocabulary and the check of a key
- ``badges``      -- area and stage badges
- ``domain``      -- technologies across the site, the `tech` role
- ``technology``  -- the `technology` card
- ``catalogue``   -- the `technologies` table
- ``catalogue_controls`` -- its reader's filter in HTML (`controls`), CSS only
- ``bibtex``      -- source notes through sphinxcontrib-bibtex (adapter)
- ``as_of``       -- the `as-of` date of a metric or ranking
- ``metric``      -- a figure with its source note
- ``ranking``     -- a CSV table and its bar chart (``chart``, ``chart_node``)
- ``figures``     -- the register of every metric and ranking
- ``timeline``    -- dated items in date order
- ``disclaimer``  -- shared text from its one file
- ``roles``       -- the `stage` role
- ``diagnostics`` -- the warning subtypes and `warn`
- ``records``     -- the domain's typed records
- ``translations`` -- the words the extension writes, through sphinx.locale
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from foundation.assets import add_stylesheets
from foundation.latex import add_latex_style

from .bibtex import setup_bibtex
from .catalogue import setup_catalogue
from .catalogue_controls import setup_catalogue_controls
from .chart_node import setup_chart_node
from .disclaimer import setup_disclaimer
from .domain import setup_domain
from .figures import setup_figures
from .metric import setup_metric
from .ranking import setup_ranking
from .roles import setup_roles
from .technology import setup_technology
from .timeline import setup_timeline
from .translated import setup_translated
from .translations import setup_translations
from .vocabulary import setup_vocabulary

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"

STATIC_DIR = Path(__file__).parent / "static"


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("foundation")
    setup_translations(app)
    setup_vocabulary(app)
    setup_domain(app)
    setup_technology(app)
    setup_catalogue(app)
    setup_catalogue_controls(app)
    setup_bibtex(app)
    setup_metric(app)
    setup_ranking(app)
    setup_figures(app)
    setup_chart_node(app)
    setup_timeline(app)
    setup_disclaimer(app)
    setup_roles(app)
    setup_translated(app)
    add_stylesheets(app, STATIC_DIR, "briefing.css", for_theme={"furo": ["briefing-furo.css"]})
    add_latex_style(app, Path(__file__).parent / "latex" / "sphinxbriefing.sty")
    return {
        "version": __version__,
        # 3: technologies noted by the directives, the folder of conf.py kept.
        # 4: several stages per technology; figures and registers noted.
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
