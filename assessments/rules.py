"""Who may see and change which part of an assessment, in which state.

Pure functions (no queries beyond the cached memberships), shared by the services that enforce
them and by the pages that decide what to show. Whether an assessment is in a person's scope at
all is accounts.access (a 404 outside it); these rules apply within it.
"""

from accounts import access

from .models import Assessment

Status = Assessment.Status

# The department rates itself while the assessment is a draft or has been returned to it.
DEPARTMENT_EDITABLE = (Status.DRAFT, Status.RETURNED)
# The assessor rates and writes while reviewing, and while the department checks the draft for factual
# accuracy (its comments may need changes); a published assessment is a record and stays as published.
ASSESSOR_EDITABLE = (Status.IN_REVIEW, Status.FACTUAL_CHECK)
# Submitted work waits for an assessor to take it into review.
ASSESSOR_REVIEWABLE = (Status.SUBMITTED, Status.IN_REVIEW, Status.FACTUAL_CHECK)
# Recommendations are written during review (actionplans), and read from then on.
RECOMMENDATIONS_WRITTEN = (Status.IN_REVIEW, Status.FACTUAL_CHECK, Status.PUBLISHED)


def lead_may_edit(user, assessment):
    return access.is_kim_lead(user, assessment.department) and assessment.status in DEPARTMENT_EDITABLE


def assessor_may_edit(user, assessment):
    return access.is_assessor(user) and assessment.status in ASSESSOR_EDITABLE


def assessor_may_review(user, assessment):
    """The assessment page offers its review to assessors once the department has submitted it."""
    return access.is_assessor(user) and assessment.status in ASSESSOR_REVIEWABLE


def sees_factual_check(user, assessment):
    """The factual accuracy check of TNA's draft: TNA always; the department once the draft is shared."""
    if not assessment.is_tna_led:
        return False
    return access.sees_every_department(user) or assessment.status in (Status.FACTUAL_CHECK, Status.PUBLISHED)


def sees_task_list(user, assessment):
    """The self-assessment's task list is the department's own working page: its members only."""
    return access.is_member(user, assessment.department)


def sees_assessor_work(user, assessment):
    """Assessor ratings, commentary and theme summaries are TNA's work until published; departments see them then.

    The one rule for all of TNA's work on an assessment, recommendations included, is accounts.access's.
    """
    return access.sees_tna_work(user, assessment)


def sees_recommendations(user, assessment):
    """Whether the assessment page links to its recommendations: assessors write them from review on."""
    return assessment.status in RECOMMENDATIONS_WRITTEN and access.sees_tna_work(user, assessment)
