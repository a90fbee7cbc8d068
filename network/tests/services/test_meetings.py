"""Recording meetings: what the services accept, refuse and tidy up, whatever the form sent."""

import datetime

import pytest
from django.utils import timezone

from common.errors import NotAllowed
from network.models import Meeting
from network.services.meetings import meeting_create, meeting_update
from network.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def future(n=30):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_planned_meeting_drops_a_stray_original_date(assessor):
    meeting = meeting_create(by=assessor, date=future(), status=Meeting.Status.PLANNED, original_date=future(3))
    assert meeting.original_date is None


def test_services_refuse_members(lead_a):
    with pytest.raises(NotAllowed):
        meeting_create(by=lead_a, date=future(), status=Meeting.Status.PLANNED)
    meeting = MeetingFactory(date=future(), status=Meeting.Status.PLANNED)
    with pytest.raises(NotAllowed):
        meeting_update(meeting=meeting, by=lead_a, version=meeting.version, title="Changed")
