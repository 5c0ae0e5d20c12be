extensions = ["myst_parser", "agreement"]
exclude_patterns = ["_build"]
language = "ja"
locale_dirs = ["locales"]
gettext_compact = False
agreement_governing_language = "en"
