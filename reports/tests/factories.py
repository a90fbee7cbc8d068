"""Assessments with the data reports show: a published IMA (with everything its full report prints) and a
progress review measured against it (with its theme texts and next steps), set straight on the models."""

import datetime

from actionplans.models import Action, ActionPlan, NextStep, ProgressUpdate, Recommendation
from assessments.models import AreaRating, Assessment, PerformanceArea, RatingLevel, Theme, ThemeSummary
from assessments.tests.factories import published_assessment, stored_assessment

# One level position per area of the 2013 framework (ten areas), in framework order.
IMA_LEVELS = [1, 2, 2, 1, 3, 2, 1, 2, 3, 2]
REVIEW_LEVELS = [2, 3, 3, 2, 4, 3, 2, 3, 4, 3]

SITUATION = (
    "At the time of the IMA the department had no current information management policy.\n\n"
    "Staff were unsure where to save their work."
)
PROGRESS = "The department has published a new policy and appointed information asset owners in every directorate."
NEXT_STEPS_LEAD = "TNA will continue to monitor progress against the action plan."
FREE_NEXT_STEP = "Agree a date for the next transfer of selected records."
KEY_FINDINGS = (
    "The department values its information and has made a good start on managing it as an asset.\n\n"
    "Its digital records are at risk until a corporate store replaces shared drives."
)
COMMITMENT = "The department is committed to managing its information well, as a public record and an asset."


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


def published_ima(department, framework, *, year=2013, levels=IMA_LEVELS, **fields):
    """The shared published assessment (assessments.tests.factories) with the interviews and findings a report shows."""
    fields.setdefault("interviews_from", datetime.date(year, 5, 14))
    fields.setdefault("interviews_to", datetime.date(year, 5, 16))
    ima = published_assessment(department, framework, year=year, ratings=levels, **fields)
    return _findings(ima)


def full_ima(department, framework, *, year=2014, levels=IMA_LEVELS, **fields):
    """A published IMA with everything its full report prints: statement of commitment, key findings, each
    theme's findings, and recommendations on areas (out of framework order) and on a theme as a whole."""
    fields.setdefault("commitment_text", COMMITMENT)
    fields.setdefault("commitment_signed_by", "Permanent Secretary")
    fields.setdefault("commitment_signed_on", datetime.date(year, 1, 20))
    fields.setdefault("key_findings", KEY_FINDINGS)
    fields.setdefault("fieldwork_place", "Sanctuary Buildings, London")
    ima = published_ima(department, framework, year=year, levels=levels, **fields)
    for summary in ThemeSummary.objects.filter(assessment=ima).select_related("theme"):
        summary.progress_narrative = f"Findings for the theme {summary.theme.name}."
        summary.save(update_fields=["progress_narrative"])
    areas = {area.key: area for area in PerformanceArea.objects.filter(theme__framework=framework)}
    measuring = areas["measuring-impact"]
    for number, (text, where) in enumerate(
        [
            ("Measure how well staff follow the information management policy", measuring),
            ("Explain to staff why information is valuable", areas["communicating-and-realising-value"]),
            ("Plan the move of digital records to a corporate store", Theme.objects.get(framework=framework, number=2)),
            ("Review the records selection policy", areas["oversight-of-records-and-selection"]),
        ],
        start=1,
    ):
        place = {"theme": where} if isinstance(where, Theme) else {"area": where, "theme": where.theme}
        Recommendation.objects.create(assessment=ima, number=number, text=text, priority="high", **place)
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
    """A progress review against `baseline`, with everything its report shows; published unless `status` says."""
    fields.setdefault("interviews_from", datetime.date(year, 6, 2))
    fields.setdefault("interviews_to", datetime.date(year, 6, 3))
    fields.setdefault("next_steps_text", NEXT_STEPS_LEAD)
    fields.update(assessment_type=Assessment.Type.PROGRESS_REVIEW, year=year, baseline=baseline, ratings=levels)
    if status == Assessment.Status.PUBLISHED:
        fields.setdefault("published_on", datetime.date(year, 9, 20))
        review = published_assessment(department, framework, **fields)
    else:
        review = stored_assessment(department, framework, status=status, **fields)
    ThemeSummary.objects.filter(assessment=review).update(situation_at_time=SITUATION, progress_narrative=PROGRESS)
    return _findings(review)


def next_steps_for(review, items):
    """The review's Next steps items as written: each a text, or (text, recommendation it follows up)."""
    for position, item in enumerate(items, start=1):
        text, recommendation = item if isinstance(item, tuple) else (item, None)
        NextStep.objects.create(assessment=review, position=position, text=text, recommendation=recommendation)
    return review


def review_scenario(department, framework, **fields):
    """A published IMA 2013 with two open recommendations, and a progress review 2015 against it whose Next
    steps follow up both (as suggested: "IMA 2013 R1: ...", and reworded) and add one of its own."""
    ima = published_ima(department, framework)
    first, second = recommendations_for(ima)
    review = progress_review(department, framework, baseline=ima, **fields)
    return next_steps_for(
        review,
        [(f"IMA 2013 R1: {first.text}", first), (f"{second.text} by March 2016", second), FREE_NEXT_STEP],
    )


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
