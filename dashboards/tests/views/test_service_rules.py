"""IMA Portal's own rules (issue 13, point 8): each is a setting, stated with its value where it is applied.

The National Archives publishes a rating per performance area, not scores, averages or a reassessment
formula. Every page that applies a rule of the service's own says so in an inset ("This is IMA Portal's
own rule, not The National Archives': …") with the setting and its current value; changing the setting
changes both what the page does and what it says.
"""

import html
import io
import json
import re

import pytest
from django.core import checks
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from assessments.services.framework import DEFAULT_FRAMEWORK_FILE
from assessments.tests.factories import published_assessment
from dashboards import rules
from dashboards.presenters.crossgov import overdue_table
from dashboards.tests.support import departments, page_table

pytestmark = pytest.mark.django_db
INDEX = "/dashboards/"
OWN = "This is IMA Portal's own rule, not The National Archives':"


def inset(response, key):
    """The words of the rule inset `<key>-rule` as read out: tags removed, entities decoded, spaces collapsed."""
    content = response.content.decode()
    found = re.search(rf'<div class="govuk-inset-text" id="{key}-rule">(.*?)</div>', content, re.S)
    assert found, f"no {key} rule on the page"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split())


def has_inset(response, key):
    return f'id="{key}-rule"' in response.content.decode()


def dashboard(client, department):
    return client.get(reverse("dashboards:department", kwargs={"slug": department.slug}))


def about_lines(response):
    sheet = load_workbook(io.BytesIO(response.content))["About"]
    return [row[0] for row in sheet.iter_rows(values_only=True)]


# ------------------------------------------------------------------------------
# Due for reassessment: DASHBOARD_REASSESSMENT_INTERVALS


def test_the_reassessment_rule_is_stated_as_the_services_own_with_the_settings_value(assessor_client, framework):
    published_assessment(departments(1)[0], framework, year=2014, ratings=3)
    words = inset(assessor_client.get(INDEX), "reassessment")
    assert words.startswith(f"{OWN} A department is due for reassessment 3, 4 or 5 years after its last IMA")
    assert "3 or more areas, due after 3 years; 1 or 2 areas, after 4 years; none, after 5 years." in words
    assert "It is a setting of this installation: DASHBOARD_REASSESSMENT_INTERVALS, now 3:3,1:4,0:5." in words


def test_changing_the_interval_setting_changes_the_schedule_and_the_sentence(assessor_client, framework, settings):
    department = departments(1)[0]
    this_year = timezone.localdate().year
    published_assessment(
        department, framework, year=this_year - 2, ratings=4
    )  # no Development area: 5 years by default

    response = assessor_client.get(INDEX)
    assert "No department is due for reassessment this year or next." in response.content.decode()

    settings.DASHBOARD_REASSESSMENT_INTERVALS = "0:2"
    response = assessor_client.get(INDEX)
    _, rows = page_table(response.content, "reassessment-table")
    row = next(row for row in rows if row[0] == department.name)
    assert row[3:6] == ["2", str(this_year), "Due this year"]
    words = inset(response, "reassessment")
    assert f"{OWN} A department is due for reassessment 2 years after its last IMA or reassessment, whatever" in words
    assert "DASHBOARD_REASSESSMENT_INTERVALS, now 0:2." in words


def test_the_reassessment_export_follows_the_setting_and_says_so(assessor_client, framework, settings):
    department = departments(1)[0]
    published_assessment(department, framework, year=timezone.localdate().year - 2, ratings=1)  # 10 Development areas
    settings.DASHBOARD_REASSESSMENT_INTERVALS = "10:1,0:5"
    response = assessor_client.get("/dashboards/export/reassessment.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)][1:]
    assert [row[5] for row in rows if row[0] == department.name] == ["Overdue"]
    lines = about_lines(response)
    assert rules.OWN_RULES_HEADING in lines
    assert "It is a setting of this installation: DASHBOARD_REASSESSMENT_INTERVALS, now 10:1,0:5." in lines


@pytest.mark.parametrize(
    ("intervals", "words"),
    [
        ("3:3,1:4,0:5", "3, 4 or 5 years after"),
        ("3:3,1:4,0:5", "3 or more areas, due after 3 years; 1 or 2 areas, after 4 years; none, after 5 years."),
        ("2:1,0:6", "1 or 6 years after"),
        ("2:1,0:6", "2 or more areas, due after 1 year; up to 1 area, after 6 years."),
        ("5:3,1:4,0:5", "5 or more areas, due after 3 years; 1 to 4 areas, after 4 years; none, after 5 years."),
        ("1:3,0:3", "due for reassessment 3 years after"),
        ("1:3,0:3", "1 or more areas, due after 3 years; none, after 3 years."),
    ],
)
def test_the_rule_in_words_follows_any_intervals(intervals, words):
    assert words in rules.reassessment_rule_text(rules.parse_intervals(intervals))


@pytest.mark.parametrize("development_areas", [0, 1, 4, 10])
def test_one_interval_applies_whatever_the_ratings(settings, development_areas):
    settings.DASHBOARD_REASSESSMENT_INTERVALS = "0:4"
    assert rules.reassessment_interval(development_areas) == 4


@pytest.mark.parametrize("bad", ["", "3", "3:3,1:4", "1:4,3:3,0:5", "3:3,3:4,0:5", "0:0", "a:b", "3:3;0:5", "-1:3,0:4"])
def test_a_reassessment_setting_that_makes_no_sense_fails_the_system_check(settings, bad):
    settings.DASHBOARD_REASSESSMENT_INTERVALS = bad
    errors = checks.run_checks()
    assert [error.id for error in errors if error.id.startswith("dashboards.")] == ["dashboards.E001"]
    assert "DASHBOARD_REASSESSMENT_INTERVALS must be pairs" in next(e.msg for e in errors if e.id == "dashboards.E001")


# ------------------------------------------------------------------------------
# Score: DASHBOARD_SCORE


def test_the_score_is_labelled_as_the_services_own_measure_beside_the_ratings(assessor_client, framework):
    low, high = departments(2)
    published_assessment(low, framework, year=2014, ratings=[1, 1, 3, 3, 3, 3, 3, 3, 3, None])
    published_assessment(high, framework, year=2014, ratings=5)
    response = assessor_client.get(INDEX)
    words = inset(response, "score")
    assert words.startswith(f"{OWN} Score: the mean of the latest published ratings")
    assert "The National Archives publishes ratings, not scores" in words
    assert words.endswith("It is a setting of this installation: DASHBOARD_SCORE, now on.")
    headers, rows = page_table(response.content, "league-table")
    assert headers == [
        "Rank",
        "Department",
        "Latest assessment",
        "Ratings (number of areas at each)",
        "IMA Portal score",
        "Previous IMA Portal score",
        "Movement",
    ]
    assert [row[1:5] for row in rows] == [
        [high.name, "IMA 2014", "10 GP", "5.00"],
        [low.name, "IMA 2014", "2 DA, 7 S; 1 not rated", "2.56"],
    ]
    heat_headers, heat_rows = page_table(response.content, "heatmap-table")
    assert heat_headers[-1] == "IMA Portal score"
    assert "IMA Portal&#x27;s own measure" in response.content.decode()
    by_name = {row[0]: row for row in heat_rows}
    assert by_name[high.name][2:] == [*["Good practice"] * 10, "5.00"]  # the ratings themselves, beside the score


def test_switching_the_score_off_shows_ratings_only_and_says_so(assessor_client, framework, settings):
    department = departments(1)[0]
    published_assessment(department, framework, year=2014, ratings=5)
    settings.DASHBOARD_SCORE = False
    response = assessor_client.get(INDEX)
    words = inset(response, "score")
    assert words.startswith(f"{OWN} IMA Portal's own score (the mean of a department's ratings) is switched off")
    assert words.endswith("It is a setting of this installation: DASHBOARD_SCORE, now off.")
    content = response.content.decode()
    assert 'id="league-table"' not in content and 'href="#league"' not in content
    assert "departments with a score" not in content
    headers, rows = page_table(content, "heatmap-table")
    assert headers[-1] == "4.2 Implementing disposal decisions"
    assert rows == [[department.name, "IMA 2014", *["Good practice"] * 10]]
    assert assessor_client.get("/dashboards/export/league.csv").status_code == 404
    assert "IMA Portal score (highest first)" not in content


def test_sorting_by_score_is_refused_while_the_score_is_off(assessor_client, framework, settings):
    published_assessment(departments(1)[0], framework, year=2014, ratings=3)
    settings.DASHBOARD_SCORE = False
    response = assessor_client.get(INDEX, {"sort": "score_desc"})
    assert response.status_code == 200
    assert "Select how to sort from the list" in response.content.decode()


def test_the_heatmap_export_follows_the_score_setting(assessor_client, framework, settings):
    published_assessment(departments(1)[0], framework, year=2014, ratings=4)
    header = assessor_client.get("/dashboards/export/heatmap.csv").content.decode().splitlines()[0]
    assert header.endswith(",IMA Portal score")
    settings.DASHBOARD_SCORE = False
    header = assessor_client.get("/dashboards/export/heatmap.csv").content.decode().splitlines()[0]
    assert header.endswith(",4.2 Implementing disposal decisions")


def test_the_league_export_states_the_score_rule_and_its_setting(assessor_client, framework):
    published_assessment(departments(1)[0], framework, year=2014, ratings=3)
    lines = about_lines(assessor_client.get("/dashboards/export/league.xlsx"))
    assert rules.OWN_RULES_HEADING in lines
    assert "It is a setting of this installation: DASHBOARD_SCORE, now on." in lines


# ------------------------------------------------------------------------------
# Benchmark: DASHBOARD_BENCHMARK_MINIMUM


def _four_rated(framework, department_a):
    published_assessment(department_a, framework, year=2015, ratings=3)
    for department, position in zip(departments(3), (1, 4, 6), strict=True):
        published_assessment(department, framework, year=2015, ratings=position)


def test_the_benchmark_minimum_is_stated_as_the_services_own_with_its_value(lead_a_client, framework, department_a):
    _four_rated(framework, department_a)
    response = dashboard(lead_a_client, department_a)
    words = inset(response, "benchmark")
    assert words.startswith(f"{OWN} Where fewer than 5 departments have a rating for an area, the comparison is not")
    assert "Quartiles use the nearest-rank method" in words
    assert words.endswith("It is a setting of this installation: DASHBOARD_BENCHMARK_MINIMUM, now 5.")
    _, rows = page_table(response.content, "benchmark-table")
    assert rows[0][2] == "Not shown: fewer than 5 departments have a rating"


def test_changing_the_benchmark_minimum_changes_the_comparison_and_the_sentence(
    lead_a_client, framework, department_a, settings
):
    _four_rated(framework, department_a)
    settings.DASHBOARD_BENCHMARK_MINIMUM = 4
    response = dashboard(lead_a_client, department_a)
    _, rows = page_table(response.content, "benchmark-table")
    assert rows[0][:3] == ["1.1 Communicating and realising value", "Satisfactory", "4"]
    words = inset(response, "benchmark")
    assert "Where fewer than 4 departments have a rating" in words
    assert words.endswith("DASHBOARD_BENCHMARK_MINIMUM, now 4.")

    settings.DASHBOARD_BENCHMARK_MINIMUM = 6
    response = dashboard(lead_a_client, department_a)
    _, rows = page_table(response.content, "benchmark-table")
    assert rows[0][2] == "Not shown: fewer than 6 departments have a rating"
    assert "now 6." in inset(response, "benchmark")


def test_the_benchmark_export_states_the_minimum_in_force(lead_a_client, framework, department_a, settings):
    _four_rated(framework, department_a)
    settings.DASHBOARD_BENCHMARK_MINIMUM = 3
    url = reverse(
        "dashboards:department_export", kwargs={"slug": department_a.slug, "section": "benchmark", "fmt": "xlsx"}
    )
    lines = about_lines(lead_a_client.get(url))
    assert "It is a setting of this installation: DASHBOARD_BENCHMARK_MINIMUM, now 3." in lines
    assert any(line.startswith("Where fewer than 3 departments have a rating") for line in lines)


@pytest.mark.parametrize("bad", [0, -2, "5", True])
def test_a_benchmark_minimum_that_makes_no_sense_fails_the_system_check(settings, bad):
    settings.DASHBOARD_BENCHMARK_MINIMUM = bad
    errors = [error for error in checks.run_checks() if error.id == "dashboards.E001"]
    assert [error.msg for error in errors] == [rules.BENCHMARK_FORMAT]


def test_the_default_settings_pass_the_system_check():
    assert [error for error in checks.run_checks() if error.id.startswith("dashboards.")] == []


# ------------------------------------------------------------------------------
# RAG: applied by actionplans.rules; the dashboards state it as the service's own


def test_both_dashboards_state_the_rag_rule_as_the_services_own(assessor_client, framework, department_a, settings):
    published_assessment(department_a, framework, year=2015, ratings=3)
    expected = (
        f"{OWN} An action's RAG status is red when it is overdue by 30 days or more; amber when it is overdue by "
        "less, or due within 30 days and not started; otherwise green."
    )
    assert inset(assessor_client.get(INDEX), "rag") == expected
    assert inset(dashboard(assessor_client, department_a), "rag") == expected
    settings.ACTION_RAG_RED_AFTER_DAYS_OVERDUE = 45
    response = assessor_client.get(INDEX)
    assert "overdue by 45 days or more" in inset(response, "rag")
    assert "Overdue 45 days or more (red)" in overdue_table([]).headers


# ------------------------------------------------------------------------------
# Level descriptors: the service's own words


def test_the_framework_data_says_whose_words_its_descriptors_are():
    data = json.loads(DEFAULT_FRAMEWORK_FILE.read_text())
    assert data["descriptors_source"] == "IMA Portal"


def test_the_descriptor_source_include_says_they_are_the_services_words():
    words = " ".join(html.unescape(render_to_string("includes/descriptor_source.html")).split())
    assert words.endswith(
        "The descriptions of each rating are IMA Portal's own words: The National Archives does not publish its "
        "level descriptors in full.</p>"
    )
