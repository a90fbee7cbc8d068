"""Evidence downloads: same access as the assessment page, always as an attachment with a safe name."""

import pytest
from django.urls import reverse

from assessments.models import Assessment
from assessments.services.evidence import evidence_add_file, evidence_add_link
from assessments.tests.support import PDF_BYTES, ratings_of, to_state, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence(self_assessment, lead_a):
    return evidence_add_file(
        rating=ratings_of(self_assessment)[0], by=lead_a, upload=upload('Policy "final"; v2.pdf', PDF_BYTES)
    )


def test_the_departments_lead_downloads_as_an_attachment(lead_a_client, evidence):
    response = lead_a_client.get(reverse("assessments:evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Policy final v2.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_another_departments_lead_gets_404(client, evidence, lead_b):
    client.force_login(lead_b)
    assert client.get(reverse("assessments:evidence_download", args=[evidence.pk])).status_code == 404


def test_assessors_download_only_once_the_department_has_submitted(
    assessor_client, evidence, self_assessment, lead_a, assessor
):
    url = reverse("assessments:evidence_download", args=[evidence.pk])
    assert assessor_client.get(url).status_code == 404
    to_state(self_assessment, Assessment.Status.SUBMITTED, lead=lead_a, assessor=assessor)
    assert assessor_client.get(url).status_code == 200


def test_a_link_has_no_download(lead_a_client, self_assessment, lead_a):
    link = evidence_add_link(
        rating=ratings_of(self_assessment)[0], by=lead_a, url="https://example.gov.uk", title="A link"
    )
    assert lead_a_client.get(reverse("assessments:evidence_download", args=[link.pk])).status_code == 404


def test_a_file_missing_from_storage_is_404_not_500(lead_a_client, evidence):
    evidence.file.storage.delete(evidence.file.name)
    assert lead_a_client.get(reverse("assessments:evidence_download", args=[evidence.pk])).status_code == 404


def test_there_is_no_public_media_url(client, evidence):
    assert client.get(f"/media/{evidence.file.name}").status_code == 404
