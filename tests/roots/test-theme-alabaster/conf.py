# The extensions under a theme that is not furo: alabaster has no dark mode
# and defines none of furo's CSS variables (tests/browser/test_theme_neutral.py).
html_theme = "alabaster"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "agreement", "briefing"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "unsrt"
bibtex_foot_reference_style = "foot"
briefing_areas = {"llm": "Large language models"}
briefing_stages = {"product": "Product", "rnd": "R&D"}
