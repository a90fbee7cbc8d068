"""Celery tasks for reports: the render (by job id) and the sweeper that rescues lost jobs."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_ready
from django.conf import settings
from django.db import OperationalError, connections

from common.broker import retry_countdown

from . import jobs

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OperationalError, OSError)
MAX_RETRIES = 3


@shared_task(
    bind=True,
    acks_late=True,
    max_retries=MAX_RETRIES,
    soft_time_limit=settings.REPORTS_SOFT_TIME_LIMIT,
    time_limit=settings.REPORTS_TIME_LIMIT,
)
def render_report_job(self, job_id):
    try:
        jobs.job_execute(job_id)
    except SoftTimeLimitExceeded:
        jobs.job_fail(job_id, jobs.TOO_SLOW.replace("{seconds}", str(settings.REPORTS_SOFT_TIME_LIMIT)))
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= MAX_RETRIES:
            logger.exception("Report job %s failed after %s tries", job_id, self.request.retries + 1)
            jobs.job_fail(job_id, jobs.SERVICE_UNAVAILABLE.replace("{tries}", str(self.request.retries + 1)))
            return
        logger.warning("Report job %s hit a transient error (%s); retrying", job_id, exc)
        jobs.job_release_for_retry(job_id)
        raise self.retry(exc=exc, countdown=retry_countdown(self.request.retries)) from exc
    except Exception:
        logger.exception("Report job %s failed", job_id)
        jobs.job_fail(job_id, jobs.RENDER_FAILED)


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90, ignore_result=True)
def sweep_report_jobs():
    result = jobs.jobs_sweep()
    if any(result.values()):
        logger.info("Report sweeper: %s", result)
    return result


@worker_ready.connect
def sweep_on_worker_start(sender=None, **kwargs):
    """A worker that starts (often after one died) rescues lost jobs at once, without waiting for beat."""
    try:
        jobs.jobs_sweep()
    except Exception:  # a failed sweep must not stop the worker starting
        logger.exception("Report sweeper failed at worker start")
    finally:
        connections.close_all()
