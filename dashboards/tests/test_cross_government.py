"""The cross-government dashboard: latest published ratings, filters, sorting, league table, attention lists."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from accounts.models import Department
from actionplans.choices import ActionStatus, PlanStatus
from actionplans.tests.factories import plan_with_actions
from assessments.models import Assessment
from assessments.services.creation import assessment_create
from dashboards.rules import ReassessmentStatus
from dashboards.selectors.attention import overdue_by_department, reassessment_schedule

from .support import departments, page_table, publish, second_framework

pytestmark = pytest.mark.django_db
INDEX = "/dashboards/"


def heatmap(response):
    return page_table(response.content, "heatmap-table")


def test_the_heatmap_shows_the_latest_published_rating_with_words_and_a_link(assessor_client, framework, department_a):
    publish(department_a, framework, year=2014, positions=1)
    latest = publish(department_a, framework, year=2016, positions=4, assessment_type=Assessment.Type.PROGRESS_REVIEW)
    assessment_create(department=department_a, framework=framework, assessment_type="reassessment", year=2020)
    response = assessor_client.get(INDEX)
    headers, rows = heatmap(response)
    assert headers[:3] == ["Department", "Assessment", "1.1 Communicating and realising value"]
    assert rows == [["Department for Education", "Review 2016", *["Progressing towards good practice"] * 10, "4.00"]]
    link = reverse("assessments:assessment_detail", kwargs={"pk": latest.pk})
    assert response.content.count(f'href="{link}"'.encode()) >= 11
    assert b'<span aria-hidden="true">PTGP</span>' in response.content  # the abbreviation on the colour


def test_the_key_explains_every_abbreviation(assessor_client, framework, department_a):
    publish(department_a, framework, year=2014)
    content = assessor_client.get(INDEX).content.decode()
    for words in ("DA: Development area", "PTS: Progressing towards satisfactory", "BP: Best practice"):
        assert words in content


def test_theme_filter_shows_only_that_themes_areas(assessor_client, framework, department_a):
    publish(department_a, framework, year=2014, positions=[1, 1, 1, 1, 6, 6, 6, 6, 1, 1])
    headers, rows = heatmap(assessor_client.get(INDEX, {"theme": "3"}))
    assert headers[2:-1] == [
        "3.1 Recognising information risk",
        "3.2 Establishing control",
        "3.3 Providing guidance",
        "3.4 Measuring impact",
    ]
    assert rows[0][-1] == "6.00"  # the score is over the areas shown


def test_department_type_filter(assessor_client, framework, department_a):
    agency = departments(1, prefix="Agency", department_type=Department.Type.AGENCY)[0]
    publish(department_a, framework, year=2014)
    publish(agency, framework, year=2014)
    _, rows = heatmap(assessor_client.get(INDEX, {"department_type": "agency"}))
    assert [row[0] for row in rows] == ["Agency 01"]


def test_year_range_picks_the_latest_assessment_up_to_the_to_year(assessor_client, framework, department_a):
    publish(department_a, framework, year=2012, positions=1)
    publish(department_a, framework, year=2016, positions=5, assessment_type=Assessment.Type.REASSESSMENT)
    _, rows = heatmap(assessor_client.get(INDEX, {"year_to": "2014"}))
    assert rows[0][1] == "IMA 2012"
    response = assessor_client.get(INDEX, {"year_from": "2015"})
    assert heatmap(response)[1][0][1] == "Reassessment 2016"
    assert "There are no" not in response.content.decode()


def test_year_from_leaves_out_departments_last_assessed_before_it(assessor_client, framework, department_a):
    publish(department_a, framework, year=2012)
    response = assessor_client.get(INDEX, {"year_from": "2015"})
    assert b"No department has a published assessment that matches these filters." in response.content


def test_framework_filter_shows_that_versions_areas_and_assessments(assessor_client, framework, department_a):
    later = second_framework()
    publish(department_a, framework, year=2014, positions=2)
    publish(department_a, later, year=2031, positions=5)
    headers, rows = heatmap(assessor_client.get(INDEX))
    assert rows[0][1] == "IMA 2014"
    headers, rows = heatmap(assessor_client.get(INDEX, {"framework": str(later.pk)}))
    assert headers[2] == "1.1 Communicating and realising value (revised)"
    assert rows[0][1] == "IMA 2031"


def test_sorting_by_score(assessor_client, framework):
    low, high, middle = departments(3)
    publish(low, framework, year=2014, positions=1)
    publish(high, framework, year=2014, positions=5)
    publish(middle, framework, year=2014, positions=3)
    _, rows = heatmap(assessor_client.get(INDEX, {"sort": "score_desc"}))
    assert [row[0] for row in rows] == [high.name, middle.name, low.name]
    _, rows = heatmap(assessor_client.get(INDEX, {"sort": "score_asc"}))
    assert [row[0] for row in rows] == [low.name, middle.name, high.name]
    _, rows = heatmap(assessor_client.get(INDEX))
    assert [row[0] for row in rows] == [low.name, high.name, middle.name]  # by name: "… 01", "… 02", "… 03"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"year_from": "twenty"}, "Enter a year as 4 digits, for example 2016"),
        ({"year_from": "2020", "year_to": "2019"}, "The ‘from’ year must be the same as or before the ‘to’ year"),
        ({"theme": "9"}, "Select a theme of the chosen framework version, or all themes"),
        ({"framework": "nope"}, "Select a framework version"),
        ({"sort": "size"}, "Select how to sort from the list"),
        ({"year_to": "1999"}, "Enter a year from 2000 onwards"),
    ],
)
def test_bad_filters_are_explained_never_a_server_error(assessor_client, framework, department_a, query, message):
    publish(department_a, framework, year=2014)
    response = assessor_client.get(INDEX, query)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Error: Cross-government dashboard" in content
    assert "govuk-error-summary" in content
    assert message in content
    assert heatmap(response)[1]  # the rest of the dashboard still shows


def test_an_export_with_bad_filters_goes_back_to_the_page(assessor_client, framework, department_a):
    publish(department_a, framework, year=2014)
    response = assessor_client.get("/dashboards/export/heatmap.csv", {"year_from": "x"})
    assert response.status_code == 302
    assert response["Location"] == "/dashboards/?year_from=x"


def test_league_table_ties_share_a_rank_and_are_listed_by_name(assessor_client, framework):
    zeta, alpha, top = departments(3)
    zeta.name, alpha.name = "Zeta Office", "Alpha Office"
    zeta.save(), alpha.save()
    publish(zeta, framework, year=2014, positions=[3, 3, 3, 3, 3, 3, 3, 3, 3, 4])  # 3.10
    publish(alpha, framework, year=2014, positions=[4, 3, 3, 3, 3, 3, 3, 3, 3, 3])  # 3.10
    publish(top, framework, year=2014, positions=[3, 3, 3, 3, 3, 3, 3, 3, 4, 4])  # 3.20
    _, rows = page_table(assessor_client.get(INDEX).content, "league-table")
    assert [(row[0], row[1], row[4]) for row in rows] == [
        ("1", top.name, "3.20"),
        ("2=", "Alpha Office", "3.10"),
        ("2=", "Zeta Office", "3.10"),
    ]


def test_league_table_movement_since_the_previous_published_assessment(assessor_client, framework, department_a):
    publish(department_a, framework, year=2014, positions=2)
    publish(
        department_a, framework, year=2016, positions=[3, 3, 3, 3, 3, 2, 2, 2, 2, 2], assessment_type="progress_review"
    )
    department = departments(1)[0]
    publish(department, framework, year=2016, positions=4)
    _, rows = page_table(assessor_client.get(INDEX).content, "league-table")
    by_name = {row[1]: row for row in rows}
    assert by_name["Department for Education"][4:] == ["2.50", "2.00", "Up 0.50"]
    assert by_name[department.name][4:] == ["4.00", "", "No previous assessment"]


def test_distribution_counts_departments_at_each_level(assessor_client, framework):
    one, two, three = departments(3)
    publish(one, framework, year=2014, positions=1)
    publish(two, framework, year=2014, positions=1)
    publish(three, framework, year=2014, positions=6)
    response = assessor_client.get(INDEX)
    headers, rows = page_table(response.content, "distribution-table")
    assert headers == ["Performance area", "DA", "PTS", "S", "PTGP", "GP", "BP", "Rated", "Median"]
    assert rows[0] == ["1.1 Communicating and realising value", "2", "0", "0", "0", "0", "1", "3", "DA"]
    content = response.content.decode()
    assert 'role="img"' in content
    assert "<title>1.1 Communicating and realising value: Development area, 2 departments</title>" in content


def test_reassessment_schedule_uses_the_development_area_count_of_the_latest_ratings(framework):
    three_da, two_da, none_da, reviewed = departments(4)
    publish(three_da, framework, year=2020, positions=[1, 1, 1, 3, 3, 3, 3, 3, 3, 3])
    publish(two_da, framework, year=2020, positions=[1, 1, 3, 3, 3, 3, 3, 3, 3, 3])
    publish(none_da, framework, year=2020, positions=3)
    publish(reviewed, framework, year=2020, positions=1)
    publish(reviewed, framework, year=2021, positions=3, assessment_type="progress_review")
    never = departments(1, prefix="Never assessed")[0]

    rows = {row.department.name: row for row in reassessment_schedule(this_year=2023)}
    assert rows[three_da.name].status == ReassessmentStatus.DUE
    assert rows[three_da.name].due_year == 2023
    assert rows[two_da.name].status == ReassessmentStatus.DUE_NEXT_YEAR
    assert rows[two_da.name].development_areas == 2
    assert none_da.name not in rows  # due in 2025
    # The progress review improved every area: five years from the IMA, not three.
    assert reviewed.name not in rows
    assert rows[never.name].status == ReassessmentStatus.NEVER_ASSESSED

    rows = {row.department.name: row for row in reassessment_schedule(this_year=2024)}
    assert rows[three_da.name].status == ReassessmentStatus.OVERDUE
    assert rows[none_da.name].status == ReassessmentStatus.DUE_NEXT_YEAR


def test_reassessment_counts_from_the_last_ima_or_reassessment_not_a_review(framework, department_a):
    publish(department_a, framework, year=2015, positions=3)
    publish(department_a, framework, year=2019, positions=3, assessment_type="progress_review")
    row = reassessment_schedule(this_year=2020)[0]
    assert (row.last_label, row.due_year, row.status) == ("IMA 2015", 2020, ReassessmentStatus.DUE)


def test_the_page_states_the_reassessment_rule(assessor_client, framework, department_a):
    publish(department_a, framework, year=2014)
    content = assessor_client.get(INDEX).content.decode()
    assert "3 or more areas, due after 3 years; 1 or 2 areas, after 4 years; none, after 5 years" in content


def test_overdue_actions_by_department_follow_the_action_rule(framework, department_a, department_b):
    today = date(2025, 6, 1)
    assessment_a = publish(department_a, framework, year=2020)
    plan_with_actions(
        assessment_a,
        status=PlanStatus.ACCEPTED,
        recommendations=1,
        actions_per_recommendation=2,
        due_date=today - timedelta(days=45),
    )
    assessment_b = publish(department_b, framework, year=2020)
    plan_b = plan_with_actions(
        assessment_b,
        status=PlanStatus.ACCEPTED,
        recommendations=2,
        actions_per_recommendation=1,
        due_date=today - timedelta(days=3),
    )
    plan_b.actions.filter(sequence=1, recommendation__number=2).update(
        status=ActionStatus.COMPLETE, completion_date=today
    )
    due_today = publish(departments(1)[0], framework, year=2020)
    plan_with_actions(due_today, status=PlanStatus.ACCEPTED, due_date=today)

    rows = overdue_by_department(today=today)
    assert [(row.department_name, row.overdue, row.red, row.oldest_due) for row in rows] == [
        ("Department for Education", 2, 2, today - timedelta(days=45)),
        ("Home Office", 1, 0, today - timedelta(days=3)),
    ]


def test_actions_of_plans_closed_by_agreement_are_not_overdue(framework, department_a):
    assessment = publish(department_a, framework, year=2020)
    plan_with_actions(assessment, status=PlanStatus.CLOSED, due_date=date(2021, 1, 1))
    assert overdue_by_department(today=date(2025, 1, 1)) == []
