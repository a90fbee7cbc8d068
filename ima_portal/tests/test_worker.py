import time

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
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        files = list(celery_worker.email_dir.glob("*.log")) if celery_worker.email_dir.exists() else []
        if files:
            break
        time.sleep(0.2)
    assert files, celery_worker.log()
    message = files[0].read_text()
    assert "To: lead.a@example.gov.uk" in message
    assert "Hello Lena" in message
