import pytest
from django.core.management import CommandError, call_command

from accounts.models import Department, Membership, User

pytestmark = pytest.mark.django_db


def counts():
    return Department.objects.count(), User.objects.count(), Membership.objects.count()


def test_seed_demo_is_idempotent(settings):
    settings.DEBUG = True
    call_command("load_framework")
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    assert first[0] >= 20


def test_seed_demo_creates_the_documented_sign_ins(settings, client):
    settings.DEBUG = True
    settings.DEMO_PASSWORD = "a-demo-password"
    call_command("load_framework")
    call_command("seed_demo")
    for email in (
        "assessor@example.gov.uk",
        "admin@example.gov.uk",
        "kim.lead@education.example.gov.uk",
        "kim.lead@home-office.example.gov.uk",
    ):
        assert client.login(username=email, password="a-demo-password"), email
    lead = User.objects.get(email="kim.lead@education.example.gov.uk")
    assert lead.memberships.get().department.name == "Department for Education"
    assert User.objects.get(email="assessor@example.gov.uk").is_assessor
    assert User.objects.get(email="admin@example.gov.uk").is_staff


def test_seed_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert Department.objects.count() == 0


def test_seed_demo_runs_with_force_when_debug_is_off(settings):
    settings.DEBUG = False
    call_command("load_framework")
    call_command("seed_demo", "--force", "--departments", "3")
    assert Department.objects.count() == 3


def test_seed_demo_scales_beyond_the_real_departments(settings):
    settings.DEBUG = True
    call_command("load_framework")
    call_command("seed_demo", "--departments", "30", "--years", "1")
    assert Department.objects.count() == 30
