"""Working days in Strasbourg, for convocations sent 30 working days ahead (R10; §4.3).

A working day is a Monday to Friday (the stricter reading of « jours ouvrables ») that is neither a
public holiday in Strasbourg (the `holidays` package's France, subdivision 6AE, Bas-Rhin: it adds
Good Friday and 26 December to the national list) nor a Council of Europe closure day (a list the
Office edits: `ClosureDay`). Dates are those of Europe/Paris.
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import holidays

CONVOCATION_WORKING_DAYS = 30
STRASBOURG = {"country": "FR", "subdiv": "6AE"}


class ClosureDay(models.Model):
    """A day the Council of Europe is closed: not a working day for convocations."""

    day = models.DateField(_("day"), unique=True)
    label = models.CharField(_("occasion"), max_length=255, blank=True)

    class Meta:
        ordering = ["day"]
        verbose_name = _("Council of Europe closure day")
        verbose_name_plural = _("Council of Europe closure days")

    def __str__(self):
        return f"{self.day:%Y-%m-%d} {self.label}".strip()


def closure_days(start, end):
    return set(ClosureDay.objects.filter(day__range=(start, end)).values_list("day", flat=True))


class Calendar:
    """Working days between two dates, reading the closure days once."""

    def __init__(self, start, end):
        self.public_holidays = holidays.country_holidays(
            **STRASBOURG, years=range(start.year, end.year + 1)
        )
        self.closures = closure_days(start, end)

    def is_working_day(self, day):
        return day.weekday() < 5 and day not in self.public_holidays and day not in self.closures


def is_working_day(day):
    return Calendar(day, day).is_working_day(day)


def working_days_between(first, last):
    """Working days from `first` to `last`, both included."""
    if last < first:
        return 0
    calendar = Calendar(first, last)
    return sum(
        1
        for offset in range((last - first).days + 1)
        if calendar.is_working_day(first + timedelta(days=offset))
    )


def last_compliant_date(opening, working_days=CONVOCATION_WORKING_DAYS):
    """The latest day a convocation may be sent so that at least `working_days` working days
    remain, counting from the day after sending to the day before the opening, both included."""
    window = timedelta(days=working_days * 3 + 180)
    start = opening - window
    calendar = Calendar(start, opening)
    day, counted = opening, 0
    while counted < working_days:
        day -= timedelta(days=1)
        if day < start:  # a year of closures: read further back rather than guess
            start -= window
            calendar = Calendar(start, opening)
        if calendar.is_working_day(day):
            counted += 1
    return day - timedelta(days=1)


def earliest_compliant_opening(today, working_days=CONVOCATION_WORKING_DAYS):
    """The earliest first day for which a notice sent on `today` is not late: the smallest day
    whose `last_compliant_date` is `today` or later (the day after the `working_days`-th working
    day after `today`)."""
    window = timedelta(days=working_days * 3 + 180)
    end = today + window
    calendar = Calendar(today, end)
    day, counted = today, 0
    while counted < working_days:
        day += timedelta(days=1)
        if day > end:  # a year of closures: read further ahead rather than guess
            end += window
            calendar = Calendar(today, end)
        if calendar.is_working_day(day):
            counted += 1
    return day + timedelta(days=1)


def today():
    return timezone.localdate()


def closure_days_problem(today=None):
    """What the Office should hear when no closure day is recorded for the next twelve months
    (convocations would count those days as working days), else None."""
    today = today or timezone.localdate()
    if ClosureDay.objects.filter(day__range=(today, today + timedelta(days=365))).exists():
        return None
    return _(
        "No closure day of the Council of Europe is recorded for the next twelve months: "
        "convocations would count them as working days. Enter them under Closure days."
    )
