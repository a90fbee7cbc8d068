from django.contrib.auth import views as auth_views
from django.urls import path

from . import forms, oidc, views

urlpatterns = [
    path("", views.account, name="account"),
    path("two-factor/set-up/", views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/verify/", views.two_factor_verify, name="two_factor_verify"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="two_factor_recovery_codes"),
    path("two-factor/turn-off/", views.two_factor_remove, name="two_factor_remove"),
    path("login/", views.SignInView.as_view(), name="login"),
    # Single sign-on (accounts/oidc.py): 404 unless OIDC_RP_CLIENT_ID is set.
    path("organisation/sign-in/", oidc.authentication_init, name="oidc_authentication_init"),
    path("organisation/callback/", oidc.authentication_callback, name="oidc_authentication_callback"),
    # Django's LogoutView accepts POST only: signing out by a GET link would be a CSRF hole.
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(form_class=forms.PasswordChangeForm),
        name="password_change",
    ),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
