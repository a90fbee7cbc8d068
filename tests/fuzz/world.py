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

from actionplans.choices import PlanStatus
from actionplans.tests.factories import RecommendationFactory, plan_with_actions
from assessments.models import AreaRating, Assessment, Evidence, RatingLevel, ThemeSummary
from assessments.tests.factories import published_assessment, stored_assessment
from network.models import MeetingAction, MeetingPaper
from network.tests.factories import DiscussionItemFactory, MeetingFactory
from reports.models import ReportJob
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


def _assessments(world, department, framework, lead):
    made = world.assessments
    made["draft"] = stored_assessment(
        department, framework, year=2025, status=Status.DRAFT, assessment_type=Type.SELF_ASSESSMENT
    )
    _rate(made["draft"], 3, assessor=False)  # complete, so "check your answers" offers to submit
    _evidence(made["draft"], lead)
    made["submitted"] = stored_assessment(department, framework, year=2024, status=Status.SUBMITTED)
    _rate(made["submitted"], 3)
    made["in_review"] = stored_assessment(department, framework, year=2023, status=Status.IN_REVIEW)
    _rate(made["in_review"], 3)
    RecommendationFactory(assessment=made["in_review"], number=1)
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
    ThemeSummary.objects.filter(assessment=made["in_review"]).update(situation_at_time="Before.")


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


def _failed_report_job(world, assessor):
    # An issued version's job: only those offer "Try again" (others are simply requested again).
    issued = report_issue(assessment=world.assessments["accepted_plan"], by=assessor)
    job = issued.jobs.get()
    ReportJob.objects.filter(pk=job.pk).update(status=ReportJob.Status.FAILED, error_message="Worker lost.")
    world.objects["failed_job"] = job


def build_world(*, framework, department, lead, contributor, assessor, administrator, anonymous=None):
    world = World(
        users={
            "anonymous": anonymous,
            "lead": lead,
            "contributor": contributor,
            "assessor": assessor,
            "administrator": administrator,
        }
    )
    with transaction.atomic():  # also outside a test transaction: services lock rows
        _assessments(world, department, framework, lead)
        _network(world, assessor)
        _failed_report_job(world, assessor)
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
    return urls
