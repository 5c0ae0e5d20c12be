"""An accessible inline SVG horizontal bar chart, built as escaped text.

Every string that comes from a document (caption, names, values, ids) goes
through :func:`html.escape` with ``quote=True`` before it reaches the markup.
Colours come from ``currentColor`` and CSS classes (briefing.css maps them to
furo's variables), so the chart follows the light and dark themes; the
highlighted bar is also hatched, outlined and its label bold, so it stands out
without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .translations import _

WIDTH = 640
ROW_HEIGHT = 26
BAR_HEIGHT = 18
CHAR_WIDTH = 7.5  # rough width of one character at the chart's 13px font


@dataclass(frozen=True)
class Bar:
    name: str
    shown: str  # the value as written in the CSV
    value: float
    highlight: bool


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


#: The colours of a chart that is an image of its own (EPUB), where the
#: page's stylesheet does not reach.
STANDALONE_STYLE = ("<style>.bar{fill:#4a5f80}.hatch{stroke:#ffffff}.axis{stroke:#666666}"
                    "text{fill:#000000}</style>")


def bar_chart_svg(base_id: str, caption: str, value_label: str, bars: list[Bar],
                  standalone: bool = False) -> str:
    label_width = min(max(len(b.name) for b in bars) * CHAR_WIDTH + 12, 260)
    value_width = max(len(b.shown) for b in bars) * CHAR_WIDTH + 12
    x0 = label_width
    span_width = max(WIDTH - label_width - value_width, 80)
    # Values as fractions of the largest magnitude: with figures near the float
    # limit, `high - low` would overflow to infinity and every coordinate to NaN.
    magnitude = max(abs(b.value) for b in bars) or 1.0
    values = [b.value / magnitude for b in bars]
    low = min(0.0, *values)
    high = max(0.0, *values)
    scale = span_width / ((high - low) or 1.0)
    height = len(bars) * ROW_HEIGHT + 8
    total_width = x0 + span_width + value_width

    title_id, desc_id, hatch_id = f"{base_id}-title", f"{base_id}-desc", f"{base_id}-hatch"
    marked = str(_("{name} {value} (highlighted)"))
    description = str(_("Bar chart of {label}: {bars}.")).format(label=value_label, bars="; ".join(
        (marked if b.highlight else "{name} {value}").format(name=b.name, value=b.shown)
        for b in bars))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ranking-chart" role="img" '
        f'viewBox="0 0 {_num(total_width)} {height}" '
        f'aria-labelledby="{_attr(title_id)} {_attr(desc_id)}" '
        f'fill="currentColor" font-size="13">',
        *([STANDALONE_STYLE] if standalone else []),
        f'<title id="{_attr(title_id)}">{_attr(caption)}</title>',
        f'<desc id="{_attr(desc_id)}">{_attr(description)}</desc>',
        f'<defs><pattern id="{_attr(hatch_id)}" class="ranking-hatch" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect class="bar" width="6" height="6"/>'
        '<line class="hatch" x1="0" y1="0" x2="0" y2="6" stroke-width="3"/>'
        "</pattern></defs>",
    ]
    zero = x0 + (0 - low) * scale
    for index, (bar, value) in enumerate(zip(bars, values, strict=False)):
        y = 4 + index * ROW_HEIGHT
        text_y = y + BAR_HEIGHT / 2
        left = x0 + (min(value, 0.0) - low) * scale
        width = abs(value) * scale
        css = ' class="highlight"' if bar.highlight else ""
        out.append(f"<g{css}>")
        weight = ' font-weight="bold"' if bar.highlight else ""
        out.append(
            f'<text class="ranking-name" x="{_num(x0 - 8)}" y="{_num(text_y)}" '
            f'text-anchor="end" dominant-baseline="central"{weight}>{_attr(bar.name)}</text>'
        )
        if bar.highlight:
            # The inline style wins over theme rules for the public `highlight`
            # class (furo gives `.highlight` code blocks width: 100%).
            out.append(
                f'<rect class="bar highlight" x="{_num(left)}" y="{y}" width="{_num(width)}" '
                f'height="{BAR_HEIGHT}" fill="url(#{_attr(hatch_id)})" stroke="currentColor" '
                f'stroke-width="2" style="fill: url(#{_attr(hatch_id)}); '
                f'width: {_num(width)}px; height: {BAR_HEIGHT}px"/>'
            )
        else:
            out.append(
                f'<rect class="bar" x="{_num(left)}" y="{y}" width="{_num(width)}" '
                f'height="{BAR_HEIGHT}"/>'
            )
        out.append(
            f'<text class="ranking-value" x="{_num(x0 + (max(value, 0.0) - low) * scale + 6)}" '
            f'y="{_num(text_y)}" dominant-baseline="central"{weight}>{_attr(bar.shown)}</text>'
        )
        out.append("</g>")
    out.append(
        f'<line class="axis" x1="{_num(zero)}" y1="0" x2="{_num(zero)}" y2="{height}" '
        'stroke="currentColor" stroke-width="1"/>'
    )
    out.append("</svg>")
    return "".join(out)
