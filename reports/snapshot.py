"""The input snapshot: every piece of data a report shows, as plain JSON (schema 2).

Rendering reads only the snapshot, never the database, so an issued version (which keeps its
snapshot) renders the same however the assessment changes later, and two requests with the
same snapshot and template version can share one PDF. A published report prints only what the
data says: an empty text stays empty here and the templates leave its part out.
"""

import hashlib
import json

from django.utils import timezone

from assessments.models import Assessment
from assessments.report.background import background_for, generated_background
from assessments.rules import sees_assessor_work

from . import recommendations
from .json_values import first_of_month, iso
from .models import ReportKind
from .selectors import report_ratings, report_theme_summaries, report_themes

SCHEMA = 2
# Highlights of a full IMA report: areas rated at or above this level (Progressing towards good practice).
HIGHLIGHT_FROM_POSITION = 4

TITLES = {
    ReportKind.PROGRESS_REVIEW: "Information Management Assessment: progress review",
    ReportKind.IMA_REPORT: "Information Management Assessment",
    ReportKind.ACTION_PLAN: "Information Management Assessment: action plan",
}
# The full report of a reassessment says so in its title.
REASSESSMENT_TITLE = "Information Management Assessment: reassessment"


def canonical_json(snapshot):
    return json.dumps(snapshot, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def snapshot_sha256(snapshot, template_version):
    return hashlib.sha256(canonical_json(snapshot) + b"\x00" + template_version.encode("utf-8")).hexdigest()


def _level(level):
    if level is None:
        return None
    return {"name": level.name, "position": level.position, "colour": level.colour}


def assessed_on(assessment):
    """The month of the assessment (its first day): as stored, else the month the fieldwork ended, else None."""
    return assessment.assessed_on or first_of_month(assessment.interviews_to or assessment.interviews_from)


def _assessment(assessment):
    return {
        "id": assessment.pk,
        "type": assessment.assessment_type,
        "type_label": assessment.get_assessment_type_display(),
        "year": assessment.year,
        "label": assessment.column_label,
        "status": assessment.status,
        "interviews_from": iso(assessment.interviews_from),
        "interviews_to": iso(assessment.interviews_to),
        "fieldwork_place": assessment.fieldwork_place,
        "assessed_on": iso(assessed_on(assessment)),
        "published_on": iso(assessment.published_on),
        "published_precision": assessment.published_precision,
    }


def _title(assessment, kind):
    if kind == ReportKind.IMA_REPORT and assessment.assessment_type == Assessment.Type.REASSESSMENT:
        return REASSESSMENT_TITLE
    return TITLES[kind]


def _commitment(assessment):
    """The Permanent Secretary's statement of commitment, or None when nothing of it was recorded."""
    text, signed_by = assessment.commitment_text.strip(), assessment.commitment_signed_by.strip()
    if not (text or signed_by or assessment.commitment_signed_on):
        return None
    return {"text": text, "signed_by": signed_by, "signed_on": iso(assessment.commitment_signed_on)}


def snapshot_build(*, assessment, kind, user=None, protective_marking="", issue_version=None, today=None):
    """The snapshot of `assessment` for a report of `kind`, as `user` may see it.

    `user=None` (the command line, or an issue by an assessor) sees everything. A department
    member sees the assessor's ratings and narratives only once TNA shares them; before that the
    report shows the department's own ratings, marked as such, and none of TNA's texts.
    """
    includes_assessor_work = user is None or issue_version is not None or sees_assessor_work(user, assessment)
    today = today or timezone.localdate()
    # An action plan is a record of progress, dated the day it is produced; a report carries its publication date.
    report_date = today if kind == ReportKind.ACTION_PLAN else (assessment.published_on or today)
    snapshot = {
        "schema": SCHEMA,
        "kind": kind,
        "title": _title(assessment, kind),
        "department": {"name": assessment.department.name, "short_name": assessment.department.short_name},
        "assessment": _assessment(assessment),
        "baseline": _assessment(assessment.baseline) if assessment.baseline_id else None,
        "report_date": report_date.isoformat(),
        "is_draft": assessment.status != Assessment.Status.PUBLISHED,
        "includes_assessor_work": includes_assessor_work,
        "issue_version": issue_version,
        "protective_marking": protective_marking,
        # The assessor's background is TNA's work; the one generated from the dates states only facts.
        "background": background_for(assessment) if includes_assessor_work else generated_background(assessment),
    }
    snapshot["themes"] = _themes(assessment, includes_assessor_work)
    if kind == ReportKind.PROGRESS_REVIEW:
        snapshot["next_steps"] = (
            recommendations.next_steps(assessment) if includes_assessor_work else {"lead": "", "items": []}
        )
    elif kind == ReportKind.IMA_REPORT:
        snapshot["commitment"] = _commitment(assessment)
        snapshot["key_findings"] = assessment.key_findings.strip() if includes_assessor_work else ""
        snapshot["recommendations"] = recommendations.made_in(assessment) if includes_assessor_work else []
        # Highlights are TNA's judgement: none from the department's own ratings.
        snapshot["highlights"] = [
            row
            for theme in snapshot["themes"]
            for row in theme["rows"]
            if includes_assessor_work and _is_highlight(row["rating"])
        ]
    elif kind == ReportKind.ACTION_PLAN:
        snapshot["action_plan"] = recommendations.action_plan_rows(assessment, today=today)
    return snapshot


def _is_highlight(rating):
    return rating is not None and rating["position"] >= HIGHLIGHT_FROM_POSITION


def _themes(assessment, includes_assessor_work):
    summaries = report_theme_summaries(assessment)
    rows_by_theme = {}
    for rating in report_ratings(assessment):
        shown = rating.assessor_rating if includes_assessor_work else rating.self_rating
        rows_by_theme.setdefault(rating.area.theme_id, []).append(
            {
                "reference": rating.area.reference,
                "area": rating.area.name,
                "baseline_rating": _level(rating.baseline_rating),
                "rating": _level(shown),
                "commentary": rating.assessor_commentary.strip() if includes_assessor_work else "",
            }
        )
    themes = []
    for theme in report_themes(assessment.framework):
        summary = summaries.get(theme.pk) if includes_assessor_work else None
        themes.append(
            {
                "number": theme.number,
                "name": theme.name,
                "rows": rows_by_theme.get(theme.pk, []),
                "situation_at_time": summary.situation_at_time.strip() if summary else "",
                "progress_narrative": summary.progress_narrative.strip() if summary else "",
            }
        )
    return themes
