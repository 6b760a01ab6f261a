"""Dates and times as the network writes them: British English, French as Django has it."""

import datetime

from django import forms
from django.utils import formats, translation

import pytest

DAY = datetime.date(2026, 12, 1)
MOMENT = datetime.datetime(2026, 12, 1, 14, 13)


@pytest.mark.parametrize(
    ("language", "long", "short", "time", "both"),
    [
        ("en", "1 December 2026", "01/12/2026", "14:13", "1 December 2026, 14:13"),
        ("fr", "1 décembre 2026", "01/12/2026", "14:13", "1 décembre 2026 14:13"),
    ],
)
def test_dates_and_times_follow_european_conventions(language, long, short, time, both):
    with translation.override(language):
        assert formats.date_format(DAY) == long
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == short
        assert formats.time_format(MOMENT.time()) == time
        assert formats.date_format(MOMENT, "DATETIME_FORMAT") == both


def test_a_typed_english_date_is_read_day_first():
    class Form(forms.Form):
        day = forms.DateField()

    with translation.override("en"):
        form = Form({"day": "01/12/2026"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == DAY
