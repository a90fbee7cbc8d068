"""Two people saving the same rating, and the broker going away: refused clearly, nothing lost, no 5xx.

A worker killed mid-render is covered with a real worker in reports/tests/test_worker.py.
"""

import re
import threading
import time
from unittest import mock

import pytest
from celery import Celery, Task
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import kim_lead_of
from assessments.models import AreaRating, Assessment, RatingLevel
from common import health
from notifications.models import PendingEmail
from reports.models import ReportJob
from reports.tests.factories import review_scenario
from tests.fuzz.crawl import parse
from tests.fuzz.world import build_world
from tests.support.hung_broker import finish_together

STALE = re.compile(
    r"(Lena Lead-A|Kai Second-Lead) changed Communicating and realising value "
    r"at \d{1,2}(:\d\d)?[ap]m on \d{1,2} \w+ \d{4}"
)


def make_world(framework, department_a, lead_a, contributor_a, assessor, administrator):
    return build_world(
        framework=framework,
        department=department_a,
        lead=lead_a,
        contributor=contributor_a,
        assessor=assessor,
        administrator=administrator,
    )


@pytest.fixture
def world(framework, department_a, lead_a, contributor_a, assessor, administrator):
    return make_world(framework, department_a, lead_a, contributor_a, assessor, administrator)


@pytest.fixture
def second_lead(department_a):
    return kim_lead_of(department_a, user__email="lead.two@example.gov.uk", user__full_name="Kai Second-Lead")


def first_rating(assessment):
    return AreaRating.objects.filter(assessment=assessment).order_by("area__theme__number", "area__number").first()


def levels(assessment):
    return {level.position: level for level in RatingLevel.objects.filter(framework=assessment.framework)}


def open_area_page(user, assessment, rating):
    """A browser session that has the area page open: the form's version is what it will send back."""
    client = Client()
    client.force_login(user)
    url = reverse("assessments:area_edit", args=[assessment.pk, rating.pk])
    return client, url, versioned_form(url, client.get(url).content.decode()).fields["version"][0].values[0]


def versioned_form(url, html):
    return next(form for form in parse(url, html).forms if "version" in form.fields)


def save(client, url, version, level, narrative):
    return client.post(url, {"version": version, "self_rating": level.pk, "narrative": narrative, "action": "continue"})


@pytest.mark.django_db
def test_the_second_of_two_saves_from_the_same_version_is_refused_and_keeps_what_was_typed(world, lead_a, second_lead):
    assessment = world.assessments["draft"]
    rating = first_rating(assessment)
    scale = levels(assessment)
    first, url, version = open_area_page(lead_a, assessment, rating)
    second, _, same_version = open_area_page(second_lead, assessment, rating)
    assert version == same_version

    assert save(first, url, version, scale[4], "First lead's account of the area.").status_code == 302
    refused = save(second, url, same_version, scale[2], "Second lead's <b>different</b> account.")

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "govuk-error-summary" in page and "<title>Error: " in page
    assert STALE.search(page), page
    assert "Your changes have not been saved." in page
    # Nothing lost: the refused person's words and choice are still in the form, escaped...
    assert "Second lead&#x27;s &lt;b&gt;different&lt;/b&gt; account." in page
    assert re.search(rf'value="{scale[2].pk}"[^>]*checked', page)
    # ...beside what the other person saved, and the saved row is the first person's.
    assert "First lead&#x27;s account of the area." in page
    rating.refresh_from_db()
    assert (rating.self_rating, rating.narrative) == (scale[4], "First lead's account of the area.")
    assert rating.updated_by == lead_a

    # Saving again from the refused page (it now carries the newer version) succeeds on purpose.
    next_version = versioned_form(url, page).fields["version"][0].values[0]
    assert int(next_version) == rating.version
    assert save(second, url, next_version, scale[2], "Second lead's account.").status_code == 302
    rating.refresh_from_db()
    assert (rating.self_rating, rating.updated_by) == (scale[2], second_lead)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("broker")  # committed data runs on-commit hooks: their messages are captured, not sent
def test_two_saves_at_the_same_moment_one_wins_one_is_refused(
    framework, department_a, lead_a, contributor_a, assessor, administrator, second_lead
):
    """Real concurrency: two threads, two database connections, posting together from the same version."""
    world = make_world(framework, department_a, lead_a, contributor_a, assessor, administrator)
    assessment = world.assessments["draft"]
    rating = first_rating(assessment)
    scale = levels(assessment)
    sessions = [open_area_page(user, assessment, rating) for user in (lead_a, second_lead)]
    together = threading.Barrier(2)
    statuses = {}

    def post(index, client, url, version):
        try:
            together.wait()
            response = save(client, url, version, scale[index + 2], f"Account number {index}.")
            statuses[index] = (response.status_code, response.content.decode())
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(index, *session)) for index, session in enumerate(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    codes = sorted(status for status, _ in statuses.values())
    assert codes == [200, 302], codes
    refused = next(page for status, page in statuses.values() if status == 200)
    assert STALE.search(refused), re.findall(r'govuk-error-summary__list">(.*?)</ul>', refused, re.S)
    rating.refresh_from_db()
    assert rating.version == int(sessions[0][2]) + 1


# --- the broker is down --------------------------------------------------------------------------------


@pytest.fixture
def broker_down(monkeypatch):
    """Every publish goes to a broker nobody listens on (a separate app: the real app's pools stay untouched)."""
    # Celery lets a CELERY_BROKER_URL environment variable win over any app's configuration.
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    unreachable = Celery("unreachable", broker="redis://127.0.0.1:1/0", set_as_current=False)

    # The app's own publishing options (retry policy and all) go to the unreachable broker unchanged. Patched on
    # the base class, as tests/support/broker.py does: a patch on a task instance would outlive the test (undoing
    # it leaves the bound method on the instance, and later class-level patches would not reach that task).
    def apply_async(task, args=None, kwargs=None, **options):
        return unreachable.send_task(task.name, args=args, kwargs=kwargs, **options)

    monkeypatch.setattr(Task, "apply_async", apply_async)
    monkeypatch.setattr(health, "celery_app", unreachable)
    return unreachable


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_pages_work_reports_say_busy_and_healthz_is_503(
    framework, department_a, lead_a, contributor_a, assessor, administrator, broker_down
):
    # transaction=True: on-commit hooks (publishing) run inside the request, as in production.
    world = make_world(framework, department_a, lead_a, contributor_a, assessor, administrator)
    assessment = world.assessments["no_plan"]
    client = Client()
    client.force_login(lead_a)

    for url in ("/", reverse("assessments:assessment_detail", args=[assessment.pk])):
        assert client.get(url).status_code == 200, url

    started = time.monotonic()
    response = client.post(reverse("reports:report_request", args=[assessment.pk]), {"kind": "ima_report"})
    assert response.status_code == 302
    assert time.monotonic() - started < 3, "the person must not be kept waiting by a broker that is down"
    job = ReportJob.objects.get(assessment=assessment, requested_by=lead_a)
    assert (job.status, job.enqueued_at) == (ReportJob.Status.QUEUED, None)  # kept for the sweeper
    page = client.get(response["Location"]).content.decode()
    assert "The report service is busy" in page
    assert "You do not need to request it again." in page

    health_response = client.get("/healthz")
    assert health_response.status_code == 503
    assert health_response.json() == {"database": "ok", "broker": "failing"}


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_a_submission_that_sends_email_still_succeeds(
    framework, department_a, lead_a, contributor_a, assessor, administrator, broker_down
):
    """The email cannot be queued, but the department's submission is saved and the person is not shown a 500."""
    world = make_world(framework, department_a, lead_a, contributor_a, assessor, administrator)
    assessment = world.assessments["draft"]
    client = Client()
    client.force_login(lead_a)
    response = client.post(reverse("assessments:assessment_submit", args=[assessment.pk]))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED


# --- the broker hangs: it takes the connection and never answers -------------------------------------------


@pytest.fixture
def review(department_a, framework):
    return review_scenario(department_a, framework)


def _healthz():
    started = time.monotonic()
    response = Client().get("/healthz")
    return response.status_code, response.json(), time.monotonic() - started


@pytest.mark.django_db
def test_with_a_hung_broker_six_healthz_calls_at_once_all_answer_503_within_3_seconds(hung_broker):
    answers = finish_together(3.5, *[_healthz] * 6)
    assert [(status, body) for status, body, _ in answers] == [(503, {"database": "ok", "broker": "failing"})] * 6
    assert max(seconds for *_, seconds in answers) < 3


@pytest.mark.django_db(transaction=True)
def test_with_a_hung_broker_a_report_request_answers_at_once_says_busy_and_is_kept(review, lead_a, hung_broker):
    # transaction=True: the on-commit publish runs inside the request, as in production.
    client = Client()
    client.force_login(lead_a)
    url = reverse("reports:report_request", args=[review.pk])
    started = time.monotonic()
    [response] = finish_together(6, lambda: client.post(url, {"kind": "progress_review", "protective_marking": ""}))
    assert time.monotonic() - started < 3, "the person must not be kept waiting by a broker that hangs"
    assert response.status_code == 302
    job = ReportJob.objects.get(assessment=review, requested_by=lead_a)
    assert (job.status, job.enqueued_at) == (ReportJob.Status.QUEUED, None)  # kept for the sweeper
    page = client.get(response["Location"]).content.decode()
    assert "The report service is busy" in page
    assert "You do not need to request it again." in page


@pytest.mark.django_db(transaction=True)
def test_with_a_hung_broker_a_submission_that_sends_email_is_saved_at_once_and_its_email_kept(
    framework, department_a, lead_a, contributor_a, assessor, administrator, hung_broker
):
    with mock.patch.object(Task, "apply_async"):  # what building the world publishes is not this test's business
        world = make_world(framework, department_a, lead_a, contributor_a, assessor, administrator)
    assessment = world.assessments["draft"]
    client = Client()
    client.force_login(lead_a)
    started = time.monotonic()
    [response] = finish_together(6, lambda: client.post(reverse("assessments:assessment_submit", args=[assessment.pk])))
    assert time.monotonic() - started < 3, "the person must not be kept waiting by a broker that hangs"
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    # The assessors' email is kept, to be sent when the broker answers again.
    assert list(PendingEmail.objects.values_list("to", flat=True)) == [assessor.email]
    assert PendingEmail.objects.get().subject == "DfE submitted its Self-assessment 2025 for review"
