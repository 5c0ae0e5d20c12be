"""An agreement read in a language other than the one that governs it
(``agreement_governing_language``): the notice that the text is a
translation for reference only, that the governing version prevails, and
which clauses this build has not fully translated.

Sphinx's ``Locale`` transform marks each translatable node it translated
(``translated = True``); a clause is fully translated when every paragraph
of its own (not of its subclauses) is so marked. Worked out when the page
is read, kept on the header, shown when it is written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from docutils import nodes
from sphinx.locale import get_translation
from sphinx.util.nodes import is_translatable
from sphinx.util.osutil import relative_uri

from foundation.dates import babel_locale
from foundation.urls import check_url

from .diagnostics import __, warn
from .reading import is_english
from .term_nodes import term_definition

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

__all__ = [
    "check_governing_edition",
    "check_translated_definitions",
    "governing_link",
    "governing_notice",
    "note_translation_status",
    "setup_translation",
]

_ = get_translation("agreement")


def _differs(config: Config) -> bool:
    governing = config.agreement_governing_language
    return bool(governing) and babel_locale(config.language).language != \
        babel_locale(governing).language


def _fully_translated(section: nodes.section) -> bool:
    """Whether every paragraph of the clause's own text is translated; the
    paragraphs the extension adds (a summary's title and note) are no
    translator's business."""
    stack: list[nodes.Node] = [child for child in section.children
                               if not isinstance(child, nodes.title)]
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.section):
            continue  # a subclause answers for itself
        if isinstance(node, nodes.paragraph) and is_translatable(node) \
                and not node.get("translated"):
            return False
        if isinstance(node, nodes.Element):
            stack.extend(node.children)
    return True


#: A define role as a message writes it, in reST or in MyST.
_DEFINE_ROLE = re.compile(r":define:`|\{define\}`")


def check_translated_definitions(config: Config, section: nodes.Element) -> None:
    """Warn ``lost-definition`` for each translated paragraph of the
    agreement `section` that marks fewer definitions than its original
    (Sphinx keeps the original message as the paragraph's ``rawsource``):
    a translator who writes a defined term as plain text unmarks its
    definition, and every use of it silently stops linking."""
    if is_english(config):
        return
    for paragraph in section.findall(nodes.paragraph):
        if not paragraph.get("translated"):
            continue
        wanted = len(_DEFINE_ROLE.findall(paragraph.rawsource))
        if not wanted:
            continue
        marked = sum(1 for _node in paragraph.findall(term_definition))
        if marked < wanted:
            warn("lost-definition",
                 __("the translation of this paragraph marks {marked} definition(s) where "
                    "its original marks {wanted}: mark each defined term with define in the "
                    "translation too").format(marked=marked, wanted=wanted), paragraph)


def note_translation_status(config: Config, header: nodes.Element,
                            title_section: nodes.section) -> None:
    """Note on `header` the numbers of the clauses not fully translated,
    when the build's language is not the governing one."""
    if not _differs(config):
        return
    header["governing_language"] = config.agreement_governing_language
    header["untranslated"] = [
        section["clause_number"] for section in title_section.findall(nodes.section)
        if section.get("clause_number") and not _fully_translated(section)]


def _language_name(code: str, in_language: str | None) -> str:
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(babel_locale(in_language))
    except (ValueError, UnknownLocaleError):
        name = None
    return name or code


def governing_link(builder: Builder, docname: str) -> nodes.reference | None:
    """A link to the same page in the governing language's edition
    (``agreement_governing_edition``), or None: no edition given, or a
    relative one in a format that has no relative links to other sites."""
    root = builder.config.agreement_governing_edition
    if not root:
        return None
    target = builder.get_target_uri(docname)
    if check_url(root).url is None:
        return None  # reported once, when the configuration is read
    if "://" in root:
        url = root.rstrip("/") + "/" + target
    elif builder.format == "html":
        url = relative_uri(target, "") + root.rstrip("/") + "/" + target
    else:
        return None
    text = str(_("Read the {language} version")).format(
        language=_language_name(builder.config.agreement_governing_language,
                                builder.config.language))
    return nodes.reference("", text, refuri=url, classes=["governing-version"])


def check_governing_edition(app: Sphinx, config: Config) -> None:
    """A governing edition that may not become a link warns ``bad-url``."""
    root = config.agreement_governing_edition
    if root and (problem := check_url(root).reason):
        warn("bad-url", __("agreement_governing_edition {root} is not used: {problem}").format(
            root=repr(root), problem=problem), str(Path(app.confdir) / "conf.py"))


def governing_notice(header: nodes.Element, language: str | None,
                     link: nodes.reference | None = None) -> list[nodes.Node]:
    """The notice (class ``translation-notice``) of a translated agreement,
    with `link` to the governing version."""
    governing = header.get("governing_language")
    if not governing:
        return []
    notice = nodes.admonition(classes=["translation-notice", "agreement-notice"])
    title = str(_("Translation for reference"))
    notice += nodes.title(title, title)
    text = str(_("This text is a translation for reference only. The {language} version "
                 "governs; where the two differ, it prevails.")).format(
        language=_language_name(governing, language))
    notice += nodes.paragraph(text, text)
    if link is not None:
        notice += nodes.paragraph("", "", link)
    untranslated = header.get("untranslated") or []
    if untranslated:
        numbers = str(_(", ")).join(untranslated)
        line = str(_("Not fully translated in this build (they show the original text): "
                     "clauses {numbers}.")).format(numbers=numbers)
        notice += nodes.paragraph(line, line)
    return [notice]


def setup_translation(app: Sphinx) -> None:
    app.connect("config-inited", check_governing_edition)
