from assessments.tests.authoring import ima_2013, review  # noqa: F401 - fixtures
from assessments.tests.support import ima, lead_b_client, self_assessment  # noqa: F401 - fixtures
