"""The `timeline` directive: a bullet list of dated items, shown in date order."""

from __future__ import annotations

import datetime
import re

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxTranslator

from .checks import body_line, warn

# YYYY, YYYY-MM or YYYY-MM-DD, then a colon.
BULLET = re.compile(r"^[-*+](\s|$)")
DATE_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\s*:\s*")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


class time_stamp(nodes.Inline, nodes.TextElement):
    """``<time datetime="...">`` in HTML; plain text in other builders."""


def visit_time_html(self: SphinxTranslator, node: time_stamp) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def depart_time_html(self: SphinxTranslator, node: time_stamp) -> None:
    self.body.append("</time>")


def visit_time_plain(self: SphinxTranslator, node: time_stamp) -> None:
    pass


def depart_time_plain(self: SphinxTranslator, node: time_stamp) -> None:
    pass


def parse_date(match: re.Match[str]) -> tuple[tuple[int, int, int], str, str] | None:
    """(sort key, ISO datetime, readable text) of a matched prefix, or None if invalid."""
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        if day:
            date = datetime.date(int(year), int(month), int(day))
            return ((date.year, date.month, date.day), date.isoformat(),
                    f"{date.day} {MONTHS[date.month - 1]} {date.year}")
        if month:
            if not 1 <= int(month) <= 12:
                return None
            return ((int(year), int(month), 0), f"{year}-{month}",
                    f"{MONTHS[int(month) - 1]} {year}")
        return (int(year), 0, 0), year, year
    except ValueError:
        return None


def _line_of(node: nodes.Node, default: int) -> int:
    for child in node.findall():
        if getattr(child, "line", None):
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
            warn("bad-date", "timeline: the body must be a bullet list of dated items",
                 location)
            return []
        others = [child for child in parsed.children if not isinstance(
            child, (nodes.bullet_list, nodes.system_message, nodes.comment))]
        if others:
            warn("bad-date", f"timeline: the body must be a bullet list of dated items; "
                 f"{len(others)} other block(s) left out",
                 (self.env.docname, _line_of(others[0], self.lineno)))
        # Each item's own line: the n-th top-level bullet of the body (node lines
        # are off by one in nested MyST parses).
        bullets = [body_line(self, i) for i, text in enumerate(self.content) if BULLET.match(text)]
        if len(bullets) != len(items):
            bullets = [_line_of(item, self.lineno) for item in items]
        dated: list[tuple[tuple[int, int, int], nodes.list_item]] = []
        undated: list[nodes.list_item] = []
        for item, line in zip(items, bullets):
            entry = self._date_item(item)
            if entry is None:
                text = item.astext().splitlines()[0][:60] if item.astext() else ""
                warn("bad-date", f"timeline item {text!r} does not start with a valid date "
                     "(YYYY, YYYY-MM or YYYY-MM-DD, then a colon)",
                     (self.env.docname, line))
                undated.append(item)
            else:
                dated.append(entry)
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

    def _date_item(self, item: nodes.list_item) -> tuple[tuple[int, int, int], nodes.list_item] | None:
        if not len(item) or not isinstance(item[0], nodes.paragraph) or not len(item[0]):
            return None
        para = item[0]
        first = para[0]
        if not isinstance(first, nodes.Text):
            return None
        match = DATE_PREFIX.match(str(first))
        if not match:
            return None
        parsed = parse_date(match)
        if parsed is None:
            return None
        key, iso, readable = parsed
        rest = str(first)[match.end():]
        stamp = time_stamp(readable, readable, datetime=iso, classes=["timeline-date"])
        para.replace(first, nodes.Text(rest))
        para.insert(0, stamp)
        para.insert(1, nodes.Text(" "))
        return key, item


def setup_timeline(app: Sphinx) -> None:
    plain = (visit_time_plain, depart_time_plain)
    app.add_node(time_stamp, html=(visit_time_html, depart_time_html), latex=plain, text=plain,
                 man=plain, texinfo=plain)
    app.add_directive("timeline", TimelineDirective)
