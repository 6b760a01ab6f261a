"""Following a request once it is out (R14; §4.6, §4.9): the response rate against the deadline and
the reminders to the states that have not answered.

The rate counts out of the states the request was addressed to: those that had at least one active
correspondent when it opened (`AddressedState`, recorded by `address_request`). A reminder reaches
the active correspondents of a state, in each one's language, through `notify`; a request, a state
and a day get at most one reminder (a unique constraint), whether the Office pressed the button or
the daily `send_request_reminders` did it.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.log_actions import log

from network_pages import access
from network_pages.models import (
    AddressedState,
    InformationRequestPage,
    MemberState,
    ResponseReminder,
    StateResponse,
)
from network_pages.notifications import notify
from network_pages.requests import active_members_of
from network_pages.roles import CORRESPONDENTS
from network_pages.translations import original, originals

SUBMITTED, DRAFT, NONE = "submitted", "draft", "none"


@dataclass
class StateStatus:
    state: MemberState
    status: str
    late: bool = False
    reminded_on: date | None = None


@dataclass
class ResponseRate:
    """Where a request stands: one row per addressed state, and those that answered without
    having been addressed (designated after the request opened)."""

    rows: list = field(default_factory=list)
    others: list = field(default_factory=list)

    def _count(self, status):
        return sum(1 for row in self.rows if row.status == status)

    @property
    def addressed(self):
        return len(self.rows)

    @property
    def submitted(self):
        return self._count(SUBMITTED)

    @property
    def drafts(self):
        return self._count(DRAFT)

    @property
    def missing(self):
        return self._count(NONE)

    @property
    def percent(self):
        return round(100 * self.submitted / self.addressed) if self.addressed else 0

    def waiting(self):
        """The addressed states that have not submitted."""
        return [row.state for row in self.rows if row.status != SUBMITTED]


def response_rates(sources):
    """{source pk: ResponseRate} for requests as first written, in three queries."""
    ids = [source.pk for source in sources]
    addressed = defaultdict(set)
    states = {}
    for row in AddressedState.objects.filter(request_id__in=ids).select_related("member_state"):
        addressed[row.request_id].add(row.member_state_id)
        states[row.member_state_id] = row.member_state
    statuses = defaultdict(dict)
    for response in StateResponse.objects.filter(request_id__in=ids).select_related("member_state"):
        statuses[response.request_id][response.member_state_id] = response
        states[response.member_state_id] = response.member_state
    reminded = {}
    for request_id, state_id, day in ResponseReminder.objects.filter(
        request_id__in=ids
    ).values_list("request_id", "member_state_id", "day"):
        key = request_id, state_id
        reminded[key] = max(day, reminded.get(key, day))
    rates = {}
    for request_id in ids:
        rate = ResponseRate()
        for state_id in addressed[request_id] | statuses[request_id].keys():
            response = statuses[request_id].get(state_id)
            row = StateStatus(
                state=states[state_id],
                status=response.status if response else NONE,
                late=bool(response and response.late),
                reminded_on=reminded.get((request_id, state_id)),
            )
            (rate.rows if state_id in addressed[request_id] else rate.others).append(row)
        rate.rows.sort(key=lambda row: row.state.name)
        rate.others.sort(key=lambda row: row.state.name)
        rates[request_id] = rate
    return rates


def response_rate(page):
    source = original(page)
    return response_rates([source])[source.pk]


def correspondents_by_state(states):
    """{state pk: its active correspondents}, in one query however many states."""
    memberships = get_user_model().groups.through.objects
    state_of_group = {state.group_id: state.pk for state in states}
    rows = memberships.filter(
        group_id__in=state_of_group, user__in=active_members_of(CORRESPONDENTS)
    ).select_related("user")
    found = defaultdict(list)
    for row in rows:
        found[state_of_group[row.group_id]].append(row.user)
    return found


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


@require_POST
def remind_view(request, page):
    """The Office's button: remind every state that has not submitted, or one state."""
    if not access.is_editor(request.user):
        raise PermissionDenied
    if page.status != page.OPEN:
        messages.error(request, _("Reminders can only be sent while the request is open."))
        return redirect(page.url)
    waiting = response_rate(page).waiting()
    code = request.POST.get("state")
    if code:
        state = get_object_or_404(MemberState, code=code.upper())
        waiting = [s for s in waiting if s.pk == state.pk]
    reminded = remind(page, waiting, by=request.user)
    skipped = len(waiting) - len(reminded)
    if reminded:
        messages.success(
            request,
            ngettext(
                "A reminder was sent to %(count)d state.",
                "A reminder was sent to %(count)d states.",
                len(reminded),
            )
            % {"count": len(reminded)},
        )
    if skipped:
        messages.info(
            request,
            ngettext(
                "%(count)d state was not reminded: it was already reminded today or has no "
                "active correspondent.",
                "%(count)d states were not reminded: they were already reminded today or have no "
                "active correspondent.",
                skipped,
            )
            % {"count": skipped},
        )
    if not waiting:
        messages.info(request, _("There is no state to remind."))
    return redirect(page.url + "#follow-up")
