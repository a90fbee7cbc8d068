"""Demo assessment history: invented, plausible, deterministic, and quick at any scale.

Each department gets a published IMA, a progress review a year or two later, and (given enough
years) a reassessment and its review, all ending by LAST_YEAR. Ratings are pseudo-random from the
department's slug, never real published ratings. Rows are written with bulk_create_with_history, so
the History tab of every seeded assessment has its "created" entry, dated when it was published.
"""

import datetime
import hashlib
import random
from dataclasses import dataclass, field

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from assessments.models import AreaRating, Assessment, Evidence, ThemeSummary
from assessments.selectors.framework import framework_areas, framework_current, framework_levels
from common.history import attribute_change
from demo import narratives, people

LAST_YEAR = 2026
NO_FRAMEWORK = "No current framework version: run `manage.py load_framework` before seeding."

Type = Assessment.Type
Status = Assessment.Status

# The KIM lead of this department has a self-assessment under way; this one's waits for an assessor.
DRAFT_SELF_ASSESSMENT_SLUG = "education"
SUBMITTED_SELF_ASSESSMENT_SLUG = "home-office"
DRAFT_AREAS_DONE = 4  # of ten: enough to show every task-list status


@dataclass
class Plan:
    """One assessment to create, before it has a primary key."""

    department: object
    assessment_type: str
    year: int
    levels: dict  # area id → level position
    baseline: "Plan | None" = None
    status: str = Status.PUBLISHED
    self_levels: dict = field(default_factory=dict)
    complete_areas: int = 0
    obj: Assessment | None = None

    @property
    def depth(self):
        return 0 if self.baseline is None else self.baseline.depth + 1


def _rng(slug, salt=""):
    seed = int.from_bytes(hashlib.sha256(f"{slug}{salt}".encode()).digest()[:8], "big")
    return random.Random(seed)  # noqa: S311 - demo data, not security


def _clamp(position):
    return max(1, min(6, position))


def _moved(levels, rng):
    """A later assessment: most areas improve a little, a few stand still or slip."""
    steps = rng.choices((-1, 0, 1, 2), weights=(1, 8, 8, 1), k=len(levels))
    return {area: _clamp(level + step) for (area, level), step in zip(levels.items(), steps, strict=True)}


def _history_plans(department, years, areas, rng):
    """IMA → review → reassessment → review …, spread over `years` years ending LAST_YEAR."""
    if years < 1:
        return []
    year = LAST_YEAR - years + 1 + rng.randrange(max(1, min(2, years - 1)))
    levels = {area.pk: rng.choices((1, 2, 3, 4, 5), weights=(6, 10, 8, 3, 1))[0] for area in areas}
    baseline = Plan(department, Type.IMA, year, levels)
    plans = [baseline]
    while year < LAST_YEAR:
        review_year = min(LAST_YEAR, year + rng.choice((1, 2)))
        review = Plan(department, Type.PROGRESS_REVIEW, review_year, _moved(baseline.levels, rng), baseline)
        plans.append(review)
        year = year + rng.choice((4, 5))
        if year > LAST_YEAR:
            break
        baseline = Plan(department, Type.REASSESSMENT, year, _moved(review.levels, rng), baseline)
        plans.append(baseline)
    return plans


def _self_assessment_plan(department, areas, latest, *, submitted):
    rng = _rng(department.slug, "self")
    previous = latest.levels if latest else {area.pk: 2 for area in areas}
    self_levels = {area.pk: _clamp(previous[area.pk] + rng.choice((0, 0, 1, 1, 2))) for area in areas}
    if not submitted:
        self_levels = {area.pk: self_levels[area.pk] for area in areas[: DRAFT_AREAS_DONE + 1]}
    return Plan(
        department,
        Type.SELF_ASSESSMENT,
        LAST_YEAR,
        levels={},
        status=Status.SUBMITTED if submitted else Status.DRAFT,
        self_levels=self_levels,
        complete_areas=len(areas) if submitted else DRAFT_AREAS_DONE,
    )


def _dates(plan, rng):
    """Interview dates (a week or two for an IMA, a day or two for a review) and a publication date."""
    long_visit = plan.assessment_type in (Type.IMA, Type.REASSESSMENT)
    start = datetime.date(plan.year, rng.randint(2, 6 if long_visit else 7), rng.randint(1, 20))
    start -= datetime.timedelta(days=start.weekday())  # interviews start on a Monday
    end = start + datetime.timedelta(days=rng.choice((4, 8, 9, 11)) if long_visit else rng.choice((0, 1)))
    published = end + datetime.timedelta(days=rng.randint(70, 150) if long_visit else rng.randint(40, 90))
    return start, end, min(published, timezone.localdate())


def _assessment(plan, framework, assessor, lead, rng):
    assessment = Assessment(
        department=plan.department,
        framework=framework,
        assessment_type=plan.assessment_type,
        year=plan.year,
        status=plan.status,
        baseline=plan.baseline.obj if plan.baseline else None,
    )
    if plan.status == Status.PUBLISHED:
        start, end, published = _dates(plan, rng)
        published_at = timezone.make_aware(datetime.datetime.combine(published, datetime.time(10)))
        assessment.interviews_from, assessment.interviews_to, assessment.published_on = start, end, published
        assessment.published_at, assessment.published_by, assessment.created_by = published_at, assessor, assessor
        assessment.share_good_practice = rng.random() < 0.5
        assessment.fieldwork_place = f"{plan.department.short_name} offices, London"
        assessment.assessed_on = end.replace(day=1)
        if plan.assessment_type == Type.PROGRESS_REVIEW:
            assessment.next_steps_text = narratives.NEXT_STEPS
        else:
            assessment.key_findings = narratives.KEY_FINDINGS
            assessment.commitment_text = narratives.COMMITMENT.format(department=plan.department.name)
            assessment.commitment_signed_by = "Permanent Secretary"
            assessment.commitment_signed_on = start - datetime.timedelta(days=60)
        attribute_change(assessment, by=assessor, at=published_at)
    else:
        assessment.created_by = lead
        attribute_change(assessment, by=lead)
        if plan.status == Status.SUBMITTED:
            assessment.submitted_at = timezone.now() - datetime.timedelta(days=2)
    return assessment


def _ratings(plan, areas, levels_by_position, lead):
    assessment = plan.obj
    history_user = lead if plan.assessment_type == Type.SELF_ASSESSMENT else assessment.published_by
    rows = []
    for index, area in enumerate(areas):
        position = plan.levels.get(area.pk)
        self_position = plan.self_levels.get(area.pk)
        baseline_position = plan.baseline.levels.get(area.pk) if plan.baseline else None
        rating = AreaRating(
            assessment=assessment,
            area=area,
            assessor_rating=levels_by_position.get(position),
            assessor_commentary=narratives.assessor_commentary(area.key, position) if position else "",
            baseline_rating=levels_by_position.get(baseline_position),
            self_rating=levels_by_position.get(self_position),
            narrative=narratives.self_narrative(area.key, self_position) if index < plan.complete_areas else "",
            is_complete=index < plan.complete_areas,
            updated_by=history_user,
        )
        attribute_change(rating, by=history_user, at=assessment.published_at)
        rows.append(rating)
    return rows


def _theme_summaries(plan, areas):
    assessment = plan.obj
    summaries = []
    themes = {area.theme_id: area.theme for area in areas}
    names = {area.pk: area.name for area in areas}
    for theme in themes.values():
        theme_areas = [area.pk for area in areas if area.theme_id == theme.pk]
        summary = ThemeSummary(assessment=assessment, theme=theme)
        if plan.status == Status.PUBLISHED:
            situation_source = plan.baseline or plan
            average = sum(situation_source.levels[pk] for pk in theme_areas) / len(theme_areas)
            summary.situation_at_time = narratives.theme_situation(theme.number, average)
            if not plan.baseline:
                summary.progress_narrative = narratives.theme_findings(theme.number, average)
            if plan.baseline:
                changes = {pk: plan.levels[pk] - plan.baseline.levels[pk] for pk in theme_areas}
                movement = sum(changes.values()) / len(changes)
                focus = names[max(changes, key=lambda pk: changes[pk] if movement >= 0 else -changes[pk])]
                label = f"the {plan.baseline.assessment_type.replace('_', ' ')} in {plan.baseline.year}"
                summary.progress_narrative = narratives.theme_progress(
                    movement, label.replace("ima", "IMA"), focus, plan.year + theme.number
                )
            attribute_change(summary, by=assessment.published_by, at=assessment.published_at)
        summaries.append(summary)
    return summaries


def _evidence(plan, ratings, lead):
    """A few links on the submitted self-assessment, so the assessor's review has something to open."""
    rows = []
    for rating in ratings[:3]:
        rows.append(
            Evidence(
                rating=rating,
                kind=Evidence.Kind.LINK,
                title=f"{rating.area.name}: policy and monitoring reports",
                url=f"https://intranet.{plan.department.slug}.example.gov.uk/kim/{rating.area.key}",
                uploaded_by=lead,
            )
        )
    return rows


def seed_assessments(departments, years, assessor):
    """Create the demo history for `departments` that have none yet; returns how many assessments were made."""
    framework = framework_current()
    if framework is None:
        raise LookupError(NO_FRAMEWORK)
    areas = framework_areas(framework)
    levels_by_position = {level.position: level for level in framework_levels(framework)}
    department_ids = [department.pk for department in departments]
    seeded = set(
        Assessment.objects.filter(department__in=department_ids)
        .exclude(assessment_type=Type.SELF_ASSESSMENT)
        .values_list("department_id", flat=True)
    )
    has_current_self = set(
        Assessment.objects.filter(
            department__in=department_ids, assessment_type=Type.SELF_ASSESSMENT, year=LAST_YEAR
        ).values_list("department_id", flat=True)
    )
    leads = {user.email: user for user in User.objects.filter(email__in=[people.lead_email(d) for d in departments])}

    plans = []
    for department in departments:
        history = [] if department.pk in seeded else _history_plans(department, years, areas, _rng(department.slug))
        plans.extend(history)
        wants_self = department.slug in (DRAFT_SELF_ASSESSMENT_SLUG, SUBMITTED_SELF_ASSESSMENT_SLUG)
        if wants_self and department.pk not in has_current_self:
            latest = history[-1] if history else None
            submitted = department.slug == SUBMITTED_SELF_ASSESSMENT_SLUG
            plans.append(_self_assessment_plan(department, areas, latest, submitted=submitted))
    if not plans:
        return 0

    # Baselines first: a review's row needs its baseline's primary key.
    for depth in sorted({plan.depth for plan in plans}):
        layer = [plan for plan in plans if plan.depth == depth]
        objs = []
        for plan in layer:
            rng = _rng(plan.department.slug, f"{plan.assessment_type}{plan.year}")
            plan.obj = _assessment(plan, framework, assessor, leads.get(people.lead_email(plan.department)), rng)
            objs.append(plan.obj)
        bulk_create_with_history(objs, Assessment, batch_size=500, default_user=assessor)

    ratings, summaries, evidence = [], [], []
    for plan in plans:
        lead = leads.get(people.lead_email(plan.department))
        plan_ratings = _ratings(plan, areas, levels_by_position, lead)
        ratings.extend(plan_ratings)
        summaries.extend(_theme_summaries(plan, areas))
        if plan.status == Status.SUBMITTED:
            evidence.append((plan, plan_ratings, lead))
    bulk_create_with_history(ratings, AreaRating, batch_size=500, default_user=assessor)
    bulk_create_with_history(summaries, ThemeSummary, batch_size=500, default_user=assessor)
    links = [row for plan, plan_ratings, lead in evidence for row in _evidence(plan, plan_ratings, lead)]
    if links:
        bulk_create_with_history(links, Evidence, default_user=assessor)
    return len(plans)
