from assessments.tests.support import ima, lead_b_client, self_assessment  # noqa: F401 - fixtures
