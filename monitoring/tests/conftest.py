import pytest

from . import factories


@pytest.fixture
def monitored(department_a, lead_a, contributor_a):
    """Department A with 3 teams (contributor A answers for them), 3 criteria and an open round."""
    factories.teams(department_a, 3, contact=contributor_a)
    factories.criteria(department_a, lead_a)
    return factories.opened_round(department_a, lead_a)
