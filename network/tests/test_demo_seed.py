import datetime

import pytest
from django.core.management import call_command

from accounts.models import User
from network.models import GoodPracticeExcerpt, Meeting
from network.selectors.library import library_entries, shareable_ratings
from network.selectors.meetings import meetings_log, next_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings):
    settings.DEBUG = True
    call_command("load_framework")
    call_command("load_network_record")
    call_command("seed_demo", "--departments", "8")


def test_demo_has_a_log_from_october_2014_and_a_planned_next_meeting(seeded):
    log = meetings_log()
    assert log[-1].date == datetime.date(2014, 10, 3) and log[-1].title.startswith("Inaugural")
    assert log[-1].source == Meeting.Source.PUBLISHED_RECORD
    assert all(meeting.discussion_items.exists() for meeting in log if meeting.status == Meeting.Status.HELD)
    assert len(log) >= 45  # about quarterly
    upcoming = next_meeting()
    assert upcoming.date > datetime.date(2026, 11, 25) and upcoming.status == Meeting.Status.PLANNED
    assert upcoming.agenda_items.count() >= 4
    assert Meeting.objects.filter(status=Meeting.Status.HELD, original_date__isnull=False).exists()
    assert log[0].attendance.exists()


def test_demo_meetings_are_invented_after_the_published_record_and_say_so(seeded):
    real = Meeting.objects.filter(source=Meeting.Source.PUBLISHED_RECORD)
    demo = Meeting.objects.filter(source=Meeting.Source.DEMO)
    assert real.count() == 11 and demo.exists()
    assert not demo.filter(date__lte=datetime.date(2017, 1, 11)).exists()
    assert not demo.filter(date__in=real.values("date")).exists()
    assert not demo.exclude(title__contains="invented").exists()


def test_demo_excerpts_only_where_departments_agreed(seeded):
    assert not GoodPracticeExcerpt.objects.exclude(rating__assessment__share_good_practice=True).exists()
    assert GoodPracticeExcerpt.objects.count() == shareable_ratings().count()
    if shareable_ratings().exists():
        assert library_entries().exists()


def test_demo_network_seeding_is_idempotent(seeded):
    before = (Meeting.objects.count(), GoodPracticeExcerpt.objects.count())
    call_command("seed_demo", "--departments", "8")
    assert (Meeting.objects.count(), GoodPracticeExcerpt.objects.count()) == before


def test_demo_pages_render(seeded, client):
    client.force_login(User.objects.get(email="kim.lead@education.example.gov.uk"))
    for url in ("/", "/network/", f"/network/meetings/{next_meeting().pk}/", "/network/good-practice/"):
        assert client.get(url).status_code == 200, url
