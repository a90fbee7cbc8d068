"""One department's objects for the authorisation matrix: an assessment in every state and what hangs off it.

Built through the real services where they work on every database (recommendations, plans, reviews,
progress, report requests), so the objects are in states the app itself produces.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from accounts.models import Department, Membership, User
from actionplans.services.actions import action_create
from actionplans.services.plans import plan_create, plan_submit
from actionplans.services.progress import progress_update_create
from actionplans.services.recommendations import recommendation_create
from actionplans.services.review import plan_accept
from assessments.models import AreaRating, Assessment, Evidence, RatingLevel
from assessments.services.creation import assessment_create
from assessments.tests.factories import published_assessment
from network.models import GoodPracticeExcerpt
from reports import jobs
from reports.models import IssuedReport, ReportJob, ReportKind
from reports.rendering import template_version
from reports.services import report_job_request
from reports.snapshot import snapshot_build, snapshot_sha256

# A one-page PDF small enough to store for every job; its bytes start with the PDF magic number.
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def draft_marker(short_name):
    """In the narrative of the department's unsubmitted self-assessment: never shown to TNA."""
    return f"DRAFT-SELF-ASSESSMENT-{short_name}"


def unpublished_marker(short_name):
    """In TNA's commentary, theme summaries and a recommendation not yet published: never shown to the department."""
    return f"UNPUBLISHED-ASSESSOR-WORK-{short_name}"


@dataclass
class DepartmentWorld:
    department: Department
    lead: User
    contributor: User
    draft: Assessment  # a self-assessment the department has not submitted
    submitted: Assessment
    in_review: Assessment
    returned: Assessment  # back with the department: TNA's return comment shown, its ratings not
    published: Assessment  # IMA 2013, with the accepted plan, reports and good practice
    published_with_submitted_plan: Assessment  # reassessment 2017, its plan waiting for TNA's review
    objects: dict = field(default_factory=dict)


def new_user(email, full_name, **flags):
    user = User.objects.create_user(email=email, password=None, full_name=full_name, **flags)
    user.set_unusable_password()
    user.save()
    return user


def _member(department, role, email, full_name):
    person = new_user(email, full_name)
    Membership.objects.create(user=person, department=department, role=role, job_title="Head of KIM")
    return person


def _levels(framework):
    return {level.position: level for level in RatingLevel.objects.filter(framework=framework)}


def _rate_all(assessment, *, assessor_position=None, self_position=3, narrative="", commentary=""):
    levels = _levels(assessment.framework)
    ratings = list(assessment.ratings.order_by("area__theme__number", "area__number"))
    for rating in ratings:
        rating.self_rating = levels[self_position]
        rating.narrative = narrative or f"Our view of {rating.area.name}."
        rating.is_complete = True
        if assessor_position:
            rating.assessor_rating = levels[assessor_position]
            rating.assessor_commentary = commentary or f"Findings for {rating.area.name}."
    AreaRating.objects.bulk_update(
        ratings, ["self_rating", "narrative", "is_complete", "assessor_rating", "assessor_commentary"]
    )
    return ratings


def _evidence_file(rating, by, title):
    evidence = Evidence(
        rating=rating,
        kind=Evidence.Kind.FILE,
        title=title,
        original_filename="policy.pdf",
        content_type="application/pdf",
        size=len(TINY_PDF),
        uploaded_by=by,
    )
    evidence.file.save("policy.pdf", ContentFile(TINY_PDF), save=False)
    evidence.save()
    return evidence


def _evidence_link(rating, by, title):
    return Evidence.objects.create(
        rating=rating, kind=Evidence.Kind.LINK, title=title, url="https://example.gov.uk/policy", uploaded_by=by
    )


def _save_with_history(instance, by, **fields):
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.version += 1
    instance._history_user = by
    instance.save()


def _issued_report(assessment, by):
    """Version 1 of the IMA report, as reports.services.report_issue makes it.

    Not through report_issue: on PostgreSQL its select_for_update() joins the nullable baseline and
    fails (reported to the lead).
    """
    kind = ReportKind.IMA_REPORT
    snapshot = snapshot_build(
        assessment=assessment, kind=kind, protective_marking=settings.REPORTS_PROTECTIVE_MARKING, issue_version=1
    )
    digest = snapshot_sha256(snapshot, template_version())
    issued = IssuedReport.objects.create(
        assessment=assessment,
        kind=kind,
        version=1,
        snapshot=snapshot,
        input_sha256=digest,
        template_version=template_version(),
        issued_by=by,
    )
    job = ReportJob.objects.create(
        kind=kind,
        assessment=assessment,
        requested_by=by,
        snapshot=snapshot,
        input_sha256=digest,
        template_version=template_version(),
        issued_report=issued,
        version=1,
    )
    _done_job(job)
    issued.refresh_from_db()
    return issued


def _done_job(job):
    """Finish a job without rendering: the worker reuses a stored file of the same input (jobs._existing_file)."""
    name = jobs.pdf_name(job)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(TINY_PDF))
    return jobs.job_execute(job.pk)


def department_world(framework, *, name, short_name, slug, assessor, email_prefix):
    department = Department.objects.create(name=name, short_name=short_name, slug=slug)
    lead = _member(department, Membership.Role.KIM_LEAD, f"lead.{email_prefix}@example.gov.uk", f"Lead {short_name}")
    contributor = _member(
        department, Membership.Role.CONTRIBUTOR, f"contrib.{email_prefix}@example.gov.uk", f"Contributor {short_name}"
    )

    def create(assessment_type, year, status, **fields):
        return assessment_create(
            department=department,
            framework=framework,
            assessment_type=assessment_type,
            year=year,
            status=status,
            by=lead,
            **fields,
        )

    Type, Status = Assessment.Type, Assessment.Status
    # Good practice: the library may draw on it.
    published = published_assessment(
        department, framework, year=2013, assessment_type=Type.IMA, by=assessor, share_good_practice=True, ratings=5
    )
    published_ratings = _rate_all(published, assessor_position=5)  # the department's side and the findings too

    reassessment = create(
        Type.REASSESSMENT, 2017, Status.PUBLISHED, baseline=published, published_on=datetime.date(2017, 9, 1)
    )
    _rate_all(reassessment, assessor_position=4)

    in_review = create(Type.IMA, 2020, Status.IN_REVIEW, submitted_at=timezone.now())
    in_review_ratings = _rate_all(in_review, assessor_position=2, commentary=unpublished_marker(short_name))
    # Saved as the services save (with history), so the history pages have rows carrying the markers.
    # Not through the services themselves: on PostgreSQL their select_for_update() joins nullable
    # relations and fails (reported to the lead); the matrix is about access, not saving.
    _save_with_history(
        in_review_ratings[0], assessor, assessor_commentary=f"{unpublished_marker(short_name)}: by the assessor."
    )
    for summary in in_review.theme_summaries.all():
        _save_with_history(
            summary,
            assessor,
            situation_at_time=unpublished_marker(short_name),
            progress_narrative=unpublished_marker(short_name),
        )

    returned = create(
        Type.REASSESSMENT,
        2021,
        Status.RETURNED,
        baseline=published,
        submitted_at=timezone.now(),
        return_comment=f"Please add evidence ({short_name}).",
    )
    returned_ratings = _rate_all(returned, assessor_position=3, commentary=unpublished_marker(short_name))

    submitted = create(Type.IMA, 2022, Status.SUBMITTED, submitted_at=timezone.now())
    submitted_ratings = _rate_all(submitted)

    draft = create(Type.SELF_ASSESSMENT, 2024, Status.DRAFT)
    draft_ratings = _rate_all(draft, narrative=f"{draft_marker(short_name)}: our working notes.")
    _save_with_history(draft_ratings[0], lead, narrative=f"{draft_marker(short_name)}: by the lead.")

    world = DepartmentWorld(
        department=department,
        lead=lead,
        contributor=contributor,
        draft=draft,
        submitted=submitted,
        in_review=in_review,
        returned=returned,
        published=published,
        published_with_submitted_plan=reassessment,
    )
    o = world.objects
    o["draft_rating"] = draft_ratings[0]
    o["in_review_rating"] = in_review_ratings[0]
    o["returned_rating"] = returned_ratings[0]
    o["in_review_summary"] = in_review.theme_summaries.order_by("theme__number").first()
    o["published_rating"] = published_ratings[0]
    o["draft_evidence_file"] = _evidence_file(draft_ratings[0], lead, f"Draft evidence {short_name}")
    o["draft_evidence_link"] = _evidence_link(draft_ratings[0], lead, f"Draft link {short_name}")
    o["submitted_evidence_file"] = _evidence_file(submitted_ratings[0], lead, f"Evidence {short_name}")
    o["submitted_evidence_link"] = _evidence_link(submitted_ratings[0], lead, f"Link {short_name}")

    recommendations = [
        recommendation_create(
            assessment=published, by=assessor, text=f"Recommendation {n} for {short_name}", priority="high"
        )
        for n in (1, 2)
    ]
    reassessment_recommendation = recommendation_create(
        assessment=reassessment, by=assessor, text=f"Reassessment recommendation for {short_name}", priority="medium"
    )
    o["in_review_recommendation"] = recommendation_create(
        assessment=in_review, by=assessor, text=unpublished_marker(short_name), priority="high"
    )
    o["recommendation"] = recommendations[0]

    # The IMA's plan: submitted, accepted by TNA (a plan review), then progress recorded against it.
    plan = plan_create(assessment=published, by=lead)
    actions = [
        action_create(
            plan=plan,
            by=lead,
            recommendation=recommendation,
            description=f"Act on {recommendation.label} ({short_name})",
            owner_text="Departmental Records Officer",
            owner_user=contributor,
            priority="high",
            due_date=datetime.date(2030, 3, 31),
        )
        for recommendation in recommendations
    ]
    plan_submit(plan=plan, by=lead)
    plan_accept(plan=plan, by=assessor, comment="Agreed.")
    plan.refresh_from_db()
    o["plan"] = plan
    o["plan_review"] = plan.reviews.get()
    o["action"] = actions[0]
    o["progress_update"] = progress_update_create(
        action=actions[0], by=contributor, commentary=f"Drafted the policy ({short_name}).", status="underway"
    )

    submitted_plan = plan_create(assessment=reassessment, by=lead)
    action_create(
        plan=submitted_plan,
        by=lead,
        recommendation=reassessment_recommendation,
        description=f"Act on the reassessment ({short_name})",
        owner_text="SIRO",
        priority="medium",
        due_date=datetime.date(2030, 6, 30),
    )
    plan_submit(plan=submitted_plan, by=lead)
    submitted_plan.refresh_from_db()
    o["submitted_plan"] = submitted_plan

    # Reports: a working copy (done, with its PDF), the issued IMA report, and TNA's own copy of
    # the assessment in review (it shows unpublished assessor work).
    job, _ = report_job_request(assessment=published, kind="ima_report", by=lead, enqueue=False)
    o["report_job"] = _done_job(job)
    o["issued_report"] = _issued_report(published, assessor)
    in_review_job, _ = report_job_request(assessment=in_review, kind="ima_report", by=assessor, enqueue=False)
    o["in_review_report_job"] = _done_job(in_review_job)

    o["excerpt"] = GoodPracticeExcerpt.objects.create(
        rating=published_ratings[0],
        excerpt=f"Good practice of {short_name}: every new starter is briefed.",
        written_by=assessor,
        approved_by=assessor,
        approved_at=timezone.now(),
    )
    return world
