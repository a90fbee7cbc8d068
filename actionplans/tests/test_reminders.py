"""Daily reminders: due in 30, 7 and 1 days and newly overdue; once per action, reason and day."""

from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command

from actionplans.models import ReminderLog
from actionplans.services.reminders import reminders_send
from actionplans.tasks import send_action_reminders
from actionplans.tests.factories import ActionFactory, plan_with_actions

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)


@pytest.fixture
def plan(assessment_a):
    return plan_with_actions(assessment_a, status="accepted", recommendations=1, actions_per_recommendation=0)


def _action(plan, days, sequence, **fields):
    recommendation = plan.assessment.recommendations.first()
    return ActionFactory(
        plan=plan, recommendation=recommendation, sequence=sequence, due_date=TODAY + timedelta(days=days), **fields
    )


@pytest.fixture
def due_actions(plan, contributor_a):
    return {
        "due_in_30": _action(plan, 30, 1),
        "due_in_7": _action(plan, 7, 2, owner_user=contributor_a),
        "due_in_1": _action(plan, 1, 3),
        "overdue": _action(plan, -1, 4),
        "long_overdue": _action(plan, -2, 5),
        "not_due": _action(plan, 10, 6),
        "complete": _action(plan, 7, 7, status="complete", completion_date=TODAY),
    }


def test_owners_and_leads_get_one_email_each_once_a_day(due_actions, lead_a, contributor_a, broker):
    with broker.after_commit():
        first = reminders_send(today=TODAY)
    with broker.after_commit():
        second = reminders_send(today=TODAY)
    assert sorted(m.to[0] for m in broker.emails) == sorted([lead_a.email, contributor_a.email])
    assert (first.actions, first.emails) == (4, 2)
    assert (second.actions, second.emails) == (0, 0)
    assert ReminderLog.objects.count() == 4


def test_reasons_are_the_reminder_days_and_newly_overdue(due_actions, broker):
    with broker.after_commit():
        reminders_send(today=TODAY)
    logged = dict(ReminderLog.objects.values_list("action_id", "reason"))
    assert logged == {
        due_actions["due_in_30"].pk: "due_in_30",
        due_actions["due_in_7"].pk: "due_in_7",
        due_actions["due_in_1"].pk: "due_in_1",
        due_actions["overdue"].pk: "overdue",
    }


def test_the_lead_email_lists_every_action_and_the_owner_only_theirs(due_actions, lead_a, contributor_a, broker):
    with broker.after_commit():
        reminders_send(today=TODAY)
    by_recipient = {m.to[0]: m for m in broker.emails}
    lead_body = by_recipient[lead_a.email].body
    assert "Overdue: it was due on 31 May 2026" in lead_body
    assert "Due in 30 days, on 1 July 2026" in lead_body and "Due in 1 day, on 2 June 2026" in lead_body
    owner = by_recipient[contributor_a.email]
    assert owner.subject == "Action plan reminder: 1 action due soon or overdue"
    assert "Due in 7 days" in owner.body and "Due in 30 days" not in owner.body
    assert f"/action-plans/actions/{due_actions['due_in_7'].pk}/" in owner.body


def test_a_new_day_brings_the_next_reason(plan, lead_a, broker):
    action = _action(plan, 8, 1)
    with broker.after_commit():
        assert reminders_send(today=TODAY).actions == 0
        assert reminders_send(today=TODAY + timedelta(days=1)).actions == 1
    assert list(ReminderLog.objects.values_list("action_id", "reason", "sent_on")) == [
        (action.pk, "due_in_7", TODAY + timedelta(days=1))
    ]


def test_reminder_days_are_configurable(settings, plan, broker):
    settings.ACTION_REMINDER_DAYS = [14]
    action = _action(plan, 14, 1)
    _action(plan, 7, 2)
    with broker.after_commit():
        reminders_send(today=TODAY)
    assert list(ReminderLog.objects.values_list("action_id", "reason")) == [(action.pk, "due_in_14")]


@pytest.mark.parametrize("status", ["draft", "submitted", "closed"])
def test_plans_not_being_tracked_get_no_reminders(assessment_a, status, broker):
    plan = plan_with_actions(assessment_a, status=status, recommendations=1, actions_per_recommendation=0)
    _action(plan, 7, 1)
    with broker.after_commit():
        assert reminders_send(today=TODAY).actions == 0
    assert broker.emails == []


def test_command_runs_for_a_given_date_and_is_idempotent(due_actions, lead_a, broker, capsys):
    with broker.after_commit():
        call_command("send_action_reminders", "--date", TODAY.isoformat())
        call_command("send_action_reminders", "--date", TODAY.isoformat())
    out = capsys.readouterr().out
    assert "2026-06-01: 4 reminders" in out and "2026-06-01: 0 reminders" in out
    assert len(broker.emails) == 2


def test_command_refuses_a_bad_date():
    with pytest.raises(CommandError, match="--date"):
        call_command("send_action_reminders", "--date", "31/06/2026")


def test_task_calls_the_same_service(due_actions, lead_a, broker):
    with broker.after_commit():
        result = send_action_reminders.run(today=TODAY.isoformat())
        again = send_action_reminders.run(today=TODAY.isoformat())
    assert result == {"today": "2026-06-01", "actions": 4, "emails": 2}
    assert again["emails"] == 0


def test_beat_schedule_runs_the_task_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["send-action-reminders"]
    assert entry["task"] == "actionplans.tasks.send_action_reminders"
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {0}
