"""Demo releases for the public site: several departments' published reports, so `make run` shows a catalogue.

For the first PUBLISHED_DEPARTMENTS departments (by name), every published IMA, reassessment and progress
review gets its report issued (a worker produces the PDF) and released on the date it was published, with
an invented record of the department's consent. Idempotent: an assessment already released is left alone.
"""

from django.utils import timezone

from assessments.models import Assessment
from reports.models import PublicRelease
from reports.publication import latest_issued, public_release_create
from reports.rules import ISSUED_KIND
from reports.services import report_issue

PUBLISHED_DEPARTMENTS = 5
CONSENT_HOW = "By email to the assessment team (invented for the demo)"


def seed_public_releases(departments, assessor, *, today=None):
    today = today or timezone.localdate()
    chosen = sorted(departments, key=lambda department: department.name)[:PUBLISHED_DEPARTMENTS]
    assessments = (
        Assessment.objects.filter(
            department__in=chosen, status=Assessment.Status.PUBLISHED, assessment_type__in=list(ISSUED_KIND)
        )
        .exclude(pk__in=PublicRelease.objects.values("assessment"))
        .select_related("department")
        .order_by("department__name", "year", "pk")
    )
    created = 0
    for assessment in assessments:
        if latest_issued(assessment) is None:
            report_issue(assessment=assessment, by=assessor)
        published_on = assessment.published_on or today
        public_release_create(
            assessment=assessment,
            by=assessor,
            released_on=published_on,
            consent_given_by=f"KIM lead, {assessment.department.name}",
            consent_given_on=min(published_on, today),
            consent_how=CONSENT_HOW,
        )
        created += 1
    return created
