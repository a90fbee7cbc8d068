import datetime

import pytest

from actionplans.models import NextStep, Recommendation
from assessments.models import AreaRating, Assessment, ThemeSummary
from assessments.tests.factories import published_assessment
from common.errors import NotAllowed
from reports.importing import report_import
from reports.importing.service import ERROR_NOT_ASSESSOR

from .files import example, first, json_bytes, review

pytestmark = pytest.mark.django_db


def rating_of(assessment, area):
    return AreaRating.objects.select_related("assessor_rating", "baseline_rating").get(
        assessment=assessment, area__name=area
    )


def summary_of(assessment, number):
    return ThemeSummary.objects.get(assessment=assessment, theme__number=number)


def history_count():
    return sum(model.history.count() for model in (Assessment, AreaRating, ThemeSummary, Recommendation, NextStep))


def test_the_example_imports_an_ima_and_its_progress_review_as_published(setting, run, data):
    result = run(data)
    ima = Assessment.objects.get(assessment_type="ima")
    review_ = Assessment.objects.get(assessment_type="progress_review")
    assert [(item.id, item.line, item.action) for item in result.assessments] == [
        (ima.pk, f"assessment {ima.pk} DfE ima 2013", "created"),
        (review_.pk, f"assessment {review_.pk} DfE progress_review 2015", "created"),
    ]
    for assessment in (ima, review_):
        assert assessment.department == setting["education"]
        assert assessment.framework == setting["framework"]
        assert assessment.status == Assessment.Status.PUBLISHED
        assert assessment.published_by == setting["by"]
        assert assessment.published_at is not None
    assert review_.baseline == ima


def test_dates_are_stored_with_their_precision(setting, run, data):
    run(data)
    ima = Assessment.objects.get(assessment_type="ima")
    review_ = Assessment.objects.get(assessment_type="progress_review")
    assert (ima.published_on, ima.published_precision) == (datetime.date(2013, 11, 1), "month")
    assert (ima.interviews_from, ima.interviews_to) == (datetime.date(2013, 5, 14), datetime.date(2013, 5, 16))
    assert ima.fieldwork_place == "the department's London office"
    assert ima.assessed_on == datetime.date(2013, 5, 1)
    assert (review_.published_on, review_.published_precision) == (datetime.date(2015, 7, 20), "day")
    # No "assessed" in the file: the month the fieldwork ended.
    assert review_.assessed_on == datetime.date(2015, 3, 1)


def test_texts_are_imported_with_their_paragraphs(run, data):
    run(data)
    ima = Assessment.objects.get(assessment_type="ima")
    review_ = Assessment.objects.get(assessment_type="progress_review")
    assert ima.key_findings == first(data)["key_findings"]
    assert "\n\n" in ima.key_findings
    assert ima.commitment_signed_by == "Permanent Secretary"
    assert ima.commitment_signed_on == datetime.date(2013, 4, 22)
    assert review_.background_text == review(data)["background"]
    assert review_.next_steps_text.startswith("The National Archives will keep in touch")
    # An IMA's "progress" is the theme's findings.
    assert summary_of(ima, 2).progress_narrative.startswith("Most records are kept on shared drives")
    assert summary_of(ima, 2).situation_at_time == ""
    assert (
        summary_of(review_, 2).situation_at_time
        == "There was no plan for information held in systems due to be replaced."
    )
    assert summary_of(review_, 2).progress_narrative.endswith("The shared drives have not yet been restructured.")


def test_ratings_and_the_baselines_ratings_beside_them(run, data):
    run(data)
    ima = Assessment.objects.get(assessment_type="ima")
    review_ = Assessment.objects.get(assessment_type="progress_review")
    assert ima.ratings.exclude(assessor_rating=None).count() == 10
    # "Development Area" in the file matches the level "Development area".
    assert rating_of(ima, "Digital continuity and IT change").assessor_rating.name == "Development area"
    measuring = rating_of(review_, "Measuring impact")
    assert measuring.assessor_rating.name == "Progressing towards satisfactory"
    assert measuring.baseline_rating.name == "Development area"
    assert review_.ratings.exclude(baseline_rating=None).count() == 10


def test_recommendations_of_the_ima_and_the_reviews_next_steps(setting, run, data):
    run(data)
    ima = Assessment.objects.get(assessment_type="ima")
    review_ = Assessment.objects.get(assessment_type="progress_review")
    recommendations = list(Recommendation.objects.filter(assessment=ima).order_by("number"))
    assert [(item.number, item.area.name, item.priority) for item in recommendations] == [
        (1, "Managing information as an asset", "medium"),
        (2, "Digital continuity and IT change", "high"),
        (3, "Measuring impact", "medium"),
        (4, "Implementing disposal decisions", "high"),
    ]
    assert recommendations[0].theme.number == 1
    assert recommendations[0].created_by == setting["by"]
    steps = list(NextStep.objects.filter(assessment=review_).order_by("position"))
    assert [(step.position, step.recommendation and step.recommendation.full_label) for step in steps] == [
        (1, "IMA 2013 R3"),  # "R3": the review has none of its own, so the baseline's
        (2, "IMA 2013 R4"),
        (3, None),
    ]
    assert steps[2].text == "Restructure the shared drives so that information of value can be found and kept."


def test_history_names_the_importing_person_and_the_file(setting, run, data):
    run(data)
    review_ = Assessment.objects.get(assessment_type="progress_review")
    record = AreaRating.history.filter(assessment_id=review_.pk).latest("history_date")
    assert record.history_user == setting["by"]
    assert record.history_change_reason == "Imported from reports.json"
    step = NextStep.history.filter(assessment_id=review_.pk).first()
    assert (step.history_user, step.history_change_reason) == (setting["by"], "Imported from reports.json")


def test_importing_the_same_file_twice_changes_nothing(run, data):
    run(data)
    counts = (Assessment.objects.count(), Recommendation.objects.count(), NextStep.objects.count())
    records = history_count()
    result = run(data)
    assert [item.action for item in result.assessments] == ["unchanged", "unchanged"]
    assert (Assessment.objects.count(), Recommendation.objects.count(), NextStep.objects.count()) == counts
    assert history_count() == records
    assert result.summary == "2 assessments in the file: 0 created, 0 updated, 2 unchanged"


def test_a_changed_file_updates_the_same_assessments(run, data):
    first_result = run(data)
    first(data)["ratings"][7]["rating"] = "Satisfactory"  # Measuring impact
    first(data)["recommendations"][0]["text"] = "Name an owner for every information asset."
    del first(data)["recommendations"][3]  # R4 goes; the review's next step linked to it goes too
    review(data)["next_steps"]["items"] = review(data)["next_steps"]["items"][:1]
    review(data)["themes"][0]["progress"] = "Owners confirm their entries every six months."
    review(data)["published_on"] = "2015-08"
    result = run(data)
    assert [item.id for item in result.assessments] == [item.id for item in first_result.assessments]
    assert [item.action for item in result.assessments] == ["updated", "updated"]
    ima = Assessment.objects.get(assessment_type="ima")
    review_ = Assessment.objects.get(assessment_type="progress_review")
    assert rating_of(ima, "Measuring impact").assessor_rating.name == "Satisfactory"
    assert rating_of(review_, "Measuring impact").baseline_rating.name == "Satisfactory"
    assert list(ima.recommendations.values_list("number", flat=True)) == [1, 2, 3]
    assert ima.recommendations.get(number=1).text == "Name an owner for every information asset."
    assert review_.next_steps.count() == 1
    assert summary_of(review_, 1).progress_narrative == "Owners confirm their entries every six months."
    assert (review_.published_on, review_.published_precision) == (datetime.date(2015, 8, 1), "month")
    assert Assessment.objects.count() == 2


def test_parts_left_out_of_the_file_are_left_as_they_are(run, data):
    run(data)
    for part in ("ratings", "themes", "recommendations", "key_findings", "commitment", "fieldwork", "assessed"):
        del first(data)[part]
    result = run(data)
    assert result.assessments[0].action == "unchanged"
    ima = Assessment.objects.get(assessment_type="ima")
    assert ima.ratings.exclude(assessor_rating=None).count() == 10
    assert ima.recommendations.count() == 4
    assert ima.key_findings


def test_an_empty_list_clears_that_part(run, data):
    run(data)
    review(data)["ratings"] = []
    review(data)["next_steps"]["items"] = []
    run(data)
    review_ = Assessment.objects.get(assessment_type="progress_review")
    assert review_.ratings.exclude(assessor_rating=None).count() == 0
    assert review_.ratings.exclude(baseline_rating=None).count() == 10
    assert review_.next_steps.count() == 0


def test_the_baseline_may_already_be_in_the_service(setting, run, data):
    run({"assessments": [first(data)]})
    result = run({"assessments": [review(data)]})
    ima = Assessment.objects.get(assessment_type="ima")
    review_ = Assessment.objects.get(pk=result.assessments[0].id)
    assert review_.baseline == ima
    assert rating_of(review_, "Measuring impact").baseline_rating.name == "Development area"
    assert review_.next_steps.get(position=1).recommendation.full_label == "IMA 2013 R3"


def test_without_a_named_baseline_the_latest_published_ima_is_used(setting, run, data):
    del review(data)["baseline"]
    run(data)
    review_ = Assessment.objects.get(assessment_type="progress_review")
    assert review_.baseline == Assessment.objects.get(assessment_type="ima")


def test_a_stored_review_is_refreshed_when_its_baseline_is_imported_again(setting, run, data):
    run(data)
    run_ima_only = {"assessments": [first(data)]}
    first(data)["ratings"][7]["rating"] = "Good practice"
    run(run_ima_only)
    review_ = Assessment.objects.get(assessment_type="progress_review")
    assert rating_of(review_, "Measuring impact").baseline_rating.name == "Good practice"


def test_an_assessment_published_in_the_service_is_updated_in_place(setting, run, data):
    stored = published_assessment(setting["education"], setting["framework"], assessment_type="ima", year=2013)
    result = run({"assessments": [first(data)]})
    assert result.assessments[0].id == stored.pk
    assert result.assessments[0].action == "updated"
    assert Assessment.objects.count() == 1


def test_a_theme_level_recommendation_names_its_theme(run, data):
    first(data)["recommendations"].append(
        {"number": 5, "area": "Records, review and transfer", "text": "Agree a plan for transfer.", "priority": "low"}
    )
    run(data)
    recommendation = Recommendation.objects.get(number=5)
    assert (recommendation.theme.number, recommendation.area, recommendation.priority) == (4, None, "low")


def test_a_next_step_may_name_a_recommendation_of_its_own_assessment(run, data):
    review(data)["recommendations"] = [
        {"number": 1, "area": "Measuring impact", "text": "Report the survey.", "priority": "High"}
    ]
    review(data)["next_steps"]["items"] = [
        {"text": "Report the survey.", "recommendation": "Review 2015 R1"},
        {"text": "Dispose of the drives.", "recommendation": "R4"},
    ]
    run(data)
    review_ = Assessment.objects.get(assessment_type="progress_review")
    labels = [step.recommendation.full_label for step in review_.next_steps.order_by("position")]
    assert labels == ["Review 2015 R1", "IMA 2013 R4"]


def test_only_assessors_may_import(setting, lead_a):
    with pytest.raises(NotAllowed, match=ERROR_NOT_ASSESSOR):
        report_import(content=json_bytes(example()), filename="reports.json", by=lead_a)
    assert Assessment.objects.count() == 0
