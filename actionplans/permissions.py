"""What a person may do with a plan they can see, for showing buttons. Services check again on every write."""

from dataclasses import dataclass

from accounts import access

from .choices import EDITABLE_PLAN_STATUSES, PlanStatus


@dataclass(frozen=True)
class PlanPermissions:
    is_lead: bool
    is_member: bool
    is_assessor: bool
    status: str
    tracks_progress: bool
    accepted_before: bool

    @property
    def can_edit(self):
        return self.is_lead and self.status in EDITABLE_PLAN_STATUSES

    @property
    def can_submit(self):
        return self.can_edit

    @property
    def can_import(self):
        return self.can_edit and not self.accepted_before

    @property
    def can_reopen(self):
        return self.is_lead and self.status == PlanStatus.ACCEPTED

    @property
    def can_review(self):
        return self.is_assessor and self.status == PlanStatus.SUBMITTED

    @property
    def can_close(self):
        return self.is_assessor and self.status == PlanStatus.ACCEPTED

    @property
    def can_update_progress(self):
        return self.is_member and self.tracks_progress


def plan_permissions(user, plan):
    department = plan.assessment.department
    return PlanPermissions(
        is_lead=access.is_kim_lead(user, department),
        is_member=access.is_member(user, department),
        is_assessor=access.is_assessor(user),
        status=plan.status,
        tracks_progress=plan.tracks_progress,
        accepted_before=plan.has_been_accepted,
    )
