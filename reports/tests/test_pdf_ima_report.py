"""The full IMA report PDF: statement of commitment, background, key findings, recommendations, themes."""

import pytest

from reports.rendering import render_pdf
from reports.snapshot import snapshot_build
from reports.tests.conftest import pdf_text
from reports.tests.factories import COMMITMENT, full_ima, published_ima
from reports.tests.test_pdf_progress_review import PLACEHOLDERS

pytestmark = pytest.mark.django_db


def _text(assessment):
    return pdf_text(render_pdf(snapshot_build(assessment=assessment, kind="ima_report")))


def test_a_full_ima_report_prints_every_part_in_order(department_b, framework):
    ima = full_ima(department_b, framework, levels=[1, 2, 2, 1, 5, 2, 1, 2, 3, 2])
    text = _text(ima)
    cover = text[: text.index("Contents")]
    assert cover.startswith(
        "The National Archives Information Management Assessment Home Office Assessed: May 2014 "
        "Published: September 2014"
    )
    assert "© Crown copyright 2014." in cover and "Open Government Licence v3.0" in cover

    position = text.index("Contents")
    for part in (
        f"Statement of commitment {COMMITMENT} Permanent Secretary 20 January 2014",
        "IMA background The National Archives (TNA) carried out an Information Management Assessment (IMA) of the "
        "Home Office (HO). The fieldwork, including interviews with senior staff, specialists and practitioners, "
        "took place 14 to 16 May 2014 at Sanctuary Buildings, London.",
        "Key findings of the assessment The department values its information",
        "Its digital records are at risk until a corporate store replaces shared drives.",
        "1. The value of information Performance rating IMA 2014 1.1 Communicating and realising value "
        "Development area 1.2 Managing information as an asset Progressing towards satisfactory",
        "Highlights Performance area IMA 2014 What the assessment found 3.1 Recognising information risk Good "
        "practice Findings for Recognising information risk.",
        "Recommendations to address risk areas 1.1 Communicating and realising value Reference Recommendation "
        "Priority R2 Explain to staff why information is valuable High",
        "2. Digital information and supporting technology Reference Recommendation Priority R3 Plan the move",
        "3.4 Measuring impact Reference Recommendation Priority R1 Measure how well staff follow",
        "4.1 Oversight of records and selection Reference Recommendation Priority R4 Review the records selection",
        "1. The value of information Findings for the theme The value of information. 1.1 Communicating and "
        "realising value Rating: Development area Findings for Communicating and realising value. Recommendation "
        "R2 (high priority): Explain to staff why information is valuable",
        # A recommendation on the theme as a whole follows the theme's areas.
        "2.2 Digital continuity and IT change Rating: Development area Findings for Digital continuity and IT "
        "change. Recommendation R3 (high priority): Plan the move of digital records to a corporate store",
        "4. Records, review and transfer Findings for the theme Records, review and transfer.",
    ):
        position = text.index(part, position)
    for words in PLACEHOLDERS:
        assert words not in text


def test_an_ima_without_commitment_key_findings_or_recommendations_leaves_those_parts_out(department_a, framework):
    text = _text(published_ima(department_a, framework))
    assert "Statement of commitment" not in text
    assert "Recommendations to address risk areas" not in text
    assert "Key findings of the assessment 1. The value of information Performance rating IMA 2013" in text
    assert "Highlights" not in text  # nothing rated progressing towards good practice or better
    for words in PLACEHOLDERS:
        assert words not in text
