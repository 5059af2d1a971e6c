"""Horizontal stacked bar charts as plain numbers for an inline SVG.

formlint draws its own charts: a report must work offline from a `file://` URL,
and two bar charts do not justify vendoring a charting library.
"""

from __future__ import annotations

from dataclasses import dataclass

LABEL_WIDTH = 150
BAR_AREA = 300
TOTAL_WIDTH = 40
ROW_HEIGHT = 26
BAR_HEIGHT = 18
TOP = 6


@dataclass(frozen=True)
class Segment:
    series: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    label: str
    total: int
    y: int
    segments: tuple[Segment, ...]

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 5

    @property
    def end_x(self) -> float:
        return LABEL_WIDTH + sum(s.width for s in self.segments) + 6


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    series: tuple[str, ...]  # the series drawn, in legend order
    width: int = LABEL_WIDTH + BAR_AREA + TOTAL_WIDTH
    label_x: int = LABEL_WIDTH - 8
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return TOP * 2 + ROW_HEIGHT * len(self.bars)


def stacked_bars(rows: list[tuple[str, dict[str, int]]]) -> Chart:
    """`rows` are (label, counts per series); bars share one scale, the longest
    filling the bar area."""
    largest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    bars = []
    for index, (label, counts) in enumerate(rows):
        x = float(LABEL_WIDTH)
        segments = []
        for series, count in counts.items():
            if count:
                width = BAR_AREA * count / largest
                segments.append(Segment(series, count, round(x, 2), round(width, 2)))
                x += width
        bars.append(Bar(label, sum(counts.values()), TOP + ROW_HEIGHT * index, tuple(segments)))
    order = list(rows[0][1]) if rows else []
    drawn = tuple(series for series in order if any(counts.get(series) for _, counts in rows))
    return Chart(tuple(bars), drawn)
