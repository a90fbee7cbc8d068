"""The next meeting and the log of meetings (network/selectors/meetings.py)."""

import datetime

import pytest
from django.utils import timezone

from network.models import Meeting
from network.selectors.meetings import meetings_log, next_meeting
from network.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_next_meeting_is_the_earliest_planned_or_rearranged_from_today():
    MeetingFactory(date=days(-10), status=Meeting.Status.PLANNED)  # past and never recorded: not "next"
    later = MeetingFactory(date=days(60), status=Meeting.Status.PLANNED)
    sooner = MeetingFactory(date=days(20), status=Meeting.Status.REARRANGED, original_date=days(13))
    assert next_meeting() == sooner
    sooner.status = Meeting.Status.HELD
    sooner.date = days(0)
    sooner.save()
    assert next_meeting() == later


def test_no_next_meeting_when_none_is_planned():
    MeetingFactory(date=days(-1))
    assert next_meeting() is None


def test_log_is_newest_first_and_excludes_meetings_still_to_come():
    old, new = MeetingFactory(date=datetime.date(2014, 10, 8)), MeetingFactory(date=datetime.date(2015, 1, 14))
    MeetingFactory(date=days(30), status=Meeting.Status.PLANNED)
    assert meetings_log() == [new, old]
