import pytest
from django.core.management import call_command

from monitoring.models import Answer, Round
from monitoring.selectors import league_table

pytestmark = pytest.mark.django_db


def test_demo_has_a_shared_closed_round_and_an_open_round_with_answers_in_every_state(settings):
    settings.DEBUG = True
    call_command("load_framework")
    call_command("seed_demo", "--departments", "5", "--years", "0")
    rounds = Round.objects.filter(department__slug="education").order_by("opens_on")
    assert [(r.name, r.status, r.shared_with_tna) for r in rounds] == [
        ("Last quarter", "closed", True),
        ("This quarter", "open", False),
    ]
    statuses = set(Answer.objects.filter(round=rounds[1]).values_list("status", flat=True))
    assert statuses == {"not_answered", "submitted", "verified", "challenged"}
    table = league_table(rounds[1])
    assert len(table.rows) == 11 and all(row.previous_percent is not None for row in table.rows)
    call_command("seed_demo", "--departments", "5", "--years", "0")
    assert Round.objects.filter(department__slug="education").count() == 2
