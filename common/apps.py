from django.apps import AppConfig


class CommonConfig(AppConfig):
    """The ground floor: shared code every app may use, which itself uses no app."""

    name = "common"
    verbose_name = "Common"
