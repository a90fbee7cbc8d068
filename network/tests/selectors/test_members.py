import pytest

from accounts.models import Membership
from accounts.tests.factories import kim_lead_of
from network.selectors.meetings import network_members

pytestmark = pytest.mark.django_db


def _leads_by_department():
    return {department.name: [m.user.full_name for m in department.leads] for department in network_members()}


def test_members_are_the_kim_leads_of_each_department(lead_a, lead_b, contributor_a):
    assert _leads_by_department() == {"Department for Education": ["Lena Lead-A"], "Home Office": ["Leo Lead-B"]}


def test_new_lead_appears_and_removed_lead_disappears(client, lead_a, department_a, department_b):
    client.force_login(lead_a)
    assert "Nia New-Lead" not in client.get("/network/").content.decode()
    newcomer = kim_lead_of(department_b, user__full_name="Nia New-Lead")
    assert "Nia New-Lead" in client.get("/network/").content.decode()
    Membership.objects.filter(user=newcomer).delete()
    page = client.get("/network/").content.decode()
    assert "Nia New-Lead" not in page
    assert "Not recorded yet" in page  # the Home Office row says it has no lead


def test_inactive_departments_and_people_are_not_members(lead_a, lead_b, department_b):
    department_b.is_active = False
    department_b.save()
    lead_a.is_active = False
    lead_a.save()
    assert _leads_by_department() == {"Department for Education": []}


def test_a_lead_whose_role_changes_to_contributor_leaves_the_members(lead_a):
    Membership.objects.filter(user=lead_a).update(role=Membership.Role.CONTRIBUTOR)
    assert _leads_by_department() == {"Department for Education": []}
