"""Working days in Strasbourg (R11): weekends, Alsace-Moselle holidays and the Council of
Europe's closure days, and the last day a convocation may leave."""

import datetime

import pytest

from network_pages.sessions.working_days import (
    ClosureDay,
    earliest_compliant_opening,
    is_working_day,
    last_compliant_date,
    working_days_between,
)

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

DAY = datetime.date


def test_weekends_and_strasbourg_holidays_are_not_working_days(db):
    assert is_working_day(DAY(2026, 4, 2))  # Maundy Thursday
    assert not is_working_day(DAY(2026, 4, 3))  # Good Friday, a holiday in Alsace-Moselle
    assert not is_working_day(DAY(2026, 4, 4))  # Saturday
    assert not is_working_day(DAY(2026, 4, 5))  # Sunday
    assert not is_working_day(DAY(2026, 4, 6))  # Easter Monday
    assert not is_working_day(DAY(2025, 12, 26))  # a Friday, Saint Stephen's Day in Alsace
    assert is_working_day(DAY(2025, 12, 29))


def test_closure_days_of_the_council_of_europe_are_not_working_days(db):
    assert is_working_day(DAY(2025, 12, 30))
    ClosureDay.objects.create(day=DAY(2025, 12, 30), label="Year-end closure")
    assert not is_working_day(DAY(2025, 12, 30))


def test_the_last_compliant_date_leaves_exactly_30_working_days(db):
    # Opening on Monday 11 May 2026: Easter (3 and 6 April) and 1 and 8 May fall in between.
    opening = DAY(2026, 5, 11)
    last = last_compliant_date(opening)
    assert last == DAY(2026, 3, 23)
    day_before = opening - datetime.timedelta(days=1)
    assert working_days_between(last + datetime.timedelta(days=1), day_before) == 30
    assert working_days_between(last + datetime.timedelta(days=2), day_before) == 29


def test_the_earliest_compliant_opening_is_the_first_day_a_notice_sent_today_suits(db):
    # Sent on 23 March 2026, the notice suits an opening on 11 May (test above), and already on
    # Friday 8 May, a holiday: the 30th working day after the 23rd is Thursday 7 May.
    assert earliest_compliant_opening(DAY(2026, 3, 23)) == DAY(2026, 5, 8)
    assert earliest_compliant_opening(DAY(2026, 3, 24)) == DAY(2026, 5, 12)
    for today in (DAY(2026, 3, 23), DAY(2025, 12, 1), DAY(2026, 6, 10)):
        earliest = earliest_compliant_opening(today)
        assert last_compliant_date(earliest) >= today
        assert last_compliant_date(earliest - datetime.timedelta(days=1)) < today


def test_christmas_in_strasbourg_moves_the_last_compliant_date(db):
    opening = DAY(2026, 1, 26)
    last = last_compliant_date(opening)
    # 25 and 26 December 2025 and 1 January 2026 are not counted.
    assert last == DAY(2025, 12, 9)
    ClosureDay.objects.create(day=DAY(2025, 12, 31), label="Closure")
    assert last_compliant_date(opening) == DAY(2025, 12, 8)


def test_the_office_keeps_the_closure_days_in_the_admin(client, people):
    client.force_login(people.office)
    assert client.get("/admin/closure-days/").status_code == 200
    response = client.post(
        "/admin/closure-days/new/", {"day": "2026-12-31", "label": "Year-end closure"}
    )
    assert response.status_code == 302
    assert not is_working_day(DAY(2026, 12, 31))
    client.force_login(people.corr_fr)
    assert client.get("/admin/closure-days/").status_code == 302  # no admin access
