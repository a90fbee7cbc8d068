"""Who may change which part of an assessment, in which state.

Pure functions (no queries beyond the cached memberships), shared by the services that enforce
them and by the pages that decide which buttons to show.
"""

from accounts import access

from .models import Assessment

Status = Assessment.Status

# The department rates itself while the assessment is a draft or has been returned to it.
DEPARTMENT_EDITABLE = (Status.DRAFT, Status.RETURNED)
# The assessor moderates only while reviewing; a published assessment is a record and stays as published.
ASSESSOR_EDITABLE = (Status.IN_REVIEW,)


def lead_may_edit(user, assessment):
    return access.is_kim_lead(user, assessment.department) and assessment.status in DEPARTMENT_EDITABLE


def assessor_may_edit(user, assessment):
    return access.is_assessor(user) and assessment.status in ASSESSOR_EDITABLE


def sees_assessor_work(user, assessment):
    """Assessor ratings and commentary are TNA's draft until published; departments see them then."""
    return access.sees_every_department(user) or assessment.status == Status.PUBLISHED
