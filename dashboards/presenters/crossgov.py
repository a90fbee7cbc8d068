"""The cross-government dashboard as tables and charts: one builder per section, shared by page and export.

The page shows the department-per-row tables a page at a time (`page_of`, from the view): the work of
building and sending them stays the same whatever the number of departments. The exports build the
same tables over every row, with the same filters and order.
"""

from collections import Counter
from dataclasses import dataclass

from actionplans import rules as action_rules

from .. import tables
from ..charts import stacked_bars
from ..rules import ReassessmentStatus, quartiles, reassessment_intervals, score_shown
from ..selectors.attention import DUE_STATUSES, overdue_by_department, reassessment_schedule
from ..selectors.crossgov import crossgov_data
from ..tables import Table
from ..urlmaker import assessment_url, department_dashboard_url

SECTIONS = {
    "heatmap": "Latest ratings",
    "distribution": "Distribution of ratings",
    "league": "League table",
    "reassessment": "Due for reassessment",
    "overdue": "Overdue actions",
}
SCORE_HEADER = "IMA Portal score"
SCORE_GROUP = "IMA Portal's own measure"
RATINGS_GROUP = "The National Archives' ratings"


def sections():
    """The sections shown: the league table only while the service's score is (setting DASHBOARD_SCORE)."""
    if score_shown():
        return SECTIONS
    return {key: label for key, label in SECTIONS.items() if key != "league"}


def area_heading(area):
    return f"{area.reference} {area.name}"


def _assessment_label(assessment):
    return assessment.short_label


def heatmap_table(data, rows=None, *, score=True):
    """The heatmap of `rows` (a page of data.rows), or of every department shown; the service's score last if shown."""
    to_assessment, to_dashboard = assessment_url(), department_dashboard_url()
    headers = ["Department", "Assessment", *[area_heading(area) for area in data.areas]]
    if score:
        headers.append(SCORE_HEADER)
    groups = []
    for area in data.areas:
        if groups and groups[-1][0] == area.theme:
            groups[-1][1] += 1
        else:
            groups.append([area.theme, 1])
    table = Table(
        key="heatmap",
        caption="Latest published rating of each performance area, by department",
        headers=headers,
        numeric_columns=frozenset({len(headers) - 1}) if score else frozenset(),
        heat_columns=frozenset(range(2, 2 + len(data.areas))),
        header_groups=[
            ("", 2),
            *[(f"{theme.number}. {theme.name}", span) for theme, span in groups],
            *([(SCORE_GROUP, 1)] if score else []),
        ],
    )
    for row in data.rows if rows is None else rows:
        link = to_assessment(row.latest.pk)
        table.rows.append(
            [
                tables.text(row.department.name, url=to_dashboard(row.department.slug)),
                tables.text(_assessment_label(row.latest), url=link),
                *[tables.rating(row.levels.get(area.pk), url=link) for area in data.areas],
                *([tables.decimal2(row.score)] if score else []),
            ]
        )
    return table


def distribution_counts(data):
    """[(area, {position: count})] over the departments shown."""
    result = []
    for area in data.areas:
        counts = Counter(row.levels[area.pk].position for row in data.rows if row.levels.get(area.pk))
        result.append((area, counts))
    return result


def distribution_table(data, counts=None):
    counts = counts if counts is not None else distribution_counts(data)
    by_position = {level.position: level for level in data.levels}
    table = Table(
        key="distribution",
        caption="Number of departments at each rating, by performance area",
        headers=["Performance area", *[level.abbreviation for level in data.levels], "Rated", "Median"],
        numeric_columns=frozenset(range(1, len(data.levels) + 2)),
    )
    for area, area_counts in counts:
        median = quartiles(area_counts)[1]
        table.rows.append(
            [
                tables.text(area_heading(area)),
                *[tables.number(area_counts.get(level.position, 0)) for level in data.levels],
                tables.number(sum(area_counts.values())),
                tables.text(by_position[median].abbreviation if median else ""),
            ]
        )
    return table


def distribution_chart(data, counts):
    return stacked_bars(
        chart_id="distribution-chart",
        title="Distribution of ratings by performance area",
        description=(
            "One bar per performance area, divided by rating from Development area on the left to Best practice "
            "on the right; each part is labelled with the rating's abbreviation and the number of departments "
            "where there is room. The table after the chart gives every number."
        ),
        rows=[(area_heading(area), area_counts) for area, area_counts in counts],
        levels=data.levels,
    )


def movement(row):
    if row.previous is None:
        return "No previous assessment"
    if row.previous_score is None or row.score is None:
        return "No previous rating"
    change = tables.two_places(row.score) - tables.two_places(row.previous_score)
    if change > 0:
        return f"Up {change:.2f}"
    if change < 0:
        return f"Down {-change:.2f}"
    return "No change"


def league_ranking(data):
    """[(rank, row)] of the departments with a score, highest first; ties share a rank ("2=") and go by name."""
    rated = sorted(
        (row for row in data.rows if row.score is not None),
        key=lambda row: (-row.score, row.department.name.casefold()),
    )
    scores = Counter(row.score for row in rated)
    ranking, rank = [], 0
    for position, row in enumerate(rated, start=1):
        if position == 1 or row.score != rated[position - 2].score:
            rank = position
        ranking.append((f"{rank}=" if scores[row.score] > 1 else str(rank), row))
    return ranking


def ratings_summary(levels, area_levels):
    """A department's ratings in words, lowest level first: "2 DA, 8 S" (with "; 1 not rated" when some are not)."""
    at_level = Counter(level.position for level in area_levels if level)
    parts = [f"{at_level[level.position]} {level.abbreviation}" for level in levels if at_level[level.position]]
    unrated = sum(1 for level in area_levels if not level)
    text = ", ".join(parts) or "None rated"
    return f"{text}; {unrated} not rated" if unrated and parts else text


def league_table(ranking, levels):
    """The league table of `ranking` (from league_ranking, or a page of it).

    The score is the service's own measure (TNA publishes ratings), so each row keeps the ratings it is
    worked out from beside it: how many areas have each level of the scale (`levels`, lowest first).
    """
    to_assessment, to_dashboard = assessment_url(), department_dashboard_url()
    table = Table(
        key="league",
        caption="Departments ranked by IMA Portal's score, beside the ratings it is worked out from",
        headers=[
            "Rank",
            "Department",
            "Latest assessment",
            "Ratings (number of areas at each)",
            SCORE_HEADER,
            f"Previous {SCORE_HEADER}",
            "Movement",
        ],
        numeric_columns=frozenset({0, 4, 5}),
        row_header=1,
        header_groups=[("", 3), (RATINGS_GROUP, 1), (SCORE_GROUP, 3)],
    )
    for rank, row in ranking:
        table.rows.append(
            [
                tables.Cell(text=rank, numeric=True),
                tables.text(row.department.name, url=to_dashboard(row.department.slug)),
                tables.text(_assessment_label(row.latest), url=to_assessment(row.latest.pk)),
                tables.text(ratings_summary(levels, list(row.levels.values()))),
                tables.decimal2(row.score),
                tables.decimal2(row.previous_score),
                tables.text(movement(row)),
            ]
        )
    return table


def reassessment_table(rows):
    to_dashboard = department_dashboard_url()
    table = Table(
        key="reassessment",
        caption="Departments due for reassessment, most overdue first",
        headers=[
            "Department",
            "Last IMA or reassessment",
            "Development areas",
            "Interval (years)",
            "Due",
            "Status",
            "Assessment open",
        ],
        numeric_columns=frozenset({2, 3, 4}),
    )
    for row in rows:
        known = row.last_year is not None
        table.rows.append(
            [
                tables.text(row.department.name, url=to_dashboard(row.department.slug)),
                tables.text(row.last_label),
                tables.number(row.development_areas) if known else tables.text(""),
                tables.number(row.interval) if known else tables.text(""),
                tables.number(row.due_year) if known else tables.text("Now"),
                tables.text(row.status),
                tables.text("Yes" if row.under_way else "No"),
            ]
        )
    return table


def overdue_table(rows):
    to_dashboard = department_dashboard_url()
    table = Table(
        key="overdue",
        caption="Overdue actions by department, most first",
        headers=[
            "Department",
            "Overdue actions",
            f"Overdue {action_rules.red_after_days_overdue()} days or more (red)",
            "Oldest due date",
            "Days overdue",
        ],
        numeric_columns=frozenset({1, 2, 4}),
    )
    for row in rows:
        table.rows.append(
            [
                tables.text(row.department_name, url=to_dashboard(row.department_slug)),
                tables.number(row.overdue),
                tables.number(row.red),
                tables.day(row.oldest_due),
                tables.number(row.most_days_overdue),
            ]
        )
    return table


# The tables with a row per department, shown a page at a time.
PAGED_SECTIONS = ("heatmap", "league", "reassessment", "overdue")


@dataclass
class CrossGovernmentPage:
    data: object
    heatmap: Table
    distribution: Table
    distribution_chart: object
    league: Table | None  # None while the service's score is switched off
    reassessment: Table
    overdue: Table
    due_count: int
    due_next_year_count: int
    overdue_total: int
    # {section: common.pagination.Pagination} for PAGED_SECTIONS: which rows this page shows, of how many.
    pages: dict

    def table(self, key):
        return getattr(self, key)


def crossgov_page(filters, *, today, page_of):
    """The page: `page_of(section, rows)` picks the rows of a paged section to show (a Pagination)."""
    data = crossgov_data(filters)
    counts = distribution_counts(data)
    score = score_shown()
    schedule = reassessment_schedule(
        this_year=today.year, department_type=filters.department_type, intervals=reassessment_intervals()
    )
    overdue_rows = overdue_by_department(today=today, department_type=filters.department_type)
    pages = {"heatmap": page_of("heatmap", data.rows)}
    if score:
        pages["league"] = page_of("league", league_ranking(data))
    pages["reassessment"] = page_of("reassessment", schedule)
    pages["overdue"] = page_of("overdue", overdue_rows)
    return CrossGovernmentPage(
        data=data,
        heatmap=heatmap_table(data, pages["heatmap"].rows, score=score),
        distribution=distribution_table(data, counts),
        distribution_chart=distribution_chart(data, counts),
        league=league_table(pages["league"].rows, data.levels) if score else None,
        reassessment=reassessment_table(pages["reassessment"].rows),
        overdue=overdue_table(pages["overdue"].rows),
        due_count=sum(1 for row in schedule if row.status in DUE_STATUSES),
        due_next_year_count=sum(1 for row in schedule if row.status == ReassessmentStatus.DUE_NEXT_YEAR),
        overdue_total=sum(row.overdue for row in overdue_rows),
        pages=pages,
    )


def crossgov_section(filters, *, today, section):
    """One section over every row, for its export (an export of the heatmap need not count overdue actions).

    `section` is one of sections(): the view answers 404 for the league table while the score is switched off.
    """
    if section == "reassessment":
        return reassessment_table(reassessment_schedule(this_year=today.year, department_type=filters.department_type))
    if section == "overdue":
        return overdue_table(overdue_by_department(today=today, department_type=filters.department_type))
    data = crossgov_data(filters)
    if section == "distribution":
        return distribution_table(data)
    if section == "league":
        return league_table(league_ranking(data), data.levels)
    return heatmap_table(data, score=score_shown())
