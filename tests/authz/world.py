"""The world the authorisation matrix requests: two departments with an object of every kind, and the network.

Department A's objects are the targets; department B's exist so that lead B is a real lead with
data of their own, and for cross-department (IDOR) requests that mix an A object with a B object.
Marker strings (department.py) prove that text never reaches someone who must not see it.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import User
from api.services import token_create
from assessments.services.framework import framework_load_file
from network.models import AgendaItem, Attendance, DiscussionItem, Meeting, MeetingAction, MeetingPaper
from reports.models import PublicRelease, ReportKind
from reports.publication import public_release_create, public_release_withdraw
from reports.snapshot import snapshot_build

from .department import TINY_PDF, DepartmentWorld, department_world, new_user
from .monitoring import monitoring_world

DEPARTMENT_A = "Department for Education"
DEPARTMENT_B = "Home Office"


@dataclass
class World:
    a: DepartmentWorld
    b: DepartmentWorld
    assessor: User
    administrator: User
    reset_user: User
    no_role: User
    meeting: Meeting
    next_meeting: Meeting
    objects: dict = field(default_factory=dict)

    @property
    def users(self):
        return {
            "lead_a": self.a.lead,
            "lead_b": self.b.lead,
            "contributor_a": self.a.contributor,
            "assessor": self.assessor,
            "administrator": self.administrator,
            "no_role": self.no_role,
        }


def _meeting(departments, by, *, date, status, title):
    meeting = Meeting.objects.create(title=title, date=date, status=status, location="Kew", created_by=by)
    AgendaItem.objects.create(meeting=meeting, order=1, title="Email deletion policies")
    for department in departments:
        Attendance.objects.create(meeting=meeting, department=department)
    return meeting


def build_world():
    framework = framework_load_file().framework
    assessor = new_user("assessor@example.gov.uk", "Priya Assessor", is_assessor=True)
    administrator = new_user("admin@example.gov.uk", "Sam Administrator", is_staff=True, is_superuser=True)
    a = department_world(
        framework, name=DEPARTMENT_A, short_name="DfE", slug="education", assessor=assessor, email_prefix="a"
    )
    b = department_world(
        framework, name=DEPARTMENT_B, short_name="HO", slug="home-office", assessor=assessor, email_prefix="b"
    )
    # Never signed in: signing in changes last_login, which would invalidate the reset token.
    reset_user = new_user("reset@example.gov.uk", "Rita Reset")
    reset_user.set_password("an-old-password-to-reset")
    reset_user.save()

    meeting = _meeting(
        [a.department, b.department],
        assessor,
        date=datetime.date(2024, 10, 1),
        status=Meeting.Status.HELD,
        title="KIM Leaders' Network meeting",
    )
    other_meeting = _meeting(
        [b.department],
        assessor,
        date=datetime.date(2024, 1, 15),
        status=Meeting.Status.HELD,
        title="KIM Leaders' Network winter meeting",
    )
    next_meeting = _meeting(
        [],
        assessor,
        date=timezone.localdate() + datetime.timedelta(days=60),
        status=Meeting.Status.PLANNED,
        title="KIM Leaders' Network next meeting",
    )
    world = World(
        a=a,
        b=b,
        assessor=assessor,
        administrator=administrator,
        reset_user=reset_user,
        # Signed in, in no department and not TNA: an account made before its membership.
        no_role=new_user("nobody@example.gov.uk", "Noor Norole"),
        meeting=meeting,
        next_meeting=next_meeting,
    )
    o = world.objects
    o["item"] = DiscussionItem.objects.create(meeting=meeting, order=1, title="Office 365", summary="Discussed.")
    o["other_item"] = DiscussionItem.objects.create(meeting=other_meeting, order=1, title="Transfers")
    paper = MeetingPaper(
        meeting=meeting,
        title="Agenda paper",
        original_filename="paper.pdf",
        content_type="application/pdf",
        extension="pdf",
        size=len(TINY_PDF),
        uploaded_by=assessor,
    )
    paper.file.save("paper", ContentFile(TINY_PDF), save=False)
    paper.save()
    o["paper"] = paper
    o["meeting_action"] = MeetingAction.objects.create(
        meeting=meeting, description="Share the transfer checklist", owner="TNA", due_date=datetime.date(2030, 1, 1)
    )
    o["other_meeting_action"] = MeetingAction.objects.create(
        meeting=other_meeting, description="Circulate the notes", owner="TNA"
    )
    o["other_meeting"] = other_meeting
    _public_releases(world)
    o["reset_uidb64"] = urlsafe_base64_encode(force_bytes(reset_user.pk))
    o["reset_token"] = default_token_generator.make_token(reset_user)
    o.update(monitoring_world(a, prefix="monitoring_"))
    o.update(monitoring_world(b, prefix="monitoring_b_"))
    o["api_token"], _ = token_create(user=a.lead, name="Lead A's spreadsheet")
    return world


def _public_releases(world):
    """A's published report on the public site (with its action plan), B's withdrawn from it, and a release row
    forced onto A's draft self-assessment (the service never makes one): the public site must still answer 404."""
    consent = {
        "released_on": datetime.date(2020, 1, 6),
        "consent_given_by": "KIM lead",
        "consent_given_on": datetime.date(2020, 1, 2),
        "consent_how": "By email",
    }
    o = world.objects
    release = public_release_create(assessment=world.a.published, by=world.assessor, **consent)
    release.action_plan_snapshot = snapshot_build(assessment=world.a.published, kind=ReportKind.ACTION_PLAN)
    release.save(update_fields=["action_plan_snapshot"])
    o["public_release"] = release
    withdrawn = public_release_create(assessment=world.b.published, by=world.assessor, **consent)
    o["withdrawn_release"] = public_release_withdraw(
        release=withdrawn, by=world.assessor, notice="Withdrawn at the department's request."
    )
    o["draft_release"] = PublicRelease.objects.create(
        assessment=world.a.draft, issued_report=world.a.objects["issued_report"], **consent
    )
