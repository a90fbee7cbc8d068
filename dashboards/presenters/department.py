"""A department's dashboard as tables and charts, shared by its page and its exports.

Nothing here names another department: the benchmark is built from counts alone.
"""

from dataclasses import dataclass

from actionplans.choices import Rag
from actionplans.labels import action_label

from .. import tables
from ..charts import stacked_bars, trend_chart
from ..rules import ServiceRule, benchmark_minimum, benchmark_rule, suppressed_text
from ..selectors.department import department_actions, department_benchmark, department_trends
from ..tables import Cell, Table
from ..urlmaker import action_url, assessment_url

SECTIONS = {"trends": "Ratings over time", "benchmark": "How you compare", "actions": "Next deadlines"}
RAG_TAGS = {Rag.RED: "red", Rag.AMBER: "orange", Rag.GREEN: "green"}


def _area(area):
    return f"{area.reference} {area.name}"


def trends_table(trends):
    to_assessment = assessment_url()
    headers = ["Performance area"]
    for column in trends.columns:
        suffix = f" ({column.assessment.framework.name})" if column.other_framework else ""
        headers.append(column.label + suffix)
    table = Table(key="trends", caption="Ratings over time, by performance area", headers=headers)
    for row in trends.rows:
        cells = [tables.text(_area(row.area))]
        for column, carried in zip(trends.columns, row.cells, strict=True):
            if not carried.comparable:
                cells.append(Cell(text=row.cell_text(carried)))
            else:
                cells.append(tables.rating(carried.level, url=to_assessment(column.assessment.pk)))
        table.rows.append(cells)
    return table


def trend_charts(trends):
    charts = []
    for index, row in enumerate(trends.rows, start=1):
        points = []
        for column, carried in zip(trends.columns, row.cells, strict=True):
            if not carried.comparable:
                state = "not_comparable"
            elif carried.level is None:
                state = "not_rated"
            else:
                state = "rated"
            points.append((column.chart_label, str(column.assessment.year), state, carried.level, carried.reason))
        charts.append(
            trend_chart(chart_id=f"trend-{index}", title=_area(row.area), levels=trends.levels, points=points)
        )
    return charts


def __getattr__(name):
    # SUPPRESSED: the words in a suppressed benchmark row, with the setting's current value.
    if name == "SUPPRESSED":
        return suppressed_text()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def benchmark_table(trends, rows, *, minimum=None):
    by_position = {level.position: level for level in trends.levels}
    count_columns = len(trends.levels)
    table = Table(
        key="benchmark",
        caption="Your latest rating against every department's latest rating (no department named)",
        headers=[
            "Performance area",
            "Your rating",
            "Departments rated",
            *[level.abbreviation for level in trends.levels],
            "Lower quartile",
            "Median",
            "Upper quartile",
            "Rated lower",
            "Rated the same",
            "Rated higher",
        ],
        numeric_columns=frozenset({2, *range(3, 3 + count_columns), *range(6 + count_columns, 9 + count_columns)}),
        compact=True,
    )
    width = len(table.headers)
    suppressed = suppressed_text(minimum)
    for row in rows:
        own = tables.rating(row.own)
        if row.suppressed:
            table.rows.append([tables.text(_area(row.area)), own, Cell(text=suppressed, span=width - 2)])
            continue
        has_own = row.own is not None
        table.rows.append(
            [
                tables.text(_area(row.area)),
                own,
                tables.number(row.rated),
                *[tables.number(row.counts.get(level.position, 0)) for level in trends.levels],
                tables.rating(by_position.get(row.lower_quartile)),
                tables.rating(by_position.get(row.median)),
                tables.rating(by_position.get(row.upper_quartile)),
                tables.number(row.lower) if has_own else tables.text(""),
                tables.number(row.same) if has_own else tables.text(""),
                tables.number(row.higher) if has_own else tables.text(""),
            ]
        )
    return table


def benchmark_chart(trends, rows, *, minimum=None):
    markers = {
        index: (row.own.position, f"You: {row.own.abbreviation}")
        for index, row in enumerate(rows)
        if row.own is not None and not row.suppressed
    }
    notes = {index: suppressed_text(minimum) for index, row in enumerate(rows) if row.suppressed}
    return stacked_bars(
        chart_id="benchmark-chart",
        title="Your latest rating against the spread of all departments' latest ratings",
        description=(
            "One bar per performance area, divided by rating from Development area on the left to Best practice on "
            "the right, showing how many departments have each rating; a pointer marked You shows your department's "
            "rating. No department is named. The table after the chart gives every number."
        ),
        rows=[(_area(row.area), row.counts) for row in rows],
        levels=trends.levels,
        markers=markers,
        notes=notes,
    )


def deadlines_table(summary):
    to_action = action_url()
    table = Table(
        key="deadlines",
        caption=f"The next {len(summary.next_deadlines)} open actions by due date",
        headers=["Action", "Description", "Owner", "Due", "RAG", "Assessment"],
    )
    for deadline in summary.next_deadlines:
        action = deadline.action
        table.rows.append(
            [
                tables.text(action_label(action.recommendation.number, action.sequence), url=to_action(action.pk)),
                tables.text(action.description),
                tables.text(action.owner_text),
                tables.day(action.due_date),
                Cell(text=Rag(deadline.rag).label, tag=RAG_TAGS[deadline.rag]),
                tables.text(action.plan.assessment.short_label),
            ]
        )
    return table


@dataclass
class DepartmentPage:
    department: object
    trends: object
    trends_table: Table
    charts: list
    benchmark: Table
    benchmark_chart: object
    benchmark_rows: list
    actions: object
    deadlines: Table
    benchmark_rule: ServiceRule

    def table(self, key):
        return {"trends": self.trends_table, "benchmark": self.benchmark, "actions": self.deadlines}[key]


def department_page(department, *, today):
    trends = department_trends(department)
    minimum = benchmark_minimum()  # the service's rule, read once so the rows, table and chart agree
    benchmark_rows = department_benchmark(trends, minimum=minimum)
    actions = department_actions(department, today=today)
    return DepartmentPage(
        department=department,
        trends=trends,
        trends_table=trends_table(trends),
        charts=trend_charts(trends),
        benchmark=benchmark_table(trends, benchmark_rows, minimum=minimum),
        benchmark_chart=benchmark_chart(trends, benchmark_rows, minimum=minimum),
        benchmark_rows=benchmark_rows,
        actions=actions,
        deadlines=deadlines_table(actions),
        benchmark_rule=benchmark_rule(minimum),
    )
