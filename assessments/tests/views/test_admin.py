import pytest
from django.urls import reverse

from assessments.services.evidence import evidence_add_link
from assessments.tests.support import ratings_of

pytestmark = pytest.mark.django_db


def test_admin_lists_and_histories_load(client, administrator, self_assessment, lead_a):
    evidence = evidence_add_link(
        rating=ratings_of(self_assessment)[0], by=lead_a, url="https://example.gov.uk", title="Link"
    )
    client.force_login(administrator)
    rating = ratings_of(self_assessment)[0]
    for url in (
        reverse("admin:assessments_assessment_changelist"),
        reverse("admin:assessments_assessment_change", args=[self_assessment.pk]),
        reverse("admin:assessments_assessment_history", args=[self_assessment.pk]),
        reverse("admin:assessments_arearating_changelist"),
        reverse("admin:assessments_arearating_change", args=[rating.pk]),
        reverse("admin:assessments_evidence_changelist"),
        reverse("admin:assessments_evidence_history", args=[evidence.pk]),
    ):
        assert client.get(url).status_code == 200, url
