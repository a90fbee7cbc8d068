"""Optimistic locking of a shared record, the same way in every app.

The edit form sends the version it was based on (common.forms.VersionedForm). The service locks the row
(`select_for_update`), calls `check_version`, changes the record and calls `next_version` before saving:

    record = Model.objects.select_for_update(of=("self",)).get(pk=record.pk)
    check_version(record, version, STALE_THING, thing=record.label)
    ...
    next_version(record)
    save_with_history(record, by=by, reason=...)

A save based on an older version is refused with StaleVersion, whose message names who saved the newer
version and when; nothing is overwritten. Messages are the app's constants, with `{who}` and `{when}`.
"""

from django.utils import timezone

from common.dates import time_label

from .errors import StaleVersion

SOMEBODY = "Somebody"


def when_label(moment):
    """As the refusal says it, in GOV.UK style: 2:05pm on 25 November 2026 (local time)."""
    local = timezone.localtime(moment)
    return f"{time_label(local)} on {local.day} {local:%B %Y}"


def who_label(user):
    return (user.full_name or user.email) if user else SOMEBODY


def version_saved_by(record, field="version"):
    """(person, moment) of the save that gave `record` its current `field`, from its history.

    The earliest history row carrying the current version is the save that made it; later rows with the
    same version are saves that did not change what the form edits (a renumbering, a status change).
    Without history (rows bulk-created), whoever the record names and its `updated_at`.
    """
    saved = (
        record.history.filter(**{field: getattr(record, field)})
        .select_related("history_user")
        .order_by("history_date", "history_id")
        .first()
    )
    if saved is not None:
        return saved.history_user, saved.history_date
    return getattr(record, "updated_by", None), getattr(record, "updated_at", None)


def check_version(record, version, message, *, field="version", **words):
    """Refuse (StaleVersion) unless `version` is the record's current one. Call it holding the row lock."""
    if version is not None and int(version) == getattr(record, field):
        return
    changed_by, changed_at = version_saved_by(record, field)
    raise StaleVersion(
        message.format(who=who_label(changed_by), when=when_label(changed_at), **words),
        current=record,
        changed_by=changed_by,
        changed_at=changed_at,
        version=getattr(record, field),
    )


def next_version(record, field="version"):
    setattr(record, field, getattr(record, field) + 1)
    return record
