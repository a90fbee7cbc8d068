"""Pages, exports and selectors keep a fixed number of queries however many actions a plan has."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actionplans.models import ActionComment, PlanReview, ProgressUpdate
from actionplans.selectors.history import plan_history
from actionplans.selectors.lists import outstanding_recommendations
from actionplans.tests.factories import plan_with_actions, published_assessment

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


def count(callable_):
    with CaptureQueriesContext(connection) as captured:
        callable_()
    return len(captured)


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
def test_plan_pages_keep_a_fixed_query_count(request, client, django_assert_max_num_queries, sizes, who, name):
    small, large = sizes
    client.force_login(request.getfixturevalue(who))
    small_url, large_url = reverse(name, args=[small.pk]), reverse(name, args=[large.pk])
    client.get(small_url)  # warm the session
    queries = count(lambda: client.get(small_url))
    assert queries <= 15, queries
    with django_assert_max_num_queries(queries):
        assert client.get(large_url).status_code == 200


def test_filtered_plan_page_keeps_a_fixed_query_count(client, django_assert_max_num_queries, sizes, lead_a):
    small, large = sizes
    client.force_login(lead_a)
    query = "?status=not_started&overdue=on&priority=medium&rag=amber"
    queries = count(lambda: client.get(reverse("actionplans:plan_detail", args=[small.pk]) + query))
    with django_assert_max_num_queries(queries):
        client.get(reverse("actionplans:plan_detail", args=[large.pk]) + query)


def test_review_page_keeps_a_fixed_query_count(
    client, django_assert_max_num_queries, framework, department_a, contributor_a, lead_a, assessor
):
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
    client.get(reverse("actionplans:plan_review", args=[small.pk]))
    queries = count(lambda: client.get(reverse("actionplans:plan_review", args=[small.pk])))
    with django_assert_max_num_queries(queries):
        assert client.get(reverse("actionplans:plan_review", args=[large.pk])).status_code == 200


def test_my_actions_and_home_keep_a_fixed_query_count(
    client, django_assert_max_num_queries, framework, department_a, contributor_a, lead_a, assessor
):
    build(
        published_assessment(department_a, framework, year=2013),
        SMALL,
        owner=contributor_a,
        author=lead_a,
        reviewer=assessor,
    )
    client.force_login(contributor_a)
    client.get(reverse("actionplans:my_actions"))
    mine = count(lambda: client.get(reverse("actionplans:my_actions")))
    home = count(lambda: client.get(reverse("home")))
    build(
        published_assessment(department_a, framework, year=2016),
        LARGE,
        owner=contributor_a,
        author=lead_a,
        reviewer=assessor,
    )
    with django_assert_max_num_queries(mine):
        client.get(reverse("actionplans:my_actions"))
    with django_assert_max_num_queries(home):
        client.get(reverse("home"))


def test_plan_list_and_all_plans_export_keep_a_fixed_query_count(
    client, django_assert_max_num_queries, framework, department_a, department_b, contributor_a, lead_a, assessor
):
    build(
        published_assessment(department_a, framework, year=2013),
        SMALL,
        owner=contributor_a,
        author=lead_a,
        reviewer=assessor,
    )
    client.force_login(assessor)
    client.get(reverse("actionplans:plan_list"))
    listing = count(lambda: client.get(reverse("actionplans:plan_list")))
    export = count(lambda: client.get(reverse("actionplans:plans_export_xlsx")))
    for year in (2016, 2019, 2022):
        build(
            published_assessment(department_a, framework, year=year),
            LARGE,
            owner=contributor_a,
            author=lead_a,
            reviewer=assessor,
        )
    build(published_assessment(department_b, framework, year=2013), LARGE, owner=None, author=lead_a, reviewer=assessor)
    with django_assert_max_num_queries(listing):
        client.get(reverse("actionplans:plan_list"))
    with django_assert_max_num_queries(export):
        client.get(reverse("actionplans:plans_export_xlsx"))


def test_history_and_outstanding_selectors_keep_a_fixed_query_count(django_assert_max_num_queries, sizes, department_a):
    small, large = sizes
    queries = count(lambda: plan_history(small))
    with django_assert_max_num_queries(queries):
        plan_history(large)
    later = published_assessment(department_a, small.assessment.framework, year=2020)
    with django_assert_max_num_queries(3):
        found = outstanding_recommendations(department_a, later)
    assert len(found) == SMALL[0] + LARGE[0]
    assert all(action.label for recommendation in found for action in recommendation.outstanding_actions)
