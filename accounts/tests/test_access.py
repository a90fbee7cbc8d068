import pytest

from accounts import access

pytestmark = pytest.mark.django_db


def test_lead_sees_only_their_department(lead_a, department_a, department_b):
    assert list(access.visible_departments(lead_a)) == [department_a]


def test_assessor_and_administrator_see_every_department(assessor, administrator, department_a, department_b):
    assert set(access.visible_departments(assessor)) == {department_a, department_b}
    assert set(access.visible_departments(administrator)) == {department_a, department_b}


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


def test_roles_are_labelled(lead_a, contributor_a, assessor, administrator):
    assert access.role_label(lead_a) == "KIM lead"
    assert access.role_label(contributor_a) == "Department contributor"
    assert access.role_label(assessor) == "Assessor"
    assert access.role_label(administrator) == "Administrator"


def test_admin_site_is_only_for_administrators(client, assessor, administrator):
    client.force_login(assessor)
    assert client.get("/admin/").status_code == 302
    client.force_login(administrator)
    assert client.get("/admin/").status_code == 200
