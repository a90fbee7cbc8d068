import logging

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"

    def ready(self):
        # WeasyPrint logs every layout step at INFO; a worker's log should show jobs, not steps.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
