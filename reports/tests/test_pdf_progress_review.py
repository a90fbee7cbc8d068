"""The progress review PDF reads as TNA's: cover, Background, each theme's ratings and texts, Next steps."""

import datetime
import io

import pytest
from pypdf import PdfReader

from actionplans.models import NextStep
from assessments.models import Assessment, ThemeSummary
from reports.rendering import render_pdf
from reports.snapshot import snapshot_build
from reports.tests.conftest import pdf_text
from reports.tests.factories import FREE_NEXT_STEP, NEXT_STEPS_LEAD, PROGRESS, progress_review

pytestmark = pytest.mark.django_db

# Words a published report must never print: placeholders and statements no data supports.
PLACEHOLDERS = (
    "No summary was recorded",
    "No progress summary was recorded",
    "is added here",
    "remain outstanding",
    "No recommendations have been recorded",
    "See the theme section",
    "[",
)


def _text(assessment, **options):
    return pdf_text(render_pdf(snapshot_build(assessment=assessment, kind="progress_review", **options)))


def _assert_no_placeholder(text):
    for words in PLACEHOLDERS:
        assert words not in text


def test_a_published_review_prints_cover_background_themes_and_next_steps(review):
    Assessment.objects.filter(pk=review.pk).update(assessed_on=datetime.date(2015, 6, 1))
    review.refresh_from_db()
    text = _text(review, issue_version=2)
    cover = text[: text.index("Background")]
    assert cover.startswith(
        "The National Archives Information Management Assessment: progress review Department for Education "
        "Assessed: June 2015 Published: September 2015 Version 2"
    )
    assert "© Crown copyright 2015." in cover
    assert "licensed under the Open Government Licence v3.0" in cover
    assert "nationalarchives.gov.uk/doc/open-government-licence/version/3" in cover
    assert "Draft" not in text

    assert (
        "Background The National Archives (TNA) carried out an Information Management Assessment (IMA) of the "
        "Department for Education (DfE), with interviews held 14 to 16 May 2013. The IMA report was published in "
        "September 2013."
    ) in text
    assert "Progress against that plan was formally assessed through interviews held 2 to 3 June 2015." in text

    assert text.count("Performance rating IMA 2013 Review 2015") == 4
    assert (
        "1. The value of information Performance rating IMA 2013 Review 2015 Communicating and realising value "
        "Development area Progressing towards satisfactory Managing information as an asset Progressing towards "
        "satisfactory Satisfactory Situation at the time of the IMA At the time of the IMA the department had no "
        f"current information management policy. Staff were unsure where to save their work. Progress since the "
        f"IMA {PROGRESS} 2. Digital information"
    ) in text

    # The bullets' markers are drawn after the items' text, so the extracted text has them at the end.
    next_steps = text[text.rindex("Next steps") :]
    assert next_steps.startswith(
        f"Next steps {NEXT_STEPS_LEAD} IMA 2013 R1: Review the information management policy "
        f"IMA 2013 R2: Complete the asset register by March 2016 {FREE_NEXT_STEP} • • •"
    )
    _assert_no_placeholder(text)


def test_empty_parts_are_left_out_never_filled_with_a_placeholder(review):
    ThemeSummary.objects.filter(assessment=review, theme__number=2).update(situation_at_time="", progress_narrative="")
    NextStep.objects.filter(assessment=review).delete()
    text = _text(review)
    theme_2 = text[text.index("2. Digital information") : text.index("3. Information risk")]
    assert "Situation at the time" not in theme_2 and "Progress since" not in theme_2
    assert text.count("Situation at the time of the IMA") == 3
    assert text.endswith(f"Next steps {NEXT_STEPS_LEAD} Department for Education Page 5 of 5")
    _assert_no_placeholder(text)

    Assessment.objects.filter(pk=review.pk).update(next_steps_text="")
    review.refresh_from_db()
    text = _text(review)
    assert "Next steps" not in text[text.index("Progress to address recommendations") :]


def test_a_draft_says_it_is_a_draft_and_not_when_it_was_published(department_a, framework, review):
    draft = progress_review(
        department_a, framework, baseline=review.baseline, year=2016, status=Assessment.Status.FACTUAL_CHECK
    )
    text = _text(draft)
    assert "Assessed: June 2016 Draft: not yet published" in text
    assert "Published:" not in text
    _assert_no_placeholder(text)


def test_the_review_has_no_contents_page_when_it_is_six_pages_or_fewer(review):
    data = render_pdf(snapshot_build(assessment=review, kind="progress_review"))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) <= 6
    assert "Contents" not in pdf_text(data)
