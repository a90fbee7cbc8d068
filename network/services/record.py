"""Loading the network's published record (network/data/kim_leaders_network.json), the real history of 2014–2016.

Idempotent: a meeting of the record is found by its date and source, a presentation by its month and
title; what exists is left as it is, so running the load again (every `make run`) changes nothing.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from network.models import DEFAULT_MEETING_TITLE, DiscussionItem, Meeting, NetworkPresentation

RECORD_FILE = Path(__file__).resolve().parent.parent / "data" / "kim_leaders_network.json"


def record_read(path=RECORD_FILE):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _date(text):
    return datetime.date.fromisoformat(text)


def _meeting(row, *, status):
    meeting, created = Meeting.objects.get_or_create(
        date=_date(row["date"]),
        source=Meeting.Source.PUBLISHED_RECORD,
        defaults={
            "title": row.get("title", DEFAULT_MEETING_TITLE),
            "status": status,
            "original_date": _date(row["rearranged_from"]) if row.get("rearranged_from") else None,
        },
    )
    if created:
        bulk_create_with_history(
            [
                DiscussionItem(meeting=meeting, order=number, title=title)
                for number, title in enumerate(row.get("items", []), start=1)
            ],
            DiscussionItem,
        )
    return created


@transaction.atomic
def network_record_load(*, record=None):
    """Create what is missing of the published record; returns how many rows were created."""
    record = record if record is not None else record_read()
    created = sum(_meeting(row, status=Meeting.Status.HELD) for row in record["meetings"])
    if record.get("next_meeting"):
        created += _meeting({"date": record["next_meeting"]}, status=Meeting.Status.PLANNED)
    for row in record.get("presentations", []):
        _, made = NetworkPresentation.objects.get_or_create(
            given_in=_date(f"{row['month']}-01"),
            title=row["title"],
            defaults={"description": row.get("description", "")},
        )
        created += made
    return created
