import logging

from django.apps import AppConfig

from assessments.signals import assessment_published  # plain Signal: safe to import while apps load


class ReportsConfig(AppConfig):
    name = "reports"

    def ready(self):
        # WeasyPrint logs every layout step at INFO; a worker's log should show jobs, not steps.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
        # Publishing an assessment issues its report: reports listens, assessments never imports reports.
        from .services import report_issue_on_publish

        assessment_published.connect(report_issue_on_publish, dispatch_uid="reports.issue_on_publish")
