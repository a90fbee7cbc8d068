"""The public site as an anonymous visitor (issue 15): the catalogue and its filters, a report's rating tables,
its PDF, a withdrawn report's notice, a draft's 404, the network's published record and the open data; each
page axe-clean at 1280 px and at 375 px, where nothing is wider than the screen."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from actionplans.choices import PlanStatus
from assessments.models import Assessment
from assessments.tests.factories import stored_assessment
from public.tests.conftest import PDF_BYTES, issue_with_pdf, release
from reports.models import PublicRelease
from reports.publication import public_release_withdraw
from reports.tests.factories import action_plan_for, full_ima, progress_review, recommendations_for

from .axe import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

WIDE, NARROW = {"width": 1280, "height": 900}, {"width": 375, "height": 800}


def _published_world(department_a, department_b, framework, assessor):
    ima = full_ima(department_a, framework)
    plan = action_plan_for(ima, recommendations_for(ima, start=10))
    plan.status, plan.accepted_at = PlanStatus.ACCEPTED, timezone.now()
    plan.save(update_fields=["status", "accepted_at"])
    issue_with_pdf(ima, assessor)
    released = release(ima, assessor)
    review = progress_review(department_a, framework, baseline=ima, year=2016)
    issue_with_pdf(review, assessor)
    release(review, assessor, released_on=datetime.date(2017, 2, 1))
    other = full_ima(department_b, framework, year=2015)
    issue_with_pdf(other, assessor)
    withdrawn = public_release_withdraw(
        release=release(other, assessor), by=assessor, notice="Withdrawn at the department's request."
    )
    draft = stored_assessment(
        department_a, status=Assessment.Status.DRAFT, assessment_type=Assessment.Type.SELF_ASSESSMENT, year=2018
    )
    forced = PublicRelease.objects.create(
        assessment=draft,
        issued_report=released.issued_report,
        released_on=released.released_on,
        consent_given_by="x",
        consent_given_on=released.consent_given_on,
        consent_how="x",
    )
    return released, withdrawn, forced


def _check(page, name):
    """axe at both widths; at 375 px the page is no wider than the screen."""
    for size in (WIDE, NARROW):
        page.set_viewport_size(size)
        assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], f"{name} is wider than 375 px"
    page.set_viewport_size(WIDE)


def test_an_anonymous_visitor_reads_the_public_site(page, department_a, department_b, framework, assessor):
    released, withdrawn, forced = _published_world(department_a, department_b, framework, assessor)
    call_command("load_network_record")

    page.goto("/public/reports/")
    assert page.locator("#result-count").inner_text().startswith("3 publications")
    _check(page, "catalogue")
    page.select_option("#id_kind", "progress_review")
    with page.expect_navigation():
        page.click("text=Apply filters")
    assert page.locator("#result-count").inner_text().startswith("1 publication")
    assert "progress review 2016" in page.locator(".app-publications").inner_text()

    page.goto(f"/public/reports/{released.pk}/")
    assert page.locator("table.app-public-ratings").count() == 4
    assert page.locator("caption", has_text="Performance ratings: 1. The value of information").is_visible()
    _check(page, "report")
    with page.expect_download() as download:
        page.click("text=Download the report as issued (PDF)")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read() == PDF_BYTES

    page.goto(f"/public/reports/{released.pk}/action-plan/")
    _check(page, "action plan")

    page.goto(f"/public/reports/{withdrawn.pk}/")
    assert "Withdrawn at the department's request." in page.locator("main").inner_text()
    assert page.locator("table").count() == 0
    _check(page, "withdrawn")

    assert page.goto(f"/public/reports/{forced.pk}/").status == 404

    page.goto("/public/kim-leaders-network/")
    text = page.locator("main").inner_text()
    assert "Next meeting: 11 January 2017" in text and "20 July 2015 (rearranged from 9 July 2015)" in text
    _check(page, "network")

    page.goto("/public/data/")
    _check(page, "data")
