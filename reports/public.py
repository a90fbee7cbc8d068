"""Reads for the public site (`public/`): only what an assessor released, from its release date, never withdrawn.

Nothing here is scoped to a person: everything it returns may be read by anyone. So every query starts
from `PublicRelease` and keeps to published assessments of the kinds TNA publishes (never a self-assessment,
a draft, evidence or assessor-only notes, which the issued snapshot never holds).
"""

import hashlib

from django.db.models import BooleanField, Count, ExpressionWrapper, Max, Q
from django.http import Http404
from django.utils import timezone

from assessments.models import Assessment

from .models import PublicRelease
from .rules import ISSUED_KIND


def _released(today):
    return PublicRelease.objects.filter(
        released_on__lte=today or timezone.localdate(),
        assessment__status=Assessment.Status.PUBLISHED,
        assessment__assessment_type__in=list(ISSUED_KIND),
    ).select_related("assessment__department", "issued_report")


def public_releases(today=None, *, with_snapshots=True):
    """Every release the public site lists (withdrawn ones excluded), newest first.

    `with_snapshots=False` (the catalogue, the feed) leaves the snapshots unread: each release then says
    only whether it has an action plan (`has_action_plan`).
    """
    releases = _released(today).filter(withdrawn_at__isnull=True).order_by("-released_on", "-pk")
    releases = releases.annotate(
        has_action_plan=ExpressionWrapper(Q(action_plan_snapshot__isnull=False), output_field=BooleanField())
    )
    if not with_snapshots:
        releases = releases.defer("issued_report__snapshot", "action_plan_snapshot")
    return list(releases)


def public_release_get_or_404(pk, today=None):
    """A release by its id, withdrawn ones included (their page shows the notice); anything else is a 404."""
    release = _released(today).filter(pk=pk).first()
    if release is None:
        raise Http404("No such publication")
    return release


def public_site_version(today=None):
    """A key that changes whenever what the public site shows may change: a release, a withdrawal, a new day."""
    facts = PublicRelease.objects.aggregate(latest=Max("updated_at"), count=Count("pk"))
    text = f"{facts['latest']}|{facts['count']}|{today or timezone.localdate()}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def release_for_assessment(assessment):
    return PublicRelease.objects.filter(assessment=assessment).select_related("released_by", "withdrawn_by").first()
