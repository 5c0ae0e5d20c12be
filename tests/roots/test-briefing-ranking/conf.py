extensions = ["myst_parser", "briefing"]
exclude_patterns = ["_build"]
