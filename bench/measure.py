"""The measuring half of bench/run.py, run in a fresh process with Django set up on a scratch database."""

import statistics
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from accounts.models import User
from actionplans.models import ActionPlan
from assessments.models import Assessment
from demo import people
from reports.models import ReportJob, ReportKind
from reports.rendering import render_pdf
from reports.snapshot import snapshot_build
from tests.support.worker import WorkerProcess

# The department whose pages are timed: one of the real departments, present at both sizes.
DEPARTMENT_SLUG = "education"
WARM_UP = 2


def _client_for(email):
    client = Client(HTTP_HOST="127.0.0.1")  # measured with DEBUG off, where "testserver" is refused
    client.force_login(User.objects.get(email=email))
    return client


def _url(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def _latest_published():
    return (
        Assessment.objects.filter(department__slug=DEPARTMENT_SLUG, status=Assessment.Status.PUBLISHED)
        .order_by("-year", "-created_at", "-pk")
        .first()
    )


def _latest_plan_id():
    plan = (
        ActionPlan.objects.filter(assessment__department__slug=DEPARTMENT_SLUG)
        .order_by("-assessment__year", "-pk")
        .first()
    )
    return plan.pk if plan else None


def page_plan():
    """(name, who, URL name, kwargs) of each main page; a page whose URL or data is missing is skipped."""
    lead = f"kim.lead@{DEPARTMENT_SLUG}.example.gov.uk"
    assessor = people.ASSESSOR_EMAIL
    latest = _latest_published()
    plan_id = _latest_plan_id()
    return [
        ("assessor_dashboard", assessor, "dashboards:index", {}),
        ("department_dashboard", lead, "dashboards:department", {"slug": DEPARTMENT_SLUG}),
        ("assessment_page", assessor, "assessments:assessment_detail", {"pk": latest.pk} if latest else None),
        ("action_plan_page", lead, "actionplans:plan_detail", {"pk": plan_id} if plan_id else None),
        ("assessment_list", assessor, "assessments:assessment_list", {}),
        ("action_plan_list", assessor, "actionplans:plan_list", {}),
        ("department_list", assessor, "assessments:department_list", {}),
        ("my_actions", f"dro@{DEPARTMENT_SLUG}.example.gov.uk", "actionplans:my_actions", {}),
    ]


def time_page(client, url, repeats):
    for _ in range(WARM_UP):
        response = client.get(url)
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, round(statistics.median(timings) * 1000, 1), len(queries), len(response.content)


def pages(*, size, repeats, log):
    results, notes, clients = {}, [], {}
    for name, who, url_name, kwargs in page_plan():
        url = _url(url_name, **kwargs) if kwargs is not None else None
        if url is None:
            notes.append(f"{name}: skipped at {size} size ({url_name} is not built yet, or has no data)")
            log(notes[-1])
            continue
        client = clients.get(who) or clients.setdefault(who, _client_for(who))
        status, median_ms, queries, size_bytes = time_page(client, url, repeats)
        if status != 200:
            notes.append(f"{name}: {url} answered {status} at {size} size; not timed")
            log(notes[-1])
            continue
        results[name] = {"ms": median_ms, "queries": queries}
        log(f"{size:5} {name:22} {median_ms:8.1f} ms  {queries:3d} queries  {size_bytes / 1024:7.0f} KiB  {url}")
    return {"pages": results, "notes": notes}


# ----------------------------------------------------------------------------------------------
# Report: bare render against end to end through a real worker, and a cached re-download.

NULL_REPORT = dict.fromkeys(("bare_render_ms", "end_to_end_ms", "ratio", "cached_ms", "cached_ratio"))


def _review():
    return (
        Assessment.objects.filter(
            department__slug=DEPARTMENT_SLUG,
            status=Assessment.Status.PUBLISHED,
            assessment_type=Assessment.Type.PROGRESS_REVIEW,
        )
        .order_by("-year", "-pk")
        .first()
    )


def _bare_render(review, assessor, repeats):
    snapshot = snapshot_build(assessment=review, kind=ReportKind.PROGRESS_REVIEW, user=assessor, protective_marking="")
    render_pdf(snapshot)  # warm-up: fonts, stylesheets
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        pdf = render_pdf(snapshot)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000, len(pdf)


def _request_and_download(client, review, *, timeout=120):
    """POST the request form, wait for the file (polling the job row), download it; (seconds, reused?)."""
    started = time.perf_counter()
    response = client.post(
        reverse("reports:report_request", kwargs={"assessment_id": review.pk}),
        {"kind": "progress_review", "protective_marking": ""},
    )
    if response.status_code != 302:
        raise RuntimeError(f"report request answered {response.status_code}")
    job_id = int(response["Location"].rstrip("/").split("/")[-1])
    deadline = time.monotonic() + timeout
    while True:
        status = ReportJob.objects.filter(pk=job_id).values_list("status", flat=True).first()
        if status == ReportJob.Status.DONE:
            break
        if status == ReportJob.Status.FAILED or time.monotonic() > deadline:
            raise RuntimeError(f"report job {job_id} ended {status}")
        time.sleep(0.01)
    download = client.get(reverse("reports:job_download", kwargs={"pk": job_id}))
    content = b"".join(download.streaming_content) if download.streaming else download.content
    if download.status_code != 200 or not content.startswith(b"%PDF"):
        raise RuntimeError(f"report download answered {download.status_code}")
    return time.perf_counter() - started


def report(*, repeats, log):
    notes = []
    review = _review()
    if review is None:
        notes.append("report: no published progress review to render")
        return {"report": NULL_REPORT, "notes": notes}
    assessor = User.objects.get(email=people.ASSESSOR_EMAIL)
    bare_ms, size = _bare_render(review, assessor, repeats)
    log(f"report bare render {bare_ms:.0f} ms ({size / 1024:.0f} KiB PDF, median of {repeats})")

    worker = WorkerProcess(
        queue=settings.CELERY_TASK_DEFAULT_QUEUE,
        filesystem_dir=Path(settings.CELERY_FILESYSTEM_FOLDER),
        extra_env={"MEDIA_ROOT": str(settings.MEDIA_ROOT)},
    )
    worker.start()
    log(f"worker ready on queue {settings.CELERY_TASK_DEFAULT_QUEUE} ({settings.CELERY_BROKER_URL.split(':')[0]})")
    try:
        client = _client_for(people.ASSESSOR_EMAIL)
        original = review.next_steps_text
        end_to_end, cached = [], []
        for run in range(repeats + 1):  # the first is a warm-up of the worker's imports and fonts
            # A new input each time (as after an edit), so the worker really renders it.
            Assessment.objects.filter(pk=review.pk).update(next_steps_text=f"{original} [{uuid.uuid4().hex[:6]}]")
            seconds = _request_and_download(client, review)
            if run:
                end_to_end.append(seconds)
            # The same input again: the finished file is handed back without rendering.
            if run:
                cached.append(_request_and_download(client, review))
        Assessment.objects.filter(pk=review.pk).update(next_steps_text=original)
    finally:
        worker.stop()
    end_to_end_ms = statistics.median(end_to_end) * 1000
    cached_ms = statistics.median(cached) * 1000
    log(f"report end to end {end_to_end_ms:.0f} ms, cached re-download {cached_ms:.0f} ms (medians of {repeats})")
    return {
        "report": {
            "bare_render_ms": round(bare_ms, 1),
            "end_to_end_ms": round(end_to_end_ms, 1),
            "ratio": round(end_to_end_ms / bare_ms, 2),
            "cached_ms": round(cached_ms, 1),
            "cached_ratio": round(cached_ms / end_to_end_ms, 3),
        },
        "notes": notes,
    }
