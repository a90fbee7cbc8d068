"""Who may open which department's pages (out of scope is a 404), and who may open the admin site."""

import pytest

pytestmark = pytest.mark.django_db


def test_lead_gets_404_for_another_departments_page(client, lead_a, department_b):
    client.force_login(lead_a)
    assert client.get(f"/departments/{department_b.slug}/").status_code == 404


def test_lead_sees_their_own_department_page(client, lead_a, department_a):
    client.force_login(lead_a)
    response = client.get(f"/departments/{department_a.slug}/")
    assert response.status_code == 200
    assert "Lena Lead-A" in response.content.decode()


def test_contributor_gets_404_for_another_department(client, contributor_a, department_b):
    client.force_login(contributor_a)
    assert client.get(f"/departments/{department_b.slug}/").status_code == 404


def test_department_list_is_scoped(client, lead_a, department_a, department_b):
    client.force_login(lead_a)
    page = client.get("/departments/").content.decode()
    assert "Department for Education" in page and "Home Office" not in page


def test_inactive_membership_department_is_hidden(client, lead_a, department_a):
    department_a.is_active = False
    department_a.save()
    client.force_login(lead_a)
    assert client.get(f"/departments/{department_a.slug}/").status_code == 404


def test_admin_site_is_only_for_administrators(client, assessor, administrator):
    client.force_login(assessor)
    assert client.get("/admin/").status_code == 302
    client.force_login(administrator)
    assert client.get("/admin/").status_code == 200
