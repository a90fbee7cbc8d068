"""Every problem a report file can have: each names its place, and nothing is imported."""

import datetime

import pytest
from django.utils import timezone

from actionplans.models import NextStep, Recommendation
from actionplans.tests.factories import ActionFactory, ActionPlanFactory
from assessments.models import Assessment
from assessments.report.publication import FIELDWORK_ORDER, PUBLISHED_IN_FUTURE
from assessments.tests.factories import published_assessment, stored_assessment
from reports.importing import ReportImportError, reading, report_import
from reports.importing import problems as listing
from reports.importing import validation as v

from .files import first, json_bytes, review

pytestmark = pytest.mark.django_db

FRAMEWORK = "IMA performance framework 2013"


# --- the file as a whole ------------------------------------------------------------------------


def test_bad_json_says_where(refused):
    assert refused(b'{"assessments": [\n  {"department": "DfE",}\n]}') == [
        "The file is not valid JSON: Expecting property name enclosed in double quotes at line 2, column 24"
    ]


def test_a_file_that_is_not_utf8_is_refused(refused):
    assert refused('{"assessments": ["Café"]}'.encode("latin-1")) == [reading.ERROR_NOT_UTF8]


def test_an_empty_file_is_refused(refused):
    assert refused(b"  \n") == [reading.ERROR_EMPTY]


def test_an_old_excel_file_is_refused(refused):
    assert refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.xls") == [reading.ERROR_OLD_EXCEL]


def test_a_list_instead_of_an_object_is_refused(refused, data):
    assert refused(data["assessments"]) == [v.ERROR_TOP_LEVEL]


def test_an_empty_list_of_assessments_is_refused(refused):
    assert refused({"assessments": []}) == [f"assessments: {v.ERROR_NO_ASSESSMENTS}"]


def test_shapes_are_checked_at_every_level(refused, data):
    first(data)["ratings"] = {"area": "Measuring impact"}
    first(data)["themes"][0] = "Theme one"
    first(data)["fieldwork"] = ["2013-05-14", "2013-05-16"]
    first(data)["recommendations"][0]["text"] = 42
    data["assessments"].append("DfE review 2016")
    data["notes"] = "made by hand"
    assert refused(data) == [
        '"notes" is not a part of the file: use assessments',
        "assessments[0].fieldwork: Enter an object in braces { }, not a list",
        "assessments[0].ratings: Enter a list in square brackets [ ], not an object",
        "assessments[0].themes[0]: Enter an object in braces { }, not text",
        "assessments[0].recommendations[0].text: Enter text in double quotes, not a number",
        "assessments[2]: Enter an object in braces { }, not text",
    ]


def test_unknown_and_repeated_parts_are_refused(refused, data):
    first(data)["recomendations"] = []
    content = json_bytes(data).replace(b'"year": 2013,', b'"year": 2013, "year": 2013,', 1)
    problems = refused(content)
    assert problems == [
        'assessments[0]: "year" is given more than once: give it once',
        'assessments[0]: "recomendations" is not a part of an assessment: use ' + ", ".join(v.ASSESSMENT_PARTS),
    ]


def test_required_parts_are_asked_for(refused, data):
    for part in ("department", "type", "year", "published_on"):
        del review(data)[part]
    assert refused(data) == [
        "assessments[1].department: Enter the department (its name or short name)",
        "assessments[1].type: Enter the type of assessment (ima, progress_review or reassessment)",
        "assessments[1].year: Enter the year of the assessment, like 2013",
        "assessments[1].published_on: Enter the date of publication (YYYY-MM-DD, or YYYY-MM)",
    ]


# --- what an entry names ------------------------------------------------------------------------


def test_unknown_department_type_and_year(refused, data):
    review(data).update(department="Ministry of Magic", type="audit", year=1999)
    assert refused(data) == [
        'assessments[1].department: "Ministry of Magic" is not a department in the service: '
        "use a department's name or short name",
        'assessments[1].type: "audit" is not a type of assessment the import knows: '
        "use ima, progress_review or reassessment",
        f"assessments[1].year: 1999 is not a valid year: enter a year from 2000 to {timezone.localdate().year}, "
        "like 2013",
    ]


def test_a_self_assessment_cannot_be_imported(refused, data):
    first(data)["type"] = "self_assessment"
    assert refused({"assessments": [first(data)]})[0].startswith('assessments[0].type: "self_assessment" is not a type')


def test_unknown_area_names_the_framework(refused, data):
    review(data)["ratings"][3]["area"] = "Measuring impakt"
    assert refused(data) == [
        f'assessments[1].ratings[3].area: "Measuring impakt" is not a performance area of {FRAMEWORK}'
    ]


def test_unknown_rating_lists_the_scale(refused, data):
    first(data)["ratings"][0]["rating"] = "Excellent"
    assert refused(data) == [
        f'assessments[0].ratings[0].rating: "Excellent" is not a rating of {FRAMEWORK}: use one of Development area, '
        "Progressing towards satisfactory, Satisfactory, Progressing towards good practice, Good practice, "
        "Best practice"
    ]


def test_an_area_rated_twice_is_refused(refused, data):
    first(data)["ratings"][1]["area"] = "communicating and  REALISING value"
    assert refused(data) == [
        'assessments[0].ratings[1].area: "communicating and REALISING value" is already rated at '
        "assessments[0].ratings[0]: rate each area once"
    ]


def test_unknown_and_repeated_themes(refused, data):
    first(data)["themes"][1]["theme"] = 7
    first(data)["themes"][3]["theme"] = "1"
    assert refused(data) == [
        f"assessments[0].themes[1].theme: 7 is not a theme of {FRAMEWORK}: use a theme number from 1 to 4",
        "assessments[0].themes[3].theme: Theme 1 is already at assessments[0].themes[0]: write each theme once",
    ]


def test_an_ima_has_no_situation_at_the_time(refused, data):
    first(data)["themes"][0]["situation"] = "Before."
    assert refused(data) == [f"assessments[0].themes[0].situation: {v.ERROR_SITUATION_NOT_REVIEW}"]


def test_a_progress_review_has_no_key_findings(refused, data):
    review(data)["key_findings"] = "Findings."
    assert refused(data) == [
        "assessments[1].key_findings: Only an IMA or reassessment report has key findings: "
        "remove it from this progress review"
    ]


def test_an_ima_has_no_next_steps(refused, data):
    first(data)["next_steps"] = {"lead": "We will visit.", "items": ["Do this."]}
    assert refused(data) == [
        "assessments[0].next_steps: Only a progress review report has next steps: remove them from this IMA"
    ]


def test_unknown_framework(refused, data):
    first(data)["framework"] = "IMA framework 2099"
    assert refused(data) == [
        'assessments[0].framework: "IMA framework 2099" is not a framework version: use a version\'s name or '
        "identifier, or leave it out for the current one"
    ]


def test_the_framework_of_a_published_assessment_cannot_change(refused, data, setting):
    other = type(setting["framework"]).objects.create(slug="ima-2016", name="IMA performance framework 2016")
    published_assessment(setting["education"], other, assessment_type="ima", year=2013)
    assert refused({"assessments": [first(data)]}) == [
        "assessments[0].framework: DfE IMA 2013 is published against IMA performance framework 2016: "
        "an import cannot change the framework of an assessment"
    ]


def test_an_assessment_being_written_in_the_service_is_not_overwritten(refused, data, setting):
    stored_assessment(setting["education"], setting["framework"], status="draft", assessment_type="ima", year=2013)
    assert refused({"assessments": [first(data)]}) == [
        "assessments[0]: DfE IMA 2013 exists in the service and is draft: an import only updates published assessments"
    ]


def test_duplicate_assessment_in_the_file(refused, data):
    data["assessments"].append(dict(first(data), department="department for  education"))
    assert refused(data) == [
        "assessments[2]: DfE IMA 2013 is already in the file at assessments[0]: list each assessment once"
    ]


# --- dates --------------------------------------------------------------------------------------


def test_malformed_dates(refused, data):
    first(data)["fieldwork"] = {"from": "14/05/2013", "to": "2013-02-30"}
    first(data)["assessed"] = "May 2013"
    first(data)["published_on"] = "November 2013"
    assert refused(data) == [
        'assessments[0].published_on: "November 2013" is not a date of publication: enter YYYY-MM-DD, or YYYY-MM '
        "when only the month is known",
        'assessments[0].fieldwork.from: "14/05/2013" is not a date: enter it as YYYY-MM-DD, like 2013-05-14',
        'assessments[0].fieldwork.to: "2013-02-30" is not a date: enter it as YYYY-MM-DD, like 2013-05-14',
        'assessments[0].assessed: "May 2013" is not a month: enter it as YYYY-MM, like 2013-06',
    ]


def test_fieldwork_dates_out_of_order(refused, data):
    first(data)["fieldwork"] = {"from": "2013-05-16", "to": "2013-05-14"}
    assert refused(data) == [f"assessments[0].fieldwork.to: {FIELDWORK_ORDER}"]


def test_publication_in_the_future(refused, data):
    next_month = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).strftime("%Y-%m")
    review(data)["published_on"] = next_month
    assert refused(data) == [f"assessments[1].published_on: {PUBLISHED_IN_FUTURE}"]


def test_publication_before_the_fieldwork_ended_by_month_or_by_day(refused, data):
    first(data)["published_on"] = "2013-04"
    del first(data)["assessed"]
    review(data)["published_on"] = "2015-03-10"
    assert refused(data) == [
        "assessments[0].published_on: The date of publication must be on or after the end of the fieldwork (May 2013)",
        "assessments[1].published_on: The date of publication must be on or after the end of the fieldwork "
        "(11 March 2015)",
    ]


def test_published_in_the_month_the_fieldwork_ended_is_fine_when_only_the_month_is_known(run, data):
    first(data)["published_on"] = "2013-05"
    run(data)


def test_assessed_after_publication(refused, data):
    first(data)["assessed"] = "2013-12"
    assert refused(data) == [
        "assessments[0].assessed: The month assessed must be the same as or before the month of publication "
        "(November 2013)"
    ]


# --- baselines ----------------------------------------------------------------------------------


def test_missing_baseline(refused, data):
    assert refused({"assessments": [review(data)]}) == [
        "assessments[0].baseline: DfE IMA 2013 is neither earlier in the file nor published in the service: "
        "add it to the file before this entry"
    ]
    del review(data)["baseline"]
    assert refused({"assessments": [review(data)]})[0] == (
        "assessments[0]: Department for Education has no published IMA or reassessment from 2015 or earlier, in the "
        "file before this entry or in the service: add the IMA to the file before this progress review"
    )


def test_a_baseline_later_in_the_file(refused, data):
    data["assessments"].reverse()
    problems = refused(data)
    assert problems[0] == (
        "assessments[0].baseline: DfE IMA 2013 is later in the file, at assessments[1]: "
        "list a baseline before what is measured against it"
    )


def test_a_baseline_that_is_not_published(refused, data, setting):
    stored_assessment(setting["education"], setting["framework"], status="draft", assessment_type="ima", year=2013)
    assert refused({"assessments": [review(data)]}) == [
        "assessments[0].baseline: DfE IMA 2013 is draft in the service: a baseline must be published"
    ]


def test_a_baseline_of_another_kind_or_for_an_ima(refused, data):
    review(data)["baseline"] = {"type": "progress_review", "year": 2013}
    first(data)["baseline"] = {"type": "ima", "year": 2012}
    assert refused(data) == [
        f"assessments[0].baseline: {v.ERROR_BASELINE_FOR_IMA}",
        'assessments[1].baseline.type: "progress_review" cannot be a baseline: use ima or reassessment',
    ]


def test_a_baseline_after_the_review(refused, data):
    review(data)["baseline"] = {"type": "ima", "year": 2016}
    assert refused(data) == [
        "assessments[1].baseline: A baseline must be from 2015 or earlier: DfE IMA 2016 is after this progress review"
    ]


# --- recommendations and next steps -------------------------------------------------------------


def test_bad_priority(refused, data):
    first(data)["recommendations"][1]["priority"] = "Urgent"
    assert refused(data) == [
        'assessments[0].recommendations[1].priority: "Urgent" is not a priority: use High, Medium or Low'
    ]


def test_duplicate_recommendation_number(refused, data):
    first(data)["recommendations"][3]["number"] = "R2"
    problems = refused(data)
    assert problems[0] == (
        "assessments[0].recommendations[3].number: R2 is already at assessments[0].recommendations[1]: "
        "number each recommendation once"
    )


def test_bad_recommendation_number_and_area(refused, data):
    first(data)["recommendations"][0]["number"] = 0
    first(data)["recommendations"][1]["area"] = "Digital stuff"
    first(data)["recommendations"][2]["text"] = "  "
    problems = refused(data)
    assert problems == [
        "assessments[0].recommendations[0].number: 0 is not a recommendation number: enter a whole number from 1, "
        "like 3 or R3",
        f'assessments[0].recommendations[1].area: "Digital stuff" is not a performance area or theme of {FRAMEWORK}',
        "assessments[0].recommendations[2].text: Enter the text of the recommendation",
    ]


def test_next_step_naming_a_recommendation_that_does_not_exist(refused, data):
    review(data)["next_steps"]["items"][0]["recommendation"] = "R9"
    review(data)["next_steps"]["items"][1]["recommendation"] = "Review 2014 R1"
    review(data)["next_steps"]["items"].append({"text": "Something.", "recommendation": "the third one"})
    assert refused(data) == [
        'assessments[1].next_steps.items[0].recommendation: There is no recommendation "R9" in Review 2015 or IMA 2013',
        'assessments[1].next_steps.items[1].recommendation: There is no recommendation "Review 2014 R1" in the file',
        'assessments[1].next_steps.items[3].recommendation: "the third one" is not a recommendation: use its number, '
        "like R3, or IMA 2013 R3 for the baseline's",
    ]


def test_next_step_that_could_be_two_recommendations(refused, data):
    review(data)["recommendations"] = [
        {"number": 3, "area": "Measuring impact", "text": "Report the survey.", "priority": "High"}
    ]
    assert refused(data) == [
        'assessments[1].next_steps.items[0].recommendation: "R3" could be Review 2015 R3 or IMA 2013 R3: '
        "write Review 2015 R3 or IMA 2013 R3"
    ]


def test_next_step_text_is_required_and_bounded(refused, data):
    review(data)["next_steps"]["items"] = ["", {"recommendation": "R3"}, "x" * 2001]
    assert refused(data) == [
        "assessments[1].next_steps.items[0]: Enter the text of the next step",
        "assessments[1].next_steps.items[1].text: Enter the text of the next step",
        "assessments[1].next_steps.items[2]: The text must be 2,000 characters or fewer",
    ]


def test_a_recommendation_with_actions_cannot_be_dropped(refused, run, data):
    run(data)
    ima = Assessment.objects.get(assessment_type="ima")
    plan = ActionPlanFactory(assessment=ima)
    ActionFactory(plan=plan, recommendation=Recommendation.objects.get(assessment=ima, number=1), sequence=1)
    del first(data)["recommendations"][0]
    assert refused({"assessments": [first(data)]}) == [
        "assessments[0].recommendations: DfE IMA 2013 R1 is not in the file, but the department's action plan has "
        "actions for it: keep it in the file",
    ]
    assert Recommendation.objects.filter(assessment=ima).count() == 4


def test_a_recommendation_another_report_links_to_cannot_be_dropped(refused, run, data):
    run(data)
    del first(data)["recommendations"][3]  # R4, linked from the review's next steps
    assert refused({"assessments": [first(data)]}) == [
        "assessments[0].recommendations: DfE IMA 2013 R4 is not in the file, but the next steps of "
        "DfE progress review 2015 link to it: keep it in the file",
    ]
    assert NextStep.objects.filter(recommendation__number=4).exists()


# --- all at once, and bounded -------------------------------------------------------------------


def test_nothing_is_half_imported(refused, data):
    review(data)["ratings"][0]["rating"] = "Excellent"
    assert len(refused(data)) == 1
    assert Assessment.objects.count() == 0  # the IMA, which was right, is not imported either


def test_every_problem_is_listed_in_file_order(refused, data):
    first(data)["ratings"][0]["area"] = "Nothing"
    review(data)["department"] = "Nowhere"
    review(data)["recommendations"] = [{"number": 1, "area": "Measuring impact", "text": "x", "priority": "Soon"}]
    data["assessments"].append(dict(first(data), type="reassessment", year=2019, commitment="Signed"))
    places = [problem.split(":")[0] for problem in refused(data)]
    assert places == [
        "assessments[0].ratings[0].area",
        "assessments[1].department",
        "assessments[1].recommendations[0].priority",
        "assessments[2].commitment",
        "assessments[2].ratings[0].area",
    ]


def test_echoed_values_are_cut_short(refused, data):
    first(data)["department"] = "A" * 500
    problem = refused(data)[0]
    assert '"' + "A" * 59 + '…"' in problem
    assert len(problem) < 200


def test_the_list_shown_stops_at_fifty(setting, data):
    first(data)["ratings"] = [{"area": f"Area {number}", "rating": "Satisfactory"} for number in range(60)]
    with pytest.raises(ReportImportError) as caught:
        report_import(content=json_bytes(data), filename="reports.json", by=setting["by"])
    messages = caught.value.message
    assert len(caught.value.problems) == 60
    assert messages[0] == "The file has 60 problems. Nothing was imported: fix them and import the file again"
    assert len(messages) == 1 + listing.MAX_LISTED + 1
    assert messages[-1] == "And 10 more problems"


def test_a_next_step_reference_is_checked_beside_other_problems_of_its_entry(refused, data):
    review(data)["published_on"] = "2015-03-01"
    review(data)["next_steps"]["items"][0]["recommendation"] = "R9"
    assert refused(data) == [
        "assessments[1].published_on: The date of publication must be on or after the end of the fieldwork "
        "(11 March 2015)",
        'assessments[1].next_steps.items[0].recommendation: There is no recommendation "R9" in Review 2015 or IMA 2013',
    ]
