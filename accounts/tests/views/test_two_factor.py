"""Two-factor authentication: set-up, sign-in with a code or a recovery code, enforcement by role, reset."""

import re

import pytest
from django.contrib.admin.sites import AdminSite
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.admin import UserAdmin
from accounts.models import User
from accounts.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
SETUP = "/accounts/two-factor/set-up/"
VERIFY = "/accounts/two-factor/verify/"


@pytest.fixture
def required(settings):
    settings.MFA_REQUIRED = True


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(client, user):
    response = client.post(LOGIN, {"username": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return response


def app_for(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def test_an_assessor_must_set_it_up_before_any_page_when_required(client, assessor, required):
    sign_in(client, assessor)
    response = client.get("/assessments/")
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fassessments%2F"
    page = client.get(response["Location"]).content.decode()
    assert "Assessors and administrators must set up two-factor authentication" in page
    assert 'src="data:image/svg+xml;base64,' in page
    assert re.search(r"<code class=\"app-secret-key\">[A-Z2-7 ]+</code>", page)


def test_a_wrong_set_up_code_shows_an_error_and_keeps_what_was_typed(client, assessor, required):
    sign_in(client, assessor)
    client.get(SETUP)
    page = client.post(SETUP, {"code": "000000x"}).content.decode()
    assert "govuk-error-summary" in page
    assert "The code is not right" in page
    assert 'value="000000x"' in page
    assert not TOTPDevice.objects.filter(user=assessor, confirmed=True).exists()


def test_setting_it_up_shows_ten_recovery_codes_once_and_opens_the_service(client, assessor, required):
    sign_in(client, assessor)
    client.get(f"{SETUP}?next=/assessments/")
    assert not TOTPDevice.objects.exists()  # showing the page writes nothing: the secret waits in the session
    device = TOTPDevice(key=client.session["pending_authenticator_key"])
    response = client.post(f"{SETUP}?next=/assessments/", {"code": code_for(device)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Two-factor authentication is on" in page
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(codes) == 10
    assert 'href="/assessments/"' in page
    assert client.get("/assessments/").status_code == 200
    assert TOTPDevice.objects.get(user=assessor).confirmed


def test_someone_with_an_app_is_asked_for_a_code_at_sign_in(client, lead_a, required):
    device = app_for(lead_a)
    sign_in(client, lead_a)
    response = client.get("/")
    assert response["Location"] == f"{VERIFY}?next=%2F"
    wrong = client.post(f"{VERIFY}?next=/", {"code": "123456"})
    assert "The code is not right" in wrong.content.decode()
    too_soon = client.post(f"{VERIFY}?next=/", {"code": code_for(device)})
    assert re.search(r"Too many wrong codes. Wait \d seconds?, then", too_soon.content.decode())
    device.refresh_from_db()
    device.throttle_reset()  # the second has passed
    right = client.post(f"{VERIFY}?next=/", {"code": code_for(device)})
    assert right.status_code == 302 and right["Location"] == "/"
    assert client.get("/").status_code == 200


def test_a_recovery_code_works_once(client, lead_a, settings):
    app_for(lead_a)
    sign_in(client, lead_a)
    client.post(VERIFY, {"code": code_for(TOTPDevice.objects.get(user=lead_a))})
    page = client.post("/accounts/two-factor/recovery-codes/").content.decode()
    code = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)[0]
    client.logout()
    sign_in(client, lead_a)
    assert client.post(VERIFY, {"code": code.upper()}).status_code == 302
    client.logout()
    sign_in(client, lead_a)
    assert "The code is not right" in client.post(VERIFY, {"code": code}).content.decode()


def test_new_recovery_codes_replace_the_old_ones(client, lead_a):
    app_for(lead_a)
    sign_in(client, lead_a)
    client.post(VERIFY, {"code": code_for(TOTPDevice.objects.get(user=lead_a))})
    first = re.findall(
        r"<code>([a-z2-7]{8})</code>", client.post("/accounts/two-factor/recovery-codes/").content.decode()
    )
    second = re.findall(
        r"<code>([a-z2-7]{8})</code>", client.post("/accounts/two-factor/recovery-codes/").content.decode()
    )
    assert set(StaticToken.objects.filter(device__user=lead_a).values_list("token", flat=True)) == set(second)
    assert not set(first) & set(second)


def test_a_kim_lead_is_not_forced_but_may_set_it_up(client, lead_a, required):
    sign_in(client, lead_a)
    assert client.get("/").status_code == 200
    page = client.get("/accounts/").content.decode()
    assert "Set up two-factor authentication" in page


def test_nobody_is_forced_when_it_is_not_required(client, assessor):
    sign_in(client, assessor)
    assert client.get("/assessments/").status_code == 200


def test_the_admin_site_is_behind_the_second_factor_too(client, administrator, required):
    sign_in(client, administrator)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(SETUP)


def test_an_assessor_may_not_turn_it_off_but_a_kim_lead_may(client, assessor, lead_a, required):
    device = app_for(assessor)
    client.force_login(assessor)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.get("/accounts/two-factor/turn-off/").status_code == 403
    client.logout()
    device = app_for(lead_a)
    client.force_login(lead_a)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.post("/accounts/two-factor/turn-off/").status_code == 302
    assert not TOTPDevice.objects.filter(user=lead_a).exists()
    assert "Set up two-factor authentication" in client.get("/accounts/").content.decode()


def test_an_administrator_resets_a_lost_phone_and_the_person_sets_it_up_again(
    client, assessor, administrator, required
):
    app_for(assessor)
    request = RequestFactory().post("/admin/accounts/user/")
    request.user = administrator
    request.session = {}
    request._messages = FallbackStorage(request)
    UserAdmin(User, AdminSite()).reset_two_factor(request, User.objects.filter(pk=assessor.pk))
    assert not TOTPDevice.objects.filter(user=assessor).exists()
    sign_in(client, assessor)
    assert client.get("/").headers["Location"].startswith(SETUP)


def test_verify_does_not_send_people_to_another_site(client, lead_a):
    device = app_for(lead_a)
    sign_in(client, lead_a)
    response = client.post(f"{VERIFY}?next=https://evil.example.com/", {"code": code_for(device)})
    assert response["Location"] == "/"


def test_a_stolen_password_alone_cannot_set_up_a_new_app(client, lead_a):
    """The set-up page is open before the second factor; for someone who has an app it sends them to give its code."""
    app_for(lead_a)
    sign_in(client, lead_a)
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    session = client.session
    session["pending_authenticator_key"] = "00" * 20
    session.save()
    posted = client.post(SETUP, {"code": code_for(TOTPDevice(key="00" * 20))})
    assert posted.status_code == 302 and posted["Location"].startswith(VERIFY)
    assert list(TOTPDevice.objects.filter(user=lead_a).values_list("confirmed", flat=True)) == [True]
    assert TOTPDevice.objects.get(user=lead_a).key != "00" * 20


def test_an_administrator_resetting_a_list_that_includes_themselves_resets_the_others(
    assessor, administrator, required
):
    app_for(assessor)
    app_for(administrator)
    request = RequestFactory().post("/admin/accounts/user/")
    request.user = administrator
    request.session = {}
    request._messages = FallbackStorage(request)
    chosen = User.objects.filter(pk__in=[assessor.pk, administrator.pk])
    UserAdmin(User, AdminSite()).reset_two_factor(request, chosen)
    assert not TOTPDevice.objects.filter(user=assessor).exists()
    assert TOTPDevice.objects.filter(user=administrator).exists()
