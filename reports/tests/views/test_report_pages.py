import pytest
from django.template import Context, Template
from django.urls import reverse

from accounts.tests.factories import kim_lead_of
from assessments.models import Assessment
from reports import jobs
from reports.models import ReportJob
from reports.services import ISSUE_ONLY_PUBLISHED, RETRY_NOT_FAILED, report_issue, report_job_request
from reports.tests.factories import progress_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def done_job(review, assessor):
    job, _ = report_job_request(assessment=review, kind="progress_review", by=assessor)
    return jobs.job_execute(job.pk)


def _job_urls(job):
    return [
        reverse("reports:job_detail", args=[job.pk]),
        reverse("reports:job_status", args=[job.pk]),
        reverse("reports:job_download", args=[job.pk]),
    ]


def test_the_request_button_queues_a_job_and_shows_its_page(client, lead_a, review, broker):
    client.force_login(lead_a)
    with broker.after_commit():
        response = client.post(
            reverse("reports:report_request", args=[review.pk]), {"kind": "progress_review", "protective_marking": ""}
        )
    job = ReportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reports:job_detail", args=[job.pk])
    assert broker.report_jobs == [job.pk] and job.requested_by == lead_a
    page = client.get(response["Location"])
    content = page.content.decode()
    assert '<h1 class="govuk-heading-l">Progress review PDF</h1>' in content
    assert 'class="app-progress" id="report-job-progress" max="100" value="0"' in content
    assert "Refresh this page" in content
    assert "js/report-job.js" in content
    assert "<script>" not in content


def test_the_request_form_says_what_to_do_when_nothing_is_chosen(client, lead_a, review):
    client.force_login(lead_a)
    response = client.post(reverse("reports:report_request", args=[review.pk]), {"protective_marking": "SECRET"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Produce a PDF" in content
    assert "Select which report to produce" in content
    assert "Select a protective marking, or No marking" in content


def test_the_status_endpoint_reports_progress_as_json(client, lead_a, review, broker):
    job, _ = report_job_request(assessment=review, kind="progress_review", by=lead_a)
    ReportJob.objects.filter(pk=job.pk).update(status="running", progress=40)
    client.force_login(lead_a)
    data = client.get(reverse("reports:job_status", args=[job.pk])).json()
    assert data == {
        "status": "running",
        "status_label": "Being produced",
        "progress": 40,
        "stage": "Laying out the pages",
        "finished": False,
        "busy": False,
        "error": "",
        "download_url": None,
    }


def test_a_queued_job_never_sent_to_the_broker_says_the_service_is_busy(client, lead_a, review):
    job, _ = report_job_request(assessment=review, kind="progress_review", by=lead_a)
    client.force_login(lead_a)
    content = client.get(reverse("reports:job_detail", args=[job.pk])).content.decode()
    assert "The report service is busy" in content
    assert "You do not need to request it again." in content


def test_a_done_job_downloads_as_an_attachment_with_a_safe_name(client, assessor, done_job):
    client.force_login(assessor)
    page = client.get(reverse("reports:job_detail", args=[done_job.pk])).content.decode()
    assert "Download the PDF" in page
    response = client.get(reverse("reports:job_download", args=[done_job.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="dfe-progress-review-2015.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_report_still_being_produced_is_not_downloadable(client, assessor, review, broker):
    job, _ = report_job_request(assessment=review, kind="progress_review", by=assessor)
    ReportJob.objects.filter(pk=job.pk).update(status="running", progress=80)
    client.force_login(assessor)
    assert client.get(reverse("reports:job_download", args=[job.pk])).status_code == 404


def test_a_failed_job_shows_the_message_and_a_way_to_try_again(client, assessor, review):
    job, _ = report_job_request(assessment=review, kind="progress_review", by=assessor)
    jobs.job_fail(job.pk, jobs.RENDER_FAILED)
    client.force_login(assessor)
    content = client.get(reverse("reports:job_detail", args=[job.pk])).content.decode()
    assert "The report could not be produced" in content
    assert f"job reference RJ-{job.pk}" in content
    assert "Request it again" in content


def test_signed_out_people_are_sent_to_sign_in(client, done_job):
    for url in _job_urls(done_job):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_departments_lead_gets_404_for_the_job_page_status_and_download(client, lead_b, done_job):
    client.force_login(lead_b)
    for url in [*_job_urls(done_job), reverse("reports:report_request", args=[done_job.assessment_id])]:
        assert client.get(url).status_code == 404, url


def test_the_departments_own_lead_may_download_the_published_review(client, lead_a, done_job):
    client.force_login(lead_a)
    assert client.get(reverse("reports:job_download", args=[done_job.pk])).status_code == 200


def test_a_lead_cannot_open_an_assessors_pdf_of_an_unpublished_assessment(
    client, department_a, framework, assessor, lead_a, review
):
    in_review = progress_review(
        department_a, framework, baseline=review.baseline, year=2016, status=Assessment.Status.IN_REVIEW
    )
    job, _ = report_job_request(assessment=in_review, kind="progress_review", by=assessor)
    client.force_login(lead_a)
    assert client.get(reverse("reports:job_detail", args=[job.pk])).status_code == 404


def test_issued_versions_are_listed_with_date_and_issuer_and_download(client, assessor, review):
    issued = report_issue(assessment=review, by=assessor)
    jobs.job_execute(issued.jobs.get().pk)
    client.force_login(kim_lead_of(review.department))
    content = client.get(reverse("reports:assessment_reports", args=[review.pk])).content.decode()
    assert "Progress review, version 1" in content
    assert "Priya Shah" in content
    assert reverse("reports:issued_download", args=[issued.pk]) in content
    assert "Re-issue the report" not in content
    response = client.get(reverse("reports:issued_download", args=[issued.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="dfe-progress-review-2015-v1.pdf"'


def test_an_assessor_reissues_as_version_2(client, assessor, review, broker):
    report_issue(assessment=review, by=assessor)
    client.force_login(assessor)
    refused = client.post(reverse("reports:report_reissue", args=[review.pk]))
    assert refused.status_code == 200 and "Enter why a new version is issued" in refused.content.decode()
    url = reverse("reports:report_reissue", args=[review.pk])
    unconfirmed = client.post(url, {"reason": "Corrects a date", "protective_marking": "OFFICIAL"}).content.decode()
    assert "Confirm that you have checked the report and want to issue it now" in unconfirmed
    assert "Corrects a date" in unconfirmed and review.issued_reports.count() == 1
    response = client.post(url, {"reason": "Corrects a date", "protective_marking": "OFFICIAL", "confirmed": "on"})
    assert response.status_code == 302
    assert list(review.issued_reports.values_list("version", "reason")) == [(2, "Corrects a date"), (1, "")]
    assert review.issued_reports.get(version=2).snapshot["protective_marking"] == "OFFICIAL"


def test_a_lead_cannot_reissue(client, lead_a, review):
    client.force_login(lead_a)
    assert client.post(reverse("reports:report_reissue", args=[review.pk])).status_code == 403


def test_a_refused_reissue_shows_its_page_with_the_error_summary(client, assessor, review):
    Assessment.objects.filter(pk=review.pk).update(status=Assessment.Status.IN_REVIEW)
    client.force_login(assessor)
    response = client.post(reverse("reports:report_reissue", args=[review.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Issue the report" in content
    assert 'class="govuk-error-summary"' in content and ISSUE_ONLY_PUBLISHED in content
    assert not review.issued_reports.exists()


def test_trying_again_a_job_that_did_not_fail_shows_the_job_page_with_the_error_summary(client, assessor, done_job):
    client.force_login(assessor)
    response = client.post(reverse("reports:job_retry", args=[done_job.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in content and RETRY_NOT_FAILED in content
    assert "Download the PDF" in content


def test_another_departments_lead_cannot_download_an_issued_version(client, assessor, lead_b, review):
    issued = report_issue(assessment=review, by=assessor)
    jobs.job_execute(issued.jobs.get().pk)
    client.force_login(lead_b)
    assert client.get(reverse("reports:issued_download", args=[issued.pk])).status_code == 404


def test_the_report_panel_tag_renders_buttons_and_versions_for_the_assessment_page(rf, assessor, review):
    request = rf.get("/")
    request.user = assessor
    html = Template("{% load report_panel %}{% report_panel assessment %}").render(
        Context({"request": request, "assessment": review, "csrf_token": "x"})
    )
    assert "Produce progress review PDF" in html
    assert "Issued versions" in html
    assert "Issue the report" in html


def test_the_report_panel_tag_renders_the_panel_its_view_passed(rf, assessor, review, monkeypatch):
    monkeypatch.setattr(
        "reports.templatetags.report_panel.panel_for", lambda *args: pytest.fail("the view passed the panel")
    )
    request = rf.get("/")
    request.user = assessor
    panel = {
        "assessment": review,
        "default_marking": "",
        "kinds": [("progress_review", "Progress review")],
        "latest_jobs": [],
        "issued_reports": [],
        "may_reissue": False,
    }
    html = Template("{% load report_panel %}{% report_panel assessment %}").render(
        Context({"request": request, "assessment": review, "report_panel": panel, "csrf_token": "x"})
    )
    assert "Produce progress review PDF" in html
    assert "Issue the report" not in html


def test_the_panel_lists_only_the_pdfs_a_lead_may_open_before_publication(
    client, department_a, framework, assessor, lead_a, review
):
    in_review = progress_review(
        department_a, framework, baseline=review.baseline, year=2016, status=Assessment.Status.IN_REVIEW
    )
    assessors, _ = report_job_request(assessment=in_review, kind="progress_review", by=assessor)
    client.force_login(lead_a)
    url = reverse("reports:assessment_reports", args=[in_review.pk])
    assert reverse("reports:job_detail", args=[assessors.pk]) not in client.get(url).content.decode()
    own, _ = report_job_request(assessment=in_review, kind="progress_review", by=lead_a)
    assert reverse("reports:job_detail", args=[own.pk]) in client.get(url).content.decode()
