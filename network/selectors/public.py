"""Reads for the network's public page (public/): the published record only, never attendance, papers or actions."""

import hashlib

from django.db.models import Count, Max

from accounts.models import Department
from network.models import Meeting, NetworkPresentation, NetworkProfile


def _record():
    return Meeting.objects.filter(source=Meeting.Source.PUBLISHED_RECORD)


def published_meetings():
    """The meetings of the published record that took place, newest first, with their items discussed."""
    return list(
        _record().filter(status=Meeting.Status.HELD).order_by("-date", "-pk").prefetch_related("discussion_items")
    )


def published_next_meeting():
    """The meeting the published record names as the next one (the latest still planned or rearranged)."""
    return _record().filter(status__in=Meeting.UPCOMING_STATUSES).order_by("-date", "-pk").first()


def published_presentations():
    return list(NetworkPresentation.objects.order_by("-given_in", "pk"))


def member_departments():
    """The departments the network is made up of (no names of people: those are for members)."""
    return list(Department.objects.filter(is_active=True).order_by("name").only("name"))


def public_record_version():
    """Changes whenever the network's public page may change."""
    meetings = _record().aggregate(latest=Max("updated_at"), count=Count("pk"))
    presentations = NetworkPresentation.objects.aggregate(count=Count("pk"))
    profile = NetworkProfile.objects.aggregate(latest=Max("updated_at"))
    text = f"{meetings}|{presentations}|{profile}|{Department.objects.filter(is_active=True).count()}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]
