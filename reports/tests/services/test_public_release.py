"""Releasing a report for the public site, and withdrawing it: who, from which state, what is recorded."""

import datetime

import pytest
from django.utils import timezone

from actionplans.choices import PlanStatus
from assessments.models import Assessment
from assessments.tests.factories import stored_assessment
from common.errors import NotAllowed, ServiceError
from reports import publication
from reports.publication import public_release_create, public_release_withdraw, report_sections
from reports.services import report_issue
from reports.tests.factories import action_plan_for, full_ima, progress_review, recommendations_for

pytestmark = pytest.mark.django_db

CONSENT = {
    "released_on": datetime.date(2015, 3, 2),
    "consent_given_by": "Jane Smith, DRO",
    "consent_given_on": datetime.date(2015, 2, 20),
    "consent_how": "By email",
}


@pytest.fixture
def ima(department_a, framework, assessor):
    assessment = full_ima(department_a, framework)
    report_issue(assessment=assessment, by=assessor)
    return assessment


def test_an_assessor_releases_the_latest_issued_version_with_the_consent_recorded(ima, assessor):
    second = report_issue(assessment=ima, by=assessor, reason="Corrected a date")
    release = public_release_create(assessment=ima, by=assessor, **CONSENT)
    assert release.issued_report == second and release.released_by == assessor
    assert (release.consent_given_by, release.consent_how) == ("Jane Smith, DRO", "By email")
    entry = release.history.get()
    assert entry.history_user == assessor and entry.history_change_reason == "Published on the public site"


@pytest.mark.parametrize("who", ["lead_a", "administrator"])
def test_only_assessors_release_or_withdraw(request, ima, assessor, who):
    person = request.getfixturevalue(who)
    with pytest.raises(NotAllowed):
        public_release_create(assessment=ima, by=person, **CONSENT)
    release = public_release_create(assessment=ima, by=assessor, **CONSENT)
    with pytest.raises(NotAllowed):
        public_release_withdraw(release=release, by=person, notice="No.")


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (Assessment.Status.IN_REVIEW, Assessment.Type.IMA),
        (Assessment.Status.SUBMITTED, Assessment.Type.SELF_ASSESSMENT),
        (Assessment.Status.PUBLISHED, Assessment.Type.SELF_ASSESSMENT),
    ],
)
def test_only_a_published_report_of_tnas_goes_on_the_public_site(department_a, assessor, status, kind):
    assessment = stored_assessment(department_a, status=status, assessment_type=kind)
    with pytest.raises(ServiceError, match=publication.RELEASE_ONLY_PUBLISHED):
        public_release_create(assessment=assessment, by=assessor, **CONSENT)


def test_a_report_never_issued_cannot_be_released(department_a, framework, assessor):
    with pytest.raises(ServiceError, match=publication.RELEASE_NEEDS_ISSUED):
        public_release_create(assessment=full_ima(department_a, framework), by=assessor, **CONSENT)


def test_a_report_is_released_once(ima, assessor):
    public_release_create(assessment=ima, by=assessor, **CONSENT)
    with pytest.raises(ServiceError, match=publication.RELEASE_EXISTS):
        public_release_create(assessment=ima, by=assessor, **CONSENT)


def test_consent_cannot_be_dated_in_the_future(ima, assessor):
    later = {**CONSENT, "consent_given_on": timezone.localdate() + datetime.timedelta(days=1)}
    with pytest.raises(ServiceError) as refused:
        public_release_create(assessment=ima, by=assessor, **later)
    assert refused.value.field == "consent_given_on"


def test_withheld_sections_must_be_the_reports_and_leave_something(ima, assessor):
    keys = [key for key, _ in report_sections(ima.issued_reports.get().snapshot)]
    assert keys == [
        "commitment",
        "background",
        "key_findings",
        "recommendations",
        "theme-1",
        "theme-2",
        "theme-3",
        "theme-4",
    ]
    with pytest.raises(ServiceError, match=publication.RELEASE_UNKNOWN_SECTION):
        public_release_create(assessment=ima, by=assessor, withheld_sections=["next_steps"], **CONSENT)
    with pytest.raises(ServiceError, match=publication.RELEASE_WITHHOLDS_EVERYTHING):
        public_release_create(assessment=ima, by=assessor, withheld_sections=keys, **CONSENT)


def test_a_progress_reviews_sections_end_with_next_steps(department_a, framework, assessor, review):
    report_issue(assessment=review, by=assessor)
    keys = [key for key, _ in report_sections(review.issued_reports.get().snapshot)]
    assert keys[-1] == "next_steps" and "key_findings" not in keys


def test_the_action_plan_goes_with_the_report_only_once_agreed(ima, assessor):
    plan = action_plan_for(ima, recommendations_for(ima, start=10))
    release = public_release_create(assessment=ima, by=assessor, **CONSENT)
    assert release.action_plan_snapshot is None  # a draft plan stays the department's
    release.delete()
    plan.status, plan.accepted_at = PlanStatus.ACCEPTED, timezone.now()
    plan.save(update_fields=["status", "accepted_at"])
    release = public_release_create(assessment=ima, by=assessor, **CONSENT)
    assert release.action_plan_snapshot["action_plan"]["recommendations"][0]["reference"]


def test_a_withdrawal_needs_a_notice_and_happens_once(ima, assessor):
    release = public_release_create(assessment=ima, by=assessor, **CONSENT)
    with pytest.raises(ServiceError) as refused:
        public_release_withdraw(release=release, by=assessor, notice="  ")
    assert refused.value.field == "notice"
    withdrawn = public_release_withdraw(release=release, by=assessor, notice="Superseded.")
    assert withdrawn.is_withdrawn and withdrawn.withdrawn_by == assessor
    assert withdrawn.history.first().history_change_reason == "Withdrawn from the public site"
    with pytest.raises(ServiceError, match=publication.WITHDRAW_ALREADY):
        public_release_withdraw(release=withdrawn, by=assessor, notice="Again.")


def test_a_progress_review_can_be_released(department_a, framework, assessor):
    ima = full_ima(department_a, framework)
    review = progress_review(department_a, framework, baseline=ima)
    report_issue(assessment=review, by=assessor)
    assert public_release_create(assessment=review, by=assessor, **CONSENT).action_plan_snapshot is None
