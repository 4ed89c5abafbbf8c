"""SVG charts for the team-meeting agenda, drawn as vector graphics so they print sharply.

Both charts read in black and white: counted values are solid bars, forecasts are
outlined, and stacked months go from light to dark grey with white separators. The SVG
is built from numbers formatted with fixed precision, so the same data gives the same
bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

FONT = "Noto Sans, DejaVu Sans, sans-serif"
WIDTH = 680.0  # CSS pixels: 180 mm, the text width of an A4 portrait page
LABEL_WIDTH = 130.0
ROW = 26.0


def _n(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing ``.0``."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(x: float, y: float, text: str, size: float = 9, anchor: str = "start") -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" text-anchor="{anchor}">'
        f"{escape(text)}</text>"
    )


def _svg(width: float, height: float, title: str, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{_n(width)}" '
        f'height="{_n(height)}" viewBox="0 0 {_n(width)} {_n(height)}" role="img" '
        f'font-family="{FONT}"><title>{escape(title)}</title>'
    )
    return Markup(head + "".join(body) + "</svg>")  # noqa: S704 - every text is escaped above


@dataclass(frozen=True)
class SeriesRow:
    """One language: counted visitors per week, then the forecast per session."""

    label: str
    counted: list[float]
    expected: list[float]


def visitors_chart(
    rows: list[SeriesRow],
    counted_labels: list[str],
    expected_labels: list[str],
    title: str,
    legend: tuple[str, str],
) -> Markup:
    """Small multiples: one row of bars per language, counted weeks then forecast."""
    columns = max(1, len(counted_labels) + len(expected_labels))
    split = 12.0 if expected_labels else 0.0
    width = WIDTH
    pitch = (width - LABEL_WIDTH - split - 10) / columns
    column, gap = pitch * 0.75, pitch * 0.25
    top = 40.0
    height = top + len(rows) * ROW + 6
    peak = max([1.0, *(v for row in rows for v in row.counted + row.expected)])
    body: list[str] = []
    body.append(f'<rect x="{_n(LABEL_WIDTH)}" y="4" width="12" height="10" fill="#444"/>')
    body.append(_text(LABEL_WIDTH + 17, 13, legend[0], 10))
    legend_x = LABEL_WIDTH + 150
    body.append(
        f'<rect x="{_n(legend_x)}" y="4" width="12" height="10" fill="#fff" stroke="#000" '
        'stroke-width="1" stroke-dasharray="2 1"/>'
    )
    body.append(_text(legend_x + 17, 13, legend[1], 10))

    def x_of(index: int) -> float:
        extra = split if index >= len(counted_labels) else 0.0
        return LABEL_WIDTH + index * pitch + extra

    for index, label in enumerate(counted_labels + expected_labels):
        body.append(_text(x_of(index) + column / 2, top - 6, label, 8.5, "middle"))
    if expected_labels:
        line_x = x_of(len(counted_labels)) - split / 2 - gap / 2
        body.append(
            f'<line x1="{_n(line_x)}" y1="{_n(top - 16)}" x2="{_n(line_x)}" '
            f'y2="{_n(height - 2)}" stroke="#000" stroke-width="0.6" stroke-dasharray="3 2"/>'
        )
    for number, row in enumerate(rows):
        base = top + (number + 1) * ROW - 3
        body.append(_text(LABEL_WIDTH - 6, base - 3, row.label, 10.5, "end"))
        body.append(
            f'<line x1="{_n(LABEL_WIDTH - 2)}" y1="{_n(base)}" x2="{_n(width - 8)}" '
            f'y2="{_n(base)}" stroke="#999" stroke-width="0.5"/>'
        )
        for index, value in enumerate(row.counted + row.expected):
            bar = (ROW - 4) * value / peak
            if bar <= 0:
                continue
            x = x_of(index)
            if index < len(row.counted):
                style = 'fill="#444"'
            else:
                style = 'fill="#fff" stroke="#000" stroke-width="0.8" stroke-dasharray="2 1"'
            body.append(
                f'<rect x="{_n(x)}" y="{_n(base - bar)}" width="{_n(column)}" '
                f'height="{_n(bar)}" {style}/>'
            )
    return _svg(width, height, title, body)


@dataclass(frozen=True)
class StackRow:
    """One person: duties per month, oldest first."""

    label: str
    values: list[int]


def _grey(index: int, count: int) -> str:
    """Light grey for the oldest month to near black for the newest."""
    light, dark = 0xCC, 0x22
    level = dark if count <= 1 else round(light + (dark - light) * index / (count - 1))
    return f"#{level:02x}{level:02x}{level:02x}"


def duties_chart(rows: list[StackRow], months: list[str], title: str) -> Markup:
    """Horizontal stacked bars: duties per person, one segment per month."""
    peak = max([1, *(sum(row.values) for row in rows)])
    width = WIDTH
    unit = (width - LABEL_WIDTH - 40) / peak
    top = 26.0
    row_height = 16.0
    height = top + len(rows) * row_height + 22
    body: list[str] = []
    x = LABEL_WIDTH
    for index, month in enumerate(months):
        body.append(
            f'<rect x="{_n(x)}" y="4" width="12" height="10" fill="{_grey(index, len(months))}" '
            'stroke="#000" stroke-width="0.4"/>'
        )
        body.append(_text(x + 17, 13, month, 10))
        x += 17 + 6 * len(month) + 18
    for number, row in enumerate(rows):
        y = top + number * row_height
        body.append(_text(LABEL_WIDTH - 6, y + 11.5, row.label, 10.5, "end"))
        x = LABEL_WIDTH
        for index, value in enumerate(row.values):
            if value <= 0:
                continue
            body.append(
                f'<rect x="{_n(x)}" y="{_n(y + 1)}" width="{_n(value * unit)}" '
                f'height="{_n(row_height - 3)}" fill="{_grey(index, len(row.values))}" '
                'stroke="#fff" stroke-width="1"/>'
            )
            x += value * unit
        body.append(_text(x + 4, y + 11.5, str(sum(row.values)), 10))
    axis = top + len(rows) * row_height + 2
    body.append(
        f'<line x1="{_n(LABEL_WIDTH)}" y1="{_n(axis)}" x2="{_n(LABEL_WIDTH + peak * unit)}" '
        f'y2="{_n(axis)}" stroke="#000" stroke-width="0.6"/>'
    )
    step = max(1, -(-peak // 10))
    for tick in range(0, peak + 1, step):
        tx = LABEL_WIDTH + tick * unit
        body.append(
            f'<line x1="{_n(tx)}" y1="{_n(axis)}" x2="{_n(tx)}" y2="{_n(axis + 3)}" '
            'stroke="#000" stroke-width="0.6"/>'
        )
        body.append(_text(tx, axis + 14, str(tick), 9, "middle"))
    return _svg(width, height, title, body)
