import hashlib

import pytest
from django.core.files.storage import default_storage

from assessments.models import Assessment
from common.errors import NotAllowed, ServiceError
from reports import jobs
from reports.models import IssuedReport, ReportJob
from reports.services import (
    ISSUE_ONLY_ASSESSORS,
    ISSUE_ONLY_PUBLISHED,
    MARKING_NOT_ALLOWED,
    REISSUE_NEEDS_REASON,
    report_issue,
    report_job_request,
)
from reports.tests.conftest import pdf_text

pytestmark = pytest.mark.django_db


def _stored_bytes(name):
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def test_a_request_is_sent_to_the_worker_only_after_commit(
    review, assessor, broker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job, reused = report_job_request(assessment=review, kind="progress_review", by=assessor)
    assert (job.status, reused, broker.report_jobs) == ("queued", False, [])
    for callback in callbacks:
        callback()
    assert broker.report_jobs == [job.pk]


def test_the_same_input_returns_the_done_job_without_rendering_again(review, assessor, broker, monkeypatch):
    job, _ = report_job_request(assessment=review, kind="progress_review", by=assessor)
    jobs.job_execute(job.pk)
    monkeypatch.setattr(jobs, "render_pdf", lambda *args, **kwargs: pytest.fail("rendered again"))
    again, reused = report_job_request(assessment=review, kind="progress_review", by=assessor)
    assert reused and again.pk == job.pk and again.status == ReportJob.Status.DONE
    assert ReportJob.objects.count() == 1


def test_a_job_with_the_same_input_as_a_done_one_takes_its_file_without_rendering(review, assessor, monkeypatch):
    first, _ = report_job_request(assessment=review, kind="progress_review", by=assessor)
    jobs.job_execute(first.pk)
    first.refresh_from_db()
    twin = ReportJob.objects.create(
        kind=first.kind,
        assessment=review,
        snapshot=first.snapshot,
        input_sha256=first.input_sha256,
        template_version=first.template_version,
    )
    monkeypatch.setattr(jobs, "render_pdf", lambda *args, **kwargs: pytest.fail("rendered again"))
    done = jobs.job_execute(twin.pk)
    assert (done.status, done.pdf.name, done.content_sha256) == ("done", first.pdf.name, first.content_sha256)


def test_an_edit_after_a_request_makes_a_new_job_with_a_new_file(review, assessor):
    first, _ = report_job_request(assessment=review, kind="progress_review", by=assessor)
    jobs.job_execute(first.pk)
    first.refresh_from_db()
    before = _stored_bytes(first.pdf.name)
    Assessment.objects.filter(pk=review.pk).update(next_steps_text="A new plan for next year.")
    review.refresh_from_db()
    second, reused = report_job_request(assessment=review, kind="progress_review", by=assessor)
    jobs.job_execute(second.pk)
    second.refresh_from_db()
    assert not reused and second.pk != first.pk and second.pdf.name != first.pdf.name
    assert "A new plan for next year." in pdf_text(_stored_bytes(second.pdf.name))
    assert _stored_bytes(first.pdf.name) == before


def test_an_issued_version_never_changes_and_reissue_makes_version_2(review, assessor, broker):
    issued = report_issue(assessment=review, by=assessor)
    assert (issued.kind, issued.version, issued.issued_by) == ("progress_review", 1, assessor)
    jobs.job_execute(issued.jobs.get().pk)
    issued.refresh_from_db()
    version_1 = _stored_bytes(issued.pdf.name)
    assert hashlib.sha256(version_1).hexdigest() == issued.sha256
    assert "Version 1" in pdf_text(version_1)

    Assessment.objects.filter(pk=review.pk).update(background_text="Written after the review was issued.")
    review.refresh_from_db()
    reissued = report_issue(assessment=review, by=assessor, reason="Corrects the background")
    jobs.job_execute(reissued.jobs.get().pk)
    reissued.refresh_from_db()
    issued.refresh_from_db()

    assert reissued.version == 2
    assert "Written after the review was issued." in pdf_text(_stored_bytes(reissued.pdf.name))
    assert _stored_bytes(issued.pdf.name) == version_1
    assert "Written after the review was issued." not in issued.snapshot["background"]


def test_only_an_assessor_issues_a_report(review, lead_a):
    with pytest.raises(NotAllowed, match=ISSUE_ONLY_ASSESSORS):
        report_issue(assessment=review, by=lead_a)
    assert not IssuedReport.objects.exists()


def test_an_unpublished_assessment_is_not_issued(review, assessor):
    Assessment.objects.filter(pk=review.pk).update(status=Assessment.Status.IN_REVIEW)
    with pytest.raises(ServiceError, match=ISSUE_ONLY_PUBLISHED):
        report_issue(assessment=review, by=assessor)


def test_a_kind_that_does_not_fit_the_assessment_is_refused(review, assessor):
    with pytest.raises(ServiceError, match="A ima report is not available for a progress review"):
        report_job_request(assessment=review, kind="ima_report", by=assessor)


def test_a_marking_not_in_the_list_is_refused(review, assessor):
    with pytest.raises(ServiceError, match=MARKING_NOT_ALLOWED):
        report_job_request(assessment=review, kind="progress_review", by=assessor, protective_marking="SECRET")


def test_another_departments_lead_cannot_request(review, lead_b):
    with pytest.raises(ServiceError):
        report_job_request(assessment=review, kind="progress_review", by=lead_b)


def test_a_new_version_says_why_it_was_issued(review, assessor):
    report_issue(assessment=review, by=assessor)
    with pytest.raises(ServiceError) as refused:
        report_issue(assessment=review, by=assessor, reason="  ")
    assert (refused.value.message, refused.value.field) == (REISSUE_NEEDS_REASON, "reason")
    second = report_issue(assessment=review, by=assessor, reason="Corrects the fieldwork dates")
    assert (second.version, second.reason) == (2, "Corrects the fieldwork dates")
