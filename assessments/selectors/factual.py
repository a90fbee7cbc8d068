"""The factual accuracy check page: the report's sections, each with its comments."""

from dataclasses import dataclass

from assessments.models import FactualComment
from assessments.report.sections import report_sections
from assessments.selectors.framework import framework_themes


@dataclass(frozen=True)
class SectionComments:
    key: str
    title: str
    comments: list


def factual_check_page(assessment):
    """(sections with their comments in report order, the sections themselves) — two queries."""
    sections = report_sections(assessment, framework_themes(assessment.framework))
    comments = list(
        FactualComment.objects.filter(assessment=assessment)
        .select_related("author", "resolved_by")
        .order_by("created_at", "pk")
    )
    grouped = [
        SectionComments(section.key, section.title, [comment for comment in comments if comment.section == section.key])
        for section in sections
    ]
    return grouped, sections


def factual_comment_get_or_none(assessment, comment_id):
    return FactualComment.objects.filter(assessment=assessment, pk=comment_id).select_related("author").first()
