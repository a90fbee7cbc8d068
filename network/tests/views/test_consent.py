import pytest

from assessments.models import Assessment
from assessments.tests.factories import published_assessment

pytestmark = pytest.mark.django_db


def test_lead_sets_consent_for_own_departments_assessment(lead_a_client, framework, department_a):
    assessment = published_assessment(department_a, framework, year=2015, share_good_practice=False)
    assert "IMA 2015" in lead_a_client.get("/network/good-practice/sharing/").content.decode()
    response = lead_a_client.post(f"/network/good-practice/sharing/{assessment.pk}/", {"share": "yes", "version": 1})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.share_good_practice is True
    assert assessment.history.first().history_change_reason == "Agreed to share good practice"
    lead_a_client.post(f"/network/good-practice/sharing/{assessment.pk}/", {"share": "no", "version": 2})
    assessment.refresh_from_db()
    assert assessment.share_good_practice is False


def test_lead_cannot_see_or_set_another_departments_consent(lead_a_client, framework, department_b):
    assessment = published_assessment(department_b, framework, year=2015, share_good_practice=False)
    assert lead_a_client.get(f"/network/good-practice/sharing/{assessment.pk}/").status_code == 404
    assert lead_a_client.post(f"/network/good-practice/sharing/{assessment.pk}/", {"share": "yes"}).status_code == 404
    assert Assessment.objects.get(pk=assessment.pk).share_good_practice is False
    assert "IMA 2015" not in lead_a_client.get("/network/good-practice/sharing/").content.decode()


@pytest.mark.parametrize("who", ["contributor_a", "assessor"])
def test_only_the_lead_decides(client, framework, department_a, who, request):
    assessment = published_assessment(department_a, framework, year=2015, share_good_practice=False)
    client.force_login(request.getfixturevalue(who))
    url = f"/network/good-practice/sharing/{assessment.pk}/"
    assert client.post(url, {"share": "yes"}).status_code in (403, 404)
    assert Assessment.objects.get(pk=assessment.pk).share_good_practice is False
    assert client.get("/network/good-practice/sharing/").status_code == 403


def test_missing_answer_is_an_error(lead_a_client, framework, department_a):
    assessment = published_assessment(department_a, framework, year=2015, share_good_practice=False)
    page = lead_a_client.post(f"/network/good-practice/sharing/{assessment.pk}/", {}).content.decode()
    assert "Select yes if good practice from this assessment can be shared" in page
    assert "<title>Error: " in page
