"""The beat job's task on a real worker: reminders sent by email once, however often the job is queued."""

import time
from datetime import date, timedelta

import pytest

from actionplans.models import ReminderLog
from actionplans.tasks import send_action_reminders
from actionplans.tests.factories import ActionFactory, plan_with_actions, published_assessment

TODAY = date(2026, 6, 1)


def _wait_for(predicate, worker, timeout=40):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(worker.log()[-3000:])


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

    def finished_twice():
        return celery_worker.log().count("send_action_reminders[") >= 4  # received + succeeded, twice

    _wait_for(finished_twice, celery_worker)

    def messages():
        folder = celery_worker.email_dir
        return [path.read_text() for path in folder.glob("*.log")] if folder.exists() else []

    _wait_for(lambda: len(messages()) >= 2, celery_worker)
    time.sleep(1)  # a duplicate, if there were one, would be sent by now
    recipients = sorted(line for text in messages() for line in text.splitlines() if line.startswith("To: "))
    assert recipients == [f"To: {contributor_a.email}", f"To: {lead_a.email}"]
    assert ReminderLog.objects.count() == 1
