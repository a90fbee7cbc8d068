"""Two assessors writing the same part of TNA's report (its details, a text, the statement of commitment, a
theme's summary): the second save is refused, names who saved first and when, shows their version and keeps
what the second assessor typed; a POST without its version is refused too. Different parts do not collide."""

import pytest
from django.urls import reverse

from accounts.tests.factories import AssessorFactory
from assessments.models import Assessment
from tests.support.editing import EditPage, assert_incomplete, assert_stale_refusal

pytestmark = pytest.mark.django_db

FIRST = "Priya Shah"


@pytest.fixture
def second_assessor(db):
    return AssessorFactory(email="second.assessor@example.gov.uk", full_name="Tomas Second-Assessor")


def text_url(assessment, part):
    return reverse("assessments:report_text", args=[assessment.pk, part])


@pytest.mark.parametrize(("part", "field"), [("background", "background_text"), ("key-findings", "key_findings")])
def test_second_save_of_a_report_text_is_refused_naming_who_and_keeping_the_text(
    ima, assessor, second_assessor, part, field
):
    url = text_url(ima, part)
    first, second = EditPage(assessor, url), EditPage(second_assessor, url)

    assert first.send(text="Priya's paragraph.").status_code == 302
    refused = second.send(text="Tomas's <em>paragraph</em>.")
    page = assert_stale_refusal(refused, who=FIRST, typed="Tomas's <em>paragraph</em>.")

    assert "Priya&#x27;s paragraph." in page
    assert getattr(Assessment.objects.get(pk=ima.pk), field) == "Priya's paragraph."
    second.read(refused)  # based on Priya's version now: saving again replaces it on purpose
    assert second.send(text="Tomas's paragraph.").status_code == 302
    assert getattr(Assessment.objects.get(pk=ima.pk), field) == "Tomas's paragraph."


def test_the_lead_paragraph_of_next_steps_is_protected_too(review, assessor, second_assessor):
    url = text_url(review, "next-steps-lead")
    first, second = EditPage(assessor, url), EditPage(second_assessor, url)
    assert first.send(text="TNA will review progress in 2017.").status_code == 302
    assert_stale_refusal(second.send(text="Tomas's lead."), who=FIRST, typed="Tomas's lead.")
    assert Assessment.objects.get(pk=review.pk).next_steps_text == "TNA will review progress in 2017."


def test_two_assessors_writing_different_parts_do_not_collide(ima, assessor, second_assessor):
    background = EditPage(assessor, text_url(ima, "background"))
    findings = EditPage(second_assessor, text_url(ima, "key-findings"))
    assert background.send(text="Priya's background.").status_code == 302
    assert findings.send(text="Tomas's findings.").status_code == 302
    ima.refresh_from_db()
    assert (ima.background_text, ima.key_findings) == ("Priya's background.", "Tomas's findings.")


def test_a_report_text_without_its_version_is_refused(ima, assessor):
    page = EditPage(assessor, text_url(ima, "key-findings"))
    assert_incomplete(page.send(without=("version",), text="Changed without a version."))
    assert Assessment.objects.get(pk=ima.pk).key_findings == ""


def test_second_save_of_the_report_details_is_refused_naming_who_and_keeping_the_text(ima, assessor, second_assessor):
    url = reverse("assessments:report_details", args=[ima.pk])
    first, second = EditPage(assessor, url), EditPage(second_assessor, url)

    assert first.send(fieldwork_place="Priya's offices", team=[str(assessor.pk)]).status_code == 302
    page = assert_stale_refusal(second.send(fieldwork_place="Tomas's offices"), who=FIRST, typed="Tomas's offices")

    assert "<strong>Where the fieldwork took place:</strong> Priya&#x27;s offices" in page
    assert f"<strong>The assessment team:</strong> {assessor.full_name}" in page
    ima.refresh_from_db()
    assert ima.fieldwork_place == "Priya's offices" and list(ima.team.all()) == [assessor]


def test_report_details_without_their_version_are_refused(ima, assessor):
    page = EditPage(assessor, reverse("assessments:report_details", args=[ima.pk]))
    assert_incomplete(page.send(without=("version",), fieldwork_place="Changed without a version"))
    assert Assessment.objects.get(pk=ima.pk).fieldwork_place == ""


COMMITMENT = {"signed_on_0": "2", "signed_on_1": "6", "signed_on_2": "2015"}


def test_second_save_of_the_statement_of_commitment_is_refused_naming_who_and_keeping_the_text(
    ima, assessor, second_assessor
):
    url = reverse("assessments:commitment", args=[ima.pk])
    first, second = EditPage(assessor, url), EditPage(second_assessor, url)

    assert first.send(text="We commit.", signed_by="Jane Smith", **COMMITMENT).status_code == 302
    page = assert_stale_refusal(
        second.send(text="Tomas's statement.", signed_by="John Smith", **COMMITMENT),
        who=FIRST,
        typed="Tomas's statement.",
    )

    assert "<strong>Signed by:</strong> Jane Smith" in page and "<strong>Date signed:</strong> 2 June 2015" in page
    ima.refresh_from_db()
    assert (ima.commitment_text, ima.commitment_signed_by) == ("We commit.", "Jane Smith")


def test_a_statement_of_commitment_without_its_version_is_refused(ima, assessor):
    page = EditPage(assessor, reverse("assessments:commitment", args=[ima.pk]))
    assert_incomplete(page.send(without=("version",), text="We commit.", signed_by="Jane Smith", **COMMITMENT))
    assert Assessment.objects.get(pk=ima.pk).commitment_text == ""


# Theme summaries had their version before this page was written; the same journey, end to end.


def test_second_save_of_a_theme_summary_is_refused_naming_who_and_keeping_the_text(ima, assessor, second_assessor):
    summary = ima.theme_summaries.order_by("theme__number").first()
    url = reverse("assessments:theme_summary", args=[ima.pk, summary.pk])
    first, second = EditPage(assessor, url), EditPage(second_assessor, url)

    assert first.send(progress_narrative="Priya's findings.").status_code == 302
    assert_stale_refusal(second.send(progress_narrative="Tomas's findings."), who=FIRST, typed="Tomas's findings.")

    summary.refresh_from_db()
    assert summary.progress_narrative == "Priya's findings."


def test_a_theme_summary_without_its_version_is_refused(ima, assessor):
    summary = ima.theme_summaries.order_by("theme__number").first()
    page = EditPage(assessor, reverse("assessments:theme_summary", args=[ima.pk, summary.pk]))
    assert_incomplete(page.send(without=("version",), progress_narrative="Changed without a version."))
    summary.refresh_from_db()
    assert summary.progress_narrative == ""
