"""Who may open which dashboard and export, and that a KIM lead never sees another department named."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from accounts.tests.factories import MembershipFactory
from actionplans.choices import PlanStatus
from actionplans.tests.factories import plan_with_actions
from assessments.tests.factories import published_assessment
from dashboards.tests.support import departments, xlsx_rows

pytestmark = pytest.mark.django_db

CROSS_GOVERNMENT_SECTIONS = ["heatmap", "distribution", "league", "reassessment", "overdue"]
DEPARTMENT_SECTIONS = ["trends", "benchmark", "actions"]


@pytest.fixture
def government(framework, department_a, department_b):
    """A and B plus five others, all with published history and plans with overdue actions."""
    others = departments(5, prefix="Other department")
    for index, department in enumerate([department_a, department_b, *others]):
        published_assessment(department, framework, year=2015, ratings=2)
        latest = published_assessment(department, framework, year=2018, ratings=1 + index % 6)
        plan_with_actions(latest, status=PlanStatus.ACCEPTED, due_date=date.today() - timedelta(days=40 + index))
    return [department_a, department_b, *others]


def department_urls(slug):
    urls = [reverse("dashboards:department", kwargs={"slug": slug})]
    for section in DEPARTMENT_SECTIONS:
        for fmt in ("csv", "xlsx"):
            urls.append(reverse("dashboards:department_export", kwargs={"slug": slug, "section": section, "fmt": fmt}))
    return urls


def cross_government_urls():
    urls = [reverse("dashboards:index")]
    for section in CROSS_GOVERNMENT_SECTIONS:
        for fmt in ("csv", "xlsx"):
            urls.append(reverse("dashboards:export", kwargs={"section": section, "fmt": fmt}))
    return urls


def text_of(response):
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        headers, rows = xlsx_rows(response)
        return " ".join(str(value) for row in [headers, *rows] for value in row if value is not None)
    return response.content.decode()


def test_anonymous_people_are_sent_to_sign_in(client, government):
    for url in [*cross_government_urls(), *department_urls("education")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_contributors_have_no_dashboard(client, contributor_a, government):
    client.force_login(contributor_a)
    for url in [*cross_government_urls(), *department_urls("education")]:
        assert client.get(url).status_code == 404, url


def test_a_kim_lead_goes_straight_to_their_department(lead_a_client, government):
    response = lead_a_client.get(reverse("dashboards:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboards:department", kwargs={"slug": "education"})


def test_a_lead_of_several_departments_chooses_one(lead_a_client, lead_a, department_b, government):
    MembershipFactory(user=lead_a, department=department_b)
    response = lead_a_client.get(reverse("dashboards:index"))
    assert response.status_code == 200
    assert b"Choose a department" in response.content
    assert reverse("dashboards:department", kwargs={"slug": "home-office"}).encode() in response.content


def test_a_kim_lead_cannot_open_the_cross_government_views(lead_a_client, government):
    for url in cross_government_urls()[1:]:
        assert lead_a_client.get(url).status_code == 404, url


def test_a_kim_lead_cannot_open_another_departments_dashboard_or_exports(lead_a_client, government):
    for url in department_urls("home-office"):
        assert lead_a_client.get(url).status_code == 404, url


def test_a_contributor_of_another_department_still_cannot_open_it(lead_a_client, lead_a, department_b, government):
    MembershipFactory(user=lead_a, department=department_b, role="contributor")
    for url in department_urls("home-office"):
        assert lead_a_client.get(url).status_code == 404, url


def test_a_kim_lead_never_sees_another_department_named(lead_a_client, government):
    others = [department for department in government if department.slug != "education"]
    seen = 0
    for url in department_urls("education"):
        response = lead_a_client.get(url)
        assert response.status_code == 200, url
        content = text_of(response)
        seen += "Department for Education" in content or "IMA 2018" in content or "Review" in content
        for other in others:
            assert other.name not in content, (url, other.name)
            assert not re.search(rf"\b{re.escape(other.short_name)}\b", content), (url, other.short_name)
            assert f"/departments/{other.slug}/" not in content, url
    assert seen  # the pages really had content


def test_the_lead_benchmark_is_shown_with_real_data_and_names_nobody(lead_a_client, government):
    response = lead_a_client.get(reverse("dashboards:department", kwargs={"slug": "education"}))
    page = response.context["page"]
    assert all(not row.suppressed for row in page.benchmark_rows)
    assert all(row.rated == len(government) for row in page.benchmark_rows)


def test_assessors_see_every_department(assessor_client, government):
    response = assessor_client.get(reverse("dashboards:index"))
    assert response.status_code == 200
    for department in government:
        assert department.name.encode() in response.content
    for department in government:
        assert assessor_client.get(department_urls(department.slug)[0]).status_code == 200


def test_administrators_see_the_cross_government_dashboard(client, administrator, government):
    client.force_login(administrator)
    response = client.get(reverse("dashboards:index"))
    assert response.status_code == 200
    assert b"Home Office" in response.content


def test_unknown_exports_are_not_found(assessor_client, government):
    assert assessor_client.get("/dashboards/export/secrets.csv").status_code == 404
    assert assessor_client.get("/dashboards/export/heatmap.pdf").status_code == 404
    assert assessor_client.get("/dashboards/departments/education/export/heatmap.csv").status_code == 404
