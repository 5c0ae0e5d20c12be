# Two commands after a clone: `make html` and `make test`. Both create .venv
# from the pinned requirements.txt on first use, and anew when it changes.

PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
STAMP    := $(VENV)/.installed
BUILDDIR := _build
PORT     ?= 8000
SPHINXOPTS ?=
# The strictest build: every warning fails it, and all of them are shown.
STRICT   := -W --keep-going -n
# Reproducible dates: the time of the last commit, unless given.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
# make fuzz: how many times the examples of make test each property draws.
FUZZ_EXPLORE ?= 5
ifneq ($(strip $(SOURCE_DATE_EPOCH)),)
export SOURCE_DATE_EPOCH
endif

.DEFAULT_GOAL := help
.PHONY: help html html-ja pdf pdf-ja epub livehtml linkcheck gettext intl catalogs lint test fuzz mutate bench clean venv

help: ## List the targets
	@echo "Targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 18
	@echo "Variables: PORT=$(PORT) (livehtml), SPHINXOPTS=... (extra sphinx-build options),"
	@echo "  PYTEST_ARGS=... (test, fuzz), FUZZ_EXPLORE=$(FUZZ_EXPLORE) (fuzz),"
	@echo "  MUTATE_ARGS=... (mutate: module paths such as briefing/timeline.py, --again re-runs"
	@echo "  the survivors, --report reports the last run)"

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is required ($(PYTHON))" >&2; exit 1; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

venv: $(STAMP) ## Create .venv from requirements.txt

html: $(STAMP) ## Build the site into _build/html (any warning fails)
	$(BIN)/sphinx-build -M html . $(BUILDDIR) $(STRICT) $(SPHINXOPTS)

# The Japanese edition: the same sources with the translations of
# locales/ja/LC_MESSAGES/ (see the guide's "Languages" page).
html-ja: $(STAMP) ## Build the Japanese edition into _build/html-ja (any warning fails)
	$(BIN)/sphinx-build -b html . $(BUILDDIR)/html-ja -d $(BUILDDIR)/doctrees-ja \
		-D language=ja $(STRICT) $(SPHINXOPTS)

pdf: $(STAMP) ## Build the PDF into _build/latex (XeLaTeX and latexmk; any warning fails)
	$(BIN)/sphinx-build -M latexpdf . $(BUILDDIR) $(STRICT) $(SPHINXOPTS)

pdf-ja: $(STAMP) ## Build the Japanese edition's PDF into _build/ja/latex (any warning fails)
	$(BIN)/sphinx-build -M latexpdf . $(BUILDDIR)/ja -D language=ja $(STRICT) $(SPHINXOPTS)

epub: $(STAMP) ## Build the EPUB into _build/epub (any warning fails)
	$(BIN)/sphinx-build -M epub . $(BUILDDIR) $(STRICT) $(SPHINXOPTS)

livehtml: $(STAMP) ## Serve a live preview on 127.0.0.1:$(PORT), rebuilt on save
	$(BIN)/sphinx-autobuild . $(BUILDDIR)/html -d $(BUILDDIR)/doctrees \
		--host 127.0.0.1 --port $(PORT) \
		--ignore "$(CURDIR)/$(BUILDDIR)" --ignore "$(CURDIR)/$(VENV)" \
		--ignore "$(CURDIR)/.git" --ignore "$(CURDIR)/tests" --ignore "$(CURDIR)/bench" \
		--watch _ext --keep-going -n $(SPHINXOPTS)

linkcheck: $(STAMP) ## Check external links
	$(BIN)/sphinx-build -M linkcheck . $(BUILDDIR) $(SPHINXOPTS)

# The pages' words: one catalog template per page (_build/gettext), then
# the ja catalogs of locales/ updated from them (translations kept).
gettext: $(STAMP) ## Write the pages' catalog templates into _build/gettext
	$(BIN)/sphinx-build -M gettext . $(BUILDDIR) $(STRICT) $(SPHINXOPTS)

intl: gettext ## Update the Japanese edition's catalogs in locales/ja from the templates
	$(BIN)/sphinx-intl update -p $(BUILDDIR)/gettext -d locales -l ja -w 0
	# The authoring guide stays English in the Japanese edition (each of its
	# pages says so there).
	rm -rf locales/ja/LC_MESSAGES/source/guide

# The extensions' own words (sphinx.locale): the template of each catalog,
# the ja catalog updated from it (translations kept), then compiled.
CATALOGS := agreement briefing foundation
catalogs: $(STAMP) ## Extract the extensions' messages, update and compile their ja catalogs
	for domain in $(CATALOGS); do \
	  dir=_ext/$$domain/locale; \
	  $(BIN)/pybabel extract -k _ -k __ --no-default-keywords --no-location --sort-output \
	    --omit-header -o $$dir/$$domain.pot _ext/$$domain && \
	  $(BIN)/pybabel update -D $$domain -i $$dir/$$domain.pot -d $$dir -l ja -w 100 -N \
	    --ignore-obsolete --init-missing && \
	  $(BIN)/pybabel compile -D $$domain -d $$dir || exit 1; \
	done

lint: $(STAMP) ## Lint the tree (ruff) and type-check the extensions (mypy)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint ## Lint, type-check, then run the whole test suite
	FUZZ_EXPLORE= $(BIN)/python -m pytest $(PYTEST_ARGS)

# The fuzz tests of make test draw the same examples on every run; this
# draws fresh random ones, FUZZ_EXPLORE times as many.
fuzz: $(STAMP) ## Run the fuzz tests with fresh random inputs, FUZZ_EXPLORE times as many
	FUZZ_EXPLORE=$(FUZZ_EXPLORE) $(BIN)/python -m pytest -m fuzz $(PYTEST_ARGS)

# Mutation testing (mutmut) of the core modules of both extensions, in a
# copy under _build/mutation; not part of `make test`. One mutant at a time:
# well over an hour for all seven modules (timeline about 4 minutes, checks
# about 15); MUTATE_ARGS=briefing/timeline.py runs one module. See
# tests/support/mutation.py.
mutate: $(STAMP) ## Mutation-test the core modules (mutmut); print each module's score and the survivors
	$(BIN)/python tests/support/mutation.py $(MUTATE_ARGS)

bench: html ## Build the site, run the benchmarks, print one table of figures
	$(BIN)/python bench/run.py

clean: ## Remove build output (keeps .venv)
	rm -rf $(BUILDDIR) .pytest_cache
