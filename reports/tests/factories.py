"""Assessments with the data reports show: a published IMA and a progress review measured against it."""

import datetime

from actionplans.models import Action, ActionPlan, ProgressUpdate, Recommendation
from assessments.models import AreaRating, Assessment, RatingLevel, ThemeSummary
from assessments.tests.factories import published_assessment, stored_assessment

# One level position per area of the 2013 framework (ten areas), in framework order.
IMA_LEVELS = [1, 2, 2, 1, 3, 2, 1, 2, 3, 2]
REVIEW_LEVELS = [2, 3, 3, 2, 4, 3, 2, 3, 4, 3]

SITUATION = (
    "At the time of the IMA the department had no current information management policy.\n\n"
    "Staff were unsure where to save their work."
)
PROGRESS = "The department has published a new policy and appointed information asset owners in every directorate."


def _findings(assessment):
    """What a report prints beside each assessor rating: the department's own rating (a level higher) and findings."""
    levels = {level.position: level for level in RatingLevel.objects.filter(framework=assessment.framework)}
    ratings = list(
        AreaRating.objects.filter(assessment=assessment, assessor_rating__isnull=False).select_related(
            "area", "assessor_rating"
        )
    )
    for rating in ratings:
        rating.self_rating = levels[min(rating.assessor_rating.position + 1, 6)]
        rating.assessor_commentary = f"Findings for {rating.area.name}."
        rating.is_complete = True
    AreaRating.objects.bulk_update(ratings, ["self_rating", "assessor_commentary", "is_complete"])
    return assessment


def published_ima(department, framework, *, year=2013, levels=IMA_LEVELS):
    """The shared published assessment (assessments.tests.factories) with the interviews and findings a report shows."""
    ima = published_assessment(
        department,
        framework,
        year=year,
        ratings=levels,
        interviews_from=datetime.date(year, 5, 14),
        interviews_to=datetime.date(year, 5, 16),
    )
    return _findings(ima)


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
    """A progress review against `baseline`, with everything its report shows; published unless `status` says."""
    fields.setdefault("interviews_from", datetime.date(year, 6, 2))
    fields.setdefault("interviews_to", datetime.date(year, 6, 3))
    fields.setdefault("background_text", "The department has since moved to a new building.")
    fields.setdefault("next_steps_text", "TNA will continue to monitor progress against the action plan.")
    fields.update(assessment_type=Assessment.Type.PROGRESS_REVIEW, year=year, baseline=baseline, ratings=levels)
    if status == Assessment.Status.PUBLISHED:
        fields.setdefault("published_on", datetime.date(year, 9, 20))
        review = published_assessment(department, framework, **fields)
    else:
        review = stored_assessment(department, framework, status=status, **fields)
    ThemeSummary.objects.filter(assessment=review).update(situation_at_time=SITUATION, progress_narrative=PROGRESS)
    return _findings(review)


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
