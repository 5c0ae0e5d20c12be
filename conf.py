"""Sphinx configuration of the site: the Innovation Day briefing and the LEAP Terms of Use.

Read the Docs builds from this folder with ``-W --keep-going`` but without
``-n``; ``nitpicky = True`` below makes its build as strict as ``make html``.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).parent.resolve()
# The local extensions `agreement` and `briefing` live in _ext/.
sys.path.insert(0, str(HERE / "_ext"))

# -- Project -----------------------------------------------------------------

project = "Corporate documents"
author = "The documentation team"
# A reproducible build (SOURCE_DATE_EPOCH, set by the Makefile from the last
# commit) gets the same copyright year whatever day it runs; Sphinx also
# honours the variable for `today` and "last updated".
_build_time = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH") or time.time()))
copyright = f"{_build_time.tm_year}, {author}"
# The site is dated, not numbered: its edition is the day it was built
# (the last commit's, with SOURCE_DATE_EPOCH). EPUB and PDF need one.
release = time.strftime("%Y-%m-%d", _build_time)
version = release
language = "en"

# -- Languages -------------------------------------------------------------------
# The Japanese edition (make html-ja, or a Read the Docs translation project
# with language ja) is this site built with -D language=ja from the
# translations in locales/ja/LC_MESSAGES/, one catalog per page (make gettext
# writes the templates, make intl updates the catalogs). English governs:
# the LEAP Terms in Japanese are a reference translation.
locale_dirs = ["locales"]
gettext_compact = False
# Catalogs without source line numbers: an edit above a paragraph does not
# rewrite every entry below it.
gettext_location = False
gettext_uuid = False
site_languages = {"en": "English", "ja": "日本語"}
site_languages_on_read_the_docs = "READTHEDOCS_CANONICAL_URL" in os.environ
agreement_governing_language = "en"
# The translation notice links to the same page in the English edition: on
# Read the Docs the English project's URL (the canonical URL with the
# language swapped), locally the sibling output folder.
_language_on_rtd = os.environ.get("READTHEDOCS_LANGUAGE", "en")
agreement_governing_edition = (
    os.environ["READTHEDOCS_CANONICAL_URL"].replace(f"/{_language_on_rtd}/", "/en/", 1)
    if "READTHEDOCS_CANONICAL_URL" in os.environ else "../html/")

# Social cards are off (ogp_social_cards below): they would need matplotlib.
# sphinxext-opengraph still prints, when it is imported, that matplotlib is
# missing and cards will not be made; imported here, quietly, so that a
# clean build prints nothing that asks the reader to act.
with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph  # noqa: F401

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "notfound.extension",
    "sitemap",
    "site_languages",
    "sphinxext.opengraph",
    "agreement",
    "briefing",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
# Only the site is read: tooling, tests, benchmarks and disclaimer snippets
# (included by the `disclaimer` directive) are not pages.
exclude_patterns = [
    "_build",
    ".venv",
    ".git",
    ".ci",
    ".pytest_cache",
    ".hypothesis",
    "_ext",
    "locales",
    "_static",
    "bench",
    "tests",
    "README.md",
    "source/briefing/disclaimers",
]

nitpicky = True
# Every warning carries a type; keep them all visible.
show_warning_types = True

# -- MyST ----------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- HTML ------------------------------------------------------------------------

html_theme = "furo"
html_title = "Corporate documents"
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_favicon = "_static/favicon.svg"
html_last_updated_fmt = "%Y-%m-%d"
html_theme_options = {"navigation_with_keys": True}
# furo's sidebar, with the other edition's link under the search box.
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/languages.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/ethical-ads.html",
        "sidebar/scroll-end.html",
        "sidebar/variant-selector.html",
    ]
}

# Read the Docs sets READTHEDOCS_CANONICAL_URL; a local build points the
# sitemap (_ext/sitemap.py) and OpenGraph tags at the local preview server.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "http://127.0.0.1:8000/")
ogp_site_url = html_baseurl
ogp_site_name = html_title
ogp_enable_meta_description = True
ogp_social_cards = {"enable": False}  # would need matplotlib
on_read_the_docs = "READTHEDOCS_CANONICAL_URL" in os.environ
notfound_urls_prefix = urlparse(html_baseurl).path if on_read_the_docs else "/"

# -- PDF (LaTeX) and EPUB --------------------------------------------------------------
# One PDF of the whole site (Read the Docs offers one). XeLaTeX with
# Unicode fonts: the text has the minus sign, ×, ¥ and arrows, which
# pdflatex cannot set; FreeSerif and its sans and mono faces (Debian's
# fonts-freefont-otf, Sphinx's default for XeLaTeX, on Read the Docs' build
# images too) carry them; xeCJK (below) carries Japanese.
latex_engine = "xelatex"
latex_documents = [(root_doc, "corporate-documents.tex", project, author, "manual")]
# Japanese (the extensions' Japanese forms in the guide, the deck's names):
# xeCJK sets CJK characters in IPAex Mincho and Gothic (Debian's
# fonts-ipaexfont), else in Noto CJK where a machine has that instead.
_CJK_FONTS = r"""
\usepackage{xeCJK}
\IfFontExistsTF{IPAexMincho}{%
  \setCJKmainfont{IPAexMincho}\setCJKsansfont{IPAexGothic}\setCJKmonofont{IPAexGothic}}{%
  \setCJKmainfont{Noto Serif CJK JP}\setCJKsansfont{Noto Sans CJK JP}%
  \setCJKmonofont{Noto Sans Mono CJK JP}}
"""
latex_elements = {"papersize": "a4paper", "preamble": _CJK_FONTS}
# The Japanese edition's PDF (make pdf-ja) is set the same way, with
# XeLaTeX and xeCJK: Sphinx's default classes for ja (jsbook, ujbook) are
# pLaTeX's and upLaTeX's, which XeLaTeX cannot load.
latex_docclass = {"manual": "report", "howto": "article"}
latex_show_urls = "footnote"
epub_basename = "corporate-documents"
epub_show_urls = "no"

# -- Sources (sphinxcontrib-bibtex) ------------------------------------------------

bibtex_bibfiles = ["source/references.bib", "source/guide/guide-examples.bib"]
bibtex_default_style = "unsrt"
bibtex_reference_style = "label"
bibtex_foot_reference_style = "foot"

# -- agreement -----------------------------------------------------------------------

agreement_link_terms = "all"
# The plain-language critique (reading grade, long sentences, archaic words,
# number doublets, capitals, missing summaries), at its default thresholds:
# the site's plain-language edition of the LEAP Terms must meet them.
agreement_critique = True
# The guide's example agreements show other features, and the critique's own
# example breaks every rule on purpose: their findings show in their reports,
# they warn about none.
agreement_critique_quiet = ["source/guide/example-agreement", "source/guide/examples/*"]

# -- briefing ------------------------------------------------------------------------
# BEGIN briefing vocabulary (keys used by source/briefing/)
# Each name in English and, for the Japanese edition, in Japanese.
briefing_areas = {
    "biometrics": {"en": "Biometric authentication", "ja": "生体認証"},
    "video": {"en": "Video recognition", "ja": "映像認識"},
    "analytics": {"en": "Analysis and prescriptive AI", "ja": "分析・処方型AI"},
    "llm": {"en": "Large language models", "ja": "大規模言語モデル"},
    "multimodal": {"en": "Multimodal AI", "ja": "マルチモーダルAI"},
    "security": {"en": "Security", "ja": "セキュリティ"},
    "computing": {"en": "Computing and data platforms", "ja": "コンピューティング・データ基盤"},
    "networks": {"en": "Networks", "ja": "ネットワーク"},
    "healthcare": {"en": "Healthcare and life science", "ja": "ヘルスケア・ライフサイエンス"},
    "business": {"en": "New businesses", "ja": "新事業"},
}
briefing_stages = {
    "product": {"en": "Product", "ja": "製品"},
    "rnd": {"en": "R&D", "ja": "研究開発"},
    "exhibit": {"en": "Exhibit", "ja": "展示"},
    "planned": {"en": "To be commercialized", "ja": "事業化予定"},
    "beta": {"en": "Beta", "ja": "ベータ版"},
}
briefing_disclaimers = {
    "forward-looking": "source/briefing/disclaimers/forward-looking.md",
}
# END briefing vocabulary
