"""Demo recommendations and action plans on the seeded published assessments: invented, deterministic, quick.

Each published IMA or reassessment gets 2–5 recommendations. A department's latest one has a plan in a
state that shows off the service (accepted with actions overdue, due soon and complete; submitted for
review; open for changes; not started yet); earlier ones have plans closed by agreement, with a
recommendation sometimes left open to carry forward. Due dates are relative to today, so RAG tags vary.
"""

import datetime
import hashlib
import random
from collections import defaultdict

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.models import User
from actionplans.choices import ActionStatus, PlanStatus, Priority, RecommendationStatus, ReviewDecision
from actionplans.models import Action, ActionPlan, NextStep, PlanReview, ProgressUpdate, Recommendation
from actionplans.services.snapshot import build_snapshot
from assessments.models import Assessment, PerformanceArea
from common.history import attribute_change
from demo import people

DRO = "Departmental Records Officer"
OWNER_ROLES = [
    DRO,
    "Head of Knowledge and Information Management",
    "Senior Information Risk Owner",
    "Chief Information Officer",
    "Information Asset Owner network lead",
    "Head of Digital Records",
]
RECOMMENDATIONS = {
    "communicating-and-realising-value": (
        "Set out, in the KIM strategy, how managing information well supports the department's business "
        "objectives, and report progress against it to the board."
    ),
    "managing-information-as-an-asset": (
        "Complete the Information Asset Register, including digital assets held outside the corporate "
        "system, and review it every six months with Information Asset Owners."
    ),
    "supporting-information-through-technology": (
        "Make sure the replacement collaboration platform has retention and disposal controls configured "
        "before information is migrated to it."
    ),
    "digital-continuity-and-it-change": (
        "Produce a digital continuity plan covering the records held on legacy shared drives, with owners "
        "and dates for migration or disposal."
    ),
    "recognising-information-risk": (
        "Add the risk of losing information of long-term value to the departmental risk register, with the "
        "SIRO as its owner."
    ),
    "establishing-control": (
        "Publish a retention schedule for all business areas and embed it in the corporate information "
        "management system."
    ),
    "providing-guidance": (
        "Refresh the guidance on what to keep, and make mandatory training on it part of induction for all staff."
    ),
    "measuring-impact": (
        "Introduce regular compliance checks on saving information of value, and report the results to the KIM board."
    ),
    "oversight-of-records-and-selection": (
        "Agree an appraisal report with The National Archives and a plan to meet the 20-year rule for "
        "paper and digital records."
    ),
    "implementing-disposal-decisions": (
        "Clear the backlog of paper files past their review date, recording every disposal decision."
    ),
}
ACTIONS = [
    ("Draft the document and agree it with the KIM board", "Head of Knowledge and Information Management"),
    ("Run workshops with each business area and record their needs", DRO),
    ("Assign an owner in every directorate and brief them on their responsibilities", DRO),
    ("Report progress to the Executive Committee every quarter", "Senior Information Risk Owner"),
    ("Configure the system and test it with two pilot teams", "Chief Information Officer"),
    ("Publish guidance on the intranet and measure how often it is read", "Information Asset Owner network lead"),
]
STARTED = "Work has started: the project board agreed the approach and the first milestones."
DELIVERED = "Delivered and signed off by the KIM board."
SUPERSEDED = "Superseded by the move to the new collaboration platform, agreed with TNA."
# (status, due in days from today, completed days ago): a spread of RAG states.
SCHEDULE = [
    (ActionStatus.COMPLETE, -120, 130),
    (ActionStatus.UNDERWAY, -45, None),
    (ActionStatus.NOT_STARTED, 20, None),
    (ActionStatus.UNDERWAY, 7, None),
    (ActionStatus.UNDERWAY, -10, None),
    (ActionStatus.NOT_STARTED, 150, None),
    (ActionStatus.UNDERWAY, 240, None),
    (ActionStatus.COMPLETE, -20, 25),
    (ActionStatus.NOT_APPLICABLE, 60, None),
]
# Departments whose latest plan is in a particular state, for the documented demo sign-ins.
FIXED_VARIANTS = {"education": "accepted", "home-office": "submitted", "cabinet-office": "changed"}
VARIANTS = ["accepted", "accepted", "submitted", "changed", "none", "draft"]


def _rng(*parts):
    seed = int.from_bytes(hashlib.sha256("/".join(map(str, parts)).encode()).digest()[:8], "big")
    return random.Random(seed)  # noqa: S311 - demo data, not security


def _aware(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class _Seeder:
    def __init__(self, assessor, today):
        self.assessor = assessor
        self.today = today
        self.now = timezone.now()
        self.areas = list(PerformanceArea.objects.select_related("theme"))
        self.recommendations, self.plans, self.actions, self.updates = [], [], [], []
        self.reviews = []  # (plan, review kwargs) made once actions have primary keys
        self.actions_by_plan = defaultdict(list)
        self.recommendations_by_assessment = defaultdict(list)

    def add_recommendations(self, assessment, *, closing):
        rng = _rng(assessment.department.slug, assessment.pk, "recommendations")
        areas = [a for a in self.areas if a.theme.framework_id == assessment.framework_id]
        chosen = rng.sample(areas, k=min(len(areas), rng.randint(2, 5)))
        closed_at = _aware(min(self.today, assessment.published_on + datetime.timedelta(days=600)))
        for number, area in enumerate(sorted(chosen, key=lambda a: (a.theme.number, a.number)), start=1):
            # An earlier plan's recommendations are closed, but one in three is left open to carry forward.
            closed = closing and rng.random() > 0.33
            recommendation = Recommendation(
                assessment=assessment,
                theme=area.theme,
                area=area,
                number=number,
                text=RECOMMENDATIONS.get(area.key, f"Improve {area.name.lower()}."),
                priority=rng.choice([Priority.HIGH, Priority.HIGH, Priority.MEDIUM, Priority.LOW]),
                status=RecommendationStatus.CLOSED if closed else RecommendationStatus.OPEN,
                closed_at=closed_at if closed else None,
                created_by=self.assessor,
            )
            attribute_change(recommendation, by=self.assessor, at=assessment.published_at or self.now)
            self.recommendations.append(recommendation)
            self.recommendations_by_assessment[assessment.pk].append(recommendation)

    def add_plan(self, assessment, variant, dro, lead):
        if variant == "none":
            return
        published = assessment.published_on or self.today
        accepted_on = min(self.today - datetime.timedelta(days=1), published + datetime.timedelta(days=60))
        plan = ActionPlan(assessment=assessment, status=PlanStatus.DRAFT)
        if variant in ("accepted", "changed", "closed"):
            plan.status = PlanStatus.ACCEPTED
            plan.submitted_at = _aware(accepted_on - datetime.timedelta(days=14))
            plan.accepted_at = _aware(accepted_on, 15)
        if variant == "changed":
            plan.status, plan.changed_since_accepted = PlanStatus.DRAFT, True
        if variant == "submitted":
            plan.status, plan.submitted_at = PlanStatus.SUBMITTED, self.now - datetime.timedelta(days=3)
        if variant == "closed":
            plan.status, plan.closed_at = (
                PlanStatus.CLOSED,
                _aware(min(self.today, published + datetime.timedelta(days=700))),
            )
            plan.closing_comment = (
                "Good progress on every recommendation; remaining work continues as business as usual."
            )
        plan.created_by = lead
        plan._made_at = _aware(published + datetime.timedelta(days=30))
        attribute_change(plan, by=lead, at=plan._made_at)
        plan._variant, plan._accepted_on, plan._dro = variant, accepted_on, dro
        self.plans.append(plan)

    def add_actions(self, plan):
        rng = _rng(plan.assessment.department.slug, plan.assessment_id, "actions")
        slot = rng.randrange(len(SCHEDULE))
        for recommendation in self.recommendations_by_assessment[plan.assessment_id]:
            for sequence in range(1, rng.randint(1, 3) + 1):
                description, role = ACTIONS[(recommendation.number + sequence + slot) % len(ACTIONS)]
                status, due_in, completed_ago = SCHEDULE[slot % len(SCHEDULE)]
                slot += 1
                if plan._variant == "closed":
                    status, due_in, completed_ago = ActionStatus.COMPLETE, -400 - 30 * sequence, 420
                if plan._variant in ("submitted", "draft"):
                    status, completed_ago = ActionStatus.NOT_STARTED, None
                    due_in = abs(due_in) + 60
                linked = plan._dro if role == DRO else None
                action = Action(
                    plan=plan,
                    recommendation=recommendation,
                    sequence=sequence,
                    description=f"{description} ({recommendation.area.name}).",
                    owner_text=role,
                    owner_user=linked,
                    priority=recommendation.priority if sequence == 1 else Priority.MEDIUM,
                    due_date=self.today + datetime.timedelta(days=due_in),
                    status=status,
                    completion_date=self.today - datetime.timedelta(days=completed_ago)
                    if status == ActionStatus.COMPLETE
                    else None,
                )
                attribute_change(action, by=plan.created_by, at=plan._made_at)
                self.actions.append(action)
                self.actions_by_plan[id(plan)].append(action)

    def add_progress(self, plan, lead):
        if not plan.accepted_at:
            return
        start = plan._accepted_on + datetime.timedelta(days=20)
        for action in self.actions_by_plan[id(plan)]:
            notes = []
            if action.status in (ActionStatus.UNDERWAY, ActionStatus.COMPLETE) and start <= self.today:
                notes.append((min(start, action.completion_date or self.today), STARTED, ActionStatus.UNDERWAY))
            if action.status == ActionStatus.COMPLETE:
                notes.append((action.completion_date, DELIVERED, ActionStatus.COMPLETE))
            if action.status == ActionStatus.NOT_APPLICABLE:
                notes.append((min(self.today, start), SUPERSEDED, ActionStatus.NOT_APPLICABLE))
            status = ActionStatus.NOT_STARTED
            for day, commentary, new_status in notes:
                self.updates.append(
                    ProgressUpdate(
                        action=action,
                        date=day,
                        author=action.owner_user or lead,
                        commentary=commentary,
                        status_from=status,
                        status_to=new_status,
                    )
                )
                status = new_status

    def reviews_for(self, plan):
        if not plan.accepted_at:
            return []
        actions = self.actions_by_plan[id(plan)]
        snapshot = build_snapshot(
            plan=plan,
            recommendations=self.recommendations_by_assessment[plan.assessment_id],
            actions=actions,
            decided_at=plan.accepted_at,
        )
        if plan._variant == "changed":
            # What TNA accepted had a different date for the first action: the lead has since moved it.
            first = snapshot["recommendations"][0]["actions"][0] if actions else None
            if first:
                first["due_date"] = (
                    datetime.date.fromisoformat(first["due_date"]) - datetime.timedelta(days=90)
                ).isoformat()
        return [
            PlanReview(
                plan=plan,
                reviewer=self.assessor,
                decision=ReviewDecision.ACCEPTED,
                comment="The actions answer every recommendation, with clear owners and realistic dates.",
                snapshot=snapshot,
            )
        ]


def _variant(department, index):
    return FIXED_VARIANTS.get(department.slug, VARIANTS[index % len(VARIANTS)])


def seed_action_plans(departments, assessor, *, today=None):
    """Recommendations and plans for published IMAs and reassessments that have no recommendations yet.

    Idempotent (an assessment with recommendations is left alone); returns how many plans were made."""
    seeder = _Seeder(assessor, today or timezone.localdate())
    baselines = list(
        Assessment.objects.filter(
            department__in=departments,
            status=Assessment.Status.PUBLISHED,
            assessment_type__in=Assessment.BASELINE_TYPES,
        )
        .exclude(recommendations__isnull=False)
        .select_related("department")
        .order_by("department__name", "year", "created_at")
    )
    if not baselines:
        return 0
    latest = {}
    for assessment in Assessment.objects.filter(
        department__in=departments, status=Assessment.Status.PUBLISHED, assessment_type__in=Assessment.BASELINE_TYPES
    ).order_by("year", "created_at"):
        latest[assessment.department_id] = assessment.pk
    emails = [people.dro_email(d) for d in departments] + [people.lead_email(d) for d in departments]
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    index = {department.pk: position for position, department in enumerate(departments)}

    for assessment in baselines:
        department = assessment.department
        is_latest = latest.get(department.pk) == assessment.pk
        seeder.add_recommendations(assessment, closing=not is_latest)
        variant = _variant(department, index[department.pk]) if is_latest else "closed"
        lead = users.get(people.lead_email(department))
        seeder.add_plan(assessment, variant, users.get(people.dro_email(department)), lead)

    bulk_create_with_history(seeder.recommendations, Recommendation, batch_size=500, default_user=assessor)
    bulk_create_with_history(seeder.plans, ActionPlan, batch_size=500, default_user=assessor)
    for plan in seeder.plans:
        seeder.add_actions(plan)
    bulk_create_with_history(seeder.actions, Action, batch_size=500)
    for plan in seeder.plans:
        seeder.add_progress(plan, users.get(people.lead_email(plan.assessment.department)))
    ProgressUpdate.objects.bulk_create(seeder.updates, batch_size=500)
    reviews = PlanReview.objects.bulk_create(
        [review for plan in seeder.plans for review in seeder.reviews_for(plan)], batch_size=200
    )
    # created_at is set to "now" on insert; the demo's history reads better dated when things happened.
    for update in seeder.updates:
        update.created_at = _aware(update.date, 16)
    ProgressUpdate.objects.bulk_update(seeder.updates, ["created_at"], batch_size=500)
    for review in reviews:
        review.created_at = review.plan.accepted_at
    PlanReview.objects.bulk_update(reviews, ["created_at"], batch_size=200)
    seed_next_steps(departments, assessor)
    return len(seeder.plans)


def seed_next_steps(departments, assessor):
    """Each published progress review's Next steps, as its assessor wrote them: its baseline's recommendations
    (up to three, labelled in full). Idempotent: a review that has next steps is left alone."""
    reviews = (
        Assessment.objects.filter(
            department__in=departments,
            status=Assessment.Status.PUBLISHED,
            assessment_type=Assessment.Type.PROGRESS_REVIEW,
            baseline__isnull=False,
        )
        .exclude(next_steps__isnull=False)
        .select_related("baseline")
    )
    by_baseline = defaultdict(list)
    for recommendation in Recommendation.objects.filter(
        assessment__in=[review.baseline_id for review in reviews]
    ).select_related("assessment"):
        by_baseline[recommendation.assessment_id].append(recommendation)
    steps = []
    for review in reviews:
        chosen = sorted(by_baseline[review.baseline_id], key=lambda item: item.number)[:3]
        for position, recommendation in enumerate(chosen, start=1):
            step = NextStep(
                assessment=review,
                position=position,
                text=f"{recommendation.full_label}: {recommendation.text}",
                recommendation=recommendation,
                created_by=assessor,
            )
            attribute_change(step, by=assessor, at=review.published_at)
            steps.append(step)
    bulk_create_with_history(steps, NextStep, batch_size=500, default_user=assessor)
