"""The `briefing` Sphinx extension: technology briefings.

Directives ``technology``, ``technologies``, ``metric``, ``ranking``,
``timeline`` and ``disclaimer``, roles ``tech`` and ``stage``, and the
vocabulary ``briefing_areas`` / ``briefing_stages`` / ``briefing_disclaimers``
in conf.py; the markup is fixed by the project's markup contract and documented
in source/guide/briefings.md.  One module per feature, each with its own
``setup_<feature>(app)``; warnings are declared in :mod:`briefing.checks`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .catalogue import setup_catalogue
from .disclaimer import setup_disclaimer
from .domain import setup_domain
from .metric import setup_metric
from .ranking import setup_ranking
from .roles import setup_roles
from .sources import setup_sources
from .technology import setup_technology
from .timeline import setup_timeline
from .vocabulary import setup_vocabulary

__version__ = "1.0.0"

STATIC_DIR = Path(__file__).parent / "static"


def add_static_dir(app: Sphinx, config: Config) -> None:
    # Added in config-inited, before the builder copies static files; a new
    # list, so that Sphinx's shared default value is never mutated.
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]


def setup(app: Sphinx) -> dict[str, Any]:
    setup_vocabulary(app)
    setup_domain(app)
    setup_technology(app)
    setup_catalogue(app)
    setup_sources(app)
    setup_metric(app)
    setup_ranking(app)
    setup_timeline(app)
    setup_disclaimer(app)
    setup_roles(app)
    app.connect("config-inited", add_static_dir)
    app.add_css_file("briefing.css")
    return {
        "version": __version__,
        # Bump when the domain's data layout changes.
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
