"""Emails are queued only when the transition commits, to the right people."""

import pytest
from django.db import transaction

from accounts.tests.factories import AssessorFactory, kim_lead_of
from assessments.models import Assessment
from assessments.services import lifecycle
from assessments.tests.support import assessor_rate_all, rate_all, to_state
from common.errors import ServiceError

Status = Assessment.Status

# `broker` (root conftest) holds what the worker would be asked to send; the worker test below sends it.


@pytest.mark.django_db
def test_submitting_queues_an_email_to_every_assessor_on_commit(self_assessment, lead_a, assessor, lead_b, broker):
    AssessorFactory(email="second.assessor@example.gov.uk")
    AssessorFactory(email="gone.assessor@example.gov.uk", is_active=False)
    rate_all(self_assessment, lead_a)
    with broker.after_commit() as callbacks:
        lifecycle.assessment_submit(assessment=self_assessment, by=lead_a)
    assert len(callbacks) == 2
    assert sorted(email.to[0] for email in broker.emails) == [
        "assessor@example.gov.uk",
        "second.assessor@example.gov.uk",
    ]
    assert broker.emails[0].subject == "DfE submitted its Self-assessment 2025 for review"
    assert f"/assessments/{self_assessment.pk}/review/" in broker.emails[0].body


@pytest.mark.django_db
def test_returning_emails_the_departments_kim_leads_only(
    self_assessment, lead_a, lead_b, assessor, department_a, broker
):
    kim_lead_of(department_a, user__email="second.lead.a@example.gov.uk")
    assessment = to_state(self_assessment, Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    broker.clear()
    with broker.after_commit():
        lifecycle.assessment_return(assessment=assessment, by=assessor, comment="Please add your disposal schedule.")
    assert sorted(email.to[0] for email in broker.emails) == ["lead.a@example.gov.uk", "second.lead.a@example.gov.uk"]
    assert "Please add your disposal schedule." in broker.emails[0].body
    assert broker.emails[0].subject == "Your Self-assessment 2025 has been returned with comments"


@pytest.mark.django_db
def test_publishing_emails_the_departments_kim_leads(self_assessment, lead_a, lead_b, assessor, broker):
    assessment = to_state(self_assessment, Status.IN_REVIEW, lead=lead_a, assessor=assessor)
    assessor_rate_all(assessment, assessor)
    broker.clear()
    with broker.after_commit():
        lifecycle.assessment_publish(assessment=assessment, by=assessor)
    assert [email.to[0] for email in broker.emails] == ["lead.a@example.gov.uk"]
    assert broker.emails[0].subject == "Your Self-assessment 2025 has been published"
    assert f"/assessments/{assessment.pk}/" in broker.emails[0].body


@pytest.mark.django_db
def test_nothing_is_queued_when_the_transition_is_refused(self_assessment, lead_a, assessor, broker):
    with broker.after_commit() as callbacks, pytest.raises(ServiceError):
        lifecycle.assessment_submit(assessment=self_assessment, by=lead_a)
    assert callbacks == [] and broker.messages == []


@pytest.mark.django_db
def test_nothing_is_sent_when_the_surrounding_transaction_rolls_back(self_assessment, lead_a, assessor, broker):
    rate_all(self_assessment, lead_a)
    with broker.after_commit() as callbacks:
        try:
            with transaction.atomic():
                lifecycle.assessment_submit(assessment=self_assessment, by=lead_a)
                raise RuntimeError("something later failed")
        except RuntimeError:
            pass
    assert callbacks == [] and broker.messages == []


@pytest.mark.worker
def test_a_real_worker_emails_assessors_when_a_lead_submits(celery_worker, self_assessment, lead_a, assessor):
    rate_all(self_assessment, lead_a)
    lifecycle.assessment_submit(assessment=self_assessment, by=lead_a)  # commits: no test transaction here
    [message] = celery_worker.wait_until(celery_worker.emails)
    assert "To: assessor@example.gov.uk" in message
    assert "DfE submitted its Self-assessment 2025 for review" in message
