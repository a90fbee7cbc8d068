"""The assessor's pages: queue, open, review with gaps and flags, moderate, summaries, return, publish."""

import pytest
from django.urls import reverse

from accounts.tests.factories import AssessorFactory
from assessments.models import Assessment
from assessments.services.lifecycle import assessment_publish, assessment_submit
from assessments.services.ratings import area_rating_save_assessor
from assessments.tests.factories import published_assessment
from assessments.tests.support import assessor_rate_all, level, rate_all, ratings_of, to_state

pytestmark = pytest.mark.django_db
Status = Assessment.Status


@pytest.fixture
def in_review(self_assessment, lead_a, assessor):
    return to_state(self_assessment, Status.IN_REVIEW, lead=lead_a, assessor=assessor)


def test_assessor_list_has_the_queue_and_a_link_to_open_an_assessment(
    assessor_client, self_assessment, lead_a, assessor
):
    to_state(self_assessment, Status.SUBMITTED, lead=lead_a, assessor=assessor)
    page = assessor_client.get(reverse("assessments:assessment_list")).content.decode()
    assert "Your work" in page and "Self-assessment 2025" in page
    # The form (a select of every department) has its own page, so the list does not grow with departments.
    assert f'href="{reverse("assessments:assessment_open")}" role="button"' in page
    assert f'action="{reverse("assessments:assessment_open")}"' not in page


def test_assessor_opens_an_ima_from_the_form(assessor_client, framework, department_b):
    response = assessor_client.post(
        reverse("assessments:assessment_open"),
        {"department": department_b.pk, "assessment_type": "ima", "year": "2024"},
    )
    assessment = Assessment.objects.get()
    assert response["Location"] == reverse("assessments:assessment_review", args=[assessment.pk])
    assert (assessment.department, assessment.year, assessment.status) == (department_b, 2024, Status.IN_REVIEW)


def test_opening_with_bad_input_shows_errors_and_keeps_values(assessor_client, framework, department_b):
    response = assessor_client.post(
        reverse("assessments:assessment_open"), {"department": department_b.pk, "assessment_type": "", "year": "20x4"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: Open an assessment" in page
    assert 'href="#id_assessment_type_1">Select the type of assessment' in page
    assert "Year must be a number, like 2025" in page
    assert 'value="20x4"' in page


def test_opening_a_progress_review_without_baseline_explains_why(assessor_client, framework, department_b):
    response = assessor_client.post(
        reverse("assessments:assessment_open"),
        {"department": department_b.pk, "assessment_type": "progress_review", "year": "2024"},
    )
    assert "Home Office has no published IMA or reassessment to measure a progress review against." in (
        response.content.decode()
    )
    assert not Assessment.objects.exists()


def test_review_page_shows_self_and_assessor_ratings_side_by_side_with_the_gap_in_words(
    assessor_client, in_review, assessor, framework, department_a
):
    rating = ratings_of(in_review)[0]
    area_rating_save_assessor(
        rating=rating, by=assessor, version=rating.version, assessor_rating=level(framework, 1), assessor_commentary=""
    )
    page = assessor_client.get(reverse("assessments:assessment_review", args=[in_review.pk])).content.decode()
    assert "Department's rating" in page and "Your rating" in page
    assert "Assessor 2 levels lower" in page
    assert "Development area" in page and "Satisfactory" in page


def test_review_page_shows_plausibility_flags_as_words(assessor_client, self_assessment, lead_a, assessor, framework):
    published_assessment(self_assessment.department, framework, year=2013, ratings=1)
    rate_all(self_assessment, lead_a, position=5, narrative="Good")
    assessment = assessment_submit(assessment=self_assessment, by=lead_a)
    page = assessor_client.get(reverse("assessments:assessment_review", args=[assessment.pk])).content.decode()
    assert "Rated Good practice with no evidence" in page
    assert "4 levels up since IMA 2013 (Development area)" in page
    assert "Narrative is shorter than a sentence" in page
    assert "30 plausibility checks to look at" in page


def test_start_review_by_post(assessor_client, self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Status.SUBMITTED, lead=lead_a, assessor=assessor)
    response = assessor_client.post(reverse("assessments:start_review", args=[assessment.pk]))
    assert response["Location"] == reverse("assessments:assessment_review", args=[assessment.pk])
    assessment.refresh_from_db()
    assert assessment.status == Status.IN_REVIEW


def test_start_review_twice_shows_an_error_summary_not_a_500(assessor_client, in_review):
    response = assessor_client.post(reverse("assessments:start_review", args=[in_review.pk]))
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "This assessment is in review. Only a submitted assessment can be taken into review." in page


def test_moderating_an_area_saves_and_moves_on(assessor_client, in_review, framework):
    first, second, *_ = ratings_of(in_review)
    response = assessor_client.post(
        reverse("assessments:review_area", args=[in_review.pk, first.pk]),
        {
            "version": first.version,
            "assessor_rating": level(framework, 4).pk,
            "assessor_commentary": "Solid.",
            "action": "continue",
        },
    )
    assert response["Location"] == reverse("assessments:review_area", args=[in_review.pk, second.pk])
    first.refresh_from_db()
    assert (first.assessor_rating.position, first.assessor_commentary) == (4, "Solid.")


def test_moderating_without_a_rating_says_what_to_do(assessor_client, in_review):
    rating = ratings_of(in_review)[0]
    response = assessor_client.post(
        reverse("assessments:review_area", args=[in_review.pk, rating.pk]),
        {"version": rating.version, "assessor_commentary": "Kept commentary."},
    )
    page = response.content.decode()
    assert 'href="#id_assessor_rating_1">Select your rating for Communicating and realising value' in page
    assert "Kept commentary." in page


def test_stale_moderation_is_refused_with_their_value(assessor_client, in_review, framework, assessor):
    colleague = AssessorFactory(email="sam@example.gov.uk", full_name="Sam Second")
    rating = ratings_of(in_review)[0]
    opened = rating.version
    area_rating_save_assessor(
        rating=rating, by=colleague, version=opened, assessor_rating=level(framework, 6), assessor_commentary="Sam's."
    )
    response = assessor_client.post(
        reverse("assessments:review_area", args=[in_review.pk, rating.pk]),
        {"version": opened, "assessor_rating": level(framework, 2).pk, "assessor_commentary": "Mine."},
    )
    page = response.content.decode()
    assert "Sam Second changed Communicating and realising value at " in page
    assert "Best practice" in page and "Sam&#x27;s." in page


def test_theme_summary_page_saves_narratives(assessor_client, in_review):
    summary = in_review.theme_summaries.first()
    url = reverse("assessments:theme_summary", args=[in_review.pk, summary.pk])
    assert "Situation at the time of the IMA" in assessor_client.get(url).content.decode()
    response = assessor_client.post(
        url, {"version": summary.version, "situation_at_time": "No policy.", "progress_narrative": "A policy now."}
    )
    assert response["Location"] == reverse("assessments:assessment_review", args=[in_review.pk])
    summary.refresh_from_db()
    assert (summary.situation_at_time, summary.progress_narrative, summary.version) == (
        "No policy.",
        "A policy now.",
        2,
    )


def test_return_page_requires_an_overall_comment_and_keeps_area_comments(assessor_client, in_review):
    rating = ratings_of(in_review)[2]
    response = assessor_client.post(
        reverse("assessments:assessment_return", args=[in_review.pk]), {"comment": "", f"area_{rating.pk}": "Typed."}
    )
    page = response.content.decode()
    assert 'href="#id_comment">Enter a comment telling the department what to change' in page
    assert "Typed." in page
    in_review.refresh_from_db()
    assert in_review.status == Status.IN_REVIEW


def test_publish_page_refuses_until_every_area_is_rated_then_publishes(assessor_client, in_review, assessor):
    url = reverse("assessments:assessment_publish", args=[in_review.pk])
    page = assessor_client.get(url).content.decode()
    assert "You cannot publish yet: 10 areas have no rating from you." in page

    assessor_rate_all(in_review, assessor, position=4)
    bad = assessor_client.post(url, {"published_on_0": "31", "published_on_1": "2", "published_on_2": "2026"})
    assert "Date of publication must be a real date" in bad.content.decode()
    future = assessor_client.post(url, {"published_on_0": "1", "published_on_1": "3", "published_on_2": "2030"})
    assert "The date of publication must be today or in the past" in future.content.decode()
    response = assessor_client.post(url, {"published_on_0": "1", "published_on_1": "3", "published_on_2": "2026"})
    assert response["Location"] == reverse("assessments:assessment_detail", args=[in_review.pk])
    in_review.refresh_from_db()
    assert in_review.status == Status.PUBLISHED and str(in_review.published_on) == "2026-03-01"


def test_assessor_pages_redirect_with_a_reason_when_not_in_review(assessor_client, self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Status.PUBLISHED, lead=lead_a, assessor=assessor)
    response = assessor_client.get(reverse("assessments:assessment_return", args=[assessment.pk]), follow=True)
    assert "This assessment is published. Take it into review before changing assessor ratings." in (
        response.content.decode()
    )


def test_department_sees_assessor_ratings_only_once_published(client, in_review, lead_a, assessor):
    assessor_rate_all(in_review, assessor, position=1)
    client.force_login(lead_a)
    url = reverse("assessments:assessment_detail", args=[in_review.pk])
    assert "Development area" not in client.get(url).content.decode()

    assessment_publish(assessment=in_review, by=assessor)
    page = client.get(url).content.decode()
    assert "Development area" in page and "Assessor 2 levels lower" in page
