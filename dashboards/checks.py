"""System check: the dashboards' own rules (settings) make sense, so a bad value stops `check`, not a page."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .rules import check_settings


@checks.register()
def dashboard_rule_settings(app_configs, **kwargs):
    try:
        check_settings()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="dashboards.E001")]
    return []
