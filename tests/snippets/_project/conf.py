# The project that the documented snippets (tests/snippets/*.rst, *.md) are
# built in, one syntax at a time (tests/snippets/test_snippets.py).
extensions = ["myst_parser", "sphinxcontrib.bibtex", "agreement", "briefing"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "disclaimers"]
show_warning_types = True
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "unsrt"
bibtex_reference_style = "label"
bibtex_foot_reference_style = "foot"
briefing_areas = {"biometrics": "Biometric authentication", "llm": "Large language models"}
briefing_stages = {"product": "Product", "rnd": "R&D", "exhibit": "Exhibit", "beta": "Beta"}
briefing_disclaimers = {"forward-looking": "disclaimers/forward-looking.md"}
