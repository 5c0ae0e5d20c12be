extensions = ["myst_parser", "sphinxcontrib.bibtex", "briefing"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
briefing_areas = {"llm": "Large language models"}
briefing_stages = {"product": "Product", "rnd": "R&D"}
briefing_disclaimers = {"gone": "missing-file.rst"}
show_warning_types = True
