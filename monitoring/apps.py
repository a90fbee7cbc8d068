from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = "Departmental KIM monitoring"

    def ready(self):
        from . import checks  # noqa: F401 - registers the settings check
