"""Checking a report file against itself and the database before anything is written.

Every problem is collected with its place, so the person can fix the whole file at once; the result is
a plan (one PlannedAssessment per entry, in file order) that the import writes without further checks.

What an entry leaves out is left as it is when the assessment already exists: a part that is given
(a list included) replaces what is stored, so `"ratings": []` clears the ratings but no "ratings" keeps them.
"""

from .checker import validate
from .messages import *  # noqa: F403 - the messages, which tests and the docs name
from .plan import Lookups, PlannedAssessment

__all__ = ["Lookups", "PlannedAssessment", "validate"]
