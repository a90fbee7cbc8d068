"""Who changed what in an assessment, when, from what to what: read from django-simple-history.

Each change is the diff between a historical row and the previous row of the same object.
Rows created in bulk (area ratings at creation) have no "created" history row; their first change is
compared with the blank state they were created in. Five queries, whatever the size of the history.
"""

from dataclasses import dataclass, field

from assessments.models import AreaRating, Assessment, Evidence, ThemeSummary
from assessments.rules import sees_assessor_work
from assessments.selectors.framework import framework_levels

ASSESSMENT_FIELDS = {
    "status": "Status",
    "return_comment": "Overall comment from the assessor",
    "published_on": "Published on",
    "interviews_from": "Fieldwork started",
    "interviews_to": "Fieldwork ended",
    "year": "Year",
    "background_text": "Background",
    "next_steps_text": "Next steps",
}
RATING_FIELDS = {
    "self_rating": "Department's rating",
    "narrative": "Narrative",
    "is_complete": "Marked as complete",
    "return_comment": "Assessor's comment to the department",
    "assessor_rating": "Assessor's rating",
    "assessor_commentary": "Assessor's commentary",
}
ASSESSOR_ONLY_RATING_FIELDS = {"assessor_rating", "assessor_commentary"}
SUMMARY_FIELDS = {"situation_at_time": "Situation at the time of the IMA", "progress_narrative": "Progress"}
LEVEL_FIELDS = {"self_rating", "assessor_rating"}
# The state rows are bulk-created in (bulk creation writes no history row).
BLANK = {
    "self_rating": None,
    "narrative": "",
    "is_complete": False,
    "return_comment": "",
    "assessor_rating": None,
    "assessor_commentary": "",
    "situation_at_time": "",
    "progress_narrative": "",
}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: object
    who: object
    subject: str
    reason: str
    changes: list = field(default_factory=list)
    summary: str = ""


def _display(name, value, *, levels, statuses):
    if name in LEVEL_FIELDS:
        return levels.get(value, "") if value else ""
    if name == "status":
        return statuses.get(value, value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return f"{value.day} {value:%B %Y}"
    return str(value)


def _changes(new, old, labels, *, levels, statuses):
    if old is None:
        changed = [
            (name, BLANK.get(name), getattr(new, f"{name}_id" if name in LEVEL_FIELDS else name)) for name in labels
        ]
        changed = [(name, before, after) for name, before, after in changed if before != after]
    else:
        delta = new.diff_against(old, included_fields=list(labels))
        changed = [(change.field, change.old, change.new) for change in delta.changes]
    order = list(labels)
    shown = [
        Change(
            label=labels[name],
            old=_display(name, before, levels=levels, statuses=statuses),
            new=_display(name, after, levels=levels, statuses=statuses),
        )
        for name, before, after in sorted(changed, key=lambda item: order.index(item[0]))
    ]
    return [change for change in shown if change.old != change.new]


def _pairs(records):
    """(record, previous record of the same object or None), for records ordered by object then time."""
    previous = None
    for record in records:
        same_object = previous is not None and previous.id == record.id
        yield record, (previous if same_object else None)
        previous = record


def _diff_entries(records, labels, subject_of, *, levels, statuses):
    entries = []
    for record, before in _pairs(records):
        if record.history_type == "+" and before is None:
            continue  # a creation is shown by the assessment's own "created" entry
        changes = _changes(record, before, labels, levels=levels, statuses=statuses)
        if changes:
            entries.append(
                HistoryEntry(
                    when=record.history_date,
                    who=record.history_user,
                    subject=subject_of(record),
                    reason=record.history_change_reason or "",
                    changes=changes,
                )
            )
    return entries


def _area_subject(record):
    area = record.area
    return f"{area.theme.number}.{area.number} {area.name}" if area else "A performance area"


def _evidence_entries(assessment):
    records = (
        Evidence.history.filter(rating_id__in=AreaRating.objects.filter(assessment=assessment).values("pk"))
        .exclude(history_type="~")
        .select_related("history_user", "rating__area__theme")
        .order_by("id", "history_date", "history_id")
    )
    entries = []
    for record in records:
        verb = "added" if record.history_type == "+" else "removed"
        what = "file" if record.kind == Evidence.Kind.FILE else "link"
        name = record.original_filename if record.kind == Evidence.Kind.FILE else record.url
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user,
                subject=_area_subject(record.rating) if record.rating else "Evidence",
                reason=record.history_change_reason or "",
                summary=f"Evidence {what} {verb}: {record.title} ({name})",
            )
        )
    return entries


def assessment_history(assessment, *, user):
    """Entries newest first. Assessor ratings, commentary and theme summaries stay hidden from
    departments until the assessment is published, as they are on the assessment page."""
    levels = {level.pk: level.name for level in framework_levels(assessment.framework)}
    statuses = dict(Assessment.Status.choices)
    show_assessor_work = sees_assessor_work(user, assessment)
    rating_labels = {
        name: label
        for name, label in RATING_FIELDS.items()
        if show_assessor_work or name not in ASSESSOR_ONLY_RATING_FIELDS
    }
    entries = []
    assessment_records = (
        Assessment.history.filter(id=assessment.pk)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    for record, before in _pairs(assessment_records):
        if before is None:
            entries.append(
                HistoryEntry(
                    when=record.history_date,
                    who=record.history_user,
                    subject="Assessment",
                    reason=record.history_change_reason or "",
                    summary=f"{assessment.get_assessment_type_display()} {record.year} opened",
                )
            )
            continue
        changes = _changes(record, before, ASSESSMENT_FIELDS, levels=levels, statuses=statuses)
        if changes:
            entries.append(
                HistoryEntry(
                    when=record.history_date,
                    who=record.history_user,
                    subject="Assessment",
                    reason=record.history_change_reason or "",
                    changes=changes,
                )
            )
    rating_records = (
        AreaRating.history.filter(assessment_id=assessment.pk)
        .select_related("history_user", "area__theme")
        .order_by("id", "history_date", "history_id")
    )
    entries += _diff_entries(rating_records, rating_labels, _area_subject, levels=levels, statuses=statuses)
    if show_assessor_work:
        summary_records = (
            ThemeSummary.history.filter(assessment_id=assessment.pk)
            .select_related("history_user", "theme")
            .order_by("id", "history_date", "history_id")
        )
        entries += _diff_entries(
            summary_records,
            SUMMARY_FIELDS,
            lambda record: f"Theme {record.theme.number}: {record.theme.name}",
            levels=levels,
            statuses=statuses,
        )
    entries += _evidence_entries(assessment)
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries
