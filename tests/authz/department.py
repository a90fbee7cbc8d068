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
from actionplans.models import NextStep
from actionplans.services.actions import action_create
from actionplans.services.plans import plan_create, plan_submit
from actionplans.services.progress import progress_update_create
from actionplans.services.recommendations import recommendation_create
from actionplans.services.review import plan_accept
from assessments.models import AreaRating, Assessment, Evidence, FactualComment, RatingLevel
from assessments.services.creation import assessment_create
from assessments.tests.factories import published_assessment
from common.history import save_with_history
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
    """In TNA's work not yet shared (commentary, theme summaries, report texts, a recommendation, next steps):
    never shown to the department."""
    return f"UNPUBLISHED-ASSESSOR-WORK-{short_name}"


def shared_marker(short_name):
    """In TNA's draft shared with the department for a factual accuracy check: shown to that department's
    people (and TNA), never to anyone else."""
    return f"SHARED-DRAFT-{short_name}"


@dataclass
class DepartmentWorld:
    department: Department
    lead: User
    contributor: User
    # The department's own self-assessments (the only assessments a department rates and submits).
    # Several unfinished at once, which the start service would not allow: the matrix needs every state.
    draft: Assessment  # not submitted: hidden from TNA
    submitted: Assessment
    returned: Assessment  # back with the department: TNA's return comment shown, its ratings not
    # TNA's own (IMA, progress review, reassessment): opened in review by an assessor, written by TNA.
    in_review: Assessment  # IMA 2020 being written: nothing of it shown to the department
    progress_review: Assessment  # progress review 2015 being written, with its next steps
    factual_check: Assessment  # reassessment 2023, its draft shared with the department, a comment open
    published: Assessment  # IMA 2013, with the accepted plan, reports, good practice and its check's record
    published_with_submitted_plan: Assessment  # reassessment 2017, its plan waiting for TNA's review
    published_review: Assessment  # progress review 2016, published with its next steps
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
    """A versioned record changed as the services change it: the version moves on, the history names `by`."""
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.version += 1
    save_with_history(instance, by=by, reason="Changed")


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


def _summaries(assessment, by, text):
    for summary in assessment.theme_summaries.all():
        _save_with_history(summary, by, situation_at_time=text, progress_narrative=text)


def _factual_comment(assessment, author, text, *, resolved_by=None):
    comment = FactualComment(assessment=assessment, section="background", text=text, author=author)
    if resolved_by is not None:
        comment.response, comment.resolved_by, comment.resolved_at = "Corrected.", resolved_by, timezone.now()
    return save_with_history(comment, by=author, reason="Factual accuracy comment")


def _next_step(assessment, by, position, text):
    step = NextStep(assessment=assessment, position=position, text=text, created_by=by)
    return save_with_history(step, by=by, reason="Next step added")


def department_world(framework, *, name, short_name, slug, assessor, email_prefix):
    department = Department.objects.create(name=name, short_name=short_name, slug=slug)
    lead = _member(department, Membership.Role.KIM_LEAD, f"lead.{email_prefix}@example.gov.uk", f"Lead {short_name}")
    contributor = _member(
        department, Membership.Role.CONTRIBUTOR, f"contrib.{email_prefix}@example.gov.uk", f"Contributor {short_name}"
    )

    def create(assessment_type, year, status, *, by, **fields):
        return assessment_create(
            department=department,
            framework=framework,
            assessment_type=assessment_type,
            year=year,
            status=status,
            by=by,
            **fields,
        )

    Type, Status = Assessment.Type, Assessment.Status
    unpublished, shared = unpublished_marker(short_name), shared_marker(short_name)
    # Good practice: the library may draw on it.
    published = published_assessment(
        department, framework, year=2013, assessment_type=Type.IMA, by=assessor, share_good_practice=True, ratings=5
    )
    published_ratings = _rate_all(published, assessor_position=5)  # the department's side and the findings too

    reassessment = create(
        Type.REASSESSMENT,
        2017,
        Status.PUBLISHED,
        by=assessor,
        baseline=published,
        published_on=datetime.date(2017, 9, 1),
    )
    _rate_all(reassessment, assessor_position=4)

    published_review = published_assessment(
        department, framework, year=2016, assessment_type=Type.PROGRESS_REVIEW, by=assessor, baseline=published
    )

    # The department's self-assessments: rated by the department, submitted by its KIM lead.
    submitted = create(Type.SELF_ASSESSMENT, 2022, Status.SUBMITTED, by=lead, submitted_at=timezone.now())
    submitted_ratings = _rate_all(submitted)

    returned = create(
        Type.SELF_ASSESSMENT,
        2021,
        Status.RETURNED,
        by=lead,
        submitted_at=timezone.now(),
        return_comment=f"Please add evidence ({short_name}).",
    )
    returned_ratings = _rate_all(returned, assessor_position=3, commentary=unpublished)

    draft = create(Type.SELF_ASSESSMENT, 2024, Status.DRAFT, by=lead)
    draft_ratings = _rate_all(draft, narrative=f"{draft_marker(short_name)}: our working notes.")
    _save_with_history(draft_ratings[0], lead, narrative=f"{draft_marker(short_name)}: by the lead.")

    # TNA's IMA being written: opened in review by an assessor (no department submission), with the
    # department's submitted self-assessment beside it; every word of it is TNA's unpublished work.
    in_review = create(
        Type.IMA,
        2020,
        Status.IN_REVIEW,
        by=assessor,
        self_assessment=submitted,
        key_findings=f"{unpublished}: key findings.",
        commitment_text=f"{unpublished}: statement of commitment.",
    )
    in_review.team.set([assessor])
    in_review_ratings = _rate_all(in_review, assessor_position=2, commentary=unpublished)
    # Saved as the services save (with history), so the history pages have rows carrying the markers.
    # Not through the services themselves: the matrix is about access, not saving.
    _save_with_history(in_review_ratings[0], assessor, assessor_commentary=f"{unpublished}: by the assessor.")
    _summaries(in_review, assessor, unpublished)

    progress_review = create(
        Type.PROGRESS_REVIEW,
        2015,
        Status.IN_REVIEW,
        by=assessor,
        baseline=published,
        next_steps_text=f"{unpublished}: what TNA will do.",
    )
    _rate_all(progress_review, assessor_position=4, commentary=unpublished)
    _summaries(progress_review, assessor, unpublished)

    # TNA's reassessment shared with the department for a factual accuracy check: its people now see
    # TNA's work (the shared marker), its KIM lead has commented on the background.
    factual_check = create(
        Type.REASSESSMENT,
        2023,
        Status.FACTUAL_CHECK,
        by=assessor,
        baseline=reassessment,
        interviews_from=datetime.date(2023, 3, 6),
        interviews_to=datetime.date(2023, 3, 8),
        key_findings=f"{shared}: key findings.",
    )
    factual_check.team.set([assessor])
    factual_check_ratings = _rate_all(factual_check, assessor_position=4, commentary=shared)
    _summaries(factual_check, assessor, shared)

    world = DepartmentWorld(
        department=department,
        lead=lead,
        contributor=contributor,
        draft=draft,
        submitted=submitted,
        returned=returned,
        in_review=in_review,
        progress_review=progress_review,
        factual_check=factual_check,
        published=published,
        published_with_submitted_plan=reassessment,
        published_review=published_review,
    )
    o = world.objects
    o["draft_rating"] = draft_ratings[0]
    o["in_review_rating"] = in_review_ratings[0]
    o["factual_check_rating"] = factual_check_ratings[0]
    o["returned_rating"] = returned_ratings[0]
    o["submitted_rating"] = submitted_ratings[0]
    o["in_review_summary"] = in_review.theme_summaries.order_by("theme__number").first()
    o["published_rating"] = published_ratings[0]
    o["factual_comment"] = _factual_comment(factual_check, lead, f"Our fieldwork ended on 9 March ({short_name}).")
    o["published_factual_comment"] = _factual_comment(
        published, lead, f"The date is wrong ({short_name}).", resolved_by=assessor
    )
    o["next_steps"] = [
        _next_step(progress_review, assessor, position, f"{unpublished}: next step {position}.") for position in (1, 2)
    ]
    o["next_step"] = o["next_steps"][0]
    o["published_next_step"] = _next_step(published_review, assessor, 1, f"Keep the policy up to date ({short_name}).")
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
    o["factual_check_recommendation"] = recommendation_create(
        assessment=factual_check, by=assessor, text=f"{shared_marker(short_name)}: a recommendation.", priority="high"
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
