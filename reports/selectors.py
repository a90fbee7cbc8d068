"""Reads shared by the report pages, the snapshot builder and the CLI.

Every read a person triggers is scoped with accounts/access.py: an assessment outside the
person's scope (and any job or issued report of it) answers 404.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404

from accounts import access
from assessments.models import AreaRating, Theme, ThemeSummary
from assessments.rules import sees_assessor_work
from assessments.selectors.assessments import assessment_get_for_user_or_404, assessments_visible_to

from .models import IssuedReport, ReportJob, ReportKind
from .rules import ISSUED_KIND, kinds_for


def visible_assessments(user):
    return assessments_visible_to(user)


def assessment_get_visible_or_404(user, pk):
    """Exactly the assessment page's check (the same selector)."""
    return assessment_get_for_user_or_404(user, pk)


def job_may_be_seen(user, job):
    """A job that shows the assessor's unpublished work is for those who may see that work."""
    return not job.snapshot.get("includes_assessor_work") or sees_assessor_work(user, job.assessment)


def job_get_visible_or_404(user, pk):
    job = (
        ReportJob.objects.filter(assessment__in=visible_assessments(user))
        .select_related("assessment__department", "requested_by")
        .filter(pk=pk)
        .first()
    )
    if job is None or not job_may_be_seen(user, job):
        raise Http404("No such report")
    return job


def issued_get_visible_or_404(user, pk):
    issued = (
        IssuedReport.objects.filter(assessment__in=visible_assessments(user))
        .select_related("assessment__department")
        .filter(pk=pk)
        .first()
    )
    if issued is None:
        raise Http404("No such report")
    return issued


def issued_reports_for(assessment):
    jobs = ReportJob.objects.defer("snapshot").order_by("-pk")
    return list(
        IssuedReport.objects.filter(assessment=assessment)
        .defer("snapshot")
        .select_related("issued_by")
        .prefetch_related(Prefetch("jobs", queryset=jobs))
        .order_by("kind", "-version")
    )


def latest_jobs_for(user, assessment):
    """The newest working-copy job of each kind that this person may open (snapshots left unread)."""
    jobs = ReportJob.objects.filter(assessment=assessment, issued_report__isnull=True).defer("snapshot")
    if assessment.published_at is not None:
        # A draft produced before publication is not the report any more: the issued versions are.
        jobs = jobs.filter(created_at__gte=assessment.published_at)
    if not sees_assessor_work(user, assessment):
        jobs = jobs.filter(snapshot__includes_assessor_work=False)
    latest = {}
    for kind in kinds_for(assessment):
        job = jobs.filter(kind=kind).order_by("-created_at", "-pk").first()
        if job is not None:
            latest[kind] = job
    return latest


# ----------------------------------------------------------------------------------------------
# Report data: what the snapshot builder reads (one query each, whatever the number of areas)


def report_themes(framework):
    return list(Theme.objects.filter(framework=framework).order_by("number"))


def report_ratings(assessment):
    return list(
        AreaRating.objects.filter(assessment=assessment)
        .select_related("area__theme", "self_rating", "assessor_rating", "baseline_rating")
        .order_by("area__theme__number", "area__number")
    )


def report_theme_summaries(assessment):
    return {summary.theme_id: summary for summary in ThemeSummary.objects.filter(assessment=assessment)}


def report_panel(user, assessment):
    """What the assessment page shows about reports: what may be requested, the latest copies, issued versions."""
    issued_kind = ISSUED_KIND.get(assessment.assessment_type)
    return {
        "assessment": assessment,
        "issues_reports": bool(issued_kind),
        "is_published": assessment.status == assessment.Status.PUBLISHED,
        "default_marking": settings.REPORTS_PROTECTIVE_MARKING,
        "kinds": [(kind, ReportKind(kind).label) for kind in kinds_for(assessment)],
        "latest_jobs": list(latest_jobs_for(user, assessment).values()),
        "issued_reports": issued_reports_for(assessment),
        "may_reissue": bool(
            issued_kind and access.is_assessor(user) and assessment.status == assessment.Status.PUBLISHED
        ),
    }
