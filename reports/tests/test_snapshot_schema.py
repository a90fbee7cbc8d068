"""Snapshot schema 2, built from the models: what a progress review and a full IMA report print."""

import datetime

import pytest

from actionplans.models import Recommendation
from assessments.models import Assessment, ThemeSummary
from reports.snapshot import REASSESSMENT_TITLE, snapshot_build
from reports.tests.factories import (
    COMMITMENT,
    FREE_NEXT_STEP,
    KEY_FINDINGS,
    NEXT_STEPS_LEAD,
    PROGRESS,
    SITUATION,
    full_ima,
    published_ima,
)

pytestmark = pytest.mark.django_db


def test_a_review_snapshot_has_its_dates_background_themes_and_next_steps_as_written(review):
    snapshot = snapshot_build(assessment=review, kind="progress_review")
    assessment = snapshot["assessment"]
    # No month was stored: the month the fieldwork ended.
    assert (assessment["assessed_on"], assessment["published_on"]) == ("2015-06-01", "2015-09-20")
    assert (assessment["published_precision"], assessment["fieldwork_place"]) == ("day", "")
    assert snapshot["baseline"]["assessed_on"] == "2013-05-01"
    assert snapshot["background"].startswith(
        "The National Archives (TNA) carried out an Information Management Assessment (IMA) of the Department "
        "for Education (DfE), with interviews held 14 to 16 May 2013. The IMA report was published in September "
        "2013.\n\n"
    )
    assert (
        "Progress against that plan was formally assessed through interviews held 2 to 3 June 2015."
        in (snapshot["background"])
    )
    theme = snapshot["themes"][2]
    assert (theme["number"], theme["name"]) == (3, "Information risk, governance and oversight")
    assert (theme["situation_at_time"], theme["progress_narrative"]) == (SITUATION, PROGRESS)
    assert [(row["area"], row["baseline_rating"]["name"], row["rating"]["name"]) for row in theme["rows"]][-1] == (
        "Measuring impact",
        "Progressing towards satisfactory",
        "Satisfactory",
    )
    assert snapshot["next_steps"] == {
        "lead": NEXT_STEPS_LEAD,
        "items": [
            {"text": "IMA 2013 R1: Review the information management policy", "reference": "IMA 2013 R1"},
            {"text": "Complete the asset register by March 2016", "reference": "IMA 2013 R2"},
            {"text": FREE_NEXT_STEP, "reference": ""},
        ],
    }
    # The next steps are those written for the review, never the open recommendations.
    Recommendation.objects.create(assessment=review.baseline, number=9, text="Opened later", priority="low")
    assert snapshot_build(assessment=review, kind="progress_review")["next_steps"] == snapshot["next_steps"]


def test_the_stored_month_of_assessment_and_background_win(review):
    Assessment.objects.filter(pk=review.pk).update(
        assessed_on=datetime.date(2015, 5, 1), background_text="  Written by the assessor.\n\nTwo paragraphs.  "
    )
    review.refresh_from_db()
    snapshot = snapshot_build(assessment=review, kind="progress_review")
    assert snapshot["assessment"]["assessed_on"] == "2015-05-01"
    assert snapshot["background"] == "Written by the assessor.\n\nTwo paragraphs."


def test_no_fieldwork_and_no_month_leave_the_month_of_assessment_empty(department_a, framework):
    ima = published_ima(department_a, framework, interviews_from=None, interviews_to=None)
    snapshot = snapshot_build(assessment=ima, kind="ima_report")
    assert snapshot["assessment"]["assessed_on"] is None
    assert snapshot["background"] == ""  # nothing to generate it from, and nothing written


def test_an_ima_snapshot_has_commitment_key_findings_and_recommendations_grouped_in_framework_order(
    department_b, framework
):
    ima = full_ima(department_b, framework, levels=[1, 2, 2, 1, 5, 2, 1, 2, 4, 2])
    Recommendation.objects.create(assessment=ima, number=5, text="Appoint a SIRO", priority="medium")
    snapshot = snapshot_build(assessment=ima, kind="ima_report")
    assert snapshot["title"] == "Information Management Assessment"
    assert snapshot["commitment"] == {
        "text": COMMITMENT,
        "signed_by": "Permanent Secretary",
        "signed_on": "2014-01-20",
    }
    assert snapshot["key_findings"] == KEY_FINDINGS
    assert snapshot["assessment"]["fieldwork_place"] == "Sanctuary Buildings, London"
    assert "took place 14 to 16 May 2014 at Sanctuary Buildings, London." in snapshot["background"]
    groups = [
        (group["area_reference"], group["area"], group["theme_number"], group["theme"])
        for group in snapshot["recommendations"]
    ]
    assert groups == [
        ("1.1", "Communicating and realising value", 1, "The value of information"),
        ("", "", 2, "Digital information and supporting technology"),
        ("3.4", "Measuring impact", 3, "Information risk, governance and oversight"),
        ("4.1", "Oversight of records and selection", 4, "Records, review and transfer"),
        ("", "", None, ""),
    ]
    assert [[row["reference"] for row in group["recommendations"]] for group in snapshot["recommendations"]] == [
        ["R2"],
        ["R3"],
        ["R1"],
        ["R4"],
        ["R5"],
    ]
    assert snapshot["recommendations"][2]["recommendations"][0]["text"] == (
        "Measure how well staff follow the information management policy"
    )
    assert [row["area"] for row in snapshot["highlights"]] == [
        "Recognising information risk",
        "Oversight of records and selection",
    ]
    assert snapshot["themes"][0]["progress_narrative"] == "Findings for the theme The value of information."
    assert "next_steps" not in snapshot


def test_an_ima_without_a_statement_of_commitment_or_texts_has_none(department_a, framework):
    ima = published_ima(department_a, framework)
    snapshot = snapshot_build(assessment=ima, kind="ima_report")
    assert (snapshot["commitment"], snapshot["key_findings"], snapshot["recommendations"]) == (None, "", [])
    assert {theme["progress_narrative"] for theme in snapshot["themes"]} == {""}


def test_a_reassessment_report_is_titled_as_one_and_compares_with_its_baseline(department_a, framework):
    ima = published_ima(department_a, framework, year=2012)
    reassessment = full_ima(department_a, framework, year=2017)
    Assessment.objects.filter(pk=reassessment.pk).update(assessment_type=Assessment.Type.REASSESSMENT, baseline=ima)
    reassessment.refresh_from_db()
    snapshot = snapshot_build(assessment=reassessment, kind="ima_report")
    assert snapshot["title"] == REASSESSMENT_TITLE
    assert snapshot["baseline"]["label"] == "IMA 2012"


def test_texts_are_stripped_and_blank_ones_are_empty(review):
    ThemeSummary.objects.filter(assessment=review, theme__number=2).update(situation_at_time="  \n ")
    Assessment.objects.filter(pk=review.pk).update(next_steps_text=" \n")
    review.refresh_from_db()
    snapshot = snapshot_build(assessment=review, kind="progress_review")
    assert snapshot["themes"][1]["situation_at_time"] == ""
    assert snapshot["next_steps"]["lead"] == ""
