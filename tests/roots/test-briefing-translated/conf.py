extensions = ["myst_parser", "briefing"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
language = "ja"
locale_dirs = ["locales"]
gettext_compact = False
# One name in two languages, one plain name: both forms of the vocabulary.
briefing_areas = {"biometrics": {"en": "Biometric authentication", "ja": "生体認証"},
                  "llm": "Large language models"}
briefing_stages = {"rnd": {"en": "R&D", "ja": "研究開発"}, "beta": {"en": "Beta"}}
suppress_warnings = ["briefing.unsourced-metric"]  # not what this root tests
