import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from actionplans.choices import PlanStatus
from reports.publication import public_release_create
from reports.services import report_issue
from reports.tests.factories import action_plan_for, full_ima, recommendations_for

PDF_BYTES = b"%PDF-1.7\n% the issued report\n%%EOF\n"


def issue_with_pdf(assessment, by):
    issued = report_issue(assessment=assessment, by=by)
    issued.pdf.name = default_storage.save(f"reports/issued/{issued.pk}.pdf", ContentFile(PDF_BYTES))
    issued.save(update_fields=["pdf"])
    return issued


def release(assessment, by, **fields):
    fields = {
        "released_on": datetime.date(2015, 3, 2),
        "consent_given_by": "Jane Smith, Departmental Records Officer",
        "consent_given_on": datetime.date(2015, 2, 20),
        "consent_how": "By email",
        **fields,
    }
    return public_release_create(assessment=assessment, by=by, **fields)


@pytest.fixture
def ima(department_a, framework):
    """DfE's published IMA 2014 (commitment, key findings, recommendations) with an accepted action plan."""
    assessment = full_ima(department_a, framework)
    plan = action_plan_for(assessment, recommendations_for(assessment, start=10))
    plan.status, plan.accepted_at = PlanStatus.ACCEPTED, timezone.now()
    plan.save(update_fields=["status", "accepted_at"])
    return assessment


@pytest.fixture
def released(ima, assessor):
    issue_with_pdf(ima, assessor)
    return release(ima, assessor)
