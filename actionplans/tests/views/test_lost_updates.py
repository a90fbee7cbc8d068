"""Two people editing the same recommendation, action or next step: the second save is refused, names who
saved first and when, shows their version and keeps what the second person typed; a POST without its version
is refused too (tests/support/editing.py)."""

import pytest
from django.urls import reverse

from accounts.tests.factories import AssessorFactory, kim_lead_of
from actionplans.models import Action, NextStep, Recommendation
from actionplans.services.next_steps import next_step_add
from actionplans.tests import steps
from tests.support.editing import EditPage, assert_incomplete, assert_stale_refusal

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_assessor(db):
    return AssessorFactory(email="second.assessor@example.gov.uk", full_name="Tomas Second-Assessor")


@pytest.fixture
def second_lead(department_a):
    return kim_lead_of(department_a, user__email="lead.two@example.gov.uk", user__full_name="Kai Second-Lead")


# Recommendations: written by TNA's assessors, any of whom may change them


@pytest.fixture
def recommendation(assessor, assessment_a):
    return steps.recommend(assessor, assessment_a, 1)[0]


def test_second_save_of_a_recommendation_is_refused_naming_who_and_keeping_the_text(
    recommendation, assessor, second_assessor
):
    url = reverse("actionplans:recommendation_update", args=[recommendation.pk])
    first, second = EditPage(assessor, url), EditPage(second_assessor, url)

    assert first.send(text="Publish the retention schedule by March.", priority="low").status_code == 302
    typed = "Second assessor's <b>wording</b>."
    page = assert_stale_refusal(second.send(text=typed), who="Priya Shah", typed=typed)

    assert "<strong>Recommendation:</strong> Publish the retention schedule by March." in page
    assert "<strong>Priority:</strong> Low" in page
    recommendation.refresh_from_db()
    assert (recommendation.text, recommendation.priority) == ("Publish the retention schedule by March.", "low")
    assert int(second.version) + 1 == recommendation.version


def test_saving_again_from_the_refused_recommendation_page_replaces_the_first_save(
    recommendation, assessor, second_assessor
):
    url = reverse("actionplans:recommendation_update", args=[recommendation.pk])
    first, second = EditPage(assessor, url), EditPage(second_assessor, url)
    first.send(text="First words.")
    second.read(second.send(text="Second words."))  # the refused page carries the newer version
    assert second.send(text="Second words, on purpose.").status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.text == "Second words, on purpose."


def test_a_recommendation_edit_without_its_version_is_refused(recommendation, assessor):
    page = EditPage(assessor, reverse("actionplans:recommendation_update", args=[recommendation.pk]))
    assert_incomplete(page.send(without=("version",), text="Changed without a version."))
    assert Recommendation.objects.get(pk=recommendation.pk).text == "Recommendation 1"


# Actions: any KIM lead of the department may change the plan's actions


@pytest.fixture
def action(assessor, lead_a, assessment_a):
    return steps.draft(assessor, lead_a, assessment_a).actions.order_by("pk").first()


def test_second_save_of_an_action_is_refused_naming_who_and_when(action, lead_a, second_lead):
    url = reverse("actionplans:action_update", args=[action.pk])
    first, second = EditPage(lead_a, url), EditPage(second_lead, url)

    assert first.send(description="Lena's plan for the schedule.").status_code == 302
    page = assert_stale_refusal(
        second.send(description="Kai's plan for the schedule."), who="Lena Lead-A", typed="Kai's plan for the schedule."
    )

    assert "<strong>Action:</strong> Lena&#x27;s plan for the schedule." in page
    action.refresh_from_db()
    assert action.description == "Lena's plan for the schedule."


@pytest.mark.parametrize("version", [None, "", "two", "-1", "9" * 40])
def test_an_action_edit_with_a_missing_blank_or_garbage_version_is_refused(action, lead_a, version):
    page = EditPage(lead_a, reverse("actionplans:action_update", args=[action.pk]))
    sent = (
        page.send(without=("version",), description="Changed")
        if version is None
        else page.send(version=version, description="Changed")
    )
    assert_incomplete(sent)
    assert Action.objects.get(pk=action.pk).description == "Do the thing"


# Next steps of a progress review: written by TNA's assessors


@pytest.fixture
def next_step(review, assessor):
    return next_step_add(assessment=review, by=assessor, text="Finish the review of legacy shared drives.")


def test_second_save_of_a_next_step_is_refused_naming_who_and_keeping_the_text(next_step, assessor, second_assessor):
    url = reverse("actionplans:next_step_edit", args=[next_step.pk])
    first, second = EditPage(assessor, url), EditPage(second_assessor, url)

    assert first.send(text="Finish the shared drives review by June.").status_code == 302
    page = assert_stale_refusal(second.send(text="Tomas's next step."), who="Priya Shah", typed="Tomas's next step.")

    assert "<strong>Next step:</strong> Finish the shared drives review by June." in page
    next_step.refresh_from_db()
    assert next_step.text == "Finish the shared drives review by June."


def test_a_next_step_edit_without_its_version_is_refused(next_step, assessor):
    page = EditPage(assessor, reverse("actionplans:next_step_edit", args=[next_step.pk]))
    assert_incomplete(page.send(without=("version",), text="Changed without a version."))
    assert NextStep.objects.get(pk=next_step.pk).text == "Finish the review of legacy shared drives."
