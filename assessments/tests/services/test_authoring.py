"""TNA writes its reports: an IMA, progress review or reassessment opens in review, needs no department
self-assessment, and is published only when every section the report prints is written and its dates hold."""

import datetime

import pytest

from actionplans.models import NextStep
from actionplans.services.next_steps import GAP_NO_ITEMS, next_step_add, next_step_move, next_step_remove
from assessments.models import Assessment, ThemeSummary
from assessments.report import publication
from assessments.services import authoring, lifecycle
from assessments.tests.authoring import write_everything
from assessments.tests.factories import rate, stored_assessment
from common.errors import NotAllowed, ServiceError, StaleVersion

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2016, 3, 1)


def test_a_review_opens_in_review_without_any_self_assessment(review, assessor):
    assert review.status == Assessment.Status.IN_REVIEW
    assert review.self_assessment is None
    assert list(review.team.all()) == [assessor]


def test_the_baseline_findings_start_each_situation_at_the_time(review):
    situations = set(ThemeSummary.objects.filter(assessment=review).values_list("situation_at_time", flat=True))
    assert situations == {"In 2013 the department had no policy."}


def test_a_submitted_self_assessment_is_shown_beside_tnas_ratings(framework, department_a, assessor):
    own = stored_assessment(
        department_a, framework, status=Assessment.Status.SUBMITTED, year=2015, assessment_type="self_assessment"
    )
    own.ratings.update(self_rating=framework.levels.get(position=4))
    ima = lifecycle.assessment_open(by=assessor, department=department_a, assessment_type="ima", year=2015)
    assert ima.self_assessment == own
    assert set(ima.ratings.values_list("self_rating__position", flat=True)) == {4}


def test_a_draft_self_assessment_is_never_used(framework, department_a, assessor):
    stored_assessment(department_a, framework, status="draft", year=2015, assessment_type="self_assessment")
    ima = lifecycle.assessment_open(by=assessor, department=department_a, assessment_type="ima", year=2015)
    assert ima.self_assessment is None


def test_fieldwork_that_ends_before_it_starts_is_refused(ima_2013, department_a, assessor):
    with pytest.raises(ServiceError) as refused:
        lifecycle.assessment_open(
            by=assessor,
            department=department_a,
            assessment_type="progress_review",
            year=2015,
            interviews_from=datetime.date(2015, 9, 9),
            interviews_to=datetime.date(2015, 9, 8),
        )
    assert refused.value.message == publication.FIELDWORK_ORDER


def test_publishing_an_unwritten_review_names_every_gap(review, assessor):
    rate(review, 3, by=assessor)
    with pytest.raises(ServiceError) as refused:
        lifecycle.assessment_publish(assessment=review, by=assessor, published_on=datetime.date(2015, 10, 1))
    gaps = refused.value.message
    assert "1. The value of information: write the progress since the IMA" in gaps
    assert "4. Records, review and transfer: write the progress since the IMA" in gaps
    assert publication.GAP_NEXT_STEPS_LEAD in gaps
    assert GAP_NO_ITEMS in gaps
    review.refresh_from_db()
    assert review.status == Assessment.Status.IN_REVIEW


def test_a_written_review_publishes_and_its_next_steps_are_then_frozen(review, assessor):
    write_everything(review, assessor)
    lifecycle.assessment_publish(assessment=review, by=assessor, published_on=datetime.date(2015, 10, 1))
    review.refresh_from_db()
    assert review.status == Assessment.Status.PUBLISHED
    with pytest.raises(ServiceError, match="next steps can be changed only while"):
        next_step_add(assessment=review, by=assessor, text="Another thing")
    with pytest.raises(ServiceError, match="can be changed only while it is in review"):
        authoring.assessment_text_save(
            assessment=review, by=assessor, field="next_steps_text", version=2, text="Changed"
        )


@pytest.mark.parametrize(
    ("published_on", "message"),
    [
        (datetime.date.today() + datetime.timedelta(days=1), publication.PUBLISHED_IN_FUTURE),
        (datetime.date(2015, 9, 1), publication.PUBLISHED_BEFORE_FIELDWORK.format(date="9 September 2015")),
    ],
)
def test_a_publication_date_that_cannot_be_true_is_refused(review, assessor, published_on, message):
    write_everything(review, assessor)
    with pytest.raises(ServiceError) as refused:
        lifecycle.assessment_publish(assessment=review, by=assessor, published_on=published_on)
    assert refused.value.message == [message]


def test_a_month_only_publication_is_compared_by_month(review):
    problems = publication.publication_date_problems(
        review, datetime.date(2015, 9, 1), today=TODAY, precision=Assessment.DatePrecision.MONTH
    )
    assert problems == []


def test_an_ima_needs_its_statement_of_commitment_and_key_findings(framework, department_a, assessor):
    ima = lifecycle.assessment_open(
        by=assessor,
        department=department_a,
        assessment_type="ima",
        year=2015,
        interviews_from=datetime.date(2015, 3, 2),
        interviews_to=datetime.date(2015, 3, 6),
    )
    rate(ima, 3, by=assessor)
    ThemeSummary.objects.filter(assessment=ima).update(progress_narrative="Findings.")
    with pytest.raises(ServiceError) as refused:
        lifecycle.assessment_publish(assessment=ima, by=assessor, published_on=datetime.date(2015, 6, 1))
    assert refused.value.message == [publication.GAP_COMMITMENT, publication.GAP_KEY_FINDINGS]
    authoring.assessment_commitment_save(
        assessment=ima,
        by=assessor,
        text="We are committed to managing our information well.",
        signed_by="Jane Smith, Permanent Secretary",
        signed_on=datetime.date(2015, 1, 12),
        version=1,
    )
    authoring.assessment_text_save(
        assessment=ima, by=assessor, field="key_findings", version=1, text="The department is at risk."
    )
    lifecycle.assessment_publish(assessment=ima, by=assessor, published_on=datetime.date(2015, 6, 1))
    assert Assessment.objects.get(pk=ima.pk).status == Assessment.Status.PUBLISHED


def test_a_review_written_by_tna_cannot_be_returned(review, assessor):
    with pytest.raises(ServiceError, match="written by The National Archives"):
        lifecycle.assessment_return(assessment=review, by=assessor, comment="Please change")


def test_only_assessors_write_the_report(review, lead_a):
    with pytest.raises(NotAllowed):
        authoring.assessment_text_save(assessment=review, by=lead_a, field="background_text", version=1, text="Mine")


def test_next_steps_are_in_the_order_written_and_survive_a_removal(review, assessor):
    first = next_step_add(assessment=review, by=assessor, text="First")
    next_step_add(assessment=review, by=assessor, text="Second")
    third = next_step_add(assessment=review, by=assessor, text="Third")
    next_step_move(step=third, by=assessor, offset=-1)
    next_step_remove(step=first, by=assessor)
    assert list(NextStep.objects.filter(assessment=review).values_list("position", "text")) == [
        (1, "Third"),
        (2, "Second"),
    ]


def test_choosing_a_self_assessment_later_shows_its_ratings_and_removing_it_clears_them(
    review, framework, department_a, assessor
):
    own = stored_assessment(
        department_a, framework, status=Assessment.Status.SUBMITTED, year=2015, assessment_type="self_assessment"
    )
    own.ratings.update(self_rating=framework.levels.get(position=5))
    details = {
        "interviews_from": review.interviews_from,
        "interviews_to": review.interviews_to,
        "fieldwork_place": "",
        "assessed_on": None,
        "team": [assessor],
    }
    authoring.assessment_details_save(assessment=review, by=assessor, version=1, self_assessment=own, **details)
    assert set(review.ratings.values_list("self_rating__position", flat=True)) == {5}
    authoring.assessment_details_save(assessment=review, by=assessor, version=2, self_assessment=None, **details)
    assert set(review.ratings.values_list("self_rating", flat=True)) == {None}


def test_a_report_part_saved_from_an_older_version_is_refused_naming_who_and_the_part(review, assessor):
    authoring.assessment_text_save(assessment=review, by=assessor, field="background_text", version=1, text="First")
    with pytest.raises(StaleVersion) as refused:
        authoring.assessment_text_save(
            assessment=review, by=assessor, field="background_text", version=1, text="Second"
        )
    assert refused.value.message.startswith("Priya Shah changed the background at ")
    assert refused.value.version == 2
    # Another part has its own version: a save of the next steps' lead does not collide with the background.
    authoring.assessment_text_save(assessment=review, by=assessor, field="next_steps_text", version=1, text="Lead")
    review.refresh_from_db()
    assert (review.background_text, review.next_steps_text) == ("First", "Lead")
