"""Reads of a report's Next steps: its items, and the starting list offered to the assessor."""

from dataclasses import dataclass

from actionplans.models import NextStep, Recommendation

from .lists import outstanding_recommendations


def next_steps_for(assessment):
    """The report's items in order, each with its linked recommendation and that one's assessment (one query)."""
    return list(
        NextStep.objects.filter(assessment=assessment)
        .select_related("recommendation__assessment")
        .order_by("position", "pk")
    )


@dataclass(frozen=True)
class Suggestion:
    recommendation: Recommendation
    text: str


def next_step_suggestions(assessment):
    """A starting list: the baseline's (and earlier reports') open recommendations, then the report's own,
    each labelled so two reports' numbers never collide ("IMA 2013 R3", "Review 2015 R1"); minus those
    already linked to an item."""
    linked = set(NextStep.objects.filter(assessment=assessment).values_list("recommendation_id", flat=True))
    own = list(
        Recommendation.objects.filter(assessment=assessment, status="open")
        .select_related("assessment")
        .order_by("number")
    )
    candidates = [*outstanding_recommendations(assessment.department, assessment), *own]
    return [
        Suggestion(recommendation=item, text=f"{item.full_label}: {item.text}")
        for item in candidates
        if item.pk not in linked
    ]


def recommendation_choices(assessment):
    """Recommendations an item may link to: every recommendation made to the department (labelled in full)."""
    return (
        Recommendation.objects.filter(assessment__department=assessment.department)
        .select_related("assessment")
        .order_by("assessment__year", "assessment__created_at", "number")
    )
