"""What other apps may hook into, without the assessments app knowing them.

`assessment_published` is sent by `assessment_publish` inside its transaction, after the assessment
is saved as published: a receiver that raises rolls the publication back. The reports app receives
it to issue version 1 of the report (reports/apps.py); see docs/decisions/0003-publish-issues-report.md.
`publication_gaps` is sent before: apps that own a section of the report (actionplans: next steps)
say what is missing from it (actionplans/apps.py).
"""

from django.dispatch import Signal

# Sent with: assessment (the published Assessment), by (the assessor who published it).
assessment_published = Signal()

# Sent with: assessment. Before publishing, each app that contributes a section to the report returns a
# list of what its sections still lack (GOV.UK messages naming the section), e.g. actionplans for the
# items of Next steps. The publish service refuses while any is returned.
publication_gaps = Signal()
