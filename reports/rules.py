"""Which reports an assessment has: the rules every other reports module reads (and which read nothing of theirs)."""

from assessments.models import Assessment

from .models import ReportKind

# The report that is issued to the department when an assessment of each type is published.
ISSUED_KIND = {
    Assessment.Type.IMA: ReportKind.IMA_REPORT,
    Assessment.Type.REASSESSMENT: ReportKind.IMA_REPORT,
    Assessment.Type.PROGRESS_REVIEW: ReportKind.PROGRESS_REVIEW,
}


def kinds_for(assessment, *, has_action_plan=None):
    """The kinds of report that make sense for this assessment, main report first."""
    kinds = [ISSUED_KIND[assessment.assessment_type]] if assessment.assessment_type in ISSUED_KIND else []
    if has_action_plan is None:
        has_action_plan = hasattr(assessment, "action_plan")
    if has_action_plan:
        kinds.append(ReportKind.ACTION_PLAN)
    return kinds
