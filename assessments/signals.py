"""What other apps may hook into, without the assessments app knowing them.

`assessment_published` is sent by `assessment_publish` inside its transaction, after the assessment
is saved as published: a receiver that raises rolls the publication back. The reports app receives
it to issue version 1 of the report (reports/apps.py); see docs/decisions/0003-publish-issues-report.md.
"""

from django.dispatch import Signal

# Sent with: assessment (the published Assessment), by (the assessor who published it).
assessment_published = Signal()
