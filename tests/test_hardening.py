"""What a penetration test checks first: throttled sign-in, production transport settings, a strict CSP
with no inline code on any page, security headers, password rules, upload limits, the admin site, and
state changes only by POST with a CSRF token."""

import json
import re

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import TEST_PASSWORD
from assessments.models import AreaRating, Evidence
from ima_portal.tests.test_settings import PRODUCTION_ENV, run_manage
from tests.fuzz.crawl import crawl, parse
from tests.fuzz.dbstate import fingerprint
from tests.fuzz.fuzzer import baseline
from tests.fuzz.headers import PROBE, csp_problems, header_problems
from tests.fuzz.values import PDF
from tests.fuzz.world import build_world, start_urls
from tests.test_fuzz_forms import NEEDS_SECOND_FACTOR, NOT_FORMS, POST_FORMS, ROLES

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


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


def sign_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


# --- production transport settings ------------------------------------------------------------------


def test_production_settings_send_secure_cookies_hsts_and_redirect_to_https(tmp_path):
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'probe.sqlite3'}"}
    result = run_manage("shell", "-c", PROBE, env=env)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["settings"] == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
    }
    assert probe["plain"] == [301, "https://ima-portal.example.gov.uk/accounts/login/"]
    assert probe["secure"] == 200
    assert probe["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert probe["csrf_cookie_secure"] is True
    assert probe["csrf_cookie_samesite"] == "Lax"


# --- CSP, security headers and no inline code on any page of any role --------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_every_page_has_a_strict_csp_security_headers_and_no_inline_code(client, world, role):
    sign_in(client, world.users[role])
    result = crawl(client, start_urls(world, role), per_name=2)
    # Anonymous people see sign-in pages; a person yet to give their second factor, the page asking for it.
    assert len(result.pages) > {"anonymous": 3, "second_factor": 1}.get(role, 15)
    problems = []
    for url, (status, parser, response) in result.pages.items():
        signed_in = role != "anonymous"
        problems += [f"{url} ({status}): {problem}" for problem in header_problems(response, signed_in=signed_in)]
        if parser is not None:
            problems += [f"{url}: inline code {found}" for found in parser.inline_scripts]
            problems += [f"{url}: style attribute {found}" for found in parser.style_attributes]
    assert not problems, "\n".join(problems)


def test_the_page_check_notices_inline_scripts_handlers_and_styles():
    parser = parse(
        "/",
        '<script>alert(1)</script><a href="/" onclick="x()">x</a><p style="color:red">x</p><style>p{}</style>'
        '<script src="/static/x.js"></script><script type="application/json">{"data": 1}</script>',
    )
    assert len(parser.inline_scripts) == 2
    assert len(parser.style_attributes) == 2


def test_error_pages_and_downloads_carry_the_security_headers_too(client, world, lead_a):
    client.force_login(lead_a)
    evidence = Evidence.objects.get(rating__assessment=world.assessments["draft"], kind=Evidence.Kind.FILE)
    for response in (
        client.get("/no-such-page/"),
        client.get(reverse("assessments:evidence_download", args=[evidence.pk])),
        client.get(reverse("assessments:import_ratings")),  # 403 for a KIM lead
    ):
        assert header_problems(response) == [], response.status_code
    assert client.get(reverse("assessments:evidence_download", args=[evidence.pk]))["Content-Disposition"].startswith(
        "attachment"
    )


def test_the_admin_site_has_no_inline_scripts_or_styles(client, world, administrator):
    client.force_login(administrator)
    result = crawl(client, ["/admin/", "/admin/assessments/assessment/", "/admin/accounts/user/"], per_name=3)
    problems = []
    for url, (_status, parser, response) in result.pages.items():
        problems += [f"{url}: {problem}" for problem in csp_problems(response.get("Content-Security-Policy"))]
        if parser is not None:
            problems += [f"{url}: inline code {found}" for found in parser.inline_scripts]
    assert not problems, "\n".join(problems)


# --- passwords ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    ["short-pass", "password1234", "123456789012345", "lena.lead-a@example"],
    ids=["shorter-than-12", "common", "numeric", "like-the-email"],
)
def test_weak_passwords_are_refused(lead_a, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=lead_a)


def test_a_strong_password_is_accepted(lead_a):
    validate_password("plum-harbour-tangent-47", user=lead_a)


def test_changing_to_a_weak_password_shows_the_error_summary(client, lead_a):
    client.force_login(lead_a)
    response = client.post(
        reverse("password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": "password1234", "new_password2": "password1234"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "<title>Error: " in page
    lead_a.refresh_from_db()
    assert lead_a.check_password(TEST_PASSWORD)


# --- upload and request size limits ------------------------------------------------------------------


def too_large(name, limit):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, PDF + b"%" * (limit + 1 - len(PDF)), content_type="application/pdf")


def test_evidence_larger_than_the_limit_is_refused(client, world, lead_a, settings):
    settings.MAX_UPLOAD_BYTES = 4096
    draft = world.assessments["draft"]
    rating = AreaRating.objects.filter(assessment=draft).first()
    client.force_login(lead_a)
    before = rating.evidence.count()
    response = client.post(
        reverse("assessments:area_edit", args=[draft.pk, rating.pk]),
        {"version": rating.version, "action": "evidence", "evidence_file": too_large("big.pdf", 4096)},
    )
    assert response.status_code == 200
    assert "must be smaller than 4 KB" in response.content.decode()
    assert rating.evidence.count() == before


def test_a_meeting_paper_larger_than_the_limit_is_refused(client, world, assessor, settings):
    settings.MAX_UPLOAD_BYTES = 4096
    meeting = world.objects["held_meeting"]
    client.force_login(assessor)
    response = client.post(
        reverse("network:paper_add", args=[meeting.pk]), {"title": "Minutes", "file": too_large("big.pdf", 4096)}
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert meeting.papers.count() == 1


@pytest.mark.parametrize(
    ("url_name", "role", "filename"),
    [("assessments:import_ratings", "assessor", "ratings.csv"), ("actionplans:plan_import", "lead", "plan.xlsx")],
)
def test_imports_larger_than_5_mb_are_refused(client, world, url_name, role, filename):
    client.force_login(world.users[role])
    args = [world.plans["draft_plan"].pk] if url_name == "actionplans:plan_import" else []
    state = fingerprint()
    response = client.post(reverse(url_name, args=args), {"file": too_large(filename, 5 * 1024 * 1024)})
    assert response.status_code == 200
    assert "smaller than 5 MB" in response.content.decode()
    assert fingerprint() == state


def test_a_form_post_larger_than_django_accepts_is_a_400(client, world, assessor):
    client.force_login(assessor)
    assessment = world.assessments["in_review"]
    summary = assessment.theme_summaries.first()
    response = client.post(
        reverse("assessments:theme_summary", args=[assessment.pk, summary.pk]),
        {"version": summary.version, "situation_at_time": "A" * (6 * 1024 * 1024)},
    )
    assert response.status_code == 400
    assert "Sorry, the service could not accept what was sent" in response.content.decode()
    assert header_problems(response) == []


def test_an_unknown_host_name_gets_the_400_page(client):
    response = client.get("/", HTTP_HOST="ima-portal.evil.example")
    assert response.status_code == 400
    assert "govuk-template" in response.content.decode()


# --- the admin site ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "lead", "contributor", "assessor"])
def test_the_admin_site_refuses_everyone_but_administrators(client, world, role):
    sign_in(client, world.users[role])
    for url in ("/admin/", "/admin/accounts/user/", "/admin/assessments/assessment/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def test_the_admin_site_is_open_to_administrators(client, world, administrator):
    client.force_login(administrator)
    assert client.get("/admin/accounts/user/").status_code == 200


def test_a_non_administrator_cannot_sign_in_to_the_admin_site(client, lead_a):
    response = client.post("/admin/login/", {"username": lead_a.email, "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


# --- every state change by POST, with a CSRF token ---------------------------------------------------


def discover(client, world):
    """[(role, user, form)] for every POST form, and [(role, user, url)] for every read-only page, per role."""
    forms, reads = {}, []
    for role in ROLES:
        sign_in(client, world.users[role])
        result = crawl(client, start_urls(world, role), per_name=2)
        for form in result.forms:
            forms.setdefault((form.url_name, role), (role, world.users[role], form))
        reads += [(role, world.users[role], url) for url in result.pages]
    return list(forms.values()), reads


CSRF_PAGE = "Sorry, your form could not be sent"


def test_a_form_sent_with_its_csrf_token_is_accepted(world, lead_a):
    """The other side of the CSRF checks below: they refuse for the missing token, not for anything else."""
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(lead_a)
    url = reverse("network:consent_edit", args=[world.assessments["no_plan"].pk])
    page = csrf_client.get(url).content.decode()
    token = csrf_client.cookies["csrftoken"].value
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    assert csrf_client.post(url, {"share": "no", "version": version}).status_code == 403
    sent = csrf_client.post(url, {"share": "no", "version": version, "csrfmiddlewaretoken": token})
    assert sent.status_code == 302


def test_state_changes_need_post_and_a_csrf_token(client, world):
    forms, reads = discover(client, world)
    assert {form.url_name for _, _, form in forms} >= POST_FORMS - NEEDS_SECOND_FACTOR
    state = fingerprint()
    problems = []
    csrf_client = Client(enforce_csrf_checks=True)
    for role, user, form in forms:
        sign_in(client, user)
        got = client.get(form.action)
        if got.status_code not in (200, 302, 403, 404, 405):
            problems.append(f"GET {form.action} as {role}: {got.status_code}")
        sign_in(csrf_client, user)
        posted = csrf_client.post(form.action, baseline(form))
        if posted.status_code != 403 or CSRF_PAGE not in posted.content.decode():
            problems.append(f"POST {form.action} as {role} without a CSRF token: {posted.status_code}")
        if fingerprint() != state:
            problems.append(f"GET or token-less POST {form.action} as {role} changed data")
            state = fingerprint()
    for role, user, url in reads:
        name = resolve_name(url)
        if name not in NOT_FORMS or name in POST_FORMS:
            continue
        sign_in(client, user)
        status = client.post(url, {"anything": "at all"}).status_code
        # Anonymous people are sent to sign in, and a person yet to give their second factor to give it.
        redirect_expected = user is None or role == "second_factor"
        if status not in (302, 403, 404, 405) or (not redirect_expected and status == 302):
            problems.append(f"POST {url} ({name}) as {role}: {status}, expected 405")
        if fingerprint() != state:
            problems.append(f"POST {url} as {role} changed data")
            state = fingerprint()
    assert not problems, "\n".join(problems)


def resolve_name(url):
    from tests.fuzz.crawl import url_name

    return url_name(re.sub(r"\?.*", "", url))
