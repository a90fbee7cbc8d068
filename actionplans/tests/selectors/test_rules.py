"""The one rule for overdue and RAG, at its boundaries, with the date frozen by passing `today`."""

from datetime import date, timedelta

import pytest

from actionplans.choices import ActionStatus, Rag
from actionplans.rules import days_overdue, is_overdue, rag_status

TODAY = date(2026, 6, 1)
S = ActionStatus


def rag(days_from_today, status):
    return rag_status(due_date=TODAY + timedelta(days=days_from_today), status=status, today=TODAY)


def test_due_today_is_not_overdue():
    assert not is_overdue(due_date=TODAY, status=S.UNDERWAY, today=TODAY)
    assert days_overdue(due_date=TODAY, status=S.UNDERWAY, today=TODAY) == 0


def test_due_yesterday_is_one_day_overdue():
    assert days_overdue(due_date=TODAY - timedelta(days=1), status=S.UNDERWAY, today=TODAY) == 1


@pytest.mark.parametrize("status", [S.COMPLETE, S.NOT_APPLICABLE])
def test_closed_actions_are_never_overdue_and_always_green(status):
    assert not is_overdue(due_date=TODAY - timedelta(days=400), status=status, today=TODAY)
    assert rag(-400, status) == Rag.GREEN


@pytest.mark.parametrize(
    "days, status, expected",
    [
        (-30, S.UNDERWAY, Rag.RED),  # overdue by exactly 30 days
        (-29, S.UNDERWAY, Rag.AMBER),  # overdue by 29
        (-1, S.NOT_STARTED, Rag.AMBER),
        (0, S.UNDERWAY, Rag.GREEN),  # due today, underway: on track
        (0, S.NOT_STARTED, Rag.AMBER),  # due today, not started
        (30, S.NOT_STARTED, Rag.AMBER),  # due in exactly 30 days, not started
        (31, S.NOT_STARTED, Rag.GREEN),  # 31 days away
        (5, S.UNDERWAY, Rag.GREEN),  # due soon but underway
    ],
)
def test_rag_boundaries(days, status, expected):
    assert rag(days, status) == expected


def test_no_due_date_is_green_and_not_overdue():
    assert rag_status(due_date=None, status=S.NOT_STARTED, today=TODAY) == Rag.GREEN
    assert not is_overdue(due_date=None, status=S.NOT_STARTED, today=TODAY)
