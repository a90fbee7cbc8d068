import pytest
from django.core.management import call_command

from public.selectors import publications
from reports.models import PublicRelease

pytestmark = pytest.mark.django_db


def test_the_demo_releases_several_departments_reports_for_the_public_site(settings, client):
    settings.DEBUG = True
    call_command("load_framework")
    call_command("seed_demo", "--departments", "6")
    releases = PublicRelease.objects.all()
    assert releases.values("assessment__department").distinct().count() == 5
    assert releases.filter(withdrawn_at__isnull=True).count() == releases.count() >= 10
    assert not releases.filter(assessment__assessment_type="self_assessment").exists()
    page = client.get("/public/reports/").content.decode()
    assert f"{len(publications())} publications" in page and len(publications()) > releases.count()
    call_command("seed_demo", "--departments", "6")
    assert PublicRelease.objects.count() == releases.count()
