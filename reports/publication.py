"""Releasing an issued report for the public site, and withdrawing it (assessors only).

The public site (`public/`) shows only what these services released: a published IMA, reassessment or
progress review whose report has been issued, with the department's consent recorded, from the release
date on, less the sections withheld; with it, the action plan once TNA has accepted it (frozen here).
A withdrawal keeps the release and its notice: the page then shows the notice and nothing else.
"""

from django.db import transaction
from django.utils import timezone

from accounts import access
from actionplans.choices import PlanStatus
from assessments.models import Assessment
from common.errors import NotAllowed, ServiceError
from common.history import save_with_history

from .models import IssuedReport, PublicRelease, ReportKind
from .rules import ISSUED_KIND
from .snapshot import snapshot_build

RELEASE_ONLY_ASSESSORS = "Only assessors from The National Archives can publish a report on the public site."
RELEASE_ONLY_PUBLISHED = "Only a published IMA, reassessment or progress review can go on the public site."
RELEASE_NEEDS_ISSUED = "Issue the report before publishing it on the public site."
RELEASE_EXISTS = "This report has already been published on the public site."
RELEASE_UNKNOWN_SECTION = "Select only sections of this report"
RELEASE_WITHHOLDS_EVERYTHING = "Leave at least one section of the report to publish"
CONSENT_IN_FUTURE = "The date the department agreed must be today or in the past"
WITHDRAW_NEEDS_NOTICE = "Enter the notice the public site will show in place of the report"
WITHDRAW_ALREADY = "This report has already been withdrawn from the public site."

# The action plan goes on the public site once TNA has agreed it.
PUBLISHABLE_PLAN_STATUSES = frozenset({PlanStatus.ACCEPTED, PlanStatus.CLOSED})


def report_sections(snapshot):
    """[(key, title)] of the sections of an issued report, in order: what an assessor may withhold."""
    sections = []
    if snapshot["kind"] == ReportKind.IMA_REPORT:
        if snapshot.get("commitment"):
            sections.append(("commitment", "Statement of commitment"))
        if snapshot.get("background"):
            word = "Reassessment" if snapshot["assessment"]["type"] == Assessment.Type.REASSESSMENT else "IMA"
            sections.append(("background", f"{word} background"))
        sections.append(("key_findings", "Key findings of the assessment"))
        if snapshot.get("highlights"):
            sections.append(("highlights", "Highlights"))
        if snapshot.get("recommendations"):
            sections.append(("recommendations", "Recommendations to address risk areas"))
    elif snapshot.get("background"):
        sections.append(("background", "Background"))
    sections += [(f"theme-{theme['number']}", f"{theme['number']}. {theme['name']}") for theme in snapshot["themes"]]
    steps = snapshot.get("next_steps") or {}
    if steps.get("lead") or steps.get("items"):
        sections.append(("next_steps", "Next steps"))
    return sections


def latest_issued(assessment):
    kind = ISSUED_KIND.get(assessment.assessment_type)
    if kind is None:
        return None
    return IssuedReport.objects.filter(assessment=assessment, kind=kind).order_by("-version").first()


def _publishable_plan(assessment):
    plan = getattr(assessment, "action_plan", None)
    return plan if plan is not None and plan.status in PUBLISHABLE_PLAN_STATUSES else None


def _check_release(assessment, by):
    if not access.is_assessor(by):
        raise NotAllowed(RELEASE_ONLY_ASSESSORS)
    if assessment.status != Assessment.Status.PUBLISHED or assessment.assessment_type not in ISSUED_KIND:
        raise ServiceError(RELEASE_ONLY_PUBLISHED)
    if PublicRelease.objects.filter(assessment=assessment).exists():
        raise ServiceError(RELEASE_EXISTS)
    issued = latest_issued(assessment)
    if issued is None:
        raise ServiceError(RELEASE_NEEDS_ISSUED)
    return issued


def _check_sections(issued, withheld):
    keys = [key for key, _ in report_sections(issued.snapshot)]
    if any(section not in keys for section in withheld):
        raise ServiceError(RELEASE_UNKNOWN_SECTION, field="withheld_sections")
    if set(keys) <= set(withheld):
        raise ServiceError(RELEASE_WITHHOLDS_EVERYTHING, field="withheld_sections")
    return [key for key in keys if key in withheld]


@transaction.atomic
def public_release_create(
    *, assessment, by, released_on, consent_given_by, consent_given_on, consent_how, withheld_sections=()
):
    """Release the latest issued version of `assessment`'s report (and its agreed action plan) for the public site."""
    assessment = Assessment.objects.select_for_update(of=("self",)).select_related("department").get(pk=assessment.pk)
    issued = _check_release(assessment, by)
    if consent_given_on > timezone.localdate():
        raise ServiceError(CONSENT_IN_FUTURE, field="consent_given_on")
    plan = _publishable_plan(assessment)
    release = PublicRelease(
        assessment=assessment,
        issued_report=issued,
        released_on=released_on,
        consent_given_by=consent_given_by.strip(),
        consent_given_on=consent_given_on,
        consent_how=consent_how.strip(),
        withheld_sections=_check_sections(issued, list(withheld_sections)),
        action_plan_snapshot=snapshot_build(assessment=assessment, kind=ReportKind.ACTION_PLAN) if plan else None,
        released_by=by,
    )
    return save_with_history(release, by=by, reason="Published on the public site")


@transaction.atomic
def public_release_withdraw(*, release, by, notice):
    """Withdraw a release: the public page keeps only `notice`; the report, its PDF and its data go."""
    if not access.is_assessor(by):
        raise NotAllowed(RELEASE_ONLY_ASSESSORS)
    release = PublicRelease.objects.select_for_update().get(pk=release.pk)
    if release.is_withdrawn:
        raise ServiceError(WITHDRAW_ALREADY)
    notice = (notice or "").strip()
    if not notice:
        raise ServiceError(WITHDRAW_NEEDS_NOTICE, field="notice")
    release.withdrawn_at, release.withdrawn_by, release.withdrawal_notice = timezone.now(), by, notice
    return save_with_history(release, by=by, reason="Withdrawn from the public site")
