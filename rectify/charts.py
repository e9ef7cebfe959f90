"""Charts as server-rendered SVG: pure functions from numbers to markup, no database, no JavaScript.

Text is in CSS pixels and never scaled (see _svg), so it reads the same on a phone. The tooltip
formats are translated here, the one piece of language a chart owns.

The markup goes inline in a page under a strict Content-Security-Policy, so it uses presentation
attributes (fill, width, x, y) and never a style attribute. Every label is escaped; every chart
has a <title> and role="img" for screen readers, and each bar or column its own <title>.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

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


def _text(
    x: float | str,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    size: int = 12,
    colour: str = TEXT_COLOUR,
    dx: float = 0,
    lang: str = "",
):
    """A <text>; x is user units, or a percentage of the chart's width given as a string ("50%")."""
    x_value = x if isinstance(x, str) else _number(x)
    return (
        f'<text x="{x_value}"{f" dx={_quoted(dx)}" if dx else ""} y="{_number(y)}" font-size="{size}" '
        f'fill="{colour}" text-anchor="{anchor}"{f" lang={_quoted(lang)}" if lang else ""}>{escape(content)}</text>'
    )


def _quoted(value) -> str:
    return f'"{_number(value) if isinstance(value, int | float) else escape(value)}"'


def _pc(share: float) -> str:
    """A share of the chart's width as an SVG percentage length."""
    return f"{_number(share * 100)}%"


def _svg(height: float, title: str, description: str, body: list[str], chart_id: str) -> str:
    """The chart's frame: as wide as its container, never scaled.

    Without a viewBox nothing is shrunk to fit a phone: positions across are percentages of the
    width and text keeps its size in CSS pixels, so labels read as large at 360 px as at 1280 px.
    """
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="{_number(height)}" role="img" '
            f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="chart">',
            f'<title id="{chart_id}-title">{escape(title)}</title>',
            f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
            *body,
            "</svg>",
        ]
    )


def _text_width(text: str, size: int) -> float:
    """An estimate of a label's width in pixels: CJK characters are square, others about half."""
    return sum(size if ord(char) > 0x2E80 else size * 0.6 for char in text)


LEGEND_WIDTH = 300  # legend rows wrap to fit the narrowest phone, whatever the screen
LABEL_SIZE = 13
SMALL_SIZE = 11  # the smallest text any chart draws


def _legend(entries: dict[str, str], colours: dict[str, str]) -> tuple[list[str], float]:
    """Swatches with their labels, wrapped into rows; the markup and the height it takes."""
    body: list[str] = []
    x, row = 0.0, 0
    for key, label in entries.items():
        width = 16 + _text_width(label, 12) + 14
        if x and x + width > LEGEND_WIDTH:
            x, row = 0.0, row + 1
        y = row * 20
        body.append(
            f'<rect x="{_number(x)}" y="{y + 4}" width="12" height="12" fill="{colours.get(key, FALLBACK_COLOUR)}"/>'
        )
        body.append(_text(x + 16, y + 15, label))
        x += width
    return body, (row + 1) * 20 + 8 if entries else 0


def stacked_bars_svg(
    bars: Sequence[Bar],
    *,
    title: str,
    description: str = "",
    colours: dict[str, str] = STATUS_COLOURS,
    bar_height: int = 16,
    gap: int = 12,
    chart_id: str = "stacked-bars",
    empty_text: str = "",
    label_lang: str = "",
    segment_tip: str = "",
) -> str:
    """Horizontal bars, one per label, each split into its segments as shares of the bar's total.

    Bars fill the same width whatever their total, so completion compares at a glance. Each bar's
    label sits above it and its total at the right, so a phone gives the bars its whole width.
    label_lang marks the labels' language when they are report data (unit names); segment_tip
    formats a segment's title from {segment}, {value} and {share}.
    """
    segment_tip = segment_tip or _("{segment} {value}（{share}）")
    legend: dict[str, str] = {}
    for bar in bars:
        for segment in bar.segments:
            legend.setdefault(segment.key, segment.label)
    body, legend_height = _legend(legend, colours)
    label_height = LABEL_SIZE + 6
    row_height = label_height + bar_height + gap
    height = legend_height + len(bars) * row_height

    for index, bar in enumerate(bars):
        y = legend_height + index * row_height
        label = _text(0, y + LABEL_SIZE, _shorten(bar.label, 22), size=LABEL_SIZE, lang=label_lang)
        lang = f' lang="{escape(label_lang)}"' if label_lang else ""
        body.append(f"<g{lang}><title>{escape(bar.label)}</title>{label}</g>")
        body.append(_text("100%", y + LABEL_SIZE, str(bar.total), anchor="end", size=LABEL_SIZE))
        offset = 0.0
        for segment in bar.segments:
            if not segment.value:
                continue
            share = segment.value / bar.total
            tip = segment_tip.format(segment=segment.label, value=segment.value, share=_percent(share))
            body.append(
                f'<rect x="{_pc(offset)}" y="{y + label_height}" width="{_pc(share)}" height="{bar_height}" '
                f'fill="{colours.get(segment.key, FALLBACK_COLOUR)}"><title>{escape(tip)}</title></rect>'
            )
            offset += share
    if not bars:
        body.append(_text("50%", legend_height + 20, empty_text or _("暂无数据"), anchor="middle"))
        height = legend_height + 40
    return _svg(height, title, description, body, chart_id)


# Month labels that fit under the columns: on a wide screen, and on a phone (the rest carry
# class="minor", which the site's stylesheet hides below 600 px).
MAX_COLUMN_LABELS = 16
MAX_COLUMN_LABELS_PHONE = 4


def columns_svg(
    columns: Sequence[Column],
    *,
    title: str,
    description: str = "",
    colour: str = STATUS_COLOURS["completed"],
    unknown_colour: str = STATUS_COLOURS["unknown"],
    unknown_label: str = "",
    height: int = 260,
    chart_id: str = "columns",
    empty_text: str = "",
    column_tip: str = "",
    unknown_tip: str = "",
) -> str:
    """Vertical columns of a share (0–100%), one per label, with gridlines at 0, 50 and 100%.

    A column's unknown share, if any, is stacked above its share in unknown_colour. Across, the
    plot starts at a fixed share of the width; with more columns than fit, every few are labelled
    (each column keeps its title). column_tip formats from {label}, {part}, {total}, {share};
    unknown_tip from {label}, {unknown_label}, {unknown}, {share}.
    """
    unknown_label = unknown_label or _("未标明")
    column_tip = column_tip or _("{label}：{part} / {total}（{share}）")
    unknown_tip = unknown_tip or _("{label}：{unknown_label} {unknown}（{share}）")
    left, top, bottom = 0.11, 24, 44
    plot_height = height - top - bottom
    body: list[str] = []
    for share in (0, 0.5, 1):
        y = top + plot_height * (1 - share)
        body.append(f'<line x1="{_pc(left)}" y1="{_number(y)}" x2="100%" y2="{_number(y)}" stroke="{GRID_COLOUR}"/>')
        body.append(_text(_pc(left), y + 4, _percent(share), anchor="end", size=SMALL_SIZE, dx=-6))
    if not columns:
        body.append(
            _text(_pc(left + (1 - left) / 2), top + plot_height / 2, empty_text or _("暂无数据"), anchor="middle")
        )
    slot = (1 - left) / max(len(columns), 1)
    # Widths as if there were at least eight columns, so two or three do not become slabs.
    column_width = (1 - left) / max(len(columns), 8) * 0.6
    label_every = -(-len(columns) // MAX_COLUMN_LABELS)
    label_every_phone = -(-len(columns) // MAX_COLUMN_LABELS_PHONE)
    for index, column in enumerate(columns):
        centre = left + slot * index + slot / 2
        column_height = plot_height * column.share
        y = top + plot_height - column_height
        tip = column_tip.format(label=column.label, part=column.part, total=column.total, share=_percent(column.share))
        body.append(
            f'<rect x="{_pc(centre - column_width / 2)}" y="{_number(y)}" width="{_pc(column_width)}" '
            f'height="{_number(column_height)}" fill="{colour}"><title>{escape(tip)}</title></rect>'
        )
        top_y = y
        if column.unknown and column.total:
            unknown_share = column.unknown / column.total
            unknown_height = plot_height * unknown_share
            top_y = y - unknown_height
            tip = unknown_tip.format(
                label=column.label, unknown_label=unknown_label, unknown=column.unknown, share=_percent(unknown_share)
            )
            body.append(
                f'<rect x="{_pc(centre - column_width / 2)}" y="{_number(y - unknown_height)}" '
                f'width="{_pc(column_width)}" height="{_number(unknown_height)}" fill="{unknown_colour}" '
                f'class="unknown"><title>{escape(tip)}</title></rect>'
            )
        body.append(_text(_pc(centre), top_y - 4, _percent(column.share), anchor="middle", size=SMALL_SIZE))
        if index % label_every == 0:
            labels = [
                _text(_pc(centre), height - bottom + 18, column.label, anchor="middle", size=SMALL_SIZE),
                _text(_pc(centre), height - bottom + 34, f"n={column.total}", anchor="middle", size=SMALL_SIZE),
            ]
            minor = ' class="minor"' if index % label_every_phone else ""
            body.append(f"<g{minor}>{''.join(labels)}</g>")
    return _svg(height, title, description, body, chart_id)


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
