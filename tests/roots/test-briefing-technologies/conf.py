extensions = ["myst_parser", "sphinxcontrib.bibtex", "briefing"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
briefing_areas = {"biometrics": "Biometric authentication", "llm": "Large language models",
                  "networks": "Networks"}
briefing_stages = {"product": "Product", "rnd": "R&D", "beta": "Beta"}
