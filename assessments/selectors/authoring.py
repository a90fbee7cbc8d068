"""The assessor's task list for writing TNA's report: each section, whether it is written, where to write it."""

from dataclasses import dataclass

from django.urls import reverse

from assessments.models import Assessment, FactualComment
from assessments.report import sections
from assessments.report.background import generated_background
from assessments.report.publication import FACTUAL_CHECK, content_gaps

COMPLETED = "Completed"
NOT_STARTED = "Not started"
INCOMPLETE = "Incomplete"
RATINGS = "ratings"


@dataclass(frozen=True)
class Task:
    key: str
    title: str
    url: str
    status: str
    hint: str = ""

    @property
    def done(self):
        return self.status == COMPLETED


@dataclass(frozen=True)
class Authoring:
    tasks: list
    gaps: list
    open_comments: int
    comment_count: int

    @property
    def ready(self):
        return not self.gaps


def _status(key, gap_sections):
    return INCOMPLETE if key in gap_sections else COMPLETED


def authoring_for(assessment, detail):
    """Tasks in the order the report prints them, from one pass over the publication gaps."""
    themes = [group.theme for group in detail.themes]
    summaries = {group.theme.pk: group.summary for group in detail.themes if group.summary}
    gaps = content_gaps(assessment, themes=themes, summaries=summaries)
    unrated = detail.unrated_by_assessor
    gap_sections = {gap.section for gap in gaps}
    pk = assessment.pk
    full = assessment.assessment_type in Assessment.FULL_REPORT_TYPES
    tasks = [
        Task(
            "details",
            "Report details",
            reverse("assessments:report_details", args=[pk]),
            COMPLETED if assessment.interviews_from or assessment.interviews_to else NOT_STARTED,
            "Fieldwork dates and place, when progress was assessed, the team, the self-assessment used",
        ),
        Task(
            RATINGS,
            "Ratings",
            reverse("assessments:assessment_review", args=[pk]) + "#ratings",
            INCOMPLETE if unrated else COMPLETED,
            f"{len(detail.rows) - len(unrated)} of {len(detail.rows)} performance areas rated",
        ),
    ]
    if full:
        tasks.append(
            Task(
                sections.COMMITMENT,
                "Statement of commitment",
                reverse("assessments:commitment", args=[pk]),
                _status(sections.COMMITMENT, gap_sections),
            )
        )
    background_hint = "Written by you" if assessment.background_text.strip() else ""
    if not background_hint and generated_background(assessment):
        background_hint = "Generated from the dates until you write your own"
    tasks.append(
        Task(
            sections.BACKGROUND,
            "Background",
            reverse("assessments:report_text", args=[pk, "background"]),
            _status(sections.BACKGROUND, gap_sections),
            background_hint,
        )
    )
    if full:
        tasks.append(
            Task(
                sections.KEY_FINDINGS,
                "Key findings",
                reverse("assessments:report_text", args=[pk, "key-findings"]),
                _status(sections.KEY_FINDINGS, gap_sections),
            )
        )
    for group in detail.themes:
        key = sections.theme_key(group.theme)
        url = reverse("assessments:theme_summary", args=[pk, group.summary.pk]) if group.summary else ""
        tasks.append(Task(key, f"{group.theme.number}. {group.theme.name}", url, _status(key, gap_sections)))
    tasks.append(
        Task(
            sections.RECOMMENDATIONS,
            "Recommendations",
            reverse("actionplans:recommendation_list", args=[pk]),
            COMPLETED,
            "Optional: what the department should do, answered in its action plan",
        )
    )
    if assessment.assessment_type == Assessment.Type.PROGRESS_REVIEW:
        tasks.append(
            Task(
                sections.NEXT_STEPS,
                "Next steps",
                reverse("actionplans:next_steps", args=[pk]),
                _status(sections.NEXT_STEPS, gap_sections),
            )
        )
    comments = FactualComment.objects.filter(assessment=assessment)
    comment_count = comments.count()
    open_comments = comments.filter(resolved_at__isnull=True).count()
    all_gaps = [gap.message for gap in gaps]
    if unrated:
        all_gaps.insert(0, f"Ratings: rate every performance area ({len(unrated)} not rated yet)")
    tasks.append(
        Task(
            FACTUAL_CHECK,
            "Factual accuracy check",
            reverse("assessments:factual_check", args=[pk]),
            INCOMPLETE
            if open_comments
            else (COMPLETED if assessment.status == Assessment.Status.FACTUAL_CHECK else NOT_STARTED),
            f"{open_comments} of {comment_count} comments open"
            if comment_count
            else "Share the draft when it is finished",
        )
    )
    return Authoring(tasks=tasks, gaps=all_gaps, open_comments=open_comments, comment_count=comment_count)
