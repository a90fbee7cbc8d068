"""One department's data in every state a form depends on, so each POST form in the app has a page to live on.

Built straight from models and factories (not by walking the services) because the fuzz and hardening
tests need the states, not the journeys: the journeys are the e2e tests' business.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Membership
from accounts.tests.factories import DepartmentFactory, MembershipFactory, contributor_of
from actionplans.choices import PlanStatus
from actionplans.models import NextStep, ProgressUpdate
from actionplans.tests.factories import RecommendationFactory, plan_with_actions
from api.services import token_create
from assessments.models import AreaRating, Assessment, Evidence, FactualComment, RatingLevel, ThemeSummary
from assessments.tests.factories import published_assessment, stored_assessment
from monitoring.models import Team
from monitoring.services.answers import answer_submit
from monitoring.services.criteria import criterion_add
from monitoring.services.rounds import round_open, round_share
from network.models import MeetingAction, MeetingPaper
from network.tests.factories import DiscussionItemFactory, MeetingFactory
from reports.models import ReportJob
from reports.publication import public_release_create
from reports.services import report_issue

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

Status = Assessment.Status
Type = Assessment.Type


@dataclass
class World:
    users: dict
    assessments: dict = field(default_factory=dict)
    plans: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)


def _rate(assessment, position, *, assessor=True):
    level = RatingLevel.objects.get(framework=assessment.framework, position=position)
    updates = {"self_rating": level, "narrative": "We keep a records policy and staff follow it.", "is_complete": True}
    if assessor:
        updates.update(assessor_rating=level, assessor_commentary="Seen in interviews.")
    AreaRating.objects.filter(assessment=assessment).update(**updates)


def _first_rating(assessment):
    return AreaRating.objects.filter(assessment=assessment).order_by("area__theme__number", "area__number").first()


def _evidence(assessment, lead):
    rating = _first_rating(assessment)
    Evidence.objects.create(
        rating=rating,
        kind=Evidence.Kind.FILE,
        title="Records policy",
        file=ContentFile(PDF_BYTES, name="policy.pdf"),
        original_filename="policy.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
        uploaded_by=lead,
    )
    Evidence.objects.create(
        rating=rating, kind=Evidence.Kind.LINK, title="Intranet page", url="https://intranet.example.gov.uk/records"
    )


def _assessments(world, department, framework, lead, assessor):
    made = world.assessments
    made["draft"] = stored_assessment(
        department, framework, year=2025, status=Status.DRAFT, assessment_type=Type.SELF_ASSESSMENT
    )
    _rate(made["draft"], 3, assessor=False)  # complete, so "check your answers" offers to submit
    _evidence(made["draft"], lead)
    made["submitted"] = stored_assessment(
        department, framework, year=2024, status=Status.SUBMITTED, assessment_type=Type.SELF_ASSESSMENT
    )
    _rate(made["submitted"], 3, assessor=False)
    # A self-assessment TNA is reviewing: the one assessment TNA can return to the department.
    made["self_in_review"] = stored_assessment(
        department, framework, year=2022, status=Status.IN_REVIEW, assessment_type=Type.SELF_ASSESSMENT
    )
    _rate(made["self_in_review"], 3)
    for key, year in (("no_plan", 2019), ("draft_plan", 2018), ("submitted_plan", 2017), ("accepted_plan", 2016)):
        made[key] = published_assessment(department, framework, year=year, share_good_practice=True)
        _rate(made[key], 5)  # "Good practice": the network's library may draw on it
    RecommendationFactory(assessment=made["no_plan"], number=1)
    for key, status in (
        ("draft_plan", PlanStatus.DRAFT),
        ("submitted_plan", PlanStatus.SUBMITTED),
        ("accepted_plan", PlanStatus.ACCEPTED),
    ):
        world.plans[key] = plan_with_actions(made[key], status=status)
    # A progress update the lead wrote, which they may correct.
    ProgressUpdate.objects.create(
        action=world.plans["accepted_plan"].actions.order_by("pk").first(),
        date=timezone.localdate(),
        author=lead,
        commentary="Workshops held",
    )
    _tna_reports(world, department, framework, lead, assessor)


def _tna_reports(world, department, framework, lead, assessor):
    """TNA's own reports being written: an IMA with every section written (so it can be shared), a progress
    review with its next steps, and a reassessment shared with the department with a comment open."""
    made = world.assessments
    made["in_review"] = stored_assessment(
        department,
        framework,
        year=2023,
        status=Status.IN_REVIEW,
        self_assessment=made["submitted"],
        interviews_from=datetime.date(2023, 3, 6),
        interviews_to=datetime.date(2023, 3, 8),
        fieldwork_place="the department's London office",
        key_findings="The department knows what information it holds.",
        commitment_text="We are committed to managing our information well.",
        commitment_signed_by="Permanent Secretary",
        commitment_signed_on=datetime.date(2023, 1, 10),
        by=assessor,
    )
    _rate(made["in_review"], 3)
    ThemeSummary.objects.filter(assessment=made["in_review"]).update(progress_narrative="Findings.")
    RecommendationFactory(assessment=made["in_review"], number=1)

    made["progress_review"] = stored_assessment(
        department,
        framework,
        year=2020,
        status=Status.IN_REVIEW,
        assessment_type=Type.PROGRESS_REVIEW,
        baseline=made["no_plan"],  # its open R1 is offered as a next step
        by=assessor,
    )
    _rate(made["progress_review"], 4)
    ThemeSummary.objects.filter(assessment=made["progress_review"]).update(situation_at_time="Before.")
    for position in (1, 2, 3):
        NextStep.objects.create(
            assessment=made["progress_review"], position=position, text=f"Next step {position}", created_by=assessor
        )

    made["factual_check"] = stored_assessment(
        department,
        framework,
        year=2021,
        status=Status.FACTUAL_CHECK,
        assessment_type=Type.REASSESSMENT,
        baseline=made["no_plan"],
        by=assessor,
    )
    _rate(made["factual_check"], 4)
    world.objects["factual_comment"] = FactualComment.objects.create(
        assessment=made["factual_check"], section="background", text="The fieldwork ended a day later.", author=lead
    )


def _network(world, assessor):
    held = MeetingFactory(date=datetime.date(2024, 10, 1), status="held")
    planned = MeetingFactory(date=timezone.localdate() + datetime.timedelta(days=60), status="planned")
    DiscussionItemFactory(meeting=held, title="Email deletion policies")
    MeetingAction.objects.create(meeting=held, description="Share the policy", owner="Chair")
    MeetingPaper.objects.create(
        meeting=held,
        title="Minutes",
        file=ContentFile(PDF_BYTES, name="minutes.pdf"),
        original_filename="minutes.pdf",
        content_type="application/pdf",
        extension="pdf",
        size=len(PDF_BYTES),
        uploaded_by=assessor,
    )
    world.objects.update(held_meeting=held, planned_meeting=planned)


def _monitoring(world, department, lead, contributor):
    """A monitoring round of the department: the contributor answers for its team; one answer awaits a check."""
    team = Team.objects.create(
        department=department,
        name="Records team",
        director_name="Dana Director",
        director_email="dana@example.gov.uk",
        contact=contributor,
    )
    for key in ("naming-convention", "retention-applied"):
        criterion_add(department=department, by=lead, key=key)
    today = timezone.localdate()
    round_ = round_open(
        department=department, by=lead, name="Quarter 1", opens_on=today, closes_on=today + datetime.timedelta(days=30)
    )
    answer = round_.answers.filter(team=team).first()
    answer_submit(answer=answer, by=contributor, choice="no")
    round_share(round_=round_, by=lead, shared=True)  # so that it can be cited as evidence
    world.objects["monitoring_round"] = round_


def _failed_report_job(world, assessor):
    # An issued version's job: only those offer "Try again" (others are simply requested again).
    issued = report_issue(assessment=world.assessments["accepted_plan"], by=assessor)
    job = issued.jobs.get()
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.FAILED, error_message="Worker lost.")
    world.objects["failed_job"] = job


def _public_release(world, assessor):
    """The public-site step: accepted_plan's issued report is not released yet (the release form); submitted_plan's
    is released (the withdrawal form)."""
    released = world.assessments["submitted_plan"]
    report_issue(assessment=released, by=assessor)
    public_release_create(
        assessment=released,
        by=assessor,
        released_on=datetime.date(2018, 3, 1),
        consent_given_by="KIM lead",
        consent_given_on=datetime.date(2018, 2, 1),
        consent_how="By email",
    )


def _with_authenticator_app(user):
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return user


def build_world(*, framework, department, lead, contributor, assessor, administrator, anonymous=None):
    world = World(
        users={
            "anonymous": anonymous,
            "lead": lead,
            "contributor": contributor,
            "assessor": assessor,
            "administrator": administrator,
            # Signed in with a password but not yet with the code of the app they set up: every page asks for it.
            "second_factor": _with_authenticator_app(contributor_of(department)),
        }
    )
    with transaction.atomic():  # also outside a test transaction: services lock rows
        # A second department the lead leads, with no self-assessment yet: "Start a self-assessment" is
        # offered only where a start can succeed, and the first department's is unfinished.
        MembershipFactory(
            user=lead,
            department=DepartmentFactory(name="Cabinet Office", short_name="CO", slug="cabinet-office"),
            role=Membership.Role.KIM_LEAD,
        )
        _assessments(world, department, framework, lead, assessor)
        _network(world, assessor)
        _failed_report_job(world, assessor)
        _public_release(world, assessor)
        _monitoring(world, department, lead, contributor)
        # A personal API token, so the crawl finds its revoke form on the lead's token list.
        token_create(user=lead, name="Fuzzed spreadsheet")
    return world


def start_urls(world, role):
    """Where a crawl as `role` begins: home, plus pages reached only from emails or from deep in a journey."""
    if role == "anonymous":
        lead = world.users["lead"]
        uid = urlsafe_base64_encode(force_bytes(lead.pk))
        token = default_token_generator.make_token(lead)
        return ["/accounts/login/", "/accounts/password/reset/", reverse("password_reset_confirm", args=[uid, token])]
    urls = ["/", reverse("password_change"), reverse("assessments:check_answers", args=[world.assessments["draft"].pk])]
    urls += [reverse("actionplans:plan_detail", args=[plan.pk]) for plan in world.plans.values()]
    urls += [reverse("actionplans:action_detail", args=[plan.actions.first().pk]) for plan in world.plans.values()]
    urls += [reverse("reports:assessment_reports", args=[world.assessments["no_plan"].pk])]
    urls += [reverse("reports:job_detail", args=[world.objects["failed_job"].pk])]
    # TNA's review pages (a self-assessment submitted, one in review, TNA's IMA being written: its task list),
    # and the pages of TNA's reports reached deep in their journeys: next steps, the factual check, the import
    made = world.assessments
    urls += [
        reverse("assessments:assessment_review", args=[made[key].pk])
        for key in ("submitted", "self_in_review", "in_review")
    ]
    urls += [reverse("assessments:report_text", args=[made["progress_review"].pk, "next-steps-lead"])]
    urls += [reverse("actionplans:next_steps", args=[made["progress_review"].pk])]
    urls += [reverse("assessments:factual_check", args=[made["factual_check"].pk])]
    urls += [reverse("reports:import_report")]
    # The public-site step for TNA: the release form (an issued, unreleased report) and the withdrawal form
    urls += [reverse("reports:public_release", args=[made["accepted_plan"].pk])]
    urls += [reverse("reports:public_withdraw", args=[made["submitted_plan"].pk])]
    return urls
