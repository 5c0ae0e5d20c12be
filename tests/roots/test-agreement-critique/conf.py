extensions = ["myst_parser", "agreement"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
agreement_critique = True
agreement_archaic_words = {"thenceforth": "from then on"}
# What the EPUB builder asks for.
version = "1"
copyright = "2025, Example Corp."
