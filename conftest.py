"""Fixtures shared by every app's tests."""

import pytest

from accounts.tests.factories import (
    AdministratorFactory,
    AssessorFactory,
    contributor_of,
    kim_lead_of,
)
from assessments.services.framework import framework_load_file
from assessments.tests.factories import DepartmentFactory


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    # Hashing demo passwords with PBKDF2 would dominate the suite's run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AXES_ENABLED = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def framework(db):
    return framework_load_file().framework


@pytest.fixture
def department_a(db):
    return DepartmentFactory(name="Department for Education", short_name="DfE", slug="education")


@pytest.fixture
def department_b(db):
    return DepartmentFactory(name="Home Office", short_name="HO", slug="home-office")


@pytest.fixture
def lead_a(department_a):
    return kim_lead_of(department_a, user__email="lead.a@example.gov.uk", user__full_name="Lena Lead-A")


@pytest.fixture
def lead_b(department_b):
    return kim_lead_of(department_b, user__email="lead.b@example.gov.uk", user__full_name="Leo Lead-B")


@pytest.fixture
def contributor_a(department_a):
    return contributor_of(department_a, user__email="contrib.a@example.gov.uk", user__full_name="Cora Contrib-A")


@pytest.fixture
def assessor(db):
    return AssessorFactory(email="assessor@example.gov.uk", full_name="Priya Shah")


@pytest.fixture
def administrator(db):
    return AdministratorFactory(email="admin@example.gov.uk", full_name="Sam Okafor")


def client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def lead_a_client(client, lead_a):
    return client_for(client, lead_a)


@pytest.fixture
def assessor_client(client, assessor):
    return client_for(client, assessor)


@pytest.fixture
def celery_worker(transactional_db, tmp_path, settings):
    """A real `celery worker` process, consuming a queue no other worker uses, on the test database.

    Tests using it see only committed data in the worker, hence `transactional_db`.
    """
    import uuid

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
    reset_broker_connections()  # connections made before now carry the old transport options
    worker = WorkerProcess(
        queue=queue,
        filesystem_dir=filesystem_dir,
        extra_env={
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(tmp_path / "emails"),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        },
    )
    worker.start()
    worker.email_dir = tmp_path / "emails"
    try:
        yield worker
    finally:
        worker.stop()
        celery_app.conf.task_default_queue, celery_app.conf.broker_transport_options = previous
        reset_broker_connections()
