extensions = ["myst_parser", "agreement"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
# The critique's checks, on for the critique-* pages (the others are quiet),
# with a name that is no check.
agreement_critique = ["hard-to-read", "long-sentence", "archaic-word", "number-doublet",
                      "all-caps", "missing-summary", "no-such-check"]
agreement_critique_quiet = ["warn-*", "other-*", "options-*", "misplaced-*", "notitle-*",
                            "outside-*"]
