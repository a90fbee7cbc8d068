"""Who changed a record and why, in its django-simple-history record.

Outside a request (Celery, commands, tests) simple_history's middleware knows nobody, so every
service names the person and the reason itself, through these two functions and no other way.
"""


def attribute_change(obj, *, by, reason=None, at=None):
    """Name the actor (and optionally the reason and the time) of the next history record of `obj`."""
    obj._history_user = by
    if reason is not None:
        obj._change_reason = reason
    if at is not None:
        obj._history_date = at  # demo and imported history: the record is dated when it happened
    return obj


def save_with_history(obj, *, by, reason, update_fields=None):
    attribute_change(obj, by=by, reason=reason)
    obj.save(update_fields=update_fields)
    return obj


def delete_with_history(obj, *, by, reason):
    attribute_change(obj, by=by, reason=reason)
    obj.delete()
