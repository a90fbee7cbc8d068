"""Who sees which assessments: a department never sees another's; assessors wait for submission."""

import pytest
from django.http import Http404

from assessments.models import Assessment
from assessments.selectors.assessments import (
    assessment_get_for_user_or_404,
    assessment_list_for,
    assessor_queue,
    home_panels_for,
)
from assessments.services.lifecycle import assessment_submit, self_assessment_start
from assessments.tests.support import rate_all, to_state

pytestmark = pytest.mark.django_db


def test_lead_sees_own_departments_assessments_only(self_assessment, ima, lead_a, lead_b, department_b):
    other = self_assessment_start(by=lead_b, department=department_b, year=2025)
    assert set(assessment_list_for(lead_a)) == {self_assessment, ima}
    assert set(assessment_list_for(lead_b)) == {other}
    with pytest.raises(Http404):
        assessment_get_for_user_or_404(lead_b, self_assessment.pk)


def test_contributors_see_their_departments_assessments(self_assessment, contributor_a):
    assert list(assessment_list_for(contributor_a)) == [self_assessment]


def test_assessors_do_not_see_a_self_assessment_until_it_is_submitted(self_assessment, lead_a, assessor, administrator):
    for user in (assessor, administrator):
        assert self_assessment not in assessment_list_for(user)
        with pytest.raises(Http404):
            assessment_get_for_user_or_404(user, self_assessment.pk)
    rate_all(self_assessment, lead_a)
    assessment_submit(assessment=self_assessment, by=lead_a)
    assert self_assessment in assessment_list_for(assessor)
    assert assessment_get_for_user_or_404(assessor, self_assessment.pk) == self_assessment


def test_a_returned_self_assessment_stays_visible_to_assessors(self_assessment, lead_a, assessor):
    to_state(self_assessment, Assessment.Status.RETURNED, lead=lead_a, assessor=assessor)
    assert self_assessment in assessment_list_for(assessor)


def test_assessors_see_draft_imas_they_opened(ima, assessor):
    assert ima in assessment_list_for(assessor)


def test_assessor_queue_holds_submitted_and_in_review_oldest_first(self_assessment, ima, lead_a, assessor):
    # The IMA (TNA's own, in review from its opening) was opened before the self-assessment was submitted.
    to_state(self_assessment, Assessment.Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    assert list(assessor_queue(assessor)) == [ima, self_assessment]
    assert list(assessor_queue(lead_a)) == []
    assert home_panels_for(assessor)["assessment_queue"] == [ima, self_assessment]


def test_list_counts_completed_areas(self_assessment, lead_a):
    rate_all(self_assessment, lead_a)
    row = assessment_list_for(lead_a).get(pk=self_assessment.pk)
    assert (row.completed_count, row.area_count) == (10, 10)
