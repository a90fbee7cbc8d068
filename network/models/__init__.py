from .library import GoodPracticeExcerpt
from .meetings import (
    DEFAULT_MEETING_TITLE,
    AgendaItem,
    Attendance,
    DiscussionItem,
    Meeting,
    MeetingAction,
    MeetingPaper,
)
from .presentations import NetworkPresentation
from .profile import DEFAULT_CHAIR, NetworkProfile

__all__ = [
    "DEFAULT_CHAIR",
    "DEFAULT_MEETING_TITLE",
    "AgendaItem",
    "Attendance",
    "DiscussionItem",
    "GoodPracticeExcerpt",
    "Meeting",
    "MeetingAction",
    "MeetingPaper",
    "NetworkPresentation",
    "NetworkProfile",
]
