import pytest
from django.core.management import CommandError, call_command
from django.db.models import F

from accounts import access
from accounts.models import Department, User
from assessments.models import AreaRating, Assessment, Evidence, ThemeSummary
from assessments.report.publication import content_gaps
from assessments.selectors.framework import framework_areas, framework_themes
from demo.assessments import LAST_YEAR, _history_plans, _rng

pytestmark = pytest.mark.django_db

Type = Assessment.Type
Status = Assessment.Status


@pytest.fixture
def seeded(settings, framework):
    settings.DEBUG = True
    call_command("seed_demo")


def snapshot():
    return {
        "assessments": Assessment.objects.count(),
        "ratings": AreaRating.objects.count(),
        "summaries": ThemeSummary.objects.count(),
        "evidence": Evidence.objects.count(),
        "assessment history": Assessment.history.count(),
        "rating history": AreaRating.history.count(),
        "summary history": ThemeSummary.history.count(),
        "evidence history": Evidence.history.count(),
    }


def test_seeding_twice_creates_nothing_new_not_even_history(seeded):
    first = snapshot()
    call_command("seed_demo")
    assert snapshot() == first
    assert first["assessments"] > 0
    assert first["assessment history"] == first["assessments"]
    assert first["rating history"] == first["ratings"]


def test_every_department_has_at_least_one_published_assessment(seeded):
    assert Department.objects.exclude(assessments__status=Status.PUBLISHED).count() == 0


def test_published_assessments_have_ratings_for_every_area_and_interview_dates(seeded):
    published = Assessment.objects.filter(status=Status.PUBLISHED)
    assert not AreaRating.objects.filter(assessment__in=published, assessor_rating=None).exists()
    assert not AreaRating.objects.filter(assessment__in=published, assessor_commentary="").exists()
    assert not published.filter(interviews_from=None).exists()
    assert not published.filter(published_on=None).exists()
    assert all(a.interviews_from <= a.interviews_to <= a.published_on for a in published)


def test_each_department_has_an_ima_then_a_progress_review_measured_against_it(seeded):
    education = Department.objects.get(slug="education")
    ima = Assessment.objects.get(department=education, assessment_type=Type.IMA)
    review = Assessment.objects.get(department=education, assessment_type=Type.PROGRESS_REVIEW)
    assert review.baseline == ima
    assert 1 <= review.year - ima.year <= 2
    assert review.published_by.email == "assessor@example.gov.uk"
    copied = dict(review.ratings.values_list("area_id", "baseline_rating_id"))
    assert copied == dict(ima.ratings.values_list("area_id", "assessor_rating_id"))
    assert review.ratings.exclude(assessor_rating=F("baseline_rating")).exists(), "some ratings moved"
    assert not review.theme_summaries.filter(progress_narrative="").exists()
    assert not review.theme_summaries.filter(situation_at_time="").exists()


def test_about_half_of_published_assessments_share_good_practice(seeded):
    published = Assessment.objects.filter(status=Status.PUBLISHED)
    share = published.filter(share_good_practice=True).count() / published.count()
    assert 0.25 <= share <= 0.75


def test_education_lead_sees_a_partly_filled_draft_self_assessment(seeded):
    lead = User.objects.get(email="kim.lead@education.example.gov.uk")
    drafts = Assessment.objects.filter(
        access.department_scope_q(lead), assessment_type=Type.SELF_ASSESSMENT, status=Status.DRAFT
    )
    draft = drafts.get()
    assert draft.department.slug == "education"
    assert draft.year == LAST_YEAR
    assert draft.created_by == lead
    complete = draft.ratings.filter(is_complete=True).count()
    assert 0 < complete < draft.ratings.count()
    assert draft.ratings.filter(self_rating=None).exists()


def test_home_office_self_assessment_waits_in_the_assessors_queue(seeded):
    submitted = Assessment.objects.get(status=Status.SUBMITTED)
    assert submitted.department.slug == "home-office"
    assert submitted.assessment_type == Type.SELF_ASSESSMENT
    assert submitted.submitted_at is not None
    assert submitted.ratings.filter(is_complete=True, self_rating__isnull=False).count() == 10
    assert Evidence.objects.filter(rating__assessment=submitted).exists()


def test_seeded_history_is_attributed_and_dated_when_published(seeded):
    review = Assessment.objects.filter(assessment_type=Type.PROGRESS_REVIEW).first()
    entry = review.history.get()
    assert entry.history_type == "+"
    assert entry.history_user.email == "assessor@example.gov.uk"
    assert entry.history_date.date() == review.published_on


def test_more_years_spread_imas_reviews_and_reassessments(settings, framework):
    settings.DEBUG = True
    call_command("seed_demo", "--departments", "25", "--years", "6")
    assert Department.objects.count() == 25
    years = set(Assessment.objects.values_list("year", flat=True))
    assert min(years) == LAST_YEAR - 5 and max(years) == LAST_YEAR
    reassessment = Assessment.objects.filter(assessment_type=Type.REASSESSMENT).first()
    assert reassessment is not None
    assert reassessment.baseline.assessment_type == Type.IMA
    assert Department.objects.exclude(assessments__status=Status.PUBLISHED).count() == 0


def test_one_year_gives_each_department_a_single_ima(settings, framework):
    settings.DEBUG = True
    call_command("seed_demo", "--departments", "3", "--years", "1")
    assert set(Assessment.objects.values_list("assessment_type", "year")) == {(Type.IMA, LAST_YEAR)}
    assert Assessment.objects.count() == 3


def test_scaling_up_later_adds_history_only_for_new_departments(settings, framework):
    settings.DEBUG = True
    call_command("seed_demo", "--departments", "5", "--years", "3")
    before = set(Assessment.objects.values_list("pk", flat=True))
    call_command("seed_demo", "--departments", "8", "--years", "3")
    new = Assessment.objects.exclude(pk__in=before)
    assert set(new.values_list("department__slug", flat=True)) == set(
        Department.objects.order_by("pk")[5:].values_list("slug", flat=True)
    )


def test_ratings_are_the_same_for_a_department_on_every_machine(framework):
    department = Department(slug="cabinet-office")
    areas = framework_areas(framework)
    first = [
        (p.assessment_type, p.year, p.levels) for p in _history_plans(department, 6, areas, _rng("cabinet-office"))
    ]
    again = [
        (p.assessment_type, p.year, p.levels) for p in _history_plans(department, 6, areas, _rng("cabinet-office"))
    ]
    assert first == again


def test_seeding_history_needs_the_framework(settings, db):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="load_framework"):
        call_command("seed_demo", "--departments", "2")


def test_every_seeded_published_report_has_every_section_written(seeded):
    """A published report never prints a placeholder: every section of the demo's reports has its words."""
    published = Assessment.objects.filter(status=Status.PUBLISHED, assessment_type__in=Assessment.TNA_LED_TYPES)
    assert published.exists()
    for assessment in published.select_related("department", "baseline", "framework"):
        summaries = {summary.theme_id: summary for summary in assessment.theme_summaries.all()}
        gaps = content_gaps(assessment, themes=framework_themes(assessment.framework), summaries=summaries)
        assert gaps == [], (str(assessment), gaps)
