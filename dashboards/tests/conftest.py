import pytest

from accounts.tests.factories import kim_lead_of


@pytest.fixture
def lead_client_for(client):
    def login(department, **kwargs):
        user = kim_lead_of(department, **kwargs)
        client.force_login(user)
        return client

    return login
