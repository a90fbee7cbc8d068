"""Sign-in and password reset: Django's views with the service's throttles (accounts/throttling.py)."""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from . import forms, throttling

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
