"""Sign-in and password reset (Django's views with the throttles of accounts/throttling.py), the account page,
and two-factor authentication (accounts/two_factor.py)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from common.errors import NotAllowed
from common.forms import ConfirmForm
from common.requests import posted, run_service

from . import access, forms, throttling, two_factor

ADDRESS_SLOWED = (
    "There have been many failed attempts to sign in from your network. Wait {seconds} seconds, then try again."
)
RESETS_FROM_ADDRESS = (
    "There have been too many requests to reset a password from your network. Wait an hour, then try again, "
    "or ask your administrator to reset your password."
)


class SignInView(auth_views.LoginView):
    authentication_form = forms.SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        # Single sign-on (accounts/oidc.py) is offered first when it is set up.
        return super().get_context_data(organisation_sign_in=settings.OIDC_ENABLED, **kwargs)

    def post(self, request, *args, **kwargs):
        seconds = throttling.address_wait_seconds(request)
        if seconds:
            form = self.get_form()
            form.is_valid()  # shows what was typed, checked, without trying the password
            form.add_error(None, ADDRESS_SLOWED.format(seconds=seconds))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = forms.PasswordResetForm
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        refused = throttling.record_password_reset_request(form.cleaned_data["email"], self.request)
        if refused == "address":
            form.add_error(None, RESETS_FROM_ADDRESS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if refused == "account":
            return super(auth_views.PasswordResetView, self).form_valid(form)  # the same page, no email
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = forms.SetPasswordForm

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever can read the account's email may sign in again at once, wherever failures came from.
        throttling.clear_account_failures(form.user.email)
        return response


# --- your account and two-factor authentication ---------------------------------------------------------

SETUP_LABEL = "Enter the 6-digit code your authenticator app shows"
VERIFY_LABEL = "Enter the code from your authenticator app"
VERIFY_HINT = "The 6-digit code your app shows now. If you do not have your phone, enter one of your recovery codes."


@login_required
@require_GET
def account(request):
    return render(
        request,
        "accounts/account.html",
        {
            "role": access.role_label(request.user),
            "has_second_factor": two_factor.session_has_second_factor(request),
            "second_factor_required": two_factor.is_required(request.user),
        },
    )


@login_required
def two_factor_setup(request):
    if two_factor.session_has_second_factor(request):
        # Replacing the app needs the old one's code first: a stolen password alone must not add a new app.
        return redirect("account" if request.user.is_verified() else _with_next("two_factor_verify", request))
    device = two_factor.pending_app_device(request)
    form = forms.SecondFactorCodeForm(posted(request), label=SETUP_LABEL, hint="", submit_label="Continue")
    if form.is_valid():
        codes, ok = run_service(form, two_factor.confirm_app, request=request, device=device, **form.cleaned_data)
        if ok:
            return _show_recovery_codes(request, codes, just_set_up=True)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_data_uri(device),
            "manual_key": two_factor.manual_key(device),
            "required": two_factor.is_required(request.user),
            "next": _next_url(request, default=""),
        },
    )


@login_required
def two_factor_verify(request):
    if request.user.is_verified():
        return redirect(_next_url(request))
    request.session.pop(two_factor.SESSION_FLAG, None)  # an administrator may have reset it since sign-in
    if not two_factor.session_has_second_factor(request):
        return redirect(_with_next("two_factor_setup", request) if two_factor.is_required(request.user) else "account")
    form = forms.SecondFactorCodeForm(posted(request), label=VERIFY_LABEL, hint=VERIFY_HINT, submit_label="Continue")
    if form.is_valid():
        _, ok = run_service(form, two_factor.verify, request=request, **form.cleaned_data)
        if ok:
            return redirect(_next_url(request))
    return render(request, "accounts/two_factor_verify.html", {"form": form})


@login_required
@require_POST
def recovery_codes(request):
    form = ConfirmForm(request.POST)
    codes, ok = run_service(form, two_factor.new_recovery_codes, user=request.user)
    if not ok:
        return redirect("account")
    return _show_recovery_codes(request, codes, just_set_up=False)


@login_required
def two_factor_remove(request):
    if two_factor.is_required(request.user):
        raise NotAllowed(two_factor.REQUIRED_FOR_ROLE)
    if not two_factor.session_has_second_factor(request):
        return redirect("account")
    form = ConfirmForm(posted(request), submit_label="Turn off two-factor authentication", warning=True)
    if form.is_valid():
        _, ok = run_service(form, two_factor.remove, user=request.user, by=request.user)
        if ok:
            request.session[two_factor.SESSION_FLAG] = False
            messages.success(request, "Two-factor authentication is off.")
            return redirect("account")
    return render(request, "accounts/two_factor_remove.html", {"form": form})


def _show_recovery_codes(request, codes, *, just_set_up):
    context = {"codes": codes, "just_set_up": just_set_up, "next": _next_url(request)}
    return render(request, "accounts/recovery_codes.html", context)


def _next_url(request, default=None):
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL) if default is None else default


def _with_next(name, request):
    target = _next_url(request, default="")
    return f"{reverse(name)}?{urlencode({'next': target})}" if target else reverse(name)
