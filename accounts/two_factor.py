"""Two-factor authentication: an authenticator app (TOTP, django-otp) and one-time recovery codes.

Anyone may set it up; once set up it is asked for at every sign-in. With MFA_REQUIRED on (the production
default) assessors and administrators, who see every department, must set it up before anything else.
"""

import base64
import io
import math

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from common.errors import NotAllowed, ServiceError

from . import access

APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10
SESSION_FLAG = "has_second_factor"
PENDING_KEY = "pending_authenticator_key"

WRONG_SETUP_CODE = "The code is not right. Enter the 6-digit code your authenticator app shows now"
WRONG_CODE = "The code is not right. Enter the 6-digit code from your authenticator app, or a recovery code"
WAIT_AFTER_WRONG_CODES = "Too many wrong codes. Wait {wait}, then enter the code your app shows then"
REPLACE_NEEDS_CODE = "Enter a code from your current authenticator app before setting up another"
NOT_SET_UP = "Set up two-factor authentication first"
REQUIRED_FOR_ROLE = "Assessors and administrators must keep two-factor authentication on"


def is_required(user):
    return settings.MFA_REQUIRED and access.sees_every_department(user)


def has_second_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def session_has_second_factor(request):
    """Whether the signed-in person has set it up, remembered in the session so pages do not ask each time."""
    if SESSION_FLAG not in request.session:
        request.session[SESSION_FLAG] = has_second_factor(request.user)
    return request.session[SESSION_FLAG]


def pending_app_device(request):
    """The authenticator app being set up. Its secret waits in the session until a code confirms it, so
    showing the page writes nothing and reloading it shows the same QR code."""
    key = request.session.get(PENDING_KEY)
    if key is None:
        key = request.session[PENDING_KEY] = random_hex(20)
    found = TOTPDevice.objects.filter(user=request.user, confirmed=False, key=key).first()
    return found or TOTPDevice(user=request.user, name=APP_DEVICE_NAME, confirmed=False, key=key)


def qr_code_data_uri(device):
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def manual_key(device):
    """The secret as people type it into an app: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[index : index + 4] for index in range(0, len(key), 4))


@transaction.atomic
def confirm_app(*, request, device, code):
    """Confirm the app with a code it shows; sign the session in as verified; return new recovery codes."""
    if has_second_factor(request.user) and not request.user.is_verified():
        raise NotAllowed(REPLACE_NEEDS_CODE)
    if not device.verify_token(_normalised(code)):
        raise ServiceError(WRONG_SETUP_CODE, field="code")
    TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    otp_login(request, device)
    request.session[SESSION_FLAG] = True
    request.session.pop(PENDING_KEY, None)
    return new_recovery_codes(user=request.user)


@transaction.atomic
def new_recovery_codes(*, user):
    """Ten new one-time codes, replacing any earlier ones; shown once, stored as django-otp stores them."""
    if not has_second_factor(user):
        raise ServiceError(NOT_SET_UP)
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def verify(*, request, code):
    """Check a code from the app, or a recovery code (used up), and mark the session verified.

    After each wrong app code django-otp makes the app wait twice as long as before (OTP_TOTP_THROTTLE_FACTOR
    seconds, doubling): a person is told how long, rather than that a right code is wrong. Recovery codes
    (letters) are checked only against recovery codes, so they never count against the app.
    """
    code = _normalised(code)
    if code.isdigit():
        device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
        if device is not None:
            _refuse_while_throttled(device)
    else:
        device = StaticDevice.objects.filter(user=request.user).first()
    if device is None or not device.verify_token(code):
        raise ServiceError(WRONG_CODE, field="code")
    otp_login(request, device)


def _refuse_while_throttled(device):
    allowed, about = device.verify_is_allowed()
    if not allowed and about.get("locked_until"):
        seconds = max(1, math.ceil((about["locked_until"] - timezone.now()).total_seconds()))
        raise ServiceError(WAIT_AFTER_WRONG_CODES.format(wait=f"{seconds} second{pluralize(seconds)}"), field="code")


def remove(*, user, by):
    """Turn two-factor authentication off for `user` (themselves, or an administrator resetting a lost phone)."""
    if by == user and is_required(user):
        raise NotAllowed(REQUIRED_FOR_ROLE)
    for device in devices_for_user(user, confirmed=None):
        device.delete()


def _normalised(code):
    """People type codes with spaces or dashes, and recovery codes in capitals."""
    code = (code or "").replace(" ", "").replace("-", "")
    return code if code.isdigit() else code.lower()
