extensions = ["myst_parser", "sphinxcontrib.bibtex", "briefing"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
briefing_areas = {"llm": "Large <b>language</b> models"}
briefing_stages = {"rnd": "R&D \"lab\""}
