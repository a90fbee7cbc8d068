import io
import re
import uuid

import pytest
from pypdf import PdfReader

from reports.tests.factories import review_scenario


@pytest.fixture
def review(department_a, framework):
    """DfE progress review 2015 (published) against the IMA 2013, with two open IMA recommendations."""
    return review_scenario(department_a, framework)


def pdf_text(data):
    """The PDF's text in reading order, whitespace folded (a wrapped cell reads as one line)."""
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def sent_jobs(monkeypatch):
    """Capture what would go to the broker instead of sending it."""
    from reports.tasks import render_report_job

    sent = []
    monkeypatch.setattr(render_report_job, "apply_async", lambda args, **kwargs: sent.append(args[0]))
    return sent


@pytest.fixture
def worker_factory(transactional_db, tmp_path, settings):
    """Start real Celery workers (with extra environment) on a queue of this test's own; all stopped at the end.

    Like the root `celery_worker` fixture, but a test can start a second worker after killing the first.
    """
    from ima_portal.celery import app as celery_app
    from ima_portal.celery import reset_broker_connections
    from tests.support.worker import WorkerProcess

    queue = f"ima-test-{uuid.uuid4().hex[:8]}"
    filesystem_dir = tmp_path / "celery"
    for folder in ("queue", "control"):
        (filesystem_dir / folder).mkdir(parents=True, exist_ok=True)
    previous = (celery_app.conf.task_default_queue, celery_app.conf.broker_transport_options)
    celery_app.conf.task_default_queue = queue
    if celery_app.conf.broker_url.startswith("filesystem://"):
        celery_app.conf.broker_transport_options = {
            "data_folder_in": str(filesystem_dir / "queue"),
            "data_folder_out": str(filesystem_dir / "queue"),
            "control_folder": str(filesystem_dir / "control"),
            "store_processed": False,
        }
    reset_broker_connections()
    started = []

    def start(**extra_env):
        worker = WorkerProcess(
            queue=queue,
            filesystem_dir=filesystem_dir,
            extra_env={"MEDIA_ROOT": str(settings.MEDIA_ROOT), **{key: str(value) for key, value in extra_env.items()}},
        )
        worker.log_path = filesystem_dir / f"worker-{queue}-{len(started)}.log"
        started.append(worker)
        return worker.start()

    try:
        yield start
    finally:
        for worker in started:
            worker.stop()
        celery_app.conf.task_default_queue, celery_app.conf.broker_transport_options = previous
        reset_broker_connections()
