"""Charts as server-rendered SVG: pure functions from numbers to markup, no database, no JavaScript.

The markup goes inline in a page under a strict Content-Security-Policy, so it uses presentation
attributes (fill, width, x, y) and never a style attribute. Every label is escaped; every chart
has a <title> and role="img" for screen readers, and each bar or column its own <title>.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

# Status colours, as the site's badges use them; colour-blind readers also get labels and titles.
STATUS_COLOURS = {
    "completed": "#2e7d32",
    "partial": "#8bc34a",
    "in_progress": "#f9a825",
    "not_started": "#c62828",
    "unknown": "#9e9e9e",
}
FALLBACK_COLOUR = "#607d8b"
TEXT_COLOUR = "#222222"
GRID_COLOUR = "#dddddd"


@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    value: int


@dataclass(frozen=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]

    @property
    def total(self) -> int:
        return sum(segment.value for segment in self.segments)


@dataclass(frozen=True)
class Column:
    label: str
    part: int
    total: int
    # Of the total, how many are neither part nor known to be outside it (problems whose status no
    # report states): drawn grey above the part, so they do not read as unfinished.
    unknown: int = 0

    @property
    def share(self) -> float:
        return self.part / self.total if self.total else 0.0


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(x: float, y: float, content: str, *, anchor: str = "start", size: int = 12, colour: str = TEXT_COLOUR):
    return (
        f'<text x="{_number(x)}" y="{_number(y)}" font-size="{size}" fill="{colour}" '
        f'text-anchor="{anchor}">{escape(content)}</text>'
    )


def _svg(width: float, height: float, title: str, description: str, body: list[str], chart_id: str) -> str:
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_number(width)}" height="{_number(height)}" '
            f'viewBox="0 0 {_number(width)} {_number(height)}" role="img" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="chart">',
            f'<title id="{chart_id}-title">{escape(title)}</title>',
            f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
            *body,
            "</svg>",
        ]
    )


def stacked_bars_svg(
    bars: Sequence[Bar],
    *,
    title: str,
    description: str = "",
    colours: dict[str, str] = STATUS_COLOURS,
    width: int = 760,
    label_width: int = 220,
    bar_height: int = 20,
    gap: int = 8,
    chart_id: str = "stacked-bars",
    empty_text: str = "暂无数据",
) -> str:
    """Horizontal bars, one per label, each split into its segments as shares of the bar's total.

    Bars fill the same width whatever their total, so completion compares at a glance; the total
    is printed at the end of each bar. A legend of the segment keys in first-seen order sits on top.
    """
    legend: dict[str, str] = {}
    for bar in bars:
        for segment in bar.segments:
            legend.setdefault(segment.key, segment.label)
    legend_height = 28
    total_width = 60
    plot_width = width - label_width - total_width
    height = legend_height + len(bars) * (bar_height + gap) + gap

    body: list[str] = []
    x = 0.0
    for key, label in legend.items():
        body.append(f'<rect x="{_number(x)}" y="6" width="12" height="12" fill="{colours.get(key, FALLBACK_COLOUR)}"/>')
        body.append(_text(x + 16, 16, label))
        x += 16 + 13 * len(label) + 16
    for index, bar in enumerate(bars):
        y = legend_height + index * (bar_height + gap)
        baseline = y + bar_height * 0.7
        label = _text(label_width - 8, baseline, _shorten(bar.label, 16), anchor="end")
        body.append(f"<g><title>{escape(bar.label)}</title>{label}</g>")
        offset = float(label_width)
        for segment in bar.segments:
            if not segment.value:
                continue
            share = segment.value / bar.total
            segment_width = plot_width * share
            tip = f"{bar.label}：{segment.label} {segment.value}（{_percent(share)}）"
            body.append(
                f'<rect x="{_number(offset)}" y="{y}" width="{_number(segment_width)}" height="{bar_height}" '
                f'fill="{colours.get(segment.key, FALLBACK_COLOUR)}"><title>{escape(tip)}</title></rect>'
            )
            offset += segment_width
        body.append(_text(label_width + plot_width + 6, baseline, str(bar.total)))
    if not bars:
        body.append(_text(width / 2, legend_height + 20, empty_text, anchor="middle"))
        height = legend_height + 40
    return _svg(width, height, title, description, body, chart_id)


def columns_svg(
    columns: Sequence[Column],
    *,
    title: str,
    description: str = "",
    colour: str = STATUS_COLOURS["completed"],
    unknown_colour: str = STATUS_COLOURS["unknown"],
    unknown_label: str = "未标明",
    width: int = 760,
    height: int = 260,
    chart_id: str = "columns",
    empty_text: str = "暂无数据",
) -> str:
    """Vertical columns of a share (0–100%), one per label, with gridlines at 0, 50 and 100%.

    A column's unknown share, if any, is stacked above its share in unknown_colour.
    """
    left, right, top, bottom = 44, 8, 24, 40
    plot_width = width - left - right
    plot_height = height - top - bottom
    body: list[str] = []
    for share in (0, 0.5, 1):
        y = top + plot_height * (1 - share)
        body.append(
            f'<line x1="{left}" y1="{_number(y)}" x2="{width - right}" y2="{_number(y)}" stroke="{GRID_COLOUR}"/>'
        )
        body.append(_text(left - 6, y + 4, _percent(share), anchor="end", size=11))
    if not columns:
        body.append(_text(left + plot_width / 2, top + plot_height / 2, empty_text, anchor="middle"))
    slot = plot_width / max(len(columns), 1)
    column_width = min(48.0, slot * 0.7)
    for index, column in enumerate(columns):
        centre = left + slot * index + slot / 2
        column_height = plot_height * column.share
        y = top + plot_height - column_height
        tip = f"{column.label}：{column.part} / {column.total}（{_percent(column.share)}）"
        body.append(
            f'<rect x="{_number(centre - column_width / 2)}" y="{_number(y)}" width="{_number(column_width)}" '
            f'height="{_number(column_height)}" fill="{colour}"><title>{escape(tip)}</title></rect>'
        )
        top_y = y
        if column.unknown and column.total:
            unknown_share = column.unknown / column.total
            unknown_height = plot_height * unknown_share
            top_y = y - unknown_height
            unknown_tip = f"{column.label}：{unknown_label} {column.unknown}（{_percent(unknown_share)}）"
            body.append(
                f'<rect x="{_number(centre - column_width / 2)}" y="{_number(y - unknown_height)}" '
                f'width="{_number(column_width)}" height="{_number(unknown_height)}" fill="{unknown_colour}" '
                f'class="unknown"><title>{escape(unknown_tip)}</title></rect>'
            )
        body.append(_text(centre, top_y - 4, _percent(column.share), anchor="middle", size=11))
        body.append(_text(centre, height - bottom + 16, column.label, anchor="middle", size=11))
        body.append(_text(centre, height - bottom + 30, f"n={column.total}", anchor="middle", size=10))
    return _svg(width, height, title, description, body, chart_id)


def share_bar_svg(share: int, *, key: str, label: str, width: int = 120, height: int = 12) -> str:
    """A small horizontal bar of a share (0–100) in the colour of its status, for tables of counts.

    A <meter> is drawn green by the browser whatever it measures, which made 未标明 look like
    progress; this bar takes the status's own colour (grey for unknown) and says its label.
    """
    share = max(0, min(100, share))
    filled = width * share / 100
    colour = STATUS_COLOURS.get(key, FALLBACK_COLOUR)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" class="share-bar share-{escape(key)}"><title>{escape(label)} {share}%</title>'
        f'<rect width="{width}" height="{height}" fill="{GRID_COLOUR}"/>'
        f'<rect width="{_number(filled)}" height="{height}" fill="{colour}"/></svg>'
    )
