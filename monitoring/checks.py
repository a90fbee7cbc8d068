"""System check: the traffic-light levels make sense, so a bad value stops `check`, not the league table."""

from django.core import checks

from .rules import settings_problem


@checks.register()
def monitoring_rule_settings(app_configs, **kwargs):
    problem = settings_problem()
    return [checks.Error(problem, id="monitoring.E001")] if problem else []
