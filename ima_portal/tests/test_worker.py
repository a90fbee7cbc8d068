import pytest
from django.db import transaction

from notifications.services import notify


@pytest.mark.worker
def test_a_real_worker_sends_a_queued_email_after_commit(celery_worker, lead_a):
    with transaction.atomic():
        notify(
            recipients=[lead_a.email],
            template="test_message",
            context={"name": "Lena"},
        )
    [message] = celery_worker.wait_until(celery_worker.emails)
    assert "To: lead.a@example.gov.uk" in message
    assert "Hello Lena" in message
