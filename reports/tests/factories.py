"""Assessments with the data reports show: a published IMA and a progress review measured against it."""

import datetime

from actionplans.models import Action, ActionPlan, ProgressUpdate, Recommendation
from assessments.models import AreaRating, Assessment, RatingLevel, ThemeSummary
from assessments.services.creation import assessment_create

# One level position per area of the 2013 framework (ten areas), in framework order.
IMA_LEVELS = [1, 2, 2, 1, 3, 2, 1, 2, 3, 2]
REVIEW_LEVELS = [2, 3, 3, 2, 4, 3, 2, 3, 4, 3]

SITUATION = (
    "At the time of the IMA the department had no current information management policy.\n\n"
    "Staff were unsure where to save their work."
)
PROGRESS = "The department has published a new policy and appointed information asset owners in every directorate."


def _rate(assessment, positions):
    levels = {level.position: level for level in RatingLevel.objects.filter(framework=assessment.framework)}
    ratings = list(AreaRating.objects.filter(assessment=assessment).order_by("area__theme__number", "area__number"))
    for rating, position in zip(ratings, positions, strict=False):
        rating.assessor_rating = levels[position]
        rating.self_rating = levels[min(position + 1, 6)]
        rating.assessor_commentary = f"Findings for {rating.area.name}."
        rating.is_complete = True
    AreaRating.objects.bulk_update(ratings, ["assessor_rating", "self_rating", "assessor_commentary", "is_complete"])


def published_ima(department, framework, *, year=2013, levels=IMA_LEVELS):
    ima = assessment_create(
        department=department,
        framework=framework,
        assessment_type=Assessment.Type.IMA,
        year=year,
        status=Assessment.Status.PUBLISHED,
        interviews_from=datetime.date(year, 5, 14),
        interviews_to=datetime.date(year, 5, 16),
        published_on=datetime.date(year, 9, 1),
    )
    _rate(ima, levels)
    return ima


def recommendations_for(
    assessment, texts=("Review the information management policy", "Complete the asset register"), start=1
):
    return [
        Recommendation.objects.create(assessment=assessment, number=number, text=text, priority="high")
        for number, text in enumerate(texts, start=start)
    ]


def progress_review(
    department, framework, *, baseline, year=2015, status=Assessment.Status.PUBLISHED, levels=REVIEW_LEVELS, **fields
):
    fields.setdefault("interviews_from", datetime.date(year, 6, 2))
    fields.setdefault("interviews_to", datetime.date(year, 6, 3))
    fields.setdefault("published_on", datetime.date(year, 9, 20) if status == Assessment.Status.PUBLISHED else None)
    fields.setdefault("background_text", "The department has since moved to a new building.")
    fields.setdefault("next_steps_text", "TNA will continue to monitor progress against the action plan.")
    review = assessment_create(
        department=department,
        framework=framework,
        assessment_type=Assessment.Type.PROGRESS_REVIEW,
        year=year,
        baseline=baseline,
        status=status,
        **fields,
    )
    _rate(review, levels)
    ThemeSummary.objects.filter(assessment=review).update(situation_at_time=SITUATION, progress_narrative=PROGRESS)
    return review


def review_scenario(department, framework, **fields):
    """A published IMA 2013 with two open recommendations, and a progress review 2015 against it."""
    ima = published_ima(department, framework)
    recommendations_for(ima)
    return progress_review(department, framework, baseline=ima, **fields)


def action_plan_for(assessment, recommendations):
    plan = ActionPlan.objects.create(assessment=assessment)
    for recommendation in recommendations:
        action = Action.objects.create(
            plan=plan,
            recommendation=recommendation,
            sequence=1,
            description=f"Act on {recommendation.text.lower()}",
            owner_text="Departmental Records Officer",
            priority="high",
            due_date=datetime.date(assessment.year + 1, 3, 31),
        )
        ProgressUpdate.objects.create(action=action, date=datetime.date(assessment.year, 12, 1), commentary="Drafted.")
    return plan
