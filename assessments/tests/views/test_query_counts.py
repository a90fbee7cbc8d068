"""The assessment and review pages make the same number of queries whatever the number of areas or evidence items."""

import copy
import json

import pytest
from django.urls import reverse

from assessments.models import Assessment
from assessments.services.creation import assessment_create
from assessments.services.evidence import evidence_add_file, evidence_add_link
from assessments.services.framework import DEFAULT_FRAMEWORK_FILE, framework_load
from assessments.services.lifecycle import assessment_start_review, assessment_submit
from assessments.tests.factories import published_assessment
from assessments.tests.support import PDF_BYTES, rate_all, ratings_of, upload
from tests.support.queries import page_queries

pytestmark = pytest.mark.django_db

# Generous enough for sessions, memberships and messages; the point is that it does not grow.
MAX_QUERIES = 15


def _big_framework():
    """The 2013 framework with every theme doubled in areas: 20 areas instead of 10."""
    data = json.loads(DEFAULT_FRAMEWORK_FILE.read_text())
    data = copy.deepcopy(data)
    data.update(slug="big-test", name="Big test framework", is_current=False)
    for theme in data["themes"]:
        theme["areas"] = theme["areas"] + [
            {**area, "key": f"{area['key']}-extra", "name": f"{area['name']} (extra)"} for area in theme["areas"]
        ]
    return framework_load(data=data).framework


def _draft(framework, department, lead, *, evidence_per_area):
    published_assessment(department, framework, year=2015 if framework.slug == "big-test" else 2014, ratings=2)
    assessment = assessment_create(
        department=department,
        framework=framework,
        assessment_type=Assessment.Type.SELF_ASSESSMENT,
        year=2025 if framework.slug == "big-test" else 2024,
        by=lead,
    )
    for rating in ratings_of(assessment):
        for number in range(evidence_per_area):
            if number % 2:
                evidence_add_link(
                    rating=rating, by=lead, url=f"https://example.gov.uk/{number}", title=f"Link {number}"
                )
            else:
                evidence_add_file(rating=rating, by=lead, upload=upload(f"e{number}.pdf", PDF_BYTES))
    rate_all(assessment, lead)
    return assessment


LEAD_DRAFT_PAGES = ["assessments:task_list", "assessments:check_answers", "area", "assessments:assessment_detail"]
SUBMITTED_PAGES = ["assessments:assessment_detail", "assessments:assessment_history", "assessments:assessment_review"]


def _url(name, assessment):
    if name == "area":
        return reverse("assessments:area_edit", args=[assessment.pk, ratings_of(assessment)[-1].pk])
    return reverse(name, args=[assessment.pk])


def test_pages_do_not_grow_with_areas_or_evidence(client, framework, department_a, lead_a, assessor):
    small = _draft(framework, department_a, lead_a, evidence_per_area=0)
    big = _draft(_big_framework(), department_a, lead_a, evidence_per_area=3)
    assert big.ratings.count() == 20 and small.ratings.count() == 10

    client.force_login(lead_a)
    for name in LEAD_DRAFT_PAGES:
        counts = [page_queries(client, _url(name, assessment), at_most=MAX_QUERIES) for assessment in (small, big)]
        assert counts[0] == counts[1], (name, counts)

    for assessment in (small, big):
        assessment_submit(assessment=assessment, by=lead_a)
        assessment_start_review(assessment=assessment, by=assessor)
    client.force_login(assessor)
    for name in SUBMITTED_PAGES:
        counts = [page_queries(client, _url(name, assessment), at_most=MAX_QUERIES) for assessment in (small, big)]
        assert counts[0] == counts[1], (name, counts)
    for name in ("assessments:review_area", "assessments:assessment_return", "assessments:assessment_publish"):
        urls = [
            reverse(name, args=[a.pk, ratings_of(a)[-1].pk]) if name.endswith("area") else reverse(name, args=[a.pk])
            for a in (small, big)
        ]
        counts = [page_queries(client, url) for url in urls]
        assert counts[0] == counts[1], (name, counts)
