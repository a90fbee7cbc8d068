"""Demo record of the KIM Leaders' Network: invented meetings after its published record, up to the next one.

The real record (October 2014 to the meeting planned for 11 January 2017) is loaded by
`manage.py load_network_record` (network/data/kim_leaders_network.json). The demo's meetings are invented,
say so (source "demo" and their title), and start after the real record ends, so they never clash with it.
Meetings fall on the second Wednesday of January, April, July and October. Topics are written in our
own words after the kind of items the network discussed; attendance, actions and excerpts are
pseudo-random but deterministic. Idempotent: a meeting is created once per date, an excerpt once
per rating, and only for assessments whose department agreed to share (never granted here).
"""

import datetime
import hashlib
import random

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from actionplans.choices import ActionStatus
from network.models import (
    AgendaItem,
    Attendance,
    DiscussionItem,
    GoodPracticeExcerpt,
    Meeting,
    MeetingAction,
    NetworkProfile,
)
from network.selectors.library import shareable_ratings

from .network_topics import GOOD_PRACTICE_WORDS, NEXT_AGENDA, STANDING_ITEM, TOPICS

# The published record's last meeting is the one planned for 11 January 2017: invented meetings come after it.
REAL_RECORD_ENDS = datetime.date(2017, 1, 11)
FIRST_MEETING = datetime.date(2017, 4, 12)
DEMO_TITLE = "KIM Leaders' Network meeting (invented for the demo)"
# The issue asks for a planned next meeting after this date, whenever the demo is seeded.
NEXT_MEETING_AFTER = datetime.date(2026, 11, 25)
QUARTER_MONTHS = (1, 4, 7, 10)
# COVID-19: the April 2020 meeting moved online to June, and July's was folded into it.
REARRANGED = {datetime.date(2020, 4, 8): datetime.date(2020, 6, 10)}
SKIPPED = {datetime.date(2020, 7, 8)}
# Departments formed after the network began attend only from then.
FORMED = {
    "foreign-commonwealth-development": datetime.date(2020, 9, 2),
    "science-innovation-technology": datetime.date(2023, 2, 7),
    "energy-security-net-zero": datetime.date(2023, 2, 7),
    "business-and-trade": datetime.date(2023, 2, 7),
}
ONLINE_FROM = datetime.date(2020, 4, 1)
HYBRID_FROM = datetime.date(2022, 4, 1)


def _rng(*parts):
    seed = int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:8], "big")
    return random.Random(seed)  # noqa: S311 - demo data, not security


def _second_wednesday(year, month):
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(2 - first.weekday()) % 7 + 7)


def meeting_dates(today):
    """Meeting dates up to today (held), then the next two slots after NEXT_MEETING_AFTER (planned)."""
    horizon = max(today, NEXT_MEETING_AFTER)
    slots = [
        _second_wednesday(year, month)
        for year in range(FIRST_MEETING.year, horizon.year + 2)
        for month in QUARTER_MONTHS
    ]
    slots = [d for d in slots if d >= FIRST_MEETING and d not in SKIPPED]
    kept = [d for d in slots if d <= horizon] + [d for d in slots if d > horizon][:2]
    return [REARRANGED.get(d, d) for d in kept], {moved: first for first, moved in REARRANGED.items()}


def _location(when):
    if when >= HYBRID_FROM:
        return "The National Archives, Kew, and online"
    if when >= ONLINE_FROM:
        return "Online (video call)"
    return "The National Archives, Kew"


def _items(when, index):
    """The standing item, then two topics of the year, taken in turn so a year's meetings differ."""
    pool = TOPICS.get(when.year) or TOPICS[max(TOPICS)]
    if index == 0:
        return pool[:3]
    turn = QUARTER_MONTHS.index(min(QUARTER_MONTHS, key=lambda month: abs(month - when.month)))
    return [STANDING_ITEM] + [pool[(2 * turn + k) % len(pool)] for k in range(2)]


def _actions(meeting, items, departments, today):
    rng = _rng("actions", meeting.date)
    rows = []
    for title, _summary in items[1:3]:
        department = rng.choice(departments)
        owner = rng.choice(["The National Archives", "All members", f"{department.short_name} KIM lead"])
        due = meeting.date + datetime.timedelta(days=rng.choice([30, 60, 90]))
        if due < today - datetime.timedelta(days=120):
            status = rng.choice([ActionStatus.COMPLETE] * 5 + [ActionStatus.NOT_APPLICABLE])
        else:
            status = rng.choice([ActionStatus.NOT_STARTED, ActionStatus.UNDERWAY, ActionStatus.UNDERWAY])
        verb = rng.choice(["Circulate a note on", "Share examples of", "Report back on"])
        rows.append(
            MeetingAction(
                meeting=meeting,
                description=f"{verb} {title[0].lower()}{title[1:]}",
                owner=owner,
                due_date=due,
                status=status,
            )
        )
    return rows


def _attendance(meeting, departments):
    rng = _rng("attendance", meeting.date)
    present = [d for d in departments if FORMED.get(d.slug, FIRST_MEETING) <= meeting.date and rng.random() < 0.75]
    return [Attendance(meeting=meeting, department=department) for department in present]


def _create_meeting(when, index, original, departments, assessor, today):
    upcoming = when > today
    status = Meeting.Status.HELD
    if upcoming:
        status = Meeting.Status.REARRANGED if original else Meeting.Status.PLANNED
    meeting = Meeting.objects.create(
        date=when,
        original_date=original,
        status=status,
        title=DEMO_TITLE,
        source=Meeting.Source.DEMO,
        location=_location(when),
        start_time=datetime.time(10),
        end_time=datetime.time(12, 30),
        created_by=assessor,
        updated_by=assessor,
    )
    if upcoming:
        agenda = NEXT_AGENDA
    else:
        items = _items(when, index)
        agenda = ["Welcome and actions from the last meeting", *[title for title, _ in items], "Any other business"]
        bulk_create_with_history(
            [DiscussionItem(meeting=meeting, order=n, title=t, summary=s) for n, (t, s) in enumerate(items, start=1)],
            DiscussionItem,
            default_user=assessor,
        )
        Attendance.objects.bulk_create(_attendance(meeting, departments))
        bulk_create_with_history(_actions(meeting, items, departments, today), MeetingAction, default_user=assessor)
    AgendaItem.objects.bulk_create(
        [AgendaItem(meeting=meeting, order=n, title=t) for n, t in enumerate(agenda, start=1)]
    )
    return meeting


def _seed_excerpts(assessor, now):
    """Approved excerpts for most shareable ratings (consent is the department's; never set here)."""
    ratings = (
        shareable_ratings().filter(good_practice_excerpt__isnull=True).select_related("area", "assessment__department")
    )
    rows = []
    for rating in ratings:
        words = GOOD_PRACTICE_WORDS.get(rating.area.key, "The department's approach here is one others can learn from.")
        approved = _rng("excerpt", rating.pk).random() < 0.8
        published = rating.assessment.published_at or now
        rows.append(
            GoodPracticeExcerpt(
                rating=rating,
                excerpt=words,
                written_by=assessor,
                approved_by=assessor if approved else None,
                approved_at=min(published + datetime.timedelta(days=30), now) if approved else None,
            )
        )
    bulk_create_with_history(rows, GoodPracticeExcerpt, batch_size=500, default_user=assessor)
    return len(rows)


def seed_network(*, departments, assessor, today=None):
    """Create the network's demo record; returns how many meetings and excerpts were made."""
    today = today or timezone.localdate()
    NetworkProfile.objects.get_or_create(
        singleton=1,
        defaults={
            "chair_role": "Head of Government Information Management",
            "contact_email": "kim-network@nationalarchives.example.gov.uk",
        },
    )
    dates, originals = meeting_dates(today)
    existing = set(Meeting.objects.filter(date__in=dates, source=Meeting.Source.DEMO).values_list("date", flat=True))
    departments = sorted(departments, key=lambda d: d.name)
    created = 0
    for index, when in enumerate(dates):
        if when not in existing:
            original = originals.get(when)
            if original is None and when > today and index == len(dates) - 1:
                original = when - datetime.timedelta(days=7)  # the one after next moved a week: shows "Rearranged"
            _create_meeting(when, index, original, departments, assessor, today)
            created += 1
    return created + _seed_excerpts(assessor, timezone.now())
