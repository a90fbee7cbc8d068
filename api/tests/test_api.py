"""The API answers as the pages do: for every endpoint and role, what a token returns equals what the person's
pages show (read with the pages' own selectors); another department's token gets 404; anonymous gets 401."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone

from accounts import access
from actionplans.models import Action, ProgressUpdate, Recommendation
from actionplans.selectors.lists import plans_listed_for, recommendations_for_assessment
from actionplans.selectors.plans import plan_for_user_or_404, plans_visible_to
from api.models import ApiToken
from api.services import token_create, token_revoke
from assessments.models import FrameworkVersion
from assessments.rules import sees_assessor_work
from assessments.selectors.assessments import assessments_listed_for
from assessments.selectors.departments import department_list_for
from assessments.selectors.detail import assessment_detail
from network.models import AgendaItem, Meeting
from network.selectors.meetings import meetings_log, upcoming_meetings
from tests.authz.session import built_world
from tests.support.queries import queries_of

# One xdist worker runs this module, so the world (seconds to build) is built once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("api")]

ROLES = ("lead_a", "lead_b", "contributor_a", "assessor", "administrator", "no_role")
LISTS = ("departments", "frameworks", "assessments", "recommendations", "action-plans", "actions", "meetings")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with built_world(django_db_blocker) as built:
        built.tokens = {role: token_create(user=user, name=f"{role} tool")[1] for role, user in built.users.items()}
        yield built


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()


def api(world, role, url, **headers):
    client = Client()
    if role != "anonymous":
        headers["HTTP_AUTHORIZATION"] = f"Bearer {world.tokens[role]}"
    return client.get(url, **headers)


def listed(world, role, name, **params):
    query = "&".join(f"{key}={value}" for key, value in {"page_size": 500, **params}.items())
    response = api(world, role, f"/api/v1/{name}/?{query}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == len(body["results"])
    return body["results"]


def page_ids(world, role, name):
    """What the person's pages show for the list `name`, from the selectors those pages use."""
    user = world.users[role]
    if name == "departments":
        return [department.slug for department in department_list_for(user)]
    if name == "frameworks":
        return sorted(FrameworkVersion.objects.values_list("slug", flat=True))
    if name == "assessments":
        return [assessment.pk for assessment in assessments_listed_for(user)]
    if name == "recommendations":
        # The recommendations page of each assessment the person sees TNA's work on.
        return sorted(
            recommendation.pk
            for assessment in assessments_listed_for(user)
            if access.sees_tna_work(user, assessment)
            for recommendation in recommendations_for_assessment(assessment)
        )
    if name == "action-plans":
        return [plan.pk for plan in plans_listed_for(user)]
    if name == "actions":
        return sorted(action.pk for plan in plans_visible_to(user) for action in plan.actions.all())
    if name == "meetings":
        return sorted(meeting.pk for meeting in [*meetings_log(), *upcoming_meetings()])
    raise AssertionError(name)


def api_ids(world, role, name):
    rows = listed(world, role, name)
    if name in ("departments",):
        return [row["slug"] for row in rows]
    if name == "frameworks":
        return sorted(row["slug"] for row in rows)
    if name in ("assessments", "action-plans"):
        return [row["id"] for row in rows]
    return sorted(row["id"] for row in rows)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", LISTS)
def test_each_list_shows_what_the_persons_pages_show(world, name, role):
    assert api_ids(world, role, name) == page_ids(world, role, name)


@pytest.mark.parametrize("role", ROLES)
def test_an_assessment_shows_tna_work_where_its_page_does(world, role):
    user = world.users[role]
    for assessment in assessments_listed_for(user):
        body = api(world, role, f"/api/v1/assessments/{assessment.pk}/").json()
        detail = assessment_detail(assessment)
        shows = sees_assessor_work(user, assessment)
        expected = [
            (row.area.key, row.rating.self_rating.name if row.rating.self_rating else None) for row in detail.rows
        ]
        assert [(row["area"], row["self_rating"]) for row in body["ratings"]] == expected
        assessor = [row.rating.assessor_rating.name if row.rating.assessor_rating else None for row in detail.rows]
        assert [row["assessor_rating"] for row in body["ratings"]] == (assessor if shows else [None] * len(assessor))
        summaries = [group.summary for group in detail.themes if group.summary is not None]
        assert len(body["theme_narratives"]) == (len(summaries) if shows else 0)


def test_the_department_never_sees_tna_work_in_review(world):
    body = api(world, "lead_a", f"/api/v1/assessments/{world.a.in_review.pk}/").json()
    assert all(row["assessor_rating"] is None and row["assessor_commentary"] is None for row in body["ratings"])
    assert body["theme_narratives"] == []
    assessor = api(world, "assessor", f"/api/v1/assessments/{world.a.in_review.pk}/").json()
    assert any(row["assessor_rating"] for row in assessor["ratings"])


def _objects(world, department):
    o = department.objects
    return {
        "departments": department.department.slug,
        "assessments": department.published.pk,
        "recommendations": o["recommendation"].pk,
        "action-plans": o["plan"].pk,
        "actions": o["action"].pk,
    }


@pytest.mark.parametrize("name", ["departments", "assessments", "recommendations", "action-plans", "actions"])
def test_another_departments_token_gets_404_on_each_object(world, name):
    url = f"/api/v1/{name}/{_objects(world, world.a)[name]}/"
    assert api(world, "lead_a", url).status_code == 200
    assert api(world, "contributor_a", url).status_code == 200
    assert api(world, "lead_b", url).status_code == 404
    assert api(world, "no_role", url).status_code == 404
    own = f"/api/v1/{name}/{_objects(world, world.b)[name]}/"
    assert api(world, "lead_b", own).status_code == 200


def test_drafts_stay_hidden(world):
    draft = f"/api/v1/assessments/{world.a.draft.pk}/"
    assert api(world, "lead_a", draft).status_code == 200
    assert api(world, "assessor", draft).status_code == 404  # the department's working copy
    in_review = f"/api/v1/recommendations/{world.a.objects['in_review_recommendation'].pk}/"
    assert api(world, "assessor", in_review).status_code == 200
    assert api(world, "lead_a", in_review).status_code == 404  # TNA's work, not yet shared


@pytest.mark.parametrize(
    "url", [*(f"/api/v1/{name}/" for name in LISTS), "/api/v1/assessments/1/", "/api/v1/meetings/1/", "/api/schema/"]
)
def test_anonymous_requests_get_401(world, url):
    response = api(world, "anonymous", url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_revoked_expired_and_unknown_tokens_get_401(world):
    user = world.a.lead
    token, secret = token_create(user=user, name="short-lived")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert client.get("/api/v1/departments/").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get("/api/v1/departments/").status_code == 401
    token2, secret2 = token_create(user=user, name="revoked")
    token_revoke(token=token2, by=user)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret2}").get("/api/v1/departments/").status_code == 401
    assert Client(HTTP_AUTHORIZATION="Bearer ima_not-a-token").get("/api/v1/departments/").status_code == 401
    # "Token <secret>" works as well as "Bearer <secret>".
    assert Client(HTTP_AUTHORIZATION=f"Token {world.tokens['lead_a']}").get("/api/v1/meetings/").status_code == 200


def test_only_the_hash_is_stored(world):
    token = ApiToken.objects.get(name="lead_a tool")
    assert world.tokens["lead_a"] not in (token.key_hash, token.prefix)
    assert world.tokens["lead_a"].startswith(token.prefix)


def test_the_api_is_read_only(world):
    client = Client(HTTP_AUTHORIZATION=f"Bearer {world.tokens['assessor']}")
    assert client.post("/api/v1/assessments/", {}, content_type="application/json").status_code == 405
    assert client.delete(f"/api/v1/assessments/{world.a.published.pk}/").status_code == 405


def test_filters(world):
    slug = world.a.department.slug
    rows = listed(world, "assessor", "assessments", department=slug, state="published")
    assert rows and {(row["department"], row["state"]) for row in rows} == {(slug, "published")}
    rows = listed(world, "assessor", "assessments", year=world.a.published.year, type=world.a.published.assessment_type)
    assert world.a.published.pk in [row["id"] for row in rows]
    assert all(row["year"] == world.a.published.year for row in rows)
    future = (timezone.now() + datetime.timedelta(days=1)).isoformat().replace("+", "%2B")
    assert listed(world, "assessor", "assessments", updated_since=future) == []
    assert listed(world, "assessor", "actions", department=world.b.department.slug)
    assert {row["department"] for row in listed(world, "assessor", "actions", department=slug)} == {slug}
    response = api(world, "assessor", "/api/v1/assessments/?state=nonsense")
    assert response.status_code == 400


def test_pages_are_stable_and_ordered(world):
    first = api(world, "assessor", "/api/v1/assessments/?page_size=3").json()
    second = api(world, "assessor", first["next"]).json()
    everything = listed(world, "assessor", "assessments")
    assert [row["id"] for row in first["results"] + second["results"]] == [row["id"] for row in everything[:6]]


def test_etag_and_if_none_match(world):
    response = api(world, "lead_a", "/api/v1/assessments/")
    etag = response["ETag"]
    assert api(world, "lead_a", "/api/v1/assessments/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    # Another person's answer differs, and so does its ETag.
    assert api(world, "lead_b", "/api/v1/assessments/")["ETag"] != etag
    assert api(world, "lead_b", "/api/v1/assessments/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_throttled_per_token(world):
    with override_settings(API_THROTTLE_RATE="3/minute"):
        for _ in range(3):
            assert api(world, "lead_a", "/api/v1/meetings/").status_code == 200
        assert api(world, "lead_a", "/api/v1/meetings/").status_code == 429
        # Another token of another person is counted on its own.
        assert api(world, "lead_b", "/api/v1/meetings/").status_code == 200


def _more_rows(world):
    """One more of each kind of row, for each department, with what hangs off it."""
    for department in (world.a, world.b):
        plan = department.objects["plan"]
        recommendation = Recommendation.objects.filter(assessment=plan.assessment).first()
        number = Recommendation.objects.filter(assessment=plan.assessment).count() + 1
        Recommendation.objects.create(
            assessment=plan.assessment, theme=recommendation.theme, number=number, text="More", priority="low"
        )
        action = Action.objects.create(
            plan=plan,
            recommendation=recommendation,
            sequence=Action.objects.filter(plan=plan).count() + 1,
            description="More",
            owner_text="Someone",
            priority="low",
            due_date=datetime.date(2030, 1, 1),
        )
        ProgressUpdate.objects.create(action=action, date=datetime.date(2024, 1, 1), commentary="Started")
    meeting = Meeting.objects.create(title="Another", date=datetime.date(2023, 1, 1), status="held", location="Kew")
    AgendaItem.objects.create(meeting=meeting, order=1, title="Item")


def test_query_counts_do_not_grow_with_the_data(world, django_db_blocker):
    urls = [
        *(f"/api/v1/{name}/?page_size=500" for name in LISTS),
        f"/api/v1/assessments/{world.a.published.pk}/",
        f"/api/v1/meetings/{world.meeting.pk}/",
    ]

    def counts():
        return {url: queries_of(lambda url=url: api(world, "assessor", url)) for url in urls}

    api(world, "assessor", "/api/v1/meetings/")  # the token's "last used" is written at most once a minute: not counted
    before = counts()
    _more_rows(world)
    _more_rows(world)
    assert counts() == before


def test_plan_object_matches_its_page(world):
    plan = plan_for_user_or_404(world.a.lead, world.a.objects["plan"].pk)
    body = api(world, "lead_a", f"/api/v1/action-plans/{plan.pk}/").json()
    assert (body["id"], body["state"], body["department"]) == (plan.pk, plan.status, plan.assessment.department.slug)
