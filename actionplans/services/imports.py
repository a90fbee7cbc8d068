from django.db import transaction
from django.utils import timezone

from accounts import access
from actionplans.choices import ActionStatus
from actionplans.imports import MORE_PROBLEMS
from actionplans.models import Action
from common.errors import ServiceError
from common.history import delete_with_history, save_with_history
from common.names import first_messages

from .common import lock_plan, require_lead
from .plans import check_editable

IMPORT_AFTER_ACCEPTANCE = (
    "Importing replaces every action in the plan, so it is possible only before The National Archives first "
    "accepts the plan. Change the actions one by one instead"
)
OWNER_NOT_MEMBER = "Row {row}: {name} is not a member of the department"
RECOMMENDATION_NOT_IN_PLAN = "Row {row}: the recommendation is not one of this assessment's"


class ImportRejected(ServiceError):
    """Rows the service refused: each is its own error on the upload (`field="file"`), as the reader's are.

    `message` is the list shown (a form's add_error takes a list as one error per item), the first
    MAX_MESSAGES of `errors` and how many more there are.
    """

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors), field="file")
        self.message = first_messages(self.errors, more=MORE_PROBLEMS)


@transaction.atomic
def plan_import_actions(*, plan, by, actions):
    """Replace the draft plan's actions with those read from a spreadsheet (see actionplans.imports).

    All or nothing: any refusal raises before the first write is committed.
    """
    plan = lock_plan(plan)
    require_lead(by, plan.assessment.department)
    check_editable(plan)
    if plan.accepted_at is not None:
        raise ServiceError(IMPORT_AFTER_ACCEPTANCE)
    errors = []
    for item in actions:
        if item.recommendation.assessment_id != plan.assessment_id:
            errors.append(RECOMMENDATION_NOT_IN_PLAN.format(row=item.row))
        if item.owner_user is not None and not access.is_member(item.owner_user, plan.assessment.department):
            errors.append(OWNER_NOT_MEMBER.format(row=item.row, name=item.owner_user.full_name))
    if errors:
        raise ImportRejected(errors)
    for action in plan.actions.all():
        delete_with_history(action, by=by, reason="Replaced by import")  # one by one: each deletion is in the history
    today = timezone.localdate()
    sequences = {}
    created = []
    for item in actions:
        sequences[item.recommendation.pk] = sequences.get(item.recommendation.pk, 0) + 1
        action = Action(
            plan=plan,
            recommendation=item.recommendation,
            sequence=sequences[item.recommendation.pk],
            description=item.description,
            owner_text=item.owner_text,
            owner_user=item.owner_user,
            priority=item.priority,
            due_date=item.due_date,
            status=item.status,
            # A spreadsheet has no completion date: an action imported as Complete is complete from today.
            completion_date=today if item.status == ActionStatus.COMPLETE else None,
        )
        save_with_history(action, by=by, reason="Imported from a spreadsheet")
        created.append(action)
    return created
