"""A TNA-led progress review being written, and a helper that writes every section of it."""

import datetime

import pytest

from actionplans.services.next_steps import next_step_add
from assessments.models import Assessment, ThemeSummary
from assessments.services import authoring, lifecycle
from assessments.tests.factories import published_assessment, rate


@pytest.fixture
def ima_2013(framework, department_a, assessor):
    ima = published_assessment(
        department_a,
        framework,
        year=2013,
        ratings=2,
        by=assessor,
        interviews_from=datetime.date(2013, 5, 14),
        interviews_to=datetime.date(2013, 5, 16),
        published_on=datetime.date(2014, 7, 10),
    )
    ThemeSummary.objects.filter(assessment=ima).update(progress_narrative="In 2013 the department had no policy.")
    return ima


@pytest.fixture
def review(ima_2013, department_a, assessor):
    return lifecycle.assessment_open(
        by=assessor,
        department=department_a,
        assessment_type=Assessment.Type.PROGRESS_REVIEW,
        year=2015,
        interviews_from=datetime.date(2015, 9, 8),
        interviews_to=datetime.date(2015, 9, 9),
    )


def write_everything(review, assessor):
    rate(review, 3, by=assessor)
    ThemeSummary.objects.filter(assessment=review).update(progress_narrative="The department now has a policy.")
    authoring.assessment_text_save(
        assessment=review,
        by=assessor,
        field="next_steps_text",
        version=review.next_steps_text_version,
        text="TNA will review progress in 2017.",
    )
    next_step_add(assessment=review, by=assessor, text="Finish the records review of legacy shared drives.")
