"""Report pages: request, watch, download. Every object is found through the person's scope (else 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import access
from common.downloads import stored_file_response
from common.errors import NotAllowed
from common.forms import ConfirmForm
from common.requests import posted, run_service
from common.uploads import safe_filename

from . import selectors
from .forms import ReissueForm, ReportRequestForm
from .models import ReportJob
from .services import ISSUE_ONLY_ASSESSORS, ISSUE_ONLY_PUBLISHED, report_issue, report_job_request, report_job_retry

REUSED = "This report was already produced from the same data, so you can download it straight away."
ISSUED = "Version {version} of the report has been issued. It is being produced now."


def _download_name(snapshot, kind, version=None):
    parts = [snapshot["department"]["short_name"], kind.replace("_", " "), str(snapshot["assessment"]["year"])]
    if version:
        parts.append(f"v{version}")
    return safe_filename(slugify(" ".join(parts)) + ".pdf", fallback="report.pdf")


def _pdf_response(name, download_name):
    if not name:
        raise Http404("The file is not ready")
    return stored_file_response(name, filename=download_name, content_type="application/pdf", fallback="report.pdf")


def _job_is_busy(job):
    """Queued but never handed to the broker: the broker was down when it was requested."""
    return job.status == ReportJob.Status.QUEUED and job.enqueued_at is None


def _reports_page(request, assessment, form=None):
    """The assessment's reports page; `form` is a refused button's ConfirmForm, shown in the error summary."""
    return render(
        request,
        "reports/assessment_reports.html",
        {"panel": selectors.report_panel(request.user, assessment), "form": form},
    )


@login_required
@require_GET
def assessment_reports(request, assessment_id):
    return _reports_page(request, selectors.assessment_get_visible_or_404(request.user, assessment_id))


@login_required
@require_http_methods(["GET", "POST"])
def report_request(request, assessment_id):
    assessment = selectors.assessment_get_visible_or_404(request.user, assessment_id)
    # An empty POST is still a POST: bound, so it is validated and answered with an error summary.
    form = ReportRequestForm(posted(request), assessment=assessment)
    if form.is_valid():
        result, ok = run_service(
            form,
            report_job_request,
            assessment=assessment,
            kind=form.cleaned_data["kind"],
            by=request.user,
            protective_marking=form.cleaned_data["protective_marking"],
        )
        if ok:
            job, reused = result
            if reused and job.status == ReportJob.Status.DONE:
                messages.success(request, REUSED)
            return redirect("reports:job_detail", job.pk)
    return render(request, "reports/request.html", {"form": form, "assessment": assessment, "heading": "Produce a PDF"})


@login_required
@require_http_methods(["GET", "POST"])
def report_reissue(request, assessment_id):
    """Assessors only (403 for anyone else, whatever they send). A version after the first says why it was issued."""
    assessment = selectors.assessment_get_visible_or_404(request.user, assessment_id)
    if not access.is_assessor(request.user):
        raise NotAllowed(ISSUE_ONLY_ASSESSORS)
    panel = selectors.report_panel(request.user, assessment)
    if request.method == "GET" and not panel["may_reissue"]:
        messages.error(request, ISSUE_ONLY_PUBLISHED)
        return redirect("reports:assessment_reports", assessment.pk)
    form = ReissueForm(posted(request), reissue=bool(panel["issued_reports"]))
    if form.is_bound and not panel["may_reissue"]:
        form.is_valid()
        form.add_error(None, ISSUE_ONLY_PUBLISHED)
    elif form.is_valid():
        issued, ok = run_service(
            form,
            report_issue,
            assessment=assessment,
            by=request.user,
            reason=form.cleaned_data.get("reason", ""),
            protective_marking=form.cleaned_data["protective_marking"],
        )
        if ok:
            messages.success(request, ISSUED.format(version=issued.version))
            return redirect("reports:job_detail", issued.jobs.order_by("-pk").first().pk)
    next_version = max((issued.version for issued in panel["issued_reports"]), default=0) + 1
    context = {"panel": panel, "assessment": assessment, "form": form, "next_version": next_version}
    return render(request, "reports/reissue.html", context)


@login_required
@require_POST
def job_retry(request, pk):
    job = selectors.job_get_visible_or_404(request.user, pk)
    form = ConfirmForm(posted(request))
    if form.is_valid():
        _, ok = run_service(form, report_job_retry, job=job, by=request.user)
        if ok:
            return redirect("reports:job_detail", job.pk)
    job.refresh_from_db()
    return _job_page(request, job, form)


def _status(job):
    return {
        "status": job.status,
        "status_label": job.get_status_display(),
        "progress": job.progress,
        "stage": job.stage_label,
        "finished": job.is_finished,
        "busy": _job_is_busy(job),
        "error": job.error_message,
        "download_url": reverse("reports:job_download", args=[job.pk]) if job.status == ReportJob.Status.DONE else None,
    }


def _job_page(request, job, form=None):
    """The job's page; `form` is a refused "Try again" (ConfirmForm), shown in the error summary."""
    return render(
        request,
        "reports/job_detail.html",
        {"job": job, "status": _status(job), "busy": _job_is_busy(job), "form": form},
    )


@login_required
@require_GET
def job_detail(request, pk):
    return _job_page(request, selectors.job_get_visible_or_404(request.user, pk))


@login_required
@require_GET
def job_status(request, pk):
    job = selectors.job_get_visible_or_404(request.user, pk)
    response = JsonResponse(_status(job))
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def job_download(request, pk):
    job = selectors.job_get_visible_or_404(request.user, pk)
    if job.status != ReportJob.Status.DONE:
        raise Http404("The report is not ready")
    return _pdf_response(job.pdf.name, _download_name(job.snapshot, job.kind, job.version))


@login_required
@require_GET
def issued_download(request, pk):
    issued = selectors.issued_get_visible_or_404(request.user, pk)
    return _pdf_response(issued.pdf.name, _download_name(issued.snapshot, issued.kind, issued.version))
