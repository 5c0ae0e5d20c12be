"""The site's two editions, English and Japanese: each page links to the
same page in the other language, and a build knows its language as a tag.

- ``site_languages`` (conf.py) maps each edition's language code to its
  name in that language, ``{"en": "English", "ja": "日本語"}``.
- On Read the Docs each edition is its own project (the Japanese one a
  translation of the English one), served under ``/<language>/<version>/``:
  the other edition's page is the canonical URL with the language swapped.
  A local build links to the sibling output folder instead
  (``_build/html`` and ``_build/html-ja``, as ``make html-ja`` writes
  them), so the two local builds link to each other too.
- The sidebar template ``sidebar/languages.html`` lists those links; conf.py
  puts it in ``html_sidebars``.
- In Japanese (and Chinese) the search index and the search page split
  text the same way (`search`), so that a compound word is found.
- Every build carries the tag ``language_<code>`` (``language_ja``), set
  once the command line's ``-D language=`` is applied, so that a page can
  hold a note for one edition only (``.. only:: language_ja``).

Written from Sphinx's public interface: ``config-inited``,
``builder-inited``, ``html-page-context`` and ``html_search_options``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .search import CJK_LANGUAGES, CJKBigramSplitter

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"

#: The local output folder of each edition, relative to the build folder.
LOCAL_OUTDIRS = {"en": "html", "ja": "html-ja"}


#: The sidebar's list of editions, ``sidebar/languages.html``.
TEMPLATES = Path(__file__).parent / "templates"
#: The search page's query splitter, ``cjk-search.js``.
STATIC = Path(__file__).parent / "static"
#: The index's splitter, as ``html_search_options["type"]`` names it.
SPLITTER = f"{CJKBigramSplitter.__module__}.{CJKBigramSplitter.__name__}"


def configure(app: Sphinx, config: Config) -> None:
    """Tag the build with its language (the one the command line gave),
    offer the sidebar template, and in a language written without spaces
    split the search index as the search page splits queries."""
    app.tags.add(f"language_{config.language or 'en'}")
    config.templates_path.append(str(TEMPLATES))
    if config.language in CJK_LANGUAGES and "type" not in config.html_search_options:
        config.html_search_options = {**config.html_search_options, "type": SPLITTER}


def add_search_splitter(app: Sphinx) -> None:
    """The search page's query splitter, in HTML builds whose index uses
    `CJKBigramSplitter`."""
    if app.builder.format != "html" or app.config.html_search_options.get("type") != SPLITTER:
        return
    app.config.html_static_path.append(str(STATIC))
    app.add_js_file("cjk-search.js")


def edition_root(app: Sphinx, language: str, context: dict[str, Any]) -> str:
    """The URL (or the path relative to this page) of `language`'s root."""
    canonical = app.config.html_baseurl or ""
    own = app.config.language or "en"
    marker = f"/{own}/"
    if app.config.site_languages_on_read_the_docs and marker in canonical:
        return canonical.replace(marker, f"/{language}/", 1).rstrip("/") + "/"
    folder = LOCAL_OUTDIRS.get(language, f"html-{language}")
    # From this page up to the build folder, then down into the sibling.
    return context["pathto"](f"../{folder}/", 1)


def add_language_links(app: Sphinx, pagename: str, templatename: str,
                       context: dict[str, Any], doctree: object) -> None:
    """Give the page its links to the other editions (template and head)."""
    languages: dict[str, str] = app.config.site_languages
    own = app.config.language or "en"
    if own not in languages or doctree is None:
        return
    target = app.builder.get_target_uri(pagename)
    links = [
        {"code": code, "name": name, "url": edition_root(app, code, context) + target}
        for code, name in sorted(languages.items()) if code != own
    ]
    context["site_language_links"] = links
    tags = "".join(
        f'<link rel="alternate" hreflang="{link["code"]}" href="{link["url"]}" />\n'
        for link in links
    )
    context["metatags"] = context.get("metatags", "") + tags


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("site_languages", {}, "html", types=frozenset({dict}))
    app.add_config_value("site_languages_on_read_the_docs", False, "html",
                         types=frozenset({bool}))
    app.connect("config-inited", configure)
    app.connect("builder-inited", add_search_splitter)
    app.connect("html-page-context", add_language_links)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
