"""Values a snapshot holds as JSON: one definition for snapshot.py and recommendations.py."""


def iso(value):
    """A date or datetime as ISO 8601 text; None stays None."""
    return value.isoformat() if value else None


def first_of_month(value):
    """The first day of `value`'s month (a report's "Assessed: <month year>" is stored that way); None stays None."""
    return value.replace(day=1) if value else None
