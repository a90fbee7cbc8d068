import pytest

from network.tests.factories import DiscussionItemFactory

pytestmark = pytest.mark.django_db


def test_admin_pages_render(client, administrator):
    item = DiscussionItemFactory()
    client.force_login(administrator)
    for url in (
        "/admin/network/meeting/",
        f"/admin/network/meeting/{item.meeting_id}/change/",
        "/admin/network/networkprofile/add/",
        "/admin/network/goodpracticeexcerpt/",
    ):
        assert client.get(url).status_code == 200, url
