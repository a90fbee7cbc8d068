"""Every transition, allowed and refused: role × department × state."""

import datetime

import pytest

from assessments.models import AreaRating, Assessment
from assessments.services import lifecycle
from assessments.tests.factories import published_assessment
from assessments.tests.support import assessor_rate_all, rate_all, to_state
from common.errors import NotAllowed, ServiceError

pytestmark = pytest.mark.django_db

Status = Assessment.Status
Type = Assessment.Type
ALL_STATES = list(Status)


def refused(message, call, error=ServiceError):
    """Refused with `message`: NotAllowed because of the person's role, a plain ServiceError because of the state."""
    with pytest.raises(ServiceError) as caught:
        call()
    assert caught.value.message == message
    assert type(caught.value) is error


# --- opening and starting ----------------------------------------------------------------------


@pytest.mark.parametrize("assessment_type", [Type.IMA, Type.PROGRESS_REVIEW, Type.REASSESSMENT])
def test_assessor_opens_each_assessor_type_for_any_department(framework, assessor, department_b, assessment_type):
    ima = published_assessment(department_b, framework, year=2015, ratings=2)
    assessment = lifecycle.assessment_open(
        by=assessor, department=department_b, assessment_type=assessment_type, year=2020
    )
    assert assessment.status == Status.IN_REVIEW  # TNA writes it: no department self-assessment first
    assert assessment.ratings.count() == 10
    assert assessment.created_by == assessor
    expected_baseline = ima if assessment_type in Assessment.TYPES_WITH_BASELINE else None
    assert assessment.baseline == expected_baseline


def test_progress_review_baseline_defaults_to_latest_published_ima_or_reassessment(framework, assessor, department_a):
    published_assessment(department_a, framework, year=2013, ratings=2)
    latest = published_assessment(department_a, framework, year=2018, assessment_type=Type.REASSESSMENT, ratings=2)
    published_assessment(department_a, framework, year=2019, assessment_type=Type.PROGRESS_REVIEW, ratings=2)
    review = lifecycle.assessment_open(
        by=assessor, department=department_a, assessment_type=Type.PROGRESS_REVIEW, year=2020
    )
    assert review.baseline == latest
    assert {r.baseline_rating_id for r in review.ratings.all()} == {latest.ratings.first().assessor_rating_id}


def test_progress_review_without_a_published_baseline_is_refused(framework, assessor, department_a):
    refused(
        lifecycle.NO_BASELINE.format(department="Department for Education", type="progress review"),
        lambda: lifecycle.assessment_open(
            by=assessor, department=department_a, assessment_type=Type.PROGRESS_REVIEW, year=2020
        ),
    )


def test_baseline_of_another_department_is_refused(framework, assessor, department_a, department_b):
    other = published_assessment(department_b, framework, year=2013, ratings=2)
    refused(
        lifecycle.BASELINE_NOT_VALID.format(department="Department for Education"),
        lambda: lifecycle.assessment_open(
            by=assessor,
            department=department_a,
            assessment_type=Type.PROGRESS_REVIEW,
            year=2020,
            baseline=other,
        ),
    )


def test_second_assessment_of_same_type_and_year_is_refused(framework, assessor, department_a, ima):
    refused(
        lifecycle.ALREADY_EXISTS.format(
            department="Department for Education", type="information management assessment", year=2025
        ),
        lambda: lifecycle.assessment_open(by=assessor, department=department_a, assessment_type=Type.IMA, year=2025),
    )


@pytest.mark.parametrize("who", ["lead_a", "contributor_a", "administrator"])
def test_only_assessors_open_assessments(request, framework, department_a, who):
    user = request.getfixturevalue(who)
    refused(
        lifecycle.ONLY_ASSESSORS_OPEN,
        lambda: lifecycle.assessment_open(by=user, department=department_a, assessment_type=Type.IMA, year=2025),
        NotAllowed,
    )


def test_assessor_cannot_open_a_self_assessment(framework, assessor, department_a):
    refused(
        lifecycle.OPEN_TYPE_NOT_ALLOWED,
        lambda: lifecycle.assessment_open(
            by=assessor, department=department_a, assessment_type=Type.SELF_ASSESSMENT, year=2025
        ),
    )


def test_kim_lead_starts_a_self_assessment_of_their_department(framework, lead_a, department_a):
    assessment = lifecycle.self_assessment_start(by=lead_a, department=department_a, year=2025)
    assert (assessment.assessment_type, assessment.status, assessment.year) == (
        Type.SELF_ASSESSMENT,
        Status.DRAFT,
        2025,
    )
    assert assessment.ratings.count() == 10 and assessment.theme_summaries.count() == 4


@pytest.mark.parametrize("who", ["lead_b", "contributor_a", "assessor"])
def test_only_the_departments_kim_lead_starts_its_self_assessment(request, framework, department_a, who):
    user = request.getfixturevalue(who)
    refused(
        lifecycle.ONLY_LEAD_STARTS.format(department="Department for Education"),
        lambda: lifecycle.self_assessment_start(by=user, department=department_a),
        NotAllowed,
    )


def test_a_second_unfinished_self_assessment_is_refused(self_assessment, lead_a, department_a):
    refused(
        lifecycle.SELF_ASSESSMENT_IN_PROGRESS.format(department="Department for Education"),
        lambda: lifecycle.self_assessment_start(by=lead_a, department=department_a, year=2026),
    )


# --- submit / resubmit ------------------------------------------------------------------------


@pytest.mark.parametrize("state", [Status.DRAFT, Status.RETURNED])
def test_lead_submits_a_complete_draft_or_returned_assessment(self_assessment, lead_a, assessor, state):
    assessment = to_state(self_assessment, state, lead=lead_a, assessor=assessor)
    rate_all(assessment, lead_a)
    submitted = lifecycle.assessment_submit(assessment=assessment, by=lead_a)
    assert submitted.status == Status.SUBMITTED
    assert submitted.submitted_at is not None


@pytest.mark.parametrize("state", [Status.SUBMITTED, Status.IN_REVIEW, Status.PUBLISHED])
def test_submit_is_refused_from_other_states(self_assessment, lead_a, assessor, state):
    assessment = to_state(self_assessment, state, lead=lead_a, assessor=assessor)
    refused(
        lifecycle.SUBMIT_WRONG_STATE.format(status=assessment.get_status_display().lower()),
        lambda: lifecycle.assessment_submit(assessment=assessment, by=lead_a),
    )


@pytest.mark.parametrize("who", ["lead_b", "contributor_a", "assessor", "administrator"])
def test_only_the_departments_kim_lead_submits(request, self_assessment, lead_a, who):
    rate_all(self_assessment, lead_a)
    user = request.getfixturevalue(who)
    refused(
        lifecycle.ONLY_LEAD_SUBMITS.format(department="Department for Education"),
        lambda: lifecycle.assessment_submit(assessment=self_assessment, by=user),
        NotAllowed,
    )


def test_submit_with_incomplete_areas_is_refused_and_names_them(self_assessment, lead_a):
    rate_all(self_assessment, lead_a)
    AreaRating.objects.filter(assessment=self_assessment, area__name="Measuring impact").update(is_complete=False)
    refused(
        lifecycle.SUBMIT_INCOMPLETE.format(areas="3.4 Measuring impact"),
        lambda: lifecycle.assessment_submit(assessment=self_assessment, by=lead_a),
    )
    self_assessment.refresh_from_db()
    assert self_assessment.status == Status.DRAFT


def test_an_ima_is_tnas_to_write_so_the_department_never_submits_it(ima, lead_a):
    refused(
        lifecycle.SUBMIT_WRONG_STATE.format(status="in review"),
        lambda: lifecycle.assessment_submit(assessment=ima, by=lead_a),
    )


def test_resubmit_moves_returned_to_submitted(self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Status.RETURNED, lead=lead_a, assessor=assessor)
    assert lifecycle.assessment_resubmit(assessment=assessment, by=lead_a).status == Status.SUBMITTED


@pytest.mark.parametrize("state", [Status.DRAFT, Status.SUBMITTED, Status.IN_REVIEW, Status.PUBLISHED])
def test_resubmit_is_refused_unless_returned(self_assessment, lead_a, assessor, state):
    assessment = to_state(self_assessment, state, lead=lead_a, assessor=assessor)
    if state == Status.DRAFT:
        rate_all(assessment, lead_a)
    refused(
        lifecycle.RESUBMIT_WRONG_STATE.format(status=assessment.get_status_display().lower()),
        lambda: lifecycle.assessment_resubmit(assessment=assessment, by=lead_a),
    )


# --- assessor transitions ---------------------------------------------------------------------

ASSESSOR_TRANSITIONS = {
    "start_review": (
        lambda a, by: lifecycle.assessment_start_review(assessment=a, by=by),
        [Status.SUBMITTED],
        lifecycle.START_REVIEW_WRONG_STATE,
        Status.IN_REVIEW,
    ),
    "return": (
        lambda a, by: lifecycle.assessment_return(assessment=a, by=by, comment="Add evidence."),
        [Status.IN_REVIEW],
        lifecycle.RETURN_WRONG_STATE,
        Status.RETURNED,
    ),
    "publish": (
        lambda a, by: lifecycle.assessment_publish(assessment=a, by=by),
        [Status.IN_REVIEW],
        lifecycle.PUBLISH_WRONG_STATE,
        Status.PUBLISHED,
    ),
}
ASSESSOR_CASES = [(name, state) for name in ASSESSOR_TRANSITIONS for state in ALL_STATES]


@pytest.mark.parametrize(("transition", "state"), ASSESSOR_CASES)
def test_assessor_transitions_allowed_only_from_their_state(self_assessment, lead_a, assessor, transition, state):
    call, allowed, wrong_state, result = ASSESSOR_TRANSITIONS[transition]
    assessment = to_state(self_assessment, state, lead=lead_a, assessor=assessor)
    if transition == "publish" and state == Status.IN_REVIEW:
        assessor_rate_all(assessment, assessor)
    if state in allowed:
        assert call(assessment, assessor).status == result
    else:
        refused(wrong_state.format(status=assessment.get_status_display().lower()), lambda: call(assessment, assessor))


@pytest.mark.parametrize("transition", list(ASSESSOR_TRANSITIONS))
@pytest.mark.parametrize("who", ["lead_a", "contributor_a", "administrator"])
def test_assessor_transitions_refused_for_other_roles(request, self_assessment, lead_a, assessor, transition, who):
    call, allowed, _, _ = ASSESSOR_TRANSITIONS[transition]
    assessment = to_state(self_assessment, allowed[0], lead=lead_a, assessor=assessor)
    user = request.getfixturevalue(who)
    refused(lifecycle.ONLY_ASSESSORS_REVIEW, lambda: call(assessment, user), NotAllowed)


def test_return_needs_an_overall_comment(self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    refused(
        lifecycle.RETURN_NEEDS_COMMENT,
        lambda: lifecycle.assessment_return(assessment=assessment, by=assessor, comment="  "),
    )


def test_return_with_area_comments_reopens_those_areas_only(self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    first, second, *_ = AreaRating.objects.filter(assessment=assessment)
    lifecycle.assessment_return(
        assessment=assessment, by=assessor, comment="See the areas.", area_comments={first.pk: "Add a policy."}
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.return_comment, first.is_complete, first.updated_by) == ("Add a policy.", False, assessor)
    assert (second.return_comment, second.is_complete) == ("", True)
    assessment.refresh_from_db()
    assert assessment.return_comment == "See the areas."


def test_publish_needs_an_assessor_rating_in_every_area(self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    refused(
        [
            lifecycle.PUBLISH_UNRATED.format(
                areas=", ".join(
                    f"{r.area.reference} {r.area.name}" for r in assessment.ratings.select_related("area__theme")
                )
            )
        ],
        lambda: lifecycle.assessment_publish(assessment=assessment, by=assessor),
    )


def test_publish_records_who_and_when(self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    assessor_rate_all(assessment, assessor)
    done = lifecycle.assessment_publish(assessment=assessment, by=assessor, published_on=datetime.date(2025, 7, 1))
    assert done.published_by == assessor and done.published_at is not None
    assert done.published_on == datetime.date(2025, 7, 1)
