"""Building blocks for action plan tests: recommendations, plans and actions.

Published assessments come from assessments.tests.factories.published_assessment.
"""

from datetime import date

import factory
from django.utils import timezone

from actionplans.choices import ActionStatus, PlanStatus, Priority
from actionplans.models import Action, ActionPlan, Recommendation


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Recommendation text {n}")
    priority = Priority.HIGH


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    status = PlanStatus.DRAFT


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    sequence = factory.Sequence(lambda n: n + 1)
    description = factory.Sequence(lambda n: f"Action {n}")
    owner_text = "Departmental Records Officer"
    priority = Priority.MEDIUM
    due_date = date(2030, 3, 31)
    status = ActionStatus.NOT_STARTED


def plan_with_actions(
    assessment, *, recommendations=2, actions_per_recommendation=2, status=PlanStatus.DRAFT, **action_fields
):
    """A plan whose recommendations R1…Rn each have actions nA, nB…; status set directly (tests of reads)."""
    extra = {}
    if status in (PlanStatus.ACCEPTED, PlanStatus.CLOSED):
        extra["accepted_at"] = timezone.now()
    if status == PlanStatus.CLOSED:
        extra["closed_at"] = timezone.now()
    plan = ActionPlanFactory(assessment=assessment, status=status, **extra)
    start = assessment.recommendations.count()
    for number in range(start + 1, start + recommendations + 1):
        recommendation = RecommendationFactory(assessment=assessment, number=number)
        for sequence in range(1, actions_per_recommendation + 1):
            ActionFactory(plan=plan, recommendation=recommendation, sequence=sequence, **action_fields)
    return plan
