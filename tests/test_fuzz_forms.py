"""Every POST form in the app, found by crawling it as each role, gets hostile and generated input.

Never a 5xx; the answer is a redirect after a save, a GOV.UK error summary, or a GOV.UK error page;
whatever was typed comes back escaped. A URL added to the app must be placed in POST_FORMS or
NOT_FORMS below, and every POST form must be reachable by the crawl, or these tests fail.
"""

import io
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from pypdf import PdfReader

from assessments.models import AreaRating
from reports.fetcher import AssetOnlyFetcher
from reports.rendering import render_pdf
from reports.snapshot import snapshot_build
from tests.fuzz.crawl import crawl, url_name
from tests.fuzz.fuzzer import IGNORED, check_response, fuzz_form
from tests.fuzz.plausible import plausible
from tests.fuzz.world import build_world, start_urls

pytestmark = pytest.mark.django_db

POST_FORMS = {
    "login",
    "logout",
    "password_change",
    "password_reset",
    "two_factor_setup",
    "two_factor_verify",
    "two_factor_recovery_codes",
    "two_factor_remove",
    "password_reset_confirm",
    "assessments:assessment_open",
    "assessments:self_assessment_start",
    "assessments:area_edit",
    "assessments:assessment_submit",
    "assessments:evidence_remove",
    "assessments:start_review",
    "assessments:review_area",
    "assessments:theme_summary",
    "assessments:assessment_return",
    "assessments:assessment_publish",
    "assessments:import_ratings",
    "assessments:report_details",
    "assessments:report_text",
    "assessments:commitment",
    "assessments:share_for_factual_check",
    "assessments:factual_check",
    "assessments:factual_comment_resolve",
    "actionplans:recommendation_create",
    "actionplans:recommendation_update",
    "actionplans:recommendation_close",
    "actionplans:plan_create",
    "actionplans:plan_submit",
    "actionplans:plan_reopen",
    "actionplans:plan_review",
    "actionplans:plan_close",
    "actionplans:action_create",
    "actionplans:action_update",
    "actionplans:action_delete",
    "actionplans:progress_create",
    "actionplans:progress_correct",
    "actionplans:plan_import",
    "actionplans:next_steps",
    "actionplans:next_step_edit",
    "actionplans:next_step_remove",
    "actionplans:next_step_up",
    "actionplans:next_step_down",
    "reports:report_request",
    "reports:report_reissue",
    "reports:job_retry",
    "reports:import_report",
    "reports:public_release",
    "reports:public_withdraw",
    "network:meeting_create",
    "network:meeting_edit",
    "network:meeting_cancel",
    "network:item_add",
    "network:item_edit",
    "network:item_delete",
    "network:attendance_edit",
    "network:paper_add",
    "network:paper_delete",
    "network:action_add",
    "network:action_edit",
    "network:excerpt_edit",
    "network:consent_edit",
    "monitoring:team_add",
    "monitoring:team_edit",
    "monitoring:team_import",
    "monitoring:criterion_add",
    "monitoring:criterion_add_own",
    "monitoring:criterion_edit",
    "monitoring:round_add",
    "monitoring:round_close",
    "monitoring:round_share",
    "monitoring:round_letters",
    "monitoring:round_cite",
    "monitoring:answer_edit",
    "monitoring:answer_review",
    "api_tokens:new",
    "api_tokens:revoke",
}
# Pages, files and feeds: GET only (the hardening tests check that POST changes nothing there).
NOT_FORMS = {
    "home",
    "healthz",
    "password_change_done",
    "account",
    "password_reset_done",
    "password_reset_complete",
    "pages:accessibility",
    "pages:cookies",
    "pages:privacy",
    "assessments:department_list",
    "assessments:department_detail",
    "assessments:assessment_list",
    "assessments:assessment_detail",
    "assessments:assessment_history",
    "assessments:task_list",
    "assessments:check_answers",
    "assessments:assessment_submitted",
    "assessments:evidence_download",
    "assessments:assessment_review",
    "assessments:import_ratings_template",
    "actionplans:plan_list",
    "actionplans:plans_export_xlsx",
    "actionplans:my_actions",
    "actionplans:help_rag",
    "actionplans:recommendation_list",
    "actionplans:plan_detail",
    "actionplans:plan_confirmation",
    "actionplans:plan_history",
    "actionplans:review_detail",
    "actionplans:plan_export_csv",
    "actionplans:plan_export_xlsx",
    "actionplans:action_detail",
    "reports:assessment_reports",
    "reports:job_detail",
    "reports:job_status",
    "reports:job_download",
    "reports:issued_download",
    "dashboards:index",
    "dashboards:export",
    "dashboards:department",
    "dashboards:department_export",
    "dashboards:level_styles",
    "network:index",
    "network:next_meeting_ics",
    "network:meeting_detail",
    "network:meeting_ics",
    "network:paper_download",
    "network:library",
    "network:excerpt_list",
    "network:consent_list",
    "public:index",
    "public:catalogue",
    "public:feed",
    "public:report",
    "public:action_plan",
    "public:report_pdf",
    "public:network",
    "public:data",
    "public:ratings_csv",
    "public:ratings_json",
    "monitoring:index",
    "monitoring:team_list",
    "monitoring:criterion_list",
    "monitoring:round_detail",
    "monitoring:round_export",
    "monitoring:team_answers",
    "monitoring:answer_evidence",
    "monitoring:letter_download",
    # The read-only API (JSON; every other method 405), its schema and docs page, the token list
    "api:department-list",
    "api:department-detail",
    "api:framework-list",
    "api:framework-detail",
    "api:assessment-list",
    "api:assessment-detail",
    "api:recommendation-list",
    "api:recommendation-detail",
    "api:actionplan-list",
    "api:actionplan-detail",
    "api:action-list",
    "api:action-detail",
    "api:meeting-list",
    "api:meeting-detail",
    "api:schema",
    "api:docs",
    "api_tokens:list",
    # Single sign-on: redirects to and from the identity provider (404 when it is not set up)
    "oidc_authentication_init",
    "oidc_authentication_callback",
}
# Shown only to a person who has set up two-factor authentication and given a code this session: the crawl's
# people have not. Neither form has a field to fuzz (a button each); accounts/tests/views/test_two_factor.py
# posts them as such a person.
NEEDS_SECOND_FACTOR = {"two_factor_recovery_codes", "two_factor_remove"}
ROLES = ["lead", "assessor", "contributor", "administrator", "anonymous", "second_factor"]
# Forms several roles can post, where what happens differs by role: fuzzed as each of them.
EVERY_ROLE = {"reports:report_request", "password_change", "actionplans:progress_create"}
# Pages with more than one form posting to the same URL: each form is fuzzed (the next steps page has the
# form for one item and the list of suggested items).
EVERY_FORM = {"actionplans:next_steps"}
EXAMPLES_PER_FORM = 8  # generated cases per form, besides the hostile ones (kept so CI stays under 15 minutes)


def app_url_names(patterns=None, namespace=None):
    """Every named URL of the app (Django's admin is Django's, and checked by the hardening tests)."""
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            names |= app_url_names(pattern.url_patterns, inner or None)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


@pytest.fixture
def world(framework, department_a, department_b, lead_a, lead_b, contributor_a, assessor, administrator):
    return build_world(
        framework=framework,
        department=department_a,
        lead=lead_a,
        contributor=contributor_a,
        assessor=assessor,
        administrator=administrator,
    )


def _shape(form):
    return tuple(sorted(form.fields))


def discover_forms(client, world):
    """{url name: [(role, user, form)]}: the first form found for each URL name, per role (for a name in
    EVERY_FORM, the first of each different form, by its fields)."""
    found = {}
    for role in ROLES:
        user = world.users[role]
        client.logout()
        if user is not None:
            client.force_login(user)
        for form in crawl(client, start_urls(world, role), per_name=2).forms:
            entries = found.setdefault(form.url_name, [])
            if form.url_name in EVERY_FORM:
                new = (role, _shape(form)) not in [(entry[0], _shape(entry[2])) for entry in entries]
            else:
                new = role not in [entry[0] for entry in entries]
            if new:
                entries.append((role, user, form))
    return found


def _to_fuzz(name, found):
    """The (role, user, form) entries fuzzed for one URL name."""
    if name in EVERY_ROLE:
        return found[name]
    if name in EVERY_FORM:
        first_role = found[name][0][0]
        return [entry for entry in found[name] if entry[0] == first_role]
    return found[name][:1]


def test_every_url_name_is_either_a_post_form_or_a_read():
    names = app_url_names()
    assert names - POST_FORMS - NOT_FORMS == set(), "place each new URL name in POST_FORMS or NOT_FORMS"
    assert (POST_FORMS | NOT_FORMS) - names == set(), "these URL names no longer exist"


def test_every_post_form_survives_hostile_and_generated_input(client, world):
    found = discover_forms(client, world)
    assert POST_FORMS - NEEDS_SECOND_FACTOR - set(found) == set(), "the crawl found no page offering these forms"
    failures = []
    for name in sorted(POST_FORMS & set(found)):
        for role, user, form in _to_fuzz(name, found):
            try:
                fuzz_form(client, user, form, max_examples=EXAMPLES_PER_FORM)
            except Exception as error:  # noqa: BLE001 - every form's failures are reported together
                failures.append(f"{name} as {role}: {type(error).__name__}: {str(error)[:2000]}")
    assert not failures, "\n\n".join(failures)


@pytest.mark.django_db(transaction=True)
def test_every_form_saves_a_careful_answer_with_real_commits(
    client, broker, framework, department_a, department_b, lead_a, lead_b, contributor_a, assessor, administrator
):
    """Outside a test transaction each view's own transactions commit and on-commit hooks run, as in production:
    this is where a service that locks rows without a transaction of its own fails (on PostgreSQL). What the
    hooks publish (emails, report jobs) is captured by `broker`, not sent."""
    world = build_world(
        framework=framework,
        department=department_a,
        lead=lead_a,
        contributor=contributor_a,
        assessor=assessor,
        administrator=administrator,
    )
    found = discover_forms(client, world)
    failures = []
    # Changing the lead's password would void the reset link's token: it goes last.
    cases = [
        (name, entry)
        for name in POST_FORMS & set(found)
        for entry in (_to_fuzz(name, found) if name in EVERY_FORM else found[name][:1])
    ]
    for name, (role, user, form) in sorted(cases, key=lambda case: (case[0] == "password_change", case[0])):
        client.logout()
        if user is not None:
            client.force_login(user)
        else:  # signing people in has moved their last_login, which voids earlier reset links: a fresh one
            fresh = {url_name(url): url for url in start_urls(world, "anonymous")}
            client.get(fresh.get(url_name(form.entry), form.entry), follow=True)
        data = plausible(form, IGNORED)
        try:
            check_response(client.post(form.action, data, follow=True), form, data)
        except Exception as error:  # noqa: BLE001 - every form's failure is reported together
            failures.append(f"{name} as {role}: {type(error).__name__}: {str(error)[:1000]}")
    assert not failures, "\n\n".join(failures)


def test_a_team_member_id_too_large_for_the_database_is_refused_on_the_form(client, world, assessor):
    client.raise_request_exception = False
    client.force_login(assessor)
    url = reverse("assessments:report_details", args=[world.assessments["in_review"].pk])
    response = client.post(url, {"team": "99999999999999999999999999999999"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


HOSTILE_NARRATIVE = '<img src="file:///etc/passwd"><script>alert(1)</script>'


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_html_typed_into_a_narrative_is_printed_as_text_in_the_pdf(client, world, assessor):
    """Typed through the assessor's moderation form, rendered by the same code the worker runs."""
    assessment = world.assessments["in_review"]
    rating = AreaRating.objects.filter(assessment=assessment).order_by("area__theme__number", "area__number").first()
    client.force_login(assessor)
    response = client.post(
        reverse("assessments:review_area", args=[assessment.pk, rating.pk]),
        {
            "version": rating.version,
            "assessor_rating": rating.assessor_rating_id,
            "assessor_commentary": HOSTILE_NARRATIVE,
        },
    )
    assert response.status_code == 302
    fetcher = AssetOnlyFetcher()
    snapshot = snapshot_build(assessment=assessment, kind="ima_report", user=assessor)
    text = pdf_text(render_pdf(snapshot, fetcher=fetcher))
    assert HOSTILE_NARRATIVE in text
    assert not [url for url in fetcher.requested if "passwd" in url]
