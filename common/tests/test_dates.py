import datetime

import pytest
from django import forms
from django.utils import timezone

from common.dates import age_label, date_range_label, time_label
from common.fields import FUTURE, PAST, GovDateField


def _clean(when, value, keep=None):
    field = GovDateField(noun="due date", when=when)
    field.keep = keep
    return field.clean([str(value.day), str(value.month), str(value.year)])


def test_a_future_rule_refuses_yesterday_with_a_govuk_message():
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(forms.ValidationError) as error:
        _clean(FUTURE, yesterday)
    assert error.value.messages == ["The due date must be today or in the future"]


def test_a_future_rule_accepts_today_and_a_kept_past_date():
    today = timezone.localdate()
    assert _clean(FUTURE, today) == today
    old = datetime.date(2020, 1, 1)
    assert _clean(FUTURE, old, keep=old) == old


def test_a_past_rule_refuses_tomorrow():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(forms.ValidationError) as error:
        _clean(PAST, tomorrow)
    assert error.value.messages == ["The due date must be today or in the past"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.time(4, 42), "4:42am"),
        (datetime.time(0, 0), "12am"),
        (datetime.time(12, 0), "12pm"),
        (datetime.time(17, 5), "5:05pm"),
    ],
)
def test_times_are_written_in_govuk_style(value, expected):
    assert time_label(value) == expected


def test_one_day_range_is_one_date():
    day = datetime.date(2026, 3, 2)
    assert date_range_label(day, day) == "2 March 2026"
    assert date_range_label(day, datetime.date(2026, 3, 4)) == "2 to 4 March 2026"


def test_ages_count_days():
    today = datetime.date(2026, 3, 10)
    assert age_label(today, today=today) == "today"
    assert age_label(datetime.date(2026, 3, 9), today=today) == "1 day ago"
    assert age_label(datetime.date(2026, 3, 7), today=today) == "3 days ago"
