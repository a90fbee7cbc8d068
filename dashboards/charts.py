"""Geometry for server-rendered SVG charts; templates/dashboards/includes/*_chart.html draw it.

Charts are pictures of a table that is always on the page too: each SVG has role="img", a
<title> and a <desc> summarising it, and every mark carries its own <title> with the numbers.
Rating colours are presentation attributes (fill="#…"), never inline styles (the CSP forbids them),
and every coloured mark also carries words or an abbreviation: colour is never the only signal.
"""

from dataclasses import dataclass, field

from common.colours import BLACK, WHITE

# Distribution: one horizontal stacked bar per area.
BAR_WIDTH = 820
BAR_HEIGHT = 22
ROW_HEIGHT = 50
LABEL_GAP = 6
TOTAL_GAP = 8
MIN_LABEL_WIDTH = 38  # room for "PTGP 12"
MIN_COUNT_WIDTH = 16


@dataclass
class Segment:
    x: float
    width: float
    colour: str
    text_colour: str
    label: str
    tooltip: str

    @property
    def label_x(self):
        return self.x + self.width / 2


@dataclass
class Bar:
    label: str
    y: float
    total: int
    segments: list = field(default_factory=list)
    note: str = ""  # shown instead of the bar (e.g. why it is suppressed)
    marker_x: float | None = None  # where "You" points, under the bar
    marker_text: str = ""

    @property
    def marker_points(self):
        tip = self.y + BAR_HEIGHT + 2
        x = self.marker_x
        return f"{x:.1f},{tip:.1f} {x - 6:.1f},{tip + 9:.1f} {x + 6:.1f},{tip + 9:.1f}"

    @property
    def marker_text_x(self):
        return min(max(self.marker_x, 40), BAR_WIDTH - 40)

    @property
    def marker_text_y(self):
        return self.y + BAR_HEIGHT + 22

    @property
    def label_y(self):
        return self.y - LABEL_GAP

    @property
    def bar_y(self):
        return self.y

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT / 2 + 4

    @property
    def total_x(self):
        return max((segment.x + segment.width for segment in self.segments), default=0) + TOTAL_GAP


@dataclass
class StackedBarChart:
    chart_id: str
    title: str
    description: str
    bars: list
    row_height: int = ROW_HEIGHT
    width: int = BAR_WIDTH + 60
    bar_height: int = BAR_HEIGHT

    @property
    def height(self):
        return len(self.bars) * self.row_height + 10


def stacked_bars(*, chart_id, title, description, rows, levels, markers=None, notes=None):
    """`rows`: [(label, {position: count})]; `levels`: LevelInfo in scale order.

    `markers` {row index: (position, words)} points at one level's part of a bar (a department's own
    rating); `notes` {row index: words} replaces a bar with words (a suppressed row).
    """
    markers, notes = markers or {}, notes or {}
    row_height = ROW_HEIGHT + (24 if markers else 0)
    largest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    bars = []
    for index, (label, counts) in enumerate(rows):
        bar = Bar(label=label, y=index * row_height + 24, total=sum(counts.values()), note=notes.get(index, ""))
        if bar.note:
            bars.append(bar)
            continue
        x = 0.0
        for level in levels:
            count = counts.get(level.position, 0)
            if not count:
                continue
            width = BAR_WIDTH * count / largest
            if index in markers and markers[index][0] == level.position:
                bar.marker_x, bar.marker_text = round(x + width / 2, 2), markers[index][1]
            if width >= MIN_LABEL_WIDTH:
                words = f"{level.abbreviation} {count}"
            elif width >= MIN_COUNT_WIDTH:
                words = str(count)
            else:
                words = ""
            departments = "department" if count == 1 else "departments"
            bar.segments.append(
                Segment(
                    x=round(x, 2),
                    width=round(width, 2),
                    colour=level.colour,
                    text_colour=WHITE if level.on_dark else BLACK,
                    label=words,
                    tooltip=f"{label}: {level.name}, {count} {departments}",
                )
            )
            x += width
        bars.append(bar)
    return StackedBarChart(chart_id=chart_id, title=title, description=description, bars=bars, row_height=row_height)


# Trend: one small chart per area, a line through the ratings of successive assessments.
TREND_LEFT = 48
TREND_STEP = 100
TREND_TOP = 12
TREND_ROW = 22
TREND_BOTTOM = 40


@dataclass
class TrendPoint:
    x: float
    y: float | None
    label: str
    year: str
    state: str  # "rated", "not_rated" or "not_comparable"
    tooltip: str
    abbreviation: str = ""


@dataclass
class GridLine:
    y: float
    label: str
    name: str


@dataclass
class TrendChart:
    chart_id: str
    title: str
    description: str
    width: float
    height: float
    plot_right: float
    grid: list
    points: list
    runs: list  # lists of "x,y" strings: consecutive comparable points joined by a line
    area_label: str = ""

    @property
    def axis_y(self):
        return self.height - TREND_BOTTOM

    @property
    def label_y(self):
        return self.height - TREND_BOTTOM + 16

    @property
    def year_y(self):
        return self.height - TREND_BOTTOM + 30

    @property
    def gap_y(self):
        return TREND_TOP + (len(self.grid) * TREND_ROW) / 2


def trend_chart(*, chart_id, title, levels, points):
    """`points`: [(column label, year text, state, LevelInfo | None, reason)] in date order."""
    rows = len(levels)
    height = TREND_TOP + rows * TREND_ROW + TREND_BOTTOM
    width = TREND_LEFT + max(len(points), 3) * TREND_STEP
    top_position = rows

    def y_of(position):
        return TREND_TOP + (top_position - position) * TREND_ROW + TREND_ROW / 2

    grid = [GridLine(y=y_of(level.position), label=level.abbreviation, name=level.name) for level in levels]
    drawn, runs, run, words = [], [], [], []
    for index, (label, year, state, level, reason) in enumerate(points):
        x = TREND_LEFT + index * TREND_STEP + TREND_STEP / 2
        if state == "rated" and level is not None:
            y = y_of(level.position)
            drawn.append(TrendPoint(x, y, label, year, state, f"{label} {year}: {level.name}", level.abbreviation))
            run.append(f"{x:.1f},{y:.1f}")
            words.append(f"{label} {year}, {level.name}")
            continue
        if len(run) > 1:
            runs.append(" ".join(run))
        run = []
        description = (
            "not comparable" + (f" ({reason})" if reason else "") if state == "not_comparable" else "not rated"
        )
        drawn.append(TrendPoint(x, None, label, year, state, f"{label} {year}: {description}"))
        words.append(f"{label} {year}, {description}")
    if len(run) > 1:
        runs.append(" ".join(run))
    description = (
        f"Ratings for {title} in date order: " + "; ".join(words) + "."
        if words
        else f"No published ratings for {title}."
    )
    return TrendChart(
        chart_id=chart_id,
        title=f"Ratings over time: {title}",
        description=description,
        width=width,
        height=height,
        plot_right=width - 4,
        grid=grid,
        points=drawn,
        runs=runs,
        area_label=title,
    )
