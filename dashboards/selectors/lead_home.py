"""A KIM lead's home: what needs doing next, by whom and by when, for the departments they lead.

Two queries for the steps (assessments with their area counts, plans) whatever the number of departments.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from accounts import access
from actionplans.choices import PlanStatus
from actionplans.selectors.lists import assessments_awaiting_plan
from actionplans.selectors.plans import plans_visible_to
from assessments.models import Assessment
from assessments.selectors.assessments import assessment_list_for, self_assessment_starts
from common.dates import age_label

Status = Assessment.Status
YOU, TNA = "You", "The National Archives"


@dataclass(frozen=True)
class NextStep:
    department: object
    subject: str
    what: str
    who: str
    when: str
    url: str
    link_text: str


def _assessment_step(assessment):
    subject = assessment.short_label
    url = reverse("assessments:assessment_detail", args=[assessment.pk])
    waiting = age_label(assessment.submitted_at or assessment.created_at)
    if assessment.status == Status.DRAFT and not assessment.is_tna_led:
        done = f"{assessment.completed_count} of {assessment.area_count} areas completed"
        return subject, f"Complete and submit the self-assessment ({done})", YOU, "When you are ready", url, "Continue"
    if assessment.status == Status.RETURNED:
        return (
            subject,
            "Answer the assessor's comments and submit again",
            YOU,
            "As soon as you can",
            url,
            "See comments",
        )
    if assessment.status == Status.FACTUAL_CHECK:
        return subject, "Check the draft report for factual accuracy", YOU, "Before TNA publishes", url, "Check"
    if assessment.status in (Status.SUBMITTED, Status.IN_REVIEW):
        return subject, "The assessor reviews it", TNA, f"Submitted {waiting}", url, "View"
    if assessment.status == Status.DRAFT:
        return subject, "The assessment team writes the report", TNA, "Nothing for you to do yet", url, "View"
    return None


def _plan_step(plan):
    assessment = plan.assessment
    subject = f"Action plan for the {assessment.short_label}"
    url = reverse("actionplans:plan_detail", args=[plan.pk])
    if plan.status == PlanStatus.DRAFT:
        return subject, "Finish the action plan and submit it to TNA", YOU, "As soon as you can", url, "Continue"
    if plan.status == PlanStatus.RETURNED:
        return (
            subject,
            "Change the plan as TNA asked and submit it again",
            YOU,
            "As soon as you can",
            url,
            "See comments",
        )
    if plan.status == PlanStatus.SUBMITTED:
        return subject, "TNA reviews the plan", TNA, f"Submitted {age_label(plan.submitted_at)}", url, "View"
    if plan.status == PlanStatus.ACCEPTED:
        return subject, "Record progress on the actions", "You and the action owners", "By each due date", url, "View"
    return None


def lead_next_steps(user):
    """One step per unfinished assessment and per open plan of the departments the person leads."""
    led = access.led_department_ids(user)
    if not led:
        return []
    steps = []
    unfinished = assessment_list_for(user).filter(department__in=led).exclude(status=Status.PUBLISHED)
    for assessment in unfinished.select_related("department").order_by("department__name", "-year"):
        if step := _assessment_step(assessment):
            steps.append(NextStep(assessment.department, *step))
    for assessment in assessments_awaiting_plan(user).filter(department__in=led):
        count = assessment.recommendation_count
        steps.append(
            NextStep(
                assessment.department,
                assessment.short_label,
                f"Start the action plan answering its {count} recommendation{'s' if count != 1 else ''}",
                YOU,
                "As soon as you can",
                reverse("actionplans:recommendation_list", args=[assessment.pk]),
                "Start",
            )
        )
    plans = plans_visible_to(user).filter(assessment__department__in=led).exclude(status=PlanStatus.CLOSED)
    for plan in plans.order_by("assessment__department__name", "-assessment__year"):
        if step := _plan_step(plan):
            steps.append(NextStep(plan.assessment.department, *step))
    # Yours first, then what TNA is doing.
    return sorted(steps, key=lambda step: step.who != YOU)


def lead_may_start_self_assessment(user):
    """Whether "Start a self-assessment" would succeed for at least one department the person leads."""
    departments = list(access.visible_departments(user).filter(pk__in=access.led_department_ids(user), is_active=True))
    return any(start.can_start for start in self_assessment_starts(departments, today=timezone.localdate()))
