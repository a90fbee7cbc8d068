"""Trends across framework versions: joined only along administrators' area mappings, else "not comparable"."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.models import PerformanceArea
from assessments.tests.factories import published_assessment
from dashboards.models import SAME_FRAMEWORK, AreaMapping
from dashboards.presenters.department import department_page
from dashboards.tests.support import page_table, second_framework

pytestmark = pytest.mark.django_db


def area(framework, reference):
    theme, number = (int(part) for part in reference.split("."))
    return PerformanceArea.objects.get(theme__framework=framework, theme__number=theme, number=number)


def mapping(old_framework, new_framework, old_reference, new_reference=None):
    return AreaMapping.objects.create(
        from_area=area(old_framework, old_reference), to_area=area(new_framework, new_reference or old_reference)
    )


@pytest.fixture
def later(framework):
    return second_framework()


@pytest.fixture
def history(framework, later, department_a):
    """An IMA against the 2013 framework, then a review against the revised one."""
    published_assessment(department_a, framework, year=2014, ratings=2)
    published_assessment(department_a, later, year=2031, ratings=4, assessment_type="progress_review")
    return department_a


def trend_rows(client, department):
    response = client.get(reverse("dashboards:department", kwargs={"slug": department.slug}))
    return response, page_table(response.content, "trends-table")


def test_a_mapped_area_carries_its_rating_across_the_revision(assessor_client, framework, later, history):
    mapping(framework, later, "1.1")
    response, (headers, rows) = trend_rows(assessor_client, history)
    assert headers == ["Performance area", "IMA 2014 (IMA performance framework 2013)", "Review 2031"]
    assert rows[0] == [
        "1.1 Communicating and realising value (revised)",
        "Progressing towards satisfactory",
        "Progressing towards good practice",
    ]
    chart = response.context["page"].charts[0]
    assert len(chart.runs) == 1 and chart.runs[0].count(",") == 2  # one line through both points


def test_an_unmapped_area_is_not_comparable_and_not_joined(assessor_client, framework, later, history):
    mapping(framework, later, "1.1")
    response, (_, rows) = trend_rows(assessor_client, history)
    assert rows[1] == [
        "1.2 Managing information as an asset (revised)",
        "Not comparable",
        "Progressing towards good practice",
    ]
    chart = response.context["page"].charts[1]
    assert chart.runs == []
    assert "not comparable (no mapping from this framework version)" in chart.description
    content = response.content.decode()
    assert ">comparable</text>" in content  # the gap is labelled in the chart itself


def test_without_any_mapping_nothing_is_joined(assessor_client, history):
    _, (_, rows) = trend_rows(assessor_client, history)
    assert all(row[1] == "Not comparable" for row in rows)


def test_several_areas_merged_into_one_are_not_comparable(assessor_client, framework, later, history):
    mapping(framework, later, "3.1", "3.1")
    mapping(framework, later, "3.2", "3.1")
    response, (_, rows) = trend_rows(assessor_client, history)
    assert rows[4][:2] == ["3.1 Recognising information risk (revised)", "Not comparable"]
    assert "several areas of this framework version map to it" in response.context["page"].charts[4].description


def test_a_level_with_no_counterpart_on_the_new_scale_is_not_comparable(assessor_client, framework, department_a):
    renamed = second_framework(slug="ima-2035", name="IMA framework 2035", rename_levels={2: "Emerging"})
    published_assessment(department_a, framework, year=2014, ratings=[2, 3, 3, 3, 3, 3, 3, 3, 3, 3])
    published_assessment(department_a, renamed, year=2036, ratings=4)
    mapping(framework, renamed, "1.1")
    mapping(framework, renamed, "1.2")
    _, (_, rows) = trend_rows(assessor_client, department_a)
    assert rows[0][1] == "Not comparable"  # "Progressing towards satisfactory" has no level of that name
    assert rows[1][1] == "Satisfactory"  # same name on both scales


def test_mappings_chain_through_intermediate_versions(assessor_client, framework, later, department_a):
    latest = second_framework(slug="ima-2040", name="IMA framework 2040")
    published_assessment(department_a, framework, year=2014, ratings=5)
    published_assessment(department_a, latest, year=2041, ratings=6)
    mapping(framework, later, "2.1")
    mapping(later, latest, "2.1")
    _, (_, rows) = trend_rows(assessor_client, department_a)
    assert rows[2][1:] == ["Good practice", "Best practice"]


def test_the_page_explains_comparisons_across_versions(assessor_client, history):
    content = assessor_client.get(reverse("dashboards:department", kwargs={"slug": history.slug})).content.decode()
    assert "Some assessments used another framework version." in content


def test_one_framework_needs_no_mapping(framework, department_a):
    published_assessment(department_a, framework, year=2014, ratings=2)
    published_assessment(department_a, framework, year=2016, ratings=3)
    page = department_page(department_a, today=date.today())
    assert page.trends_table.export_rows()[0][1:] == ["Progressing towards satisfactory", "Satisfactory"]
    assert not page.trends.has_other_frameworks


def test_a_mapping_joins_two_different_versions(framework):
    bad = AreaMapping(from_area=area(framework, "1.1"), to_area=area(framework, "1.2"))
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert SAME_FRAMEWORK in str(error.value)


def test_administrators_edit_mappings_in_the_admin(client, administrator, framework, later):
    client.force_login(administrator)
    assert client.get(reverse("admin:dashboards_areamapping_changelist")).status_code == 200
    response = client.post(
        reverse("admin:dashboards_areamapping_add"),
        {"from_area": area(framework, "4.2").pk, "to_area": area(later, "4.2").pk, "note": "Same scope"},
    )
    assert response.status_code == 302
    assert AreaMapping.objects.get().note == "Same scope"
    same = client.post(
        reverse("admin:dashboards_areamapping_add"),
        {"from_area": area(framework, "4.1").pk, "to_area": area(framework, "4.2").pk},
    )
    assert same.status_code == 200
    assert SAME_FRAMEWORK in same.content.decode()
