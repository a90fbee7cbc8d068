import json

import pytest

from assessments.models import AreaRating, Assessment
from reports.snapshot import SCHEMA, snapshot_build, snapshot_sha256
from reports.tests.factories import FREE_NEXT_STEP, next_steps_for, progress_review, recommendations_for

pytestmark = pytest.mark.django_db


def test_snapshot_is_plain_json_with_everything_the_review_shows(review):
    snapshot = snapshot_build(assessment=review, kind="progress_review")
    assert json.loads(json.dumps(snapshot)) == snapshot
    assert snapshot["schema"] == SCHEMA == 2
    assert snapshot["department"] == {"name": "Department for Education", "short_name": "DfE"}
    assert snapshot["baseline"]["label"] == "IMA 2013"
    assert snapshot["assessment"]["label"] == "Review 2015"
    first_theme = snapshot["themes"][0]
    assert (first_theme["number"], first_theme["name"]) == (1, "The value of information")
    assert first_theme["rows"][0]["area"] == "Communicating and realising value"
    assert first_theme["rows"][0]["baseline_rating"]["name"] == "Development area"
    assert first_theme["rows"][0]["rating"]["name"] == "Progressing towards satisfactory"
    assert first_theme["situation_at_time"].startswith("At the time of the IMA")
    assert [item["text"] for item in snapshot["next_steps"]["items"]][-1] == FREE_NEXT_STEP
    assert "outstanding_recommendations" not in snapshot and "background_text" not in snapshot


def test_input_hash_is_stable_and_changes_with_data_or_template_version(review):
    first = snapshot_build(assessment=review, kind="progress_review")
    again = snapshot_build(assessment=review, kind="progress_review")
    assert snapshot_sha256(first, "1-a") == snapshot_sha256(again, "1-a")
    assert snapshot_sha256(first, "1-a") != snapshot_sha256(first, "1-b")
    Assessment.objects.filter(pk=review.pk).update(next_steps_text="Something else")
    review.refresh_from_db()
    edited = snapshot_build(assessment=review, kind="progress_review")
    assert snapshot_sha256(first, "1-a") != snapshot_sha256(edited, "1-a")


def test_a_department_member_sees_only_its_own_ratings_before_publication(department_a, framework, lead_a, review):
    in_review = progress_review(
        department_a, framework, baseline=review.baseline, year=2016, status=Assessment.Status.IN_REVIEW
    )
    next_steps_for(in_review, ["Written by TNA, not yet shared"])
    snapshot = snapshot_build(assessment=in_review, kind="progress_review", user=lead_a)
    assert snapshot["includes_assessor_work"] is False
    row = snapshot["themes"][0]["rows"][0]
    rating = AreaRating.objects.get(assessment=in_review, area__key="communicating-and-realising-value")
    assert row["rating"]["name"] == rating.self_rating.name != rating.assessor_rating.name
    assert row["commentary"] == ""
    assert snapshot["themes"][0]["situation_at_time"] == ""
    assert snapshot["next_steps"] == {"lead": "", "items": []}


def test_building_a_snapshot_takes_the_same_queries_whatever_the_number_of_next_steps(
    review, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        snapshot_build(assessment=review, kind="progress_review")
    more = recommendations_for(review.baseline, texts=[f"Recommendation {n}" for n in range(3, 30)], start=3)
    next_steps_for(review, [(item.text, item) for item in more])
    with django_assert_max_num_queries(8):
        snapshot = snapshot_build(assessment=review, kind="progress_review")
    assert len(snapshot["next_steps"]["items"]) > 20
