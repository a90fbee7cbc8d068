from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "People and roles"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .signals import remember_at_sign_in

        user_logged_in.connect(remember_at_sign_in, dispatch_uid="accounts.remember_at_sign_in")
