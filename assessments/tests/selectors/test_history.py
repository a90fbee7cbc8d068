"""The History tab: who changed what, when, from what to what."""

import pytest

from assessments.models import Assessment
from assessments.selectors.history import assessment_history
from assessments.services.evidence import evidence_add_link, evidence_delete
from assessments.services.lifecycle import assessment_start_review
from assessments.services.ratings import area_rating_save_assessor
from assessments.tests.support import level, rate_all, ratings_of, to_state

pytestmark = pytest.mark.django_db


def _changes(entries, subject):
    return [
        (entry.who, change.label, change.old, change.new)
        for entry in entries
        if entry.subject == subject
        for change in entry.changes
    ]


def test_rating_changes_show_who_from_what_to_what(self_assessment, lead_a):
    rate_all(self_assessment, lead_a, position=3)
    rate_all(self_assessment, lead_a, position=4, narrative="Better now, with evidence.")
    changes = _changes(assessment_history(self_assessment, user=lead_a), "1.1 Communicating and realising value")
    assert (lead_a, "Department's rating", "Satisfactory", "Progressing towards good practice") in changes
    assert (lead_a, "Department's rating", "", "Satisfactory") in changes
    assert (lead_a, "Marked as complete", "No", "Yes") in changes
    assert any(label == "Narrative" and new == "Better now, with evidence." for _, label, _, new in changes)


def test_status_transitions_and_the_opening_are_listed_newest_first(self_assessment, lead_a, assessor):
    to_state(self_assessment, Assessment.Status.SUBMITTED, lead=lead_a, assessor=assessor)
    assessment_start_review(assessment=self_assessment, by=assessor)
    entries = [e for e in assessment_history(self_assessment, user=assessor) if e.subject == "Assessment"]
    assert entries[0].changes[0].__dict__ == {"label": "Status", "old": "Submitted", "new": "In review"}
    assert entries[0].who == assessor and entries[0].reason == "Review started"
    assert entries[1].changes[0].new == "Submitted" and entries[1].who == lead_a
    assert entries[-1].summary == "Self-assessment 2025 opened"


def test_evidence_added_and_removed_appear(self_assessment, lead_a):
    rating = ratings_of(self_assessment)[0]
    evidence = evidence_add_link(rating=rating, by=lead_a, url="https://example.gov.uk/p", title="Policy")
    evidence_delete(evidence=evidence, by=lead_a)
    summaries = [
        e.summary for e in assessment_history(self_assessment, user=lead_a) if e.summary.startswith("Evidence")
    ]
    assert summaries == [
        "Evidence link removed: Policy (https://example.gov.uk/p)",
        "Evidence link added: Policy (https://example.gov.uk/p)",
    ]


def test_assessor_ratings_are_hidden_from_the_department_until_published(self_assessment, lead_a, assessor):
    assessment = to_state(self_assessment, Assessment.Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    rating = ratings_of(assessment)[0]
    area_rating_save_assessor(
        rating=rating,
        by=assessor,
        version=rating.version,
        assessor_rating=level(assessment.framework, 1),
        assessor_commentary="Draft finding.",
    )
    labels_for_lead = {c.label for e in assessment_history(assessment, user=lead_a) for c in e.changes}
    labels_for_assessor = {c.label for e in assessment_history(assessment, user=assessor) for c in e.changes}
    assert "Assessor's rating" not in labels_for_lead
    assert "Assessor's rating" in labels_for_assessor
