"""Pages, exports and selectors keep a fixed number of queries however many actions a plan has."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplans.models import ActionComment, PlanReview, ProgressUpdate
from actionplans.selectors.history import plan_history
from actionplans.selectors.lists import outstanding_recommendations
from actionplans.tests.factories import plan_with_actions
from assessments.tests.factories import published_assessment
from tests.support.queries import page_queries, queries_of

pytestmark = pytest.mark.django_db

SMALL, LARGE = (2, 2), (8, 6)  # recommendations × actions per recommendation


def build(assessment, size, *, owner, author, reviewer, status="accepted"):
    recommendations, per = size
    plan = plan_with_actions(assessment, status=status, recommendations=recommendations, actions_per_recommendation=per)
    actions = list(plan.actions.all())
    for action in actions[::2]:
        action.owner_user = owner
        action.due_date = timezone.localdate() - timedelta(days=10)
        action.save()
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(action=a, date=date(2026, 1, n + 1), author=author, commentary=f"Note {n}")
        for a in actions
        for n in range(2)
    )
    review = PlanReview.objects.create(plan=plan, reviewer=reviewer, decision="returned", comment="x", snapshot={})
    ActionComment.objects.bulk_create(
        ActionComment(review=review, action=a, action_label="1A", comment="c") for a in actions
    )
    return plan


@pytest.fixture
def sizes(framework, department_a, contributor_a, lead_a, assessor):
    small = build(
        published_assessment(department_a, framework, year=2013),
        SMALL,
        owner=contributor_a,
        author=lead_a,
        reviewer=assessor,
    )
    large = build(
        published_assessment(department_a, framework, year=2016),
        LARGE,
        owner=contributor_a,
        author=lead_a,
        reviewer=assessor,
    )
    return small, large


PAGES = [
    ("lead_a", "actionplans:plan_detail"),
    ("lead_a", "actionplans:plan_history"),
    ("lead_a", "actionplans:plan_export_csv"),
    ("lead_a", "actionplans:plan_export_xlsx"),
    ("lead_a", "actionplans:plan_submit"),
    ("assessor", "actionplans:plan_detail"),
    ("assessor", "actionplans:plan_close"),
    ("contributor_a", "actionplans:plan_detail"),
]


@pytest.mark.parametrize("who, name", PAGES)
def test_plan_pages_keep_a_fixed_query_count(request, client, sizes, who, name):
    small, large = sizes
    client.force_login(request.getfixturevalue(who))
    small_url, large_url = reverse(name, args=[small.pk]), reverse(name, args=[large.pk])
    page_queries(client, small_url)  # warm the session
    queries = page_queries(client, small_url, at_most=15)
    page_queries(client, large_url, at_most=queries)


def test_filtered_plan_page_keeps_a_fixed_query_count(client, sizes, lead_a):
    small, large = sizes
    client.force_login(lead_a)
    query = "?status=not_started&overdue=on&priority=medium&rag=amber"
    queries = page_queries(client, reverse("actionplans:plan_detail", args=[small.pk]) + query)
    page_queries(client, reverse("actionplans:plan_detail", args=[large.pk]) + query, at_most=queries)


def test_review_page_keeps_a_fixed_query_count(client, framework, department_a, contributor_a, lead_a, assessor):
    small = build(
        published_assessment(department_a, framework, year=2013),
        SMALL,
        owner=contributor_a,
        author=lead_a,
        reviewer=assessor,
        status="submitted",
    )
    large = build(
        published_assessment(department_a, framework, year=2016),
        LARGE,
        owner=contributor_a,
        author=lead_a,
        reviewer=assessor,
        status="submitted",
    )
    client.force_login(assessor)
    page_queries(client, reverse("actionplans:plan_review", args=[small.pk]))  # warm the session
    queries = page_queries(client, reverse("actionplans:plan_review", args=[small.pk]))
    page_queries(client, reverse("actionplans:plan_review", args=[large.pk]), at_most=queries)


def test_my_actions_and_home_keep_a_fixed_query_count(client, framework, department_a, contributor_a, lead_a, assessor):
    build(
        published_assessment(department_a, framework, year=2013),
        SMALL,
        owner=contributor_a,
        author=lead_a,
        reviewer=assessor,
    )
    client.force_login(contributor_a)
    page_queries(client, reverse("actionplans:my_actions"))  # warm the session
    mine = page_queries(client, reverse("actionplans:my_actions"))
    home = page_queries(client, reverse("home"))
    build(
        published_assessment(department_a, framework, year=2016),
        LARGE,
        owner=contributor_a,
        author=lead_a,
        reviewer=assessor,
    )
    page_queries(client, reverse("actionplans:my_actions"), at_most=mine)
    page_queries(client, reverse("home"), at_most=home)


def test_plan_list_and_all_plans_export_keep_a_fixed_query_count(
    client, framework, department_a, department_b, contributor_a, lead_a, assessor
):
    build(
        published_assessment(department_a, framework, year=2013),
        SMALL,
        owner=contributor_a,
        author=lead_a,
        reviewer=assessor,
    )
    client.force_login(assessor)
    page_queries(client, reverse("actionplans:plan_list"))  # warm the session
    listing = page_queries(client, reverse("actionplans:plan_list"))
    export = page_queries(client, reverse("actionplans:plans_export_xlsx"))
    for year in (2016, 2019, 2022):
        build(
            published_assessment(department_a, framework, year=year),
            LARGE,
            owner=contributor_a,
            author=lead_a,
            reviewer=assessor,
        )
    build(published_assessment(department_b, framework, year=2013), LARGE, owner=None, author=lead_a, reviewer=assessor)
    page_queries(client, reverse("actionplans:plan_list"), at_most=listing)
    page_queries(client, reverse("actionplans:plans_export_xlsx"), at_most=export)


def test_history_and_outstanding_selectors_keep_a_fixed_query_count(sizes, department_a):
    small, large = sizes
    queries = queries_of(lambda: plan_history(small))
    queries_of(lambda: plan_history(large), at_most=queries)
    later = published_assessment(department_a, small.assessment.framework, year=2020)
    found = []
    queries_of(lambda: found.extend(outstanding_recommendations(department_a, later)), at_most=3)
    assert len(found) == SMALL[0] + LARGE[0]
    assert all(action.label for recommendation in found for action in recommendation.outstanding_actions)
