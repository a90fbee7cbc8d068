"""The cross-government dashboard: latest published ratings, filters, sorting, league table, attention lists."""

import pytest
from django.urls import reverse

from accounts.models import Department
from assessments.models import Assessment
from assessments.services.creation import assessment_create
from assessments.tests.factories import published_assessment
from dashboards.tests.support import departments, page_table, second_framework

pytestmark = pytest.mark.django_db
INDEX = "/dashboards/"


def heatmap(response):
    return page_table(response.content, "heatmap-table")


def test_the_heatmap_shows_the_latest_published_rating_with_words_and_a_link(assessor_client, framework, department_a):
    published_assessment(department_a, framework, year=2014, ratings=1)
    latest = published_assessment(
        department_a, framework, year=2016, ratings=4, assessment_type=Assessment.Type.PROGRESS_REVIEW
    )
    assessment_create(department=department_a, framework=framework, assessment_type="reassessment", year=2020)
    response = assessor_client.get(INDEX)
    headers, rows = heatmap(response)
    assert headers[:3] == ["Department", "Assessment", "1.1 Communicating and realising value"]
    ratings = ["Progressing towards good practice"] * 10
    assert rows == [["Department for Education", "Progress review 2016", *ratings, "4.00"]]
    link = reverse("assessments:assessment_detail", kwargs={"pk": latest.pk})
    assert response.content.count(f'href="{link}"'.encode()) >= 11
    assert b'<span aria-hidden="true">PTGP</span>' in response.content  # the abbreviation on the colour


def test_the_key_explains_every_abbreviation(assessor_client, framework, department_a):
    published_assessment(department_a, framework, year=2014, ratings=3)
    content = assessor_client.get(INDEX).content.decode()
    for words in ("DA: Development area", "PTS: Progressing towards satisfactory", "BP: Best practice"):
        assert words in content


def test_theme_filter_shows_only_that_themes_areas(assessor_client, framework, department_a):
    published_assessment(department_a, framework, year=2014, ratings=[1, 1, 1, 1, 6, 6, 6, 6, 1, 1])
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
    published_assessment(department_a, framework, year=2014, ratings=3)
    published_assessment(agency, framework, year=2014, ratings=3)
    _, rows = heatmap(assessor_client.get(INDEX, {"department_type": "agency"}))
    assert [row[0] for row in rows] == ["Agency 01"]


def test_year_range_picks_the_latest_assessment_up_to_the_to_year(assessor_client, framework, department_a):
    published_assessment(department_a, framework, year=2012, ratings=1)
    published_assessment(department_a, framework, year=2016, ratings=5, assessment_type=Assessment.Type.REASSESSMENT)
    _, rows = heatmap(assessor_client.get(INDEX, {"year_to": "2014"}))
    assert rows[0][1] == "IMA 2012"
    response = assessor_client.get(INDEX, {"year_from": "2015"})
    assert heatmap(response)[1][0][1] == "Reassessment 2016"
    assert "There are no" not in response.content.decode()


def test_year_from_leaves_out_departments_last_assessed_before_it(assessor_client, framework, department_a):
    published_assessment(department_a, framework, year=2012, ratings=3)
    response = assessor_client.get(INDEX, {"year_from": "2015"})
    assert b"No department has a published assessment that matches these filters." in response.content


def test_framework_filter_shows_that_versions_areas_and_assessments(assessor_client, framework, department_a):
    later = second_framework()
    published_assessment(department_a, framework, year=2014, ratings=2)
    published_assessment(department_a, later, year=2031, ratings=5)
    headers, rows = heatmap(assessor_client.get(INDEX))
    assert rows[0][1] == "IMA 2014"
    headers, rows = heatmap(assessor_client.get(INDEX, {"framework": str(later.pk)}))
    assert headers[2] == "1.1 Communicating and realising value (revised)"
    assert rows[0][1] == "IMA 2031"


def test_sorting_by_score(assessor_client, framework):
    low, high, middle = departments(3)
    published_assessment(low, framework, year=2014, ratings=1)
    published_assessment(high, framework, year=2014, ratings=5)
    published_assessment(middle, framework, year=2014, ratings=3)
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
    published_assessment(department_a, framework, year=2014, ratings=3)
    response = assessor_client.get(INDEX, query)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Error: Cross-government dashboard" in content
    assert "govuk-error-summary" in content
    assert message in content
    assert heatmap(response)[1]  # the rest of the dashboard still shows


def test_an_export_with_bad_filters_goes_back_to_the_page(assessor_client, framework, department_a):
    published_assessment(department_a, framework, year=2014, ratings=3)
    response = assessor_client.get("/dashboards/export/heatmap.csv", {"year_from": "x"})
    assert response.status_code == 302
    assert response["Location"] == "/dashboards/?year_from=x"


def test_league_table_ties_share_a_rank_and_are_listed_by_name(assessor_client, framework):
    zeta, alpha, top = departments(3)
    zeta.name, alpha.name = "Zeta Office", "Alpha Office"
    zeta.save(), alpha.save()
    published_assessment(zeta, framework, year=2014, ratings=[3, 3, 3, 3, 3, 3, 3, 3, 3, 4])  # 3.10
    published_assessment(alpha, framework, year=2014, ratings=[4, 3, 3, 3, 3, 3, 3, 3, 3, 3])  # 3.10
    published_assessment(top, framework, year=2014, ratings=[3, 3, 3, 3, 3, 3, 3, 3, 4, 4])  # 3.20
    _, rows = page_table(assessor_client.get(INDEX).content, "league-table")
    assert [(row[0], row[1], row[4]) for row in rows] == [
        ("1", top.name, "3.20"),
        ("2=", "Alpha Office", "3.10"),
        ("2=", "Zeta Office", "3.10"),
    ]


def test_league_table_movement_since_the_previous_published_assessment(assessor_client, framework, department_a):
    published_assessment(department_a, framework, year=2014, ratings=2)
    published_assessment(
        department_a, framework, year=2016, ratings=[3, 3, 3, 3, 3, 2, 2, 2, 2, 2], assessment_type="progress_review"
    )
    department = departments(1)[0]
    published_assessment(department, framework, year=2016, ratings=4)
    _, rows = page_table(assessor_client.get(INDEX).content, "league-table")
    by_name = {row[1]: row for row in rows}
    assert by_name["Department for Education"][4:] == ["2.50", "2.00", "Up 0.50"]
    assert by_name[department.name][4:] == ["4.00", "", "No previous assessment"]


def test_distribution_counts_departments_at_each_level(assessor_client, framework):
    one, two, three = departments(3)
    published_assessment(one, framework, year=2014, ratings=1)
    published_assessment(two, framework, year=2014, ratings=1)
    published_assessment(three, framework, year=2014, ratings=6)
    response = assessor_client.get(INDEX)
    headers, rows = page_table(response.content, "distribution-table")
    assert headers == ["Performance area", "DA", "PTS", "S", "PTGP", "GP", "BP", "Rated", "Median"]
    assert rows[0] == ["1.1 Communicating and realising value", "2", "0", "0", "0", "0", "1", "3", "DA"]
    content = response.content.decode()
    assert 'role="img"' in content
    assert "<title>1.1 Communicating and realising value: Development area, 2 departments</title>" in content


def test_the_page_states_the_reassessment_rule(assessor_client, framework, department_a):
    published_assessment(department_a, framework, year=2014, ratings=3)
    content = assessor_client.get(INDEX).content.decode()
    assert "3 or more areas, due after 3 years; 1 or 2 areas, after 4 years; none, after 5 years" in content
