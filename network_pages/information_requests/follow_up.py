"""Following a request once it is out (R14; §4.6, §4.9): the reminders to the states that have not
answered, against the deadline (the response rate they are read from is in `standing`).

A reminder reaches
the active correspondents of a state, in each one's language, through `notify`; a request, a state
and a day get at most one reminder (a unique constraint), whether the Office pressed the button or
the daily `send_request_reminders` did it.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from network_pages.accounts.members import correspondents_by_state
from network_pages.core.translations import original, originals
from network_pages.information_requests.models import (
    InformationRequestPage,
    ResponseReminder,
)
from network_pages.information_requests.standing import SUBMITTED, response_rates
from network_pages.notifications.outbox import notify


def remind(page, states, *, by=None, today=None):
    """Remind each state's active correspondents, unless that state was reminded of this request
    today. Returns the states reminded."""
    source = original(page)
    today = today or timezone.localdate()
    reminded = []
    correspondents = correspondents_by_state(states)
    for state in states:
        recipients = correspondents[state.pk]
        if not recipients:
            continue
        with transaction.atomic():
            reminder, created = ResponseReminder.objects.get_or_create(
                request=source,
                member_state=state,
                day=today,
                defaults={"sent_by": by, "recipients": len(recipients)},
            )
            if not created:
                continue
            notify(recipients, "request_reminder", {"request": source, "state": state})
        reminded.append(state)
    if reminded:
        log(
            source,
            "network.request.remind",
            user=by,
            data={"states": [state.code for state in reminded], "day": today.isoformat()},
        )
    return reminded


def reminder_days(values=None):
    """Days before the deadline, from REQUEST_REMINDER_DAYS or the given values."""
    values = settings.REQUEST_REMINDER_DAYS if values is None else values
    return sorted({int(days) for days in values if int(days) >= 0})


def window_start(deadline, today, days):
    """The first day of the reminder window `today` falls in, or None before the first window:
    with days (7, 1), a state is reminded once from 7 days before the deadline and once more
    from the day before it; a missed cron run is caught up the next day."""
    started = [deadline - timedelta(days=n) for n in days if deadline - timedelta(days=n) <= today]
    return max(started) if started else None


def open_sources():
    """Open requests, each once, as first written."""
    pages = InformationRequestPage.objects.live().filter(
        opened_at__isnull=False, closed_at__isnull=True
    )
    return list({source.pk: source for source in originals(pages).values()}.values())


def send_due_reminders(*, today=None, days=None):
    """The daily run: remind the states that have not submitted, once per reminder window."""
    today = today or timezone.localdate()
    days = days or reminder_days()
    sources = [page for page in open_sources() if page.deadline >= today]
    rates = response_rates(sources)
    sent = {}
    for source in sources:
        start = window_start(source.deadline, today, days)
        if start is None or start <= timezone.localdate(source.opened_at):
            continue  # a window that began before the request opened: the opening notice did it
        due = [
            row.state
            for row in rates[source.pk].rows
            if row.status != SUBMITTED and (row.reminded_on is None or row.reminded_on < start)
        ]
        reminded = remind(source, due, today=today)
        if reminded:
            sent[source] = reminded
    return sent
