"""The `timeline` directive: a bullet list of dated items, shown in date order."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from foundation.dated import date_element
from foundation.dates import PartialDate, parse_partial_date

from .diagnostics import warn
from .translated import note_translatable_texts
from .translations import __

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["DATE_PREFIX", "TimelineDirective", "setup_timeline"]

#: YYYY, YYYY-MM or YYYY-MM-DD, then a colon.
DATE_PREFIX = re.compile(r"^\s*([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)\s*:\s*")


def _line_of(node: nodes.Node, default: int) -> int:
    for child in node.findall():
        if child.line:
            return child.line
    return default


class TimelineDirective(SphinxDirective):
    has_content = True

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        parsed = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, parsed)
        # Only the top-level list: a nested list stays inside its item.
        items = [item for lst in parsed.children if isinstance(lst, nodes.bullet_list)
                 for item in lst.children if isinstance(item, nodes.list_item)]
        if not items:
            warn("bad-date", __("timeline: the body must be a bullet list of dated items"),
                 location)
            return []
        others = [child for child in parsed.children if not isinstance(
            child, (nodes.bullet_list, nodes.system_message, nodes.comment))]
        if others:
            warn("bad-date", __("timeline: the body must be a bullet list of dated items; "
                                "{count} other block(s) left out").format(count=len(others)),
                 (self.env.docname, _line_of(others[0], self.lineno)))
        dated: list[tuple[PartialDate, nodes.list_item]] = []
        undated: list[nodes.list_item] = []
        for item in items:
            date = self._date_item(item)
            if date is None:
                text = item.astext().splitlines()[0][:60] if item.astext() else ""
                warn("bad-date", __("timeline item {text} does not start with a valid date "
                                    "(YYYY, YYYY-MM or YYYY-MM-DD, then a colon)").format(
                                        text=repr(text)),
                     (self.env.docname, _line_of(item, self.lineno)))
                undated.append(item)
            else:
                dated.append((date, item))
        # sorted() is stable: items with equal dates keep their written order.
        ordered = nodes.bullet_list(classes=["timeline-items"])
        for _, item in sorted(dated, key=lambda pair: pair[0]):
            ordered += item
        for item in undated:  # kept, after the dated ones, so no text is lost
            item["classes"].append("timeline-undated")
            ordered += item
        result = nodes.container(classes=["timeline"])
        self.set_source_info(result)
        result += ordered
        return [result]

    def _date_item(self, item: nodes.list_item) -> PartialDate | None:
        """The date that starts `item`, now shown in a ``<time>``; None when
        the item does not start with one."""
        if not len(item) or not isinstance(item[0], nodes.paragraph) or not len(item[0]):
            return None
        para = item[0]
        first = para[0]
        if not isinstance(first, nodes.Text):
            return None
        match = DATE_PREFIX.match(str(first))
        if not match:
            return None
        date = parse_partial_date(match.group(1))
        if date is None:
            return None
        rest = str(first)[match.end():]
        # The item's text, without its date, is what translators translate;
        # the date is put back in front of the translation (translated.py).
        para["timeline_date"] = match.group(1)
        note_translatable_texts(self)
        para.rawsource = DATE_PREFIX.sub("", para.rawsource, count=1) if \
            DATE_PREFIX.match(para.rawsource) else para.astext()[match.end():]
        stamp = date_element(date, self.config.language, classes=["timeline-date"])
        para.replace(first, nodes.Text(rest))
        para.insert(0, stamp)
        para.insert(1, nodes.Text(" "))
        return date


def setup_timeline(app: Sphinx) -> None:
    app.add_directive("timeline", TimelineDirective)
