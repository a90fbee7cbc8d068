import pytest

from actionplans.choices import PlanStatus
from actionplans.tests.factories import plan_with_actions
from assessments.tests.authoring import ima_2013, review  # noqa: F401 - fixtures: a progress review being written
from assessments.tests.factories import published_assessment


@pytest.fixture
def assessment_a(framework, department_a):
    return published_assessment(department_a, framework)


@pytest.fixture
def assessment_b(framework, department_b):
    return published_assessment(department_b, framework)


@pytest.fixture
def draft_plan_a(assessment_a):
    return plan_with_actions(assessment_a)


@pytest.fixture
def accepted_plan_a(assessment_a):
    return plan_with_actions(assessment_a, status=PlanStatus.ACCEPTED)


@pytest.fixture
def accepted_plan_b(assessment_b):
    return plan_with_actions(assessment_b, status=PlanStatus.ACCEPTED)
