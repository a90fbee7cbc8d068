"""The good-practice library pages: consent, approval, search and filters, who does this well."""

import pytest

from assessments.models import Assessment, PerformanceArea
from assessments.tests.factories import published_assessment
from network.models import GoodPracticeExcerpt
from network.selectors.library import library_entries
from network.tests.factories import CONTROL, DISPOSAL, GUIDANCE, approved_excerpt, rating_for

pytestmark = pytest.mark.django_db


def test_shared_approved_good_practice_is_listed(lead_a_client, shared):
    page = lead_a_client.get("/network/good-practice/").content.decode()
    assert "A one-page guide to saving email of value." in page
    assert "1 entry" in page


def test_no_consent_means_not_listed_and_not_counted(lead_a_client, shared):
    Assessment.objects.filter(pk=shared.pk).update(share_good_practice=False)
    page = lead_a_client.get("/network/good-practice/").content.decode()
    assert "A one-page guide" not in page
    assert "0 entries" in page
    assert library_entries().count() == 0


def test_unapproved_excerpt_is_hidden(lead_a_client, shared):
    GoodPracticeExcerpt.objects.update(approved_at=None, approved_by=None)
    page = lead_a_client.get("/network/good-practice/").content.decode()
    assert "A one-page guide" not in page and "0 entries" in page


def test_assessor_approves_through_the_page(client, assessor, framework, department_b):
    assessment = published_assessment(
        department_b, framework, year=2015, share_good_practice=True, ratings={CONTROL: "Best practice"}
    )
    rating = rating_for(assessment, CONTROL)
    client.force_login(assessor)
    assert "Not written" in client.get("/network/good-practice/excerpts/").content.decode()
    response = client.post(
        f"/network/good-practice/excerpts/{rating.pk}/",
        {"excerpt": "Board-level control of information risk.", "approve": "on", "version": 0},
    )
    assert response.status_code == 302
    assert library_entries().get() == rating


def test_excerpt_page_for_a_rating_without_consent_is_404(assessor_client, framework, department_b):
    assessment = published_assessment(
        department_b, framework, year=2015, share_good_practice=False, ratings={GUIDANCE: "Best practice"}
    )
    assert (
        assessor_client.get(f"/network/good-practice/excerpts/{rating_for(assessment, GUIDANCE).pk}/").status_code
        == 404
    )


def test_search_and_filters(lead_a_client, framework, department_b, assessor, shared):
    other = published_assessment(
        department_b, framework, year=2019, ratings={DISPOSAL: "Best practice"}, share_good_practice=True
    )
    approved_excerpt(rating_for(other, DISPOSAL), assessor, text="Information asset owners report every quarter.")
    disposal = PerformanceArea.objects.get(key=DISPOSAL)
    page = lead_a_client.get("/network/good-practice/", {"q": "quarter"}).content.decode()
    assert "Information asset owners" in page and "one-page guide" not in page
    page = lead_a_client.get("/network/good-practice/", {"area": disposal.pk}).content.decode()
    assert "Information asset owners" in page and "one-page guide" not in page
    page = lead_a_client.get("/network/good-practice/", {"theme": disposal.theme_id}).content.decode()
    assert "Information asset owners" in page and "one-page guide" not in page
    page = lead_a_client.get("/network/good-practice/", {"q": "email guide"}).content.decode()
    assert "one-page guide" in page and "Information asset owners" not in page


def test_bad_filter_values_are_reported_not_a_500(lead_a_client, shared):
    response = lead_a_client.get("/network/good-practice/", {"area": "not-a-number", "theme": "99999"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page and "Select a performance area from the list" in page


def test_who_does_this_well_links_a_lead_to_entries_for_their_low_areas(lead_a_client, framework, department_a, shared):
    published_assessment(
        department_a,
        framework,
        year=2015,
        share_good_practice=False,
        ratings={GUIDANCE: "Progressing towards satisfactory", CONTROL: "Good practice"},
    )
    guidance = PerformanceArea.objects.get(key=GUIDANCE)
    page = lead_a_client.get("/network/good-practice/").content.decode()
    assert "Who does this well" in page
    assert f"/network/good-practice/?area={guidance.pk}" in page
    assert "Progressing towards satisfactory" in page
