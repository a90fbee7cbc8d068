"""The beat job's task on a real worker: reminders sent by email once, however often the job is queued."""

from datetime import date, timedelta

import pytest

from actionplans.models import ReminderLog
from actionplans.tasks import send_action_reminders
from actionplans.tests.factories import ActionFactory, plan_with_actions
from assessments.tests.factories import published_assessment
from notifications.tasks import send_email

TODAY = date(2026, 6, 1)
MARKER = "marker@example.gov.uk"


@pytest.mark.worker
def test_queued_twice_the_worker_emails_each_person_once(celery_worker, framework, department_a, lead_a, contributor_a):
    plan = plan_with_actions(
        published_assessment(department_a, framework),
        status="accepted",
        recommendations=1,
        actions_per_recommendation=0,
    )
    ActionFactory(
        plan=plan,
        recommendation=plan.assessment.recommendations.get(),
        sequence=1,
        due_date=TODAY + timedelta(days=7),
        owner_user=contributor_a,
    )
    send_action_reminders.delay(today=TODAY.isoformat())
    send_action_reminders.delay(today=TODAY.isoformat())
    # Received and succeeded, twice: every email either run queued is on the queue by now.
    celery_worker.wait_until(lambda: celery_worker.log().count("send_action_reminders[") >= 4)

    # The worker works through its queue in order, one task at a time: once an email queued after both
    # runs has been sent, so has every email they queued — a duplicate included, if there were one.
    send_email.delay(to=MARKER, subject="Marker", body="Queued after both reminder runs.")
    celery_worker.wait_until(lambda: any(f"To: {MARKER}" in text for text in celery_worker.emails()))

    recipients = sorted(
        line for text in celery_worker.emails() for line in text.splitlines() if line.startswith("To: ")
    )
    assert recipients == sorted([f"To: {contributor_a.email}", f"To: {lead_a.email}", f"To: {MARKER}"])
    assert ReminderLog.objects.count() == 1
