"""The `ranking` directive: a CSV table and an inline SVG bar chart of one column."""

from __future__ import annotations

import csv
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from foundation.directives import body_line
from foundation.tables import make_table

from .as_of import as_of_option, as_of_paragraph
from .bibtex import source_notes
from .chart import Bar
from .chart_node import ranking_chart
from .diagnostics import warn
from .domain import briefing_domain
from .technology import enclosing_card
from .translated import translatable_text
from .translations import _, __

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from foundation.diagnostics import Location

# 1234, 1,234.5, -3, −3 (Unicode minus), 12.5% — nothing else counts as a number.
NUMBER = re.compile(r"^[+\-\u2212]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$")

#: The key of the rankings' serial numbers in a page, and their ids' prefix.
ID_PREFIX = "briefing-ranking"


def parse_number(text: str) -> float | None:
    text = text.strip()
    if not NUMBER.match(text):
        return None
    value = float(text.replace(",", "").replace("\u2212", "-").rstrip("%"))
    # A figure of 400 digits overflows to infinity, which no bar can be drawn for.
    return value if math.isfinite(value) else None


class RankingDirective(SphinxDirective):
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[OptionSpec] = {
        "file": directives.unchanged,
        "name": directives.unchanged,
        "highlight": directives.unchanged,
        "value": directives.unchanged,
        "source": directives.unchanged,
        "as-of": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        self.location = self.get_location()
        # Set by _read_records: rows from a file are reported at the directive,
        # and named with the file ("data.csv row 3 ...").
        self.from_file, self.where = False, ""
        caption = self.arguments[0].strip() if self.arguments else ""
        if not caption:
            warn("missing-option", __("ranking: the caption argument is missing"),
                 self.location)
            caption = str(_("Ranking"))
        date = as_of_option(self)
        records = self._read_records()
        if records is None:
            return []
        header, data = records[0][1], records[1:]
        if len(header) < 2 or not data:
            warn("bad-ranking", __("ranking: the CSV needs a header row, a name column, a "
                                   "value column and at least one data row"), self.location)
            return []
        name_column = self._name_column(header, data)
        value_column = self._value_column(header, data, name_column)
        if value_column is None:
            return []
        highlight = self.options.get("highlight", "").strip()
        kept = self._rows(header, data, name_column, value_column, highlight)
        if not kept:
            warn("bad-ranking", __("ranking: no usable row is left"), self.location)
            return []
        bars = [bar for _, bar in kept]
        if highlight and not any(bar.highlight for bar in bars):
            warn("bad-option", __("ranking: highlight {highlight} matches no name in the "
                                  "column {column}").format(
                                      highlight=repr(highlight),
                                      column=repr(header[name_column])), self.location)

        serial = self.env.current_document.new_serial_number(ID_PREFIX)
        base_id = f"{ID_PREFIX}-{serial}"
        wrapper = nodes.container(classes=["ranking"])
        anchor = ""
        if base_id not in self.state.document.ids:
            wrapper["ids"].append(base_id)
            self.state.document.ids[base_id] = wrapper
            anchor = base_id
        self.set_source_info(wrapper)
        title: list[nodes.Node] = [translatable_text(self, caption, ["ranking-caption"])]
        title += source_notes(self, self.options.get("source", ""))
        # The highlighted row is strong in every format: LaTeX, text and man
        # have no row classes to style (the bars are marked on their own).
        table = make_table(
            header, [[[nodes.strong(cell, cell) if bar.highlight else nodes.Text(cell)]
                      for cell in cells] for cells, bar in kept],
            classes=["ranking-table"], title=title,
            row_classes=[["highlight"] if bar.highlight else [] for bar in bars],
        )
        wrapper += table
        if date is not None:
            wrapper += as_of_paragraph(date, self.config.language, "ranking-as-of")
        wrapper += ranking_chart(base_id=base_id, caption=caption,
                                 value_label=header[value_column].strip(),
                                 bars=[[bar.name, bar.shown, bar.value, bar.highlight]
                                       for bar in bars])
        marked = next((bar for bar in bars if bar.highlight), None)
        tech_id, area = enclosing_card(self.env)
        # Its sources are filled in once the page's notes are numbered
        # (figures.FigureSources).
        briefing_domain(self.env).note_figure({
            "kind": "ranking", "figure": f"{marked.name}: {marked.shown}" if marked else "",
            "label": caption, "rows": len(kept),
            "as_of": date.iso if date is not None else "", "sources": [],
            "area": area, "tech": tech_id, "anchor": anchor,
            "docname": self.env.docname, "line": self.lineno,
        })
        return [wrapper]

    def _read_records(self) -> list[tuple[int, list[str]]] | None:
        """(line, cells) for every CSV record, or None after a warning."""
        path = self.options.get("file", "").strip()
        if path and self.content:
            warn("bad-ranking", __("ranking: give either `file` or a CSV body, not both; the "
                                   "file is used"), self.location)
        if path:
            relative, absolute = self.env.relfn2path(path)
            self.env.note_dependency(relative)
            try:
                text = Path(absolute).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as error:
                warn("bad-ranking", __("ranking: cannot read CSV file {path}: {error}").format(
                    path=repr(path), error=error.__class__.__name__), self.location)
                return None
            self.from_file, self.where = True, f"{path} "
        else:
            text = "\n".join(self.content)
        records = []
        reader = csv.reader(text.splitlines(), skipinitialspace=True, strict=True)
        try:
            start = 1
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    line = start if self.from_file else body_line(self, start - 1)
                    records.append((line, [cell.strip() for cell in cells]))
                start = reader.line_num + 1
        except csv.Error as error:
            warn("bad-ranking", __("ranking: bad CSV in {where}line {line}: {error}").format(
                where=self.where, line=reader.line_num, error=error),
                 self.location)
            return None
        if not records:
            warn("bad-ranking", __("ranking: no CSV data (empty body or file)"), self.location)
            return None
        return records

    def _name_column(self, header: list[str], data: list[tuple[int, list[str]]]) -> int:
        """The column of the names: the `name` option, else the first column
        whose values are not all numbers (a ``Rank`` column before the names
        is passed over), else the first."""
        complete = [cells for _, cells in data if len(cells) == len(header)]
        default = next((index for index in range(len(header))
                        if any(parse_number(cells[index]) is None for cells in complete)), 0)
        wanted = self.options.get("name", "").strip()
        if wanted:
            found = _column(header, wanted)
            if found is not None:
                return found
            warn("bad-option", __("ranking: no name column {wanted}; columns: {columns}; names "
                                  "are taken from {default}").format(
                                      wanted=repr(wanted), columns=", ".join(header),
                                      default=repr(header[default])),
                 self.location)
        return default

    def _value_column(
        self, header: list[str], data: list[tuple[int, list[str]]], name_column: int,
    ) -> int | None:
        wanted = self.options.get("value", "").strip()
        if wanted:
            found = _column(header, wanted)
            if found is not None and found != name_column:
                return found
            others = ", ".join(name for index, name in enumerate(header) if index != name_column)
            warn("bad-option", __("ranking: no value column {wanted}; columns: {columns}").format(
                wanted=repr(wanted), columns=others),
                 self.location)
            return None
        # Default: the last column, other than the names, whose cell in the
        # first complete row is a number.
        first = next((cells for _, cells in data if len(cells) == len(header)), None)
        if first is not None:
            for index in range(len(header) - 1, -1, -1):
                if index != name_column and parse_number(first[index]) is not None:
                    return index
        warn("bad-ranking", __("ranking: no numeric column for the bars (set `value`)"),
             self.location)
        return None

    def _rows(
        self, header: list[str], data: list[tuple[int, list[str]]], name_column: int,
        value_column: int, highlight: str,
    ) -> list[tuple[list[str], Bar]]:
        """The rows kept, each with its bar; the others left out with a warning."""
        wanted = highlight.casefold()
        kept = []
        for number, (line, cells) in enumerate(data, start=1):
            # A short row has no name cell: it is named by its first cell (a
            # record is never empty, blank lines are skipped when read).
            name = cells[name_column] if name_column < len(cells) else cells[0]
            place = self.where + __("row {number} ({name}, line {line})").format(
                number=number, name=repr(name), line=line)
            if len(cells) != len(header):
                warn("bad-row", __("ranking: {place} has {cells} cells, the header has "
                                   "{columns}; row left out").format(
                                       place=place, cells=len(cells), columns=len(header)),
                     self._row_location(line))
                continue
            value = parse_number(cells[value_column])
            if value is None:
                warn("bad-row", __("ranking: {place}: {column} value {value} is not a number; "
                                   "row left out").format(
                                       place=place, column=repr(header[value_column]),
                                       value=repr(cells[value_column])),
                     self._row_location(line))
                continue
            kept.append((cells, Bar(name, cells[value_column], value,
                                    bool(wanted) and name.casefold() == wanted)))
        return kept

    def _row_location(self, line: int) -> Location:
        # A body row is reported at its own line; a file row where the directive is.
        return self.location if self.from_file else (self.env.docname, line)


def _column(header: list[str], wanted: str) -> int | None:
    """The index of the column named `wanted` (any letter case), or None."""
    return next((index for index, name in enumerate(header)
                 if name.casefold() == wanted.casefold()), None)


def setup_ranking(app: Sphinx) -> None:
    app.add_directive("ranking", RankingDirective)
