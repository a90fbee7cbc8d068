from datetime import date

import pytest

from actionplans.labels import action_label, action_letters
from actionplans.services.actions import action_create, action_delete
from actionplans.services.plans import plan_create, plan_reopen, plan_submit
from actionplans.services.recommendations import recommendation_create
from actionplans.services.review import plan_accept

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("sequence, letters", [(1, "A"), (2, "B"), (26, "Z"), (27, "AA"), (28, "AB"), (52, "AZ")])
def test_action_letters(sequence, letters):
    assert action_letters(sequence) == letters


def test_action_label_combines_recommendation_number_and_letters():
    assert action_label(1, 1) == "1A" and action_label(12, 2) == "12B"


def test_recommendations_are_numbered_r1_r2_per_assessment(assessor, assessment_a, assessment_b):
    first = recommendation_create(assessment=assessment_a, by=assessor, text="One", priority="high")
    second = recommendation_create(assessment=assessment_a, by=assessor, text="Two", priority="low")
    other = recommendation_create(assessment=assessment_b, by=assessor, text="Elsewhere", priority="low")
    assert (first.label, second.label, other.label) == ("R1", "R2", "R1")


def _draft_with_recommendations(assessor, lead, assessment, count=2):
    recommendations = [
        recommendation_create(assessment=assessment, by=assessor, text=f"Rec {n}", priority="high")
        for n in range(count)
    ]
    return plan_create(assessment=assessment, by=lead), recommendations


def _add(plan, lead, recommendation, text):
    return action_create(
        plan=plan,
        by=lead,
        recommendation=recommendation,
        description=text,
        owner_text="DRO",
        priority="high",
        due_date=date(2030, 1, 1),
    )


def test_actions_are_numbered_1a_1b_within_their_recommendation(assessor, lead_a, assessment_a):
    plan, (r1, r2) = _draft_with_recommendations(assessor, lead_a, assessment_a)
    labels = [_add(plan, lead_a, r, "x").label for r in (r1, r1, r2, r1)]
    assert labels == ["1A", "1B", "2A", "1C"]


def test_deleting_a_draft_action_renumbers_the_ones_after_it(assessor, lead_a, assessment_a):
    plan, (r1, _) = _draft_with_recommendations(assessor, lead_a, assessment_a)
    a, b, c = (_add(plan, lead_a, r1, text) for text in "abc")
    action_delete(action=b, by=lead_a)
    c.refresh_from_db()
    assert [a.label, c.label] == ["1A", "1B"]


def test_deleting_after_acceptance_keeps_the_agreed_labels(assessor, lead_a, assessment_a):
    plan, (r1, r2) = _draft_with_recommendations(assessor, lead_a, assessment_a)
    _add(plan, lead_a, r1, "a")
    b = _add(plan, lead_a, r1, "b")
    c = _add(plan, lead_a, r1, "c")
    _add(plan, lead_a, r2, "d")
    plan_submit(plan=plan, by=lead_a)
    plan_accept(plan=plan, by=assessor)
    plan_reopen(plan=plan, by=lead_a)
    action_delete(action=b, by=lead_a)
    c.refresh_from_db()
    assert c.label == "1C"
    assert _add(plan, lead_a, r1, "e").label == "1D"
