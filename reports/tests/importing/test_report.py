"""An imported published assessment can be issued: its report prints what was imported, nothing else."""

import json

import pytest

from assessments.models import Assessment
from reports.models import ReportKind
from reports.snapshot import snapshot_build

from .files import first, review

pytestmark = pytest.mark.django_db


def printed(assessment, kind):
    """Everything the report's snapshot holds, as text (the PDF is rendered from it alone)."""
    return json.dumps(snapshot_build(assessment=assessment, kind=kind), ensure_ascii=False)


def test_the_review_report_holds_the_imported_texts(run, data):
    run(data)
    text = printed(Assessment.objects.get(assessment_type="progress_review"), ReportKind.PROGRESS_REVIEW)
    assert json.dumps(review(data)["background"], ensure_ascii=False)[1:-1] in text
    for theme in review(data)["themes"]:
        assert json.dumps(theme["situation"], ensure_ascii=False)[1:-1] in text
        assert json.dumps(theme["progress"], ensure_ascii=False)[1:-1] in text
    assert review(data)["next_steps"]["lead"] in text
    assert "Carry out disposal on the remaining shared drives." in text
    assert '"published_on": "2015-07-20"' in text


def test_the_ima_report_holds_its_findings_and_recommendations(run, data):
    run(data)
    text = printed(Assessment.objects.get(assessment_type="ima"), ReportKind.IMA_REPORT)
    for theme in first(data)["themes"]:
        assert json.dumps(theme["progress"], ensure_ascii=False)[1:-1] in text
    for recommendation in first(data)["recommendations"]:
        assert recommendation["text"] in text
    assert '"published_on": "2013-11-01"' in text


def test_a_reassessment_is_measured_against_the_ima(run, data):
    reassessment = dict(
        first(data),
        type="reassessment",
        year=2018,
        fieldwork={"from": "2018-02-06", "to": "2018-02-08"},
        published_on="2018-09",
        recommendations=[{"number": 1, "area": "Measuring impact", "text": "Measure it.", "priority": "High"}],
    )
    del reassessment["assessed"]
    data["assessments"].append(reassessment)
    result = run(data)
    stored = Assessment.objects.get(pk=result.assessments[2].id)
    assert stored.baseline == Assessment.objects.get(assessment_type="ima")
    assert stored.ratings.exclude(baseline_rating=None).count() == 10
    assert str(stored.assessed_on) == "2018-02-01"


def test_a_reassessment_may_have_no_baseline(run, data):
    reassessment = dict(first(data), type="reassessment", year=2018, published_on="2018-09")
    result = run({"assessments": [reassessment]})
    assert Assessment.objects.get(pk=result.assessments[0].id).baseline is None
