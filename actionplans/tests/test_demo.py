"""Demo action plans: built on the seeded published assessments, idempotent, varied, quick."""

import time

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from actionplans.models import Action, ActionPlan, PlanReview, ProgressUpdate, Recommendation
from actionplans.rules import is_overdue
from assessments.models import Assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings):
    settings.DEBUG = True
    call_command("load_framework")
    call_command("seed_demo", "--years", "8")


def _counts():
    return tuple(m.objects.count() for m in (Recommendation, ActionPlan, Action, ProgressUpdate, PlanReview))


def test_seeding_twice_changes_nothing(seeded):
    first = _counts()
    call_command("seed_demo", "--years", "8")
    assert _counts() == first and first[0] > 0


def test_every_published_ima_has_two_to_five_recommendations(seeded):
    counts = Assessment.objects.filter(status="published", assessment_type="ima").annotate(n=Count("recommendations"))
    assert counts and all(2 <= assessment.n <= 5 for assessment in counts)


def test_demo_plans_show_every_state_and_rag(seeded):
    statuses = set(ActionPlan.objects.values_list("status", flat=True))
    assert {"accepted", "submitted", "draft", "closed"} <= statuses
    assert ActionPlan.objects.filter(changed_since_accepted=True).exists()
    today = timezone.localdate()
    actions = list(Action.objects.filter(plan__status="accepted"))
    assert any(is_overdue(due_date=a.due_date, status=a.status, today=today) for a in actions)
    assert any(a.status == "complete" and a.completion_date for a in actions)
    assert (
        PlanReview.objects.filter(decision="accepted").count()
        == ActionPlan.objects.filter(accepted_at__isnull=False).count()
    )


def test_the_demo_dro_owns_actions_in_the_education_plan(seeded):
    owned = Action.objects.filter(owner_user__email="dro@education.example.gov.uk")
    assert owned.exists()
    assert set(owned.values_list("plan__assessment__department__slug", flat=True)) == {"education"}
    assert set(owned.values_list("owner_text", flat=True)) == {"Departmental Records Officer"}
    education = ActionPlan.objects.get(assessment__department__slug="education", status="accepted")
    assert education.actions.filter(owner_user__isnull=True).exists()


def test_the_home_office_plan_waits_for_review(seeded):
    assert ActionPlan.objects.filter(assessment__department__slug="home-office", status="submitted").exists()


def test_two_hundred_departments_seed_quickly(settings):
    settings.DEBUG = True
    call_command("load_framework")
    started = time.monotonic()
    call_command("seed_demo", "--departments", "200", "--years", "3")
    assert time.monotonic() - started < 60
    assert ActionPlan.objects.count() > 150
