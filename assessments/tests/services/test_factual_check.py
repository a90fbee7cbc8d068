"""The factual accuracy check: TNA shares the finished draft, the KIM lead comments per section, an
assessor resolves each comment, and only then may the report be published."""

import datetime

import pytest

from assessments.models import Assessment, FactualComment
from assessments.services import authoring, factual, lifecycle
from assessments.tests.authoring import write_everything
from common.errors import NotAllowed, ServiceError

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2016, 1, 4)


@pytest.fixture
def shared(review, assessor, broker):
    write_everything(review, assessor)
    authoring.assessment_share_for_factual_check(assessment=review, by=assessor, today=TODAY)
    review.refresh_from_db()
    return review


def test_an_unfinished_draft_cannot_be_shared(review, assessor):
    with pytest.raises(ServiceError) as refused:
        authoring.assessment_share_for_factual_check(assessment=review, by=assessor, today=TODAY)
    assert refused.value.message[0] == authoring.SHARE_INCOMPLETE


def test_sharing_tells_the_kim_leads(review, assessor, lead_a, broker):
    write_everything(review, assessor)
    with broker.after_commit():
        authoring.assessment_share_for_factual_check(assessment=review, by=assessor, today=TODAY)
    assert [email.to for email in broker.emails] == [[lead_a.email]]
    assert Assessment.objects.get(pk=review.pk).status == Assessment.Status.FACTUAL_CHECK


def test_the_lead_comments_and_publication_waits_for_the_resolution(shared, lead_a, assessor):
    comment = factual.factual_comment_add(
        assessment=shared, by=lead_a, section="background", text="The fieldwork was on 8 and 9 September."
    )
    with pytest.raises(ServiceError) as refused:
        lifecycle.assessment_publish(assessment=shared, by=assessor, published_on=datetime.date(2015, 12, 1))
    assert "Factual accuracy check: resolve the department's 1 open comment" in refused.value.message
    factual.factual_comment_resolve(comment=comment, by=assessor, response="The dates were already right.")
    lifecycle.assessment_publish(assessment=shared, by=assessor, published_on=datetime.date(2015, 12, 1))
    assert Assessment.objects.get(pk=shared.pk).status == Assessment.Status.PUBLISHED
    comment.refresh_from_db()
    assert comment.history.count() == 2  # made, then resolved: the history keeps both


def test_a_comment_names_a_section_of_this_report(shared, lead_a):
    with pytest.raises(ServiceError) as refused:
        factual.factual_comment_add(assessment=shared, by=lead_a, section="key-findings", text="Wrong")
    assert refused.value.field == "section"


def test_only_the_departments_kim_lead_comments(shared, contributor_a, lead_b):
    for person in (contributor_a, lead_b):
        with pytest.raises(NotAllowed):
            factual.factual_comment_add(assessment=shared, by=person, section="background", text="Wrong")


def test_a_resolution_says_what_was_done(shared, lead_a, assessor):
    comment = factual.factual_comment_add(assessment=shared, by=lead_a, section="next-steps", text="Wrong")
    with pytest.raises(ServiceError) as refused:
        factual.factual_comment_resolve(comment=comment, by=assessor, response="  ")
    assert refused.value.field == "response"
    assert not FactualComment.objects.get(pk=comment.pk).is_resolved


def test_comments_are_taken_only_while_the_draft_is_shared(review, lead_a):
    with pytest.raises(ServiceError, match="only while TNA's draft is shared"):
        factual.factual_comment_add(assessment=review, by=lead_a, section="background", text="Too early")
