"""The good-practice library: consent, approval, rating threshold, search and filters, who does this well."""

import pytest

from assessments.models import Assessment, PerformanceArea
from common.errors import ServiceError
from network.models import GoodPracticeExcerpt
from network.selectors.library import areas_to_improve, library_entries
from network.services.library import NOT_SHAREABLE, excerpt_save

from .factories import approved_excerpt, published_assessment, rating_for

pytestmark = pytest.mark.django_db

GUIDANCE = "providing-guidance"
CONTROL = "establishing-control"
DISPOSAL = "implementing-disposal-decisions"


@pytest.fixture
def shared(framework, department_b, assessor):
    """Home Office agreed to share; Providing guidance was rated Good practice, with an approved excerpt."""
    assessment = published_assessment(department_b, framework, share=True, ratings={GUIDANCE: "Good practice"})
    approved_excerpt(rating_for(assessment, GUIDANCE), assessor, text="A one-page guide to saving email of value.")
    return assessment


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


def test_no_consent_is_not_counted_in_who_does_this_well(framework, lead_a, department_a, shared):
    published_assessment(department_a, framework, share=False, ratings={GUIDANCE: "Development area"})
    (row,) = areas_to_improve(lead_a)
    assert row.entry_count == 1
    Assessment.objects.filter(pk=shared.pk).update(share_good_practice=False)
    (row,) = areas_to_improve(lead_a)
    assert row.entry_count == 0


def test_unapproved_excerpt_is_hidden(lead_a_client, shared):
    GoodPracticeExcerpt.objects.update(approved_at=None, approved_by=None)
    page = lead_a_client.get("/network/good-practice/").content.decode()
    assert "A one-page guide" not in page and "0 entries" in page


def test_changing_the_words_without_approving_again_withdraws_the_excerpt(shared, assessor):
    rating = rating_for(shared, GUIDANCE)
    record = excerpt_save(rating=rating, by=assessor, excerpt="New words, not yet checked.", approve=False)
    assert not record.is_approved
    assert library_entries().count() == 0


def test_assessor_approves_through_the_page(client, assessor, framework, department_b):
    assessment = published_assessment(department_b, framework, share=True, ratings={CONTROL: "Best practice"})
    rating = rating_for(assessment, CONTROL)
    client.force_login(assessor)
    assert "Not written" in client.get("/network/good-practice/excerpts/").content.decode()
    response = client.post(
        f"/network/good-practice/excerpts/{rating.pk}/",
        {"excerpt": "Board-level control of information risk.", "approve": "on"},
    )
    assert response.status_code == 302
    assert library_entries().get() == rating


def test_unpublished_or_lower_rated_areas_never_enter_the_library(framework, department_b, assessor):
    lower = published_assessment(department_b, framework, ratings={GUIDANCE: "Progressing towards good practice"})
    draft = published_assessment(department_b, framework, year=2016, ratings={GUIDANCE: "Best practice"})
    Assessment.objects.filter(pk=draft.pk).update(status=Assessment.Status.IN_REVIEW)
    for assessment in (lower, draft):
        with pytest.raises(ServiceError, match="cannot go into the library"):
            excerpt_save(rating=rating_for(assessment, GUIDANCE), by=assessor, excerpt="x", approve=True)
    assert NOT_SHAREABLE.startswith("This area cannot go into the library")


def test_excerpt_page_for_a_rating_without_consent_is_404(assessor_client, framework, department_b):
    assessment = published_assessment(department_b, framework, share=False, ratings={GUIDANCE: "Best practice"})
    assert (
        assessor_client.get(f"/network/good-practice/excerpts/{rating_for(assessment, GUIDANCE).pk}/").status_code
        == 404
    )


def test_search_and_filters(lead_a_client, framework, department_b, assessor, shared):
    other = published_assessment(department_b, framework, year=2019, ratings={DISPOSAL: "Best practice"})
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
        share=False,
        ratings={GUIDANCE: "Progressing towards satisfactory", CONTROL: "Good practice"},
    )
    guidance = PerformanceArea.objects.get(key=GUIDANCE)
    page = lead_a_client.get("/network/good-practice/").content.decode()
    assert "Who does this well" in page
    assert f"/network/good-practice/?area={guidance.pk}" in page
    assert "Progressing towards satisfactory" in page


def test_who_does_this_well_uses_the_latest_published_rating(framework, lead_a, department_a, shared):
    published_assessment(department_a, framework, year=2014, ratings={GUIDANCE: "Development area"})
    published_assessment(department_a, framework, year=2017, ratings={GUIDANCE: "Satisfactory"})
    assert areas_to_improve(lead_a) == []
