"""Who may see which part of an assessment, by role and state (assessments/rules.py)."""

import pytest

from assessments import rules
from assessments.models import Assessment

pytestmark = pytest.mark.django_db
Status = Assessment.Status
TNA = ("assessor", "administrator")
DEPARTMENT = ("lead_a", "contributor_a")


def person(request, name):
    return request.getfixturevalue(name)


@pytest.mark.parametrize("state", list(Status))
@pytest.mark.parametrize("who", TNA + DEPARTMENT)
def test_departments_see_tnas_work_once_shared_for_checking_or_published(request, department_a, state, who):
    assessment = Assessment(department=department_a, status=state)
    expected = who in TNA or state in (Status.FACTUAL_CHECK, Status.PUBLISHED)
    assert rules.sees_assessor_work(person(request, who), assessment) is expected


@pytest.mark.parametrize("state", list(Status))
@pytest.mark.parametrize("who", TNA + DEPARTMENT)
def test_the_assessment_page_links_to_recommendations_from_review_for_tna_and_from_publication_for_all(
    request, department_a, state, who
):
    assessment = Assessment(department=department_a, status=state)
    shared = state in (Status.FACTUAL_CHECK, Status.PUBLISHED)
    expected = shared or (who in TNA and state == Status.IN_REVIEW)
    assert rules.sees_recommendations(person(request, who), assessment) is expected


@pytest.mark.parametrize("state", list(Status))
@pytest.mark.parametrize("who", TNA + DEPARTMENT)
def test_assessors_are_offered_the_review_once_submitted(request, department_a, state, who):
    assessment = Assessment(department=department_a, status=state)
    expected = who == "assessor" and state in (Status.SUBMITTED, Status.IN_REVIEW, Status.FACTUAL_CHECK)
    assert rules.assessor_may_review(person(request, who), assessment) is expected


@pytest.mark.parametrize(("who", "expected"), [("lead_a", True), ("contributor_a", True), ("lead_b", False)])
def test_the_task_list_is_for_the_departments_members(request, department_a, who, expected):
    assert rules.sees_task_list(person(request, who), Assessment(department=department_a)) is expected


def test_tna_does_not_get_the_task_list(assessor, administrator, department_a):
    assessment = Assessment(department=department_a)
    assert not rules.sees_task_list(assessor, assessment)
    assert not rules.sees_task_list(administrator, assessment)


@pytest.mark.parametrize("state", list(Status))
@pytest.mark.parametrize("who", TNA + DEPARTMENT)
def test_the_factual_check_is_tnas_then_the_departments_once_shared(request, department_a, state, who):
    assessment = Assessment(department=department_a, status=state, assessment_type=Assessment.Type.IMA)
    expected = who in TNA or state in (Status.FACTUAL_CHECK, Status.PUBLISHED)
    assert rules.sees_factual_check(person(request, who), assessment) is expected


def test_a_self_assessment_has_no_factual_check(assessor, department_a):
    assessment = Assessment(department=department_a, status=Status.IN_REVIEW, assessment_type="self_assessment")
    assert not rules.sees_factual_check(assessor, assessment)
