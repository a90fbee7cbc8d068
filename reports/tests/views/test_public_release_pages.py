"""The assessor's pages for the public site: publish (with the department's consent), then withdraw."""

import pytest

from reports.models import PublicRelease
from reports.services import report_issue
from reports.tests.factories import full_ima

pytestmark = pytest.mark.django_db


@pytest.fixture
def ima(department_a, framework, assessor):
    assessment = full_ima(department_a, framework)
    report_issue(assessment=assessment, by=assessor)
    return assessment


def _date(prefix, day, month, year):
    return {f"{prefix}_0": day, f"{prefix}_1": month, f"{prefix}_2": year}


def test_an_assessor_publishes_on_the_public_site_with_consent(client, assessor, ima):
    client.force_login(assessor)
    url = f"/reports/assessments/{ima.pk}/public-site/"
    page = client.get(url).content.decode()
    assert "Publish on the public site" in page and 'value="theme-1"' in page
    data = {
        **_date("released_on", "2", "3", "2015"),
        "consent_given_by": "Jane Smith, DRO",
        **_date("consent_given_on", "20", "2", "2015"),
        "consent_how": "By email",
        "withheld_sections": ["recommendations"],
    }
    response = client.post(url, data)
    assert response.status_code == 302
    release = PublicRelease.objects.get(assessment=ima)
    assert release.withheld_sections == ["recommendations"] and release.consent_how == "By email"
    assert "Withdraw from the public site" in client.get(url).content.decode()


def test_a_release_without_consent_shows_the_error_summary_and_keeps_what_was_typed(client, assessor, ima):
    client.force_login(assessor)
    page = client.post(f"/reports/assessments/{ima.pk}/public-site/", {"consent_how": "By phone"}).content.decode()
    assert "govuk-error-summary" in page and "Enter who agreed to publication for the department" in page
    assert 'value="By phone"' in page
    assert not PublicRelease.objects.exists()


def test_an_assessor_withdraws_with_a_notice(client, assessor, ima):
    client.force_login(assessor)
    client.post(
        f"/reports/assessments/{ima.pk}/public-site/",
        {
            **_date("released_on", "2", "3", "2015"),
            "consent_given_by": "Jane Smith",
            **_date("consent_given_on", "20", "2", "2015"),
            "consent_how": "By email",
        },
    )
    url = f"/reports/assessments/{ima.pk}/public-site/withdraw/"
    assert "Enter the notice" in client.post(url, {"notice": ""}).content.decode()
    assert client.post(url, {"notice": "Replaced by a corrected version."}).status_code == 302
    assert PublicRelease.objects.get().withdrawal_notice == "Replaced by a corrected version."
    assert client.get(url).status_code == 302  # already withdrawn: back to the status page, which says so


def test_other_roles_are_refused(client, lead_a, administrator, ima):
    for person in (lead_a, administrator):
        client.force_login(person)
        assert client.get(f"/reports/assessments/{ima.pk}/public-site/").status_code == 403


def test_the_reports_page_links_assessors_to_the_public_site_step(client, assessor, lead_a, ima):
    link = f'href="/reports/assessments/{ima.pk}/public-site/"'
    client.force_login(assessor)
    assert link in client.get(f"/reports/assessments/{ima.pk}/").content.decode()
    client.force_login(lead_a)
    assert link not in client.get(f"/reports/assessments/{ima.pk}/").content.decode()
