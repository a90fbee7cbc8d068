"""The KIM lead's pages: task list statuses, one page per area, check your answers, submit."""

import pytest
from django.urls import reverse

from accounts.tests.factories import kim_lead_of
from assessments.models import AreaRating, Assessment, Evidence
from assessments.services.evidence import evidence_add_link
from assessments.services.lifecycle import assessment_return
from assessments.services.ratings import area_rating_save_self
from assessments.tests.factories import published_assessment
from assessments.tests.support import (
    NARRATIVE,
    PDF_BYTES,
    PNG_BYTES,
    level,
    rate_all,
    ratings_of,
    to_state,
    upload,
)

pytestmark = pytest.mark.django_db


def area_url(assessment, rating, **query):
    url = reverse("assessments:area_edit", args=[assessment.pk, rating.pk])
    return url + ("?from=check" if query.get("from_check") else "")


def post_area(client, assessment, rating, **data):
    values = {"version": rating.version, "self_rating": "", "narrative": "", "action": "continue", **data}
    return client.post(area_url(assessment, rating), values)


def test_task_list_shows_not_started_in_progress_and_completed(lead_a_client, self_assessment, lead_a):
    first, second, third, *_ = ratings_of(self_assessment)
    rate_all_but = level(self_assessment.framework, 3)
    area_rating_save_self(
        rating=first, by=lead_a, version=1, self_rating=rate_all_but, narrative=NARRATIVE, complete=True
    )
    area_rating_save_self(rating=second, by=lead_a, version=1, self_rating=None, narrative="Started.", complete=False)
    evidence_add_link(rating=third, by=lead_a, url="https://example.gov.uk", title="Only evidence so far")
    page = lead_a_client.get(reverse("assessments:task_list", args=[self_assessment.pk])).content.decode()
    assert page.count(">Completed<") == 1
    assert page.count(">In progress<") == 2
    assert page.count(">Not started<") == 7
    assert "You have completed 1 of 10 performance areas." in page
    assert 'class="govuk-task-list"' in page


def test_area_page_shows_descriptors_as_hints_and_the_previous_published_rating(
    lead_a_client, self_assessment, framework, department_a
):
    published_assessment(department_a, framework, year=2013, ratings=2)
    page = lead_a_client.get(area_url(self_assessment, ratings_of(self_assessment)[0])).content.decode()
    assert "govuk-radios__hint" in page
    assert framework.levels.get(position=5).descriptor in page
    assert "Your last published rating (IMA 2013)" in page
    assert "Progressing towards satisfactory" in page
    assert page.count("<h1") == 1
    assert "<title>1.1 Communicating and realising value" in page


def test_save_and_continue_without_answers_shows_govuk_errors_linked_to_the_inputs(lead_a_client, self_assessment):
    rating = ratings_of(self_assessment)[0]
    response = post_area(lead_a_client, self_assessment, rating, narrative="")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert "govuk-error-summary" in page
    assert 'href="#id_self_rating_1">Select a rating for Communicating and realising value' in page
    assert 'href="#id_narrative">Describe what your department does for Communicating and realising value' in page
    rating.refresh_from_db()
    assert rating.version == 1


def test_typed_values_are_kept_when_the_page_has_errors(lead_a_client, self_assessment, framework):
    rating = ratings_of(self_assessment)[0]
    response = post_area(
        lead_a_client, self_assessment, rating, narrative="My typed narrative.", link_url="not a web address"
    )
    page = response.content.decode()
    assert "My typed narrative." in page
    assert "Enter a web address in the correct format" in page
    assert "Enter a title for the link" in page


def test_save_and_continue_marks_complete_and_goes_to_the_next_area(lead_a_client, self_assessment, framework):
    first, second, *_ = ratings_of(self_assessment)
    response = post_area(lead_a_client, self_assessment, first, self_rating=level(framework, 3).pk, narrative=NARRATIVE)
    assert response["Location"] == area_url(self_assessment, second)
    first.refresh_from_db()
    assert first.is_complete and first.version == 2


def test_save_as_draft_needs_nothing_and_returns_to_the_task_list(lead_a_client, self_assessment):
    rating = ratings_of(self_assessment)[0]
    response = post_area(lead_a_client, self_assessment, rating, narrative="Half a thought", action="draft")
    assert response["Location"] == reverse("assessments:task_list", args=[self_assessment.pk])
    rating.refresh_from_db()
    assert (rating.narrative, rating.is_complete) == ("Half a thought", False)


def test_the_last_area_continues_to_check_your_answers(lead_a_client, self_assessment, framework):
    last = ratings_of(self_assessment)[-1]
    response = post_area(lead_a_client, self_assessment, last, self_rating=level(framework, 3).pk, narrative=NARRATIVE)
    assert response["Location"] == reverse("assessments:check_answers", args=[self_assessment.pk])


def test_a_change_link_from_check_answers_returns_there(lead_a_client, self_assessment, framework):
    rating = ratings_of(self_assessment)[0]
    response = lead_a_client.post(
        area_url(self_assessment, rating, from_check=True),
        {"version": 1, "self_rating": level(framework, 3).pk, "narrative": NARRATIVE, "action": "continue"},
    )
    assert response["Location"] == reverse("assessments:check_answers", args=[self_assessment.pk])


def test_a_stale_save_is_refused_naming_who_changed_it_and_showing_their_value(
    client, self_assessment, lead_a, department_a, framework
):
    colleague = kim_lead_of(department_a, user__email="cal@example.gov.uk", user__full_name="Cal Colleague")
    rating = ratings_of(self_assessment)[0]
    area_rating_save_self(
        rating=rating, by=colleague, version=1, self_rating=level(framework, 4), narrative="Cal's text.", complete=True
    )
    client.force_login(lead_a)
    response = post_area(
        client, self_assessment, rating, version=1, self_rating=level(framework, 1).pk, narrative="Lena's text."
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Cal Colleague changed Communicating and realising value at " in page
    assert "Your changes have not been saved." in page
    assert "The version saved by Cal Colleague" in page
    assert "Cal&#x27;s text." in page and "Progressing towards good practice" in page
    assert "Lena&#x27;s text." in page  # what was typed is kept
    assert 'name="version" value="2"' in page  # a deliberate second save replaces theirs
    rating.refresh_from_db()
    assert (rating.narrative, rating.version) == ("Cal's text.", 2)


def test_uploading_evidence_with_the_page(lead_a_client, self_assessment):
    rating = ratings_of(self_assessment)[0]
    response = lead_a_client.post(
        area_url(self_assessment, rating),
        {
            "version": 1,
            "narrative": "",
            "action": "evidence",
            "evidence_file": upload("Policy.pdf", PDF_BYTES),
            "evidence_file_title": "Records policy",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("#evidence")
    evidence = Evidence.objects.get(rating=rating)
    assert (evidence.title, evidence.original_filename) == ("Records policy", "Policy.pdf")
    page = lead_a_client.get(area_url(self_assessment, rating)).content.decode()
    assert "Records policy" in page and reverse("assessments:evidence_download", args=[evidence.pk]) in page
    assert "Evidence added: Records policy" in page
    check = lead_a_client.get(reverse("assessments:check_answers", args=[self_assessment.pk])).content.decode()
    assert f'href="{reverse("assessments:evidence_download", args=[evidence.pk])}">Records policy' in check


def test_a_spoofed_upload_is_refused_on_the_page_and_nothing_is_saved(lead_a_client, self_assessment):
    rating = ratings_of(self_assessment)[0]
    response = lead_a_client.post(
        area_url(self_assessment, rating),
        {"version": 1, "narrative": "Kept.", "action": "evidence", "evidence_file": upload("scan.pdf", PNG_BYTES)},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_evidence_file">The selected file is a PNG file but its name ends in .pdf' in page
    assert not Evidence.objects.exists()
    rating.refresh_from_db()
    assert rating.narrative == ""


def test_a_file_that_is_too_large_is_refused_on_the_page(lead_a_client, self_assessment, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    rating = ratings_of(self_assessment)[0]
    response = lead_a_client.post(
        area_url(self_assessment, rating),
        {"version": 1, "action": "evidence", "evidence_file": upload("big.pdf", PDF_BYTES + b"0" * 4096)},
    )
    assert "The selected file must be smaller than 1 KB" in response.content.decode()


def test_add_evidence_with_nothing_chosen_says_what_to_do(lead_a_client, self_assessment):
    response = post_area(lead_a_client, self_assessment, ratings_of(self_assessment)[0], action="evidence")
    assert "Select a file to upload, or enter a link" in response.content.decode()


def test_removing_evidence_asks_first_then_removes(lead_a_client, self_assessment, lead_a):
    rating = ratings_of(self_assessment)[0]
    evidence = evidence_add_link(rating=rating, by=lead_a, url="https://example.gov.uk", title="Old link")
    url = reverse("assessments:evidence_remove", args=[evidence.pk])
    assert "Are you sure you want to remove “Old link”?" in lead_a_client.get(url).content.decode()
    response = lead_a_client.post(url)
    assert response["Location"] == area_url(self_assessment, rating)
    assert not Evidence.objects.filter(pk=evidence.pk).exists()


def test_the_assessors_return_comment_is_shown_on_the_area_page(client, self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Assessment.Status.IN_REVIEW, lead=lead_a, assessor=assessor)

    first = ratings_of(assessment)[0]
    assessment_return(assessment=assessment, by=assessor, comment="Overall.", area_comments={first.pk: "Fix me."})
    client.force_login(lead_a)
    page = client.get(area_url(assessment, first)).content.decode()
    assert "The assessor asked you to change this area" in page and "Fix me." in page
    tasks = client.get(reverse("assessments:task_list", args=[assessment.pk])).content.decode()
    assert "Overall." in tasks and "The assessor asked for changes" in tasks


def test_area_pages_redirect_once_submitted(client, self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Assessment.Status.SUBMITTED, lead=lead_a, assessor=assessor)
    client.force_login(lead_a)
    response = client.get(area_url(assessment, ratings_of(assessment)[0]))
    assert response["Location"] == reverse("assessments:assessment_detail", args=[assessment.pk])
    page = client.get(response["Location"]).content.decode()
    assert "This assessment is submitted. Your department can change it only while it is a draft or returned." in page


def test_check_answers_lists_every_area_with_a_change_link(lead_a_client, self_assessment, lead_a):
    rate_all(self_assessment, lead_a)
    page = lead_a_client.get(reverse("assessments:check_answers", args=[self_assessment.pk])).content.decode()
    for rating in ratings_of(self_assessment):
        assert f"{area_url(self_assessment, rating)}?from=check" in page
        assert rating.area.name in page
    assert page.count('class="govuk-summary-card__title"') == 10
    assert "Submit self-assessment" in page


def test_check_answers_without_every_area_complete_offers_no_submit(lead_a_client, self_assessment):
    page = lead_a_client.get(reverse("assessments:check_answers", args=[self_assessment.pk])).content.decode()
    assert "Submit self-assessment" not in page
    assert "0 of 10 done" in page


def test_submitting_an_incomplete_assessment_shows_an_error_summary(lead_a_client, self_assessment, lead_a):
    rate_all(self_assessment, lead_a)
    AreaRating.objects.filter(assessment=self_assessment, area__name="Measuring impact").update(is_complete=False)
    response = lead_a_client.post(reverse("assessments:assessment_submit", args=[self_assessment.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Complete every performance area before you submit. Still to complete: 3.4 Measuring impact." in page
    assert "govuk-error-summary" in page and "<title>Error: " in page


def test_submitting_shows_a_confirmation_panel(lead_a_client, self_assessment, lead_a):
    rate_all(self_assessment, lead_a)
    response = lead_a_client.post(reverse("assessments:assessment_submit", args=[self_assessment.pk]), follow=True)
    page = response.content.decode()
    assert "govuk-panel--confirmation" in page and "Self-assessment submitted" in page
    self_assessment.refresh_from_db()
    assert self_assessment.status == Assessment.Status.SUBMITTED


def test_lead_starts_a_self_assessment_from_the_list(lead_a_client, framework, department_a):
    page = lead_a_client.get(reverse("assessments:assessment_list")).content.decode()
    assert "Start a self-assessment" in page
    response = lead_a_client.post(reverse("assessments:self_assessment_start"), {"department": department_a.pk})
    assessment = Assessment.objects.get()
    assert response["Location"] == reverse("assessments:task_list", args=[assessment.pk])
    again = lead_a_client.post(reverse("assessments:self_assessment_start"), {"department": department_a.pk})
    assert "already has a self-assessment that is not yet published" in again.content.decode()


def test_a_lead_cannot_start_for_another_department(lead_a_client, framework, department_b):
    response = lead_a_client.post(reverse("assessments:self_assessment_start"), {"department": department_b.pk})
    assert "Select a department" in response.content.decode()
    assert not Assessment.objects.exists()


def test_tampered_input_gets_a_govuk_message_not_a_500(lead_a_client, self_assessment):
    rating = ratings_of(self_assessment)[0]
    response = lead_a_client.post(
        area_url(self_assessment, rating),
        {"version": "abc", "self_rating": "999999", "narrative": "x", "action": "nonsense"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select one of the ratings listed" in page
    assert "The page was missing some information. Open it again, then make your change" in page


def test_continue_skips_later_areas_already_complete(lead_a_client, self_assessment, framework):
    ratings = ratings_of(self_assessment)
    ratings[-1].is_complete = True
    ratings[-1].save()
    response = post_area(
        lead_a_client, self_assessment, ratings[-3], self_rating=level(framework, 3).pk, narrative=NARRATIVE
    )
    assert response["Location"] == reverse("assessments:area_edit", args=[self_assessment.pk, ratings[-2].pk])
    response = post_area(
        lead_a_client, self_assessment, ratings[-2], self_rating=level(framework, 3).pk, narrative=NARRATIVE
    )
    assert response["Location"] == reverse("assessments:check_answers", args=[self_assessment.pk])
