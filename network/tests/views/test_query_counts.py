"""Page query counts do not grow with the number of meetings, items, actions or library entries."""

import datetime

import pytest
from django.utils import timezone

from accounts.tests.factories import kim_lead_of
from assessments.tests.factories import DepartmentFactory, published_assessment
from network.models import AgendaItem, Attendance, MeetingAction, MeetingPaper
from network.tests.factories import DiscussionItemFactory, MeetingFactory, approved_excerpt, rating_for
from tests.support.queries import page_queries

pytestmark = pytest.mark.django_db

AREAS = ["providing-guidance", "establishing-control", "measuring-impact"]


def add_meetings(number, start):
    for index in range(number):
        meeting = MeetingFactory(date=datetime.date(2014 + start + index, 10, 8))
        department = DepartmentFactory()
        kim_lead_of(department)
        for order in range(3):
            DiscussionItemFactory(meeting=meeting, order=order + 1)
            AgendaItem.objects.create(meeting=meeting, order=order + 1, title=f"Agenda {order}")
        Attendance.objects.create(meeting=meeting, department=department)
        MeetingAction.objects.create(meeting=meeting, description="Do it", owner="TNA", due_date=timezone.localdate())
        MeetingPaper.objects.create(
            meeting=meeting,
            title="P",
            file="network/papers/x",
            original_filename="p.pdf",
            content_type="application/pdf",
            extension="pdf",
            size=1,
        )
    planned = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=10 + start), status="planned")
    AgendaItem.objects.create(meeting=planned, order=1, title="Next")
    return planned


def add_library(framework, assessor, number, start):
    for index in range(number):
        department = DepartmentFactory()
        assessment = published_assessment(
            department,
            framework,
            year=2015 + start + index,
            ratings=dict.fromkeys(AREAS, "Good practice"),
            share_good_practice=True,
        )
        for key in AREAS:
            approved_excerpt(rating_for(assessment, key), assessor)


def test_network_page_and_meeting_page_query_counts_are_fixed(client, lead_a):
    client.force_login(lead_a)
    first = add_meetings(1, 0)
    small = page_queries(client, "/network/")
    small_detail = page_queries(client, f"/network/meetings/{first.pk}/")
    add_meetings(6, 1)
    assert page_queries(client, "/network/") == small
    assert page_queries(client, f"/network/meetings/{first.pk}/") == small_detail


def test_home_page_query_count_does_not_grow_with_meetings(client, lead_a):
    client.force_login(lead_a)
    add_meetings(1, 0)
    small = page_queries(client, "/")
    add_meetings(5, 1)
    assert page_queries(client, "/") == small


def test_library_query_count_is_fixed(client, lead_a, department_a, framework, assessor):
    published_assessment(
        department_a,
        framework,
        year=2013,
        ratings={"providing-guidance": "Development area"},
        share_good_practice=True,
    )
    client.force_login(lead_a)
    add_library(framework, assessor, 1, 0)
    small = page_queries(client, "/network/good-practice/")
    small_search = page_queries(client, "/network/good-practice/?q=brief+starter")
    add_library(framework, assessor, 6, 1)
    assert page_queries(client, "/network/good-practice/") == small
    assert page_queries(client, "/network/good-practice/?q=brief+starter") == small_search
    client.force_login(assessor)
    small_work = page_queries(client, "/network/good-practice/excerpts/")
    add_library(framework, assessor, 3, 10)
    assert page_queries(client, "/network/good-practice/excerpts/") == small_work
