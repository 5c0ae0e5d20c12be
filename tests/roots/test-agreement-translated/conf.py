extensions = ["myst_parser", "agreement"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_theme = "furo"
language = "ja"
locale_dirs = ["locales"]
gettext_compact = False
agreement_governing_language = "en"
