"""accounts.access: which departments a person sees, and the name of their role."""

import pytest

from accounts import access

pytestmark = pytest.mark.django_db


def test_lead_sees_only_their_department(lead_a, department_a, department_b):
    assert list(access.visible_departments(lead_a)) == [department_a]


def test_assessor_and_administrator_see_every_department(assessor, administrator, department_a, department_b):
    assert set(access.visible_departments(assessor)) == {department_a, department_b}
    assert set(access.visible_departments(administrator)) == {department_a, department_b}


def test_roles_are_labelled(lead_a, contributor_a, assessor, administrator):
    assert access.role_label(lead_a) == "KIM lead"
    assert access.role_label(contributor_a) == "Department contributor"
    assert access.role_label(assessor) == "Assessor"
    assert access.role_label(administrator) == "Administrator"
