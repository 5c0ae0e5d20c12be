"""The `disclaimer` directive: shared text kept in one file per disclaimer.

The file is parsed with the parser of its own syntax (MyST for ``.md``,
reStructuredText otherwise) whatever the syntax of the page, and the page
depends on it, so editing the file rebuilds every page that shows it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from docutils import nodes
from docutils.parsers.rst import Parser as RstParser
from sphinx.util.docutils import LoggingReporter, SphinxDirective

from .diagnostics import warn
from .domain import briefing_domain
from .translations import __
from .vocabulary import valid_keys_text

if TYPE_CHECKING:
    from docutils.parsers import Parser
    from sphinx.application import Sphinx

#: Key of ``env.temp_data``: the disclaimers being parsed on this page, outermost first.
ACTIVE_ATTR = "briefing_disclaimers_active"


def _parser_for(path: Path) -> Parser:
    if path.suffix == ".md":
        # Imported here: a site without Markdown need not install MyST.
        from myst_parser.parsers.sphinx_ import MystParser  # noqa: PLC0415

        return MystParser()
    return RstParser()


class DisclaimerDirective(SphinxDirective):
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = False
    has_content = False

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        key = self.arguments[0].strip() if self.arguments else ""
        disclaimers: dict[str, str] = self.config.briefing_disclaimers
        if not key:
            warn("missing-option", __("disclaimer: the key argument is missing; keys of "
                                      "briefing_disclaimers: {keys}").format(
                                          keys=valid_keys_text(disclaimers)), location)
            return []
        if key not in disclaimers:
            warn("unknown-disclaimer", __("unknown disclaimer {key}; keys of "
                                          "briefing_disclaimers: {keys}").format(
                                              key=repr(key), keys=valid_keys_text(disclaimers)),
                 location)
            return []
        confdir = Path(briefing_domain(self.env).confdir or self.env.srcdir)
        path = (confdir / str(disclaimers[key])).resolve()
        # Depend on the file even when it is missing: creating it rebuilds the page.
        self.env.note_dependency(str(path))
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            warn("unknown-disclaimer", __("disclaimer {key}: cannot read {path} "
                                          "({error})").format(
                                              key=repr(key), path=repr(disclaimers[key]),
                                              error=error.__class__.__name__), location)
            return []
        # A disclaimer file that shows itself (directly or through another one)
        # would be parsed without end.
        active = cast("list[str]", self.env.temp_data.setdefault(ACTIVE_ATTR, []))
        if key in active:
            warn("unknown-disclaimer", __("disclaimer {key} is shown inside its own text "
                                          "({chain}); left out").format(
                                              key=repr(key), chain=" -> ".join([*active, key])),
                 location)
            return []
        box = nodes.container(classes=["disclaimer", f"disclaimer-{nodes.make_id(key)}"])
        self.set_source_info(box)
        active.append(key)
        try:
            box += self._parse(text, path)
        finally:
            active.pop()
        return [box]

    def _parse(self, text: str, path: Path) -> list[nodes.Node]:
        """Parse *text* as its own syntax, reporting problems at *path*'s lines."""
        main = self.state.document
        settings = main.settings
        reporter = LoggingReporter(
            str(path), settings.report_level, settings.halt_level,
            debug=settings.debug, error_handler=settings.error_encoding_error_handler,
        )
        document = nodes.document(settings, reporter, source=str(path))
        document.note_source(str(path), -1)
        _parser_for(path).parse(text, document)
        children = list(document.children)
        for child in children:
            if isinstance(child, nodes.Element) and child["names"]:
                main.note_explicit_target(child, child)
        return children


def setup_disclaimer(app: Sphinx) -> None:
    app.add_directive("disclaimer", DisclaimerDirective)
