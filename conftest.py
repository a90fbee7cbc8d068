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
from common.broker import broker_failures_forget
from common.health import broker_answers_forget
from tests.support.broker import BrokerCapture
from tests.support.hung_broker import HungBroker, celery_app_broker
from tests.support.worker import PrivateQueue, WorkerProcess


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    # Hashing demo passwords with PBKDF2 would dominate the suite's run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Two-factor authentication is asked for only by the tests about it (the local .env may say otherwise).
    settings.MFA_REQUIRED = False
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AXES_ENABLED = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # A publish refused in an earlier test must not keep this one from trying the broker (common/broker.py).
    broker_failures_forget()
    broker_answers_forget()  # /healthz's cached answer about the broker (common/health.py)


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


# --- the broker and workers -----------------------------------------------------------------------


@pytest.fixture
def broker(monkeypatch, django_capture_on_commit_callbacks):
    """What the code would send to the broker, captured instead (tests/support/broker.py): `broker.emails`,
    `broker.report_jobs`, `broker.messages`; `with broker.after_commit():` runs the on-commit hooks that send.
    """
    return BrokerCapture(django_capture_on_commit_callbacks).install(monkeypatch)


@pytest.fixture
def hung_broker(monkeypatch):
    """The real Celery app's broker is, for this test, one that accepts connections and never answers
    (tests/support/hung_broker.py); only its URL changes, the transport options are the settings' own."""
    with HungBroker() as hung, celery_app_broker(hung.url, monkeypatch):
        yield hung


@pytest.fixture
def private_queue(tmp_path):
    """Task messages this test sends go to a queue (and broker folders) of its own, never the dev queue."""
    with PrivateQueue(tmp_path / "celery") as queue:
        yield queue


@pytest.fixture
def celery_worker(request, transactional_db, private_queue, settings):
    """A real `celery worker` process (concurrency 1: it works through its queue in order) consuming this
    test's own queue, on the test database: it sees only committed data, hence `transactional_db`.

    Extra settings for the worker, as environment variables, by indirect parametrisation:
    `@pytest.mark.parametrize("celery_worker", [{"REPORTS_TEST_RENDER_DELAY": 60}], indirect=True)`.
    `celery_worker.kill()` then `celery_worker.start(**settings)` replaces it with a new process.
    """
    worker = WorkerProcess(
        queue=private_queue.name,
        filesystem_dir=private_queue.folder,
        email_dir=private_queue.folder / "emails",
        extra_env={"MEDIA_ROOT": settings.MEDIA_ROOT},
    )
    worker.start(**getattr(request, "param", {}))
    try:
        yield worker
    finally:
        worker.stop()


def pytest_make_parametrize_id(config, val, argname):
    """File contents as a test parameter are named by their size, never their bytes: a zip or workbook built at
    collection carries the time it was made, and pytest-xdist refuses to run when its workers collect tests whose
    ids differ ("Different tests were collected between gw0 and gw1")."""
    if isinstance(val, bytes | bytearray):
        return f"{len(val)}-bytes"
    return None


# The longest tests (minutes each: browser journeys, the axe crawl, the fuzzer, the authorisation matrix) run
# first, so that pytest-xdist hands them out to the workers side by side at the start instead of leaving
# one worker alone with a long tail at the end. Longest first, in this order.
LONGEST_FIRST = (
    "tests/e2e/test_crawl_axe.py",
    "tests/e2e/test_full_story.py",
    "tests/test_fuzz_forms.py",
    "tests/e2e/test_authoring_journey.py",
    "tests/test_authorisation_matrix.py",
    "tests/e2e/test_assessment_journey.py",
    "tests/test_hardening.py",
    "tests/e2e/",
)


def pytest_collection_modifyitems(session, config, items):
    def rank(item):
        path = item.nodeid.split("::")[0]
        return next(
            (index for index, prefix in enumerate(LONGEST_FIRST) if path.startswith(prefix)), len(LONGEST_FIRST)
        )

    items.sort(key=rank)  # stable: the order within each group is kept
