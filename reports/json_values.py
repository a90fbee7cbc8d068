"""Values a snapshot holds as JSON: one definition for snapshot.py and recommendations.py."""


def iso(value):
    """A date or datetime as ISO 8601 text; None stays None."""
    return value.isoformat() if value else None
