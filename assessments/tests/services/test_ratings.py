"""Rating saves: who may change what in which state, and no lost updates."""

import pytest

from accounts.tests.factories import kim_lead_of
from assessments.models import Assessment, FrameworkVersion, RatingLevel
from assessments.services import ratings as service
from assessments.tests.support import NARRATIVE, level, ratings_of, to_state
from common.errors import NotAllowed, ServiceError, StaleVersion

pytestmark = pytest.mark.django_db
Status = Assessment.Status


def save_self(rating, by, *, version=None, position=3, narrative=NARRATIVE, complete=True):
    return service.area_rating_save_self(
        rating=rating,
        by=by,
        version=rating.version if version is None else version,
        self_rating=level(rating.assessment.framework, position) if position else None,
        narrative=narrative,
        complete=complete,
    )


def test_lead_saves_a_rating_which_bumps_the_version_and_records_who(self_assessment, lead_a):
    rating = ratings_of(self_assessment)[0]
    saved = save_self(rating, lead_a)
    assert (saved.version, saved.updated_by, saved.self_rating.position, saved.is_complete) == (2, lead_a, 3, True)


def test_save_as_draft_marks_the_area_not_complete(self_assessment, lead_a):
    rating = save_self(ratings_of(self_assessment)[0], lead_a)
    assert save_self(rating, lead_a, complete=False).is_complete is False


def test_keeping_completeness_drops_it_when_the_narrative_is_emptied(self_assessment, lead_a):
    rating = save_self(ratings_of(self_assessment)[0], lead_a)
    rating = save_self(rating, lead_a, complete=None)
    assert rating.is_complete is True
    assert save_self(rating, lead_a, complete=None, narrative="").is_complete is False


def test_a_stale_save_is_refused_naming_who_and_when_and_nothing_is_overwritten(self_assessment, lead_a, department_a):
    colleague = kim_lead_of(department_a, user__email="colleague@example.gov.uk", user__full_name="Cal Colleague")
    rating = ratings_of(self_assessment)[0]
    opened_version = rating.version
    theirs = save_self(rating, colleague, position=4, narrative="Their careful narrative.")
    with pytest.raises(StaleVersion) as caught:
        save_self(rating, lead_a, version=opened_version, position=1, narrative="Mine.")
    error = caught.value
    assert error.changed_by == colleague
    assert error.message.startswith("Cal Colleague changed Communicating and realising value at ")
    assert error.message.endswith("Your changes have not been saved.")
    assert error.current.narrative == "Their careful narrative."
    rating.refresh_from_db()
    assert (rating.version, rating.self_rating.position, rating.narrative) == (
        theirs.version,
        4,
        "Their careful narrative.",
    )


@pytest.mark.parametrize("state", [Status.SUBMITTED, Status.IN_REVIEW, Status.PUBLISHED])
def test_lead_cannot_change_self_rating_outside_draft_or_returned(self_assessment, lead_a, assessor, state):
    assessment = to_state(self_assessment, state, lead=lead_a, assessor=assessor)
    with pytest.raises(ServiceError) as caught:
        save_self(ratings_of(assessment)[0], lead_a)
    assert caught.value.message == service.LEAD_WRONG_STATE.format(status=assessment.get_status_display().lower())
    assert not isinstance(caught.value, NotAllowed)  # the state refuses, not the person's role: a form error


def test_lead_can_change_self_rating_when_returned(self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Status.RETURNED, lead=lead_a, assessor=assessor)
    assert save_self(ratings_of(assessment)[0], lead_a, position=2).self_rating.position == 2


@pytest.mark.parametrize("who", ["lead_b", "contributor_a", "assessor"])
def test_only_the_departments_kim_lead_changes_self_ratings(request, self_assessment, who):
    user = request.getfixturevalue(who)
    with pytest.raises(NotAllowed) as caught:
        save_self(ratings_of(self_assessment)[0], user)
    assert caught.value.message == service.ONLY_LEAD_RATES.format(department="Department for Education")


def test_a_level_of_another_framework_is_refused(self_assessment, lead_a, framework):
    other = FrameworkVersion.objects.create(slug="other", name="Other")
    alien = RatingLevel.objects.create(framework=other, position=1, name="Alien", abbreviation="A")
    rating = ratings_of(self_assessment)[0]
    with pytest.raises(ServiceError) as caught:
        service.area_rating_save_self(
            rating=rating, by=lead_a, version=rating.version, self_rating=alien, narrative="x", complete=False
        )
    assert (caught.value.message, caught.value.field) == (service.LEVEL_NOT_IN_FRAMEWORK, "self_rating")


def save_assessor(rating, by, *, version=None, position=4):
    return service.area_rating_save_assessor(
        rating=rating,
        by=by,
        version=rating.version if version is None else version,
        assessor_rating=level(rating.assessment.framework, position),
        assessor_commentary="Commentary.",
    )


def test_assessor_rates_an_area_in_review(self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    rating = save_assessor(ratings_of(assessment)[0], assessor)
    assert (rating.assessor_rating.position, rating.assessor_commentary, rating.gap) == (4, "Commentary.", 1)


@pytest.mark.parametrize("state", [Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.PUBLISHED])
def test_assessor_rating_is_refused_outside_review(self_assessment, lead_a, assessor, state):
    assessment = to_state(self_assessment, state, lead=lead_a, assessor=assessor)
    with pytest.raises(ServiceError) as caught:
        save_assessor(ratings_of(assessment)[0], assessor)
    assert caught.value.message == service.ASSESSOR_WRONG_STATE.format(status=assessment.get_status_display().lower())
    assert not isinstance(caught.value, NotAllowed)


@pytest.mark.parametrize("who", ["lead_a", "administrator"])
def test_only_assessors_give_assessor_ratings(request, self_assessment, lead_a, assessor, who):
    assessment = to_state(self_assessment, Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    with pytest.raises(NotAllowed) as caught:
        save_assessor(ratings_of(assessment)[0], request.getfixturevalue(who))
    assert caught.value.message == service.ONLY_ASSESSORS_RATE


def test_stale_assessor_save_is_refused(self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    rating = ratings_of(assessment)[0]
    old = rating.version
    save_assessor(rating, assessor, position=5)
    with pytest.raises(StaleVersion):
        save_assessor(rating, assessor, version=old, position=1)
    rating.refresh_from_db()
    assert rating.assessor_rating.position == 5


def test_theme_summary_saves_and_refuses_stale_versions_naming_who(self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    summary = assessment.theme_summaries.select_related("theme").first()
    saved = service.theme_summary_save(
        summary=summary, by=assessor, version=1, situation_at_time="Then.", progress_narrative="Since."
    )
    assert (saved.version, saved.situation_at_time) == (2, "Then.")
    with pytest.raises(StaleVersion) as caught:
        service.theme_summary_save(
            summary=summary, by=assessor, version=1, situation_at_time="Other.", progress_narrative=""
        )
    assert caught.value.changed_by == assessor
    assert caught.value.message.startswith("Priya Shah changed the summary of The value of information at ")


def test_theme_summary_cannot_change_after_publication(self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Status.PUBLISHED, lead=lead_a, assessor=assessor)
    summary = assessment.theme_summaries.first()
    with pytest.raises(ServiceError):
        service.theme_summary_save(
            summary=summary, by=assessor, version=summary.version, situation_at_time="x", progress_narrative=""
        )
