"""Convening the network's sessions (R10, R11; §4.1-4.3): convocations 30 working days ahead, and
a plenary at least once a year.

The convocation is the SRSG's act (§4.1): it cannot go before the SRSG approved the draft agenda
(`agenda.approve`); it says who convened and when the agenda was approved, and the Office sends it
on the SRSG's behalf.

A convocation goes to every active correspondent (and to the people invited to the session) with
the draft agenda, in each recipient's language, through `notify`; it records when and to whom. A
plenary convocation sent after the last compliant date is refused unless the Office gives a
reason, which the audit log keeps.

A convocation records the dates it announced. When a convened session is published with other
dates, the people convened are told the new ones (`send_new_dates`), recorded as a convocation
that changes the dates.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from network_pages.accounts.members import active_members_of
from network_pages.core.roles import CORRESPONDENTS
from network_pages.core.translations import original
from network_pages.intranet.versions import sync_versions
from network_pages.notifications.outbox import notify
from network_pages.sessions.agenda import is_current
from network_pages.sessions.models import (
    AgendaApproval,
    Convocation,
    Invitation,
    PlenarySessionPage,
    SessionPage,
)
from network_pages.sessions.working_days import CONVOCATION_WORKING_DAYS, last_compliant_date

PLENARY_YEAR_TURNS = (10, 1)  # from 1 October, next year's plenary must be planned


class ConvocationRefused(Exception):
    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field  # the form field the refusal is about, if any


def convocation_deadline(page):
    return last_compliant_date(page.starts_on)


def recipients_of(source):
    """Every active correspondent, and the people invited to the session (`source`: the session
    as first written)."""
    people = list(active_members_of(CORRESPONDENTS))
    invited = (
        Invitation.objects.current()
        .filter(session=source, user__is_active=True)
        .select_related("user")
    )
    people += [invitation.user for invitation in invited]
    return list({person.pk: person for person in people}.values())


@transaction.atomic
def send_convocation(page, *, by, override_reason="", today=None):
    today = today or timezone.localdate()
    source = original(page).specific  # the session as first written holds the rules' facts
    if not source.agenda_items.exists():
        raise ConvocationRefused(_("A convocation cannot be sent without a draft agenda."))
    if not source.live:
        raise ConvocationRefused(_("Publish the session first: its convocation links to it."))
    approval = AgendaApproval.objects.filter(session=source).select_related("approved_by").first()
    if approval is None:
        raise ConvocationRefused(
            _(
                "The SRSG has not approved the draft agenda yet: the session is convened once "
                "the SRSG has."
            )
        )
    if not is_current(approval, source):
        raise ConvocationRefused(
            _(
                "The draft agenda changed after the SRSG approved it on %(date)s: the session is "
                "convened once the SRSG has approved it again."
            )
            % {"date": date_format(timezone.localtime(approval.approved_at), "DATE_FORMAT")}
        )
    deadline = convocation_deadline(source)
    late = today > deadline
    override_reason = override_reason.strip()
    if late and source.kind == SessionPage.Kind.PLENARY and not override_reason:
        raise ConvocationRefused(
            _(
                "A plenary session is convened at least %(days)s working days ahead: the last day "
                "to send this convocation was %(date)s. To send it all the same, give the reason."
            )
            % {"days": CONVOCATION_WORKING_DAYS, "date": date_format(deadline, "DATE_FORMAT")},
            field="override_reason",
        )
    recipients = recipients_of(source)
    convocation = Convocation.objects.create(
        session=source,
        sent_by=by,
        convened_by=approval.approved_by,
        starts_on=source.starts_on,
        ends_on=source.ends_on,
        last_compliant_date=deadline,
        late=late,
        override_reason=override_reason if late else "",
    )
    convocation.recipients.set(recipients)
    notify(recipients, "session_convocation", {"session": source, "approval": approval})
    log(
        source,
        "network.session.convene",
        user=by,
        data={
            "recipients": len(recipients),
            "late": late,
            "last_compliant_date": deadline.isoformat(),
            "reason": convocation.override_reason,
            "convened_by": approval.approved_by_id,
        },
    )
    return convocation


def people_convened(source):
    """The recipients of the session's convocations so far who are still active."""
    return list(
        get_user_model()
        .objects.filter(convocations__session=source, is_active=True)
        .distinct()
        .order_by("pk")
    )


@transaction.atomic
def send_new_dates(page, *, by=None, today=None):
    """Called when the session as first written (`page`) is published: if it was convened and its
    first or last day now differs from those its last convocation announced, tell the people
    convened the new dates (in their language), and record it as a convocation that changes the
    dates, late or not, with the reason the Office gave for a late change (the audit log's
    `DATE_CHANGE_ACTION` for that first day since the last convocation). Returns that record, or
    None when there was nothing to tell."""
    today = today or timezone.localdate()
    # Two publications at once tell people once: the second waits here, then finds the first's.
    SessionPage.objects.select_for_update().filter(pk=page.pk).values_list("pk").first()
    announced = Convocation.objects.filter(session_id=page.pk).first()
    if announced is None or announced.starts_on is None:
        return None
    if (announced.starts_on, announced.last_day) == (page.starts_on, page.last_day):
        return None
    deadline = convocation_deadline(page)
    late = today > deadline
    recipients = people_convened(page)
    convocation = Convocation.objects.create(
        session_id=page.pk,
        sent_by=by,
        starts_on=page.starts_on,
        ends_on=page.ends_on,
        changes_dates=True,
        last_compliant_date=deadline,
        late=late,
        override_reason=announced.date_change_reason(page.starts_on) if late else "",
    )
    convocation.recipients.set(recipients)
    # Its versions first (as the publication would a moment later), so that each notice shows the
    # session as it now stands in its reader's language.
    sync_versions(page, user=by)
    notify(
        recipients,
        "session_dates_changed",
        {"session": page, "convocation": convocation, "previous": announced},
    )
    log(
        page,
        "network.session.new_dates",
        user=by,
        data={
            "old": [announced.starts_on.isoformat(), announced.last_day.isoformat()],
            "new": [page.starts_on.isoformat(), page.last_day.isoformat()],
            "recipients": len(recipients),
            "late": late,
            "last_compliant_date": deadline.isoformat(),
            "reason": convocation.override_reason,
        },
    )
    return convocation


def office_facts(page):
    """What the Office needs on the session page: the convocation deadline and what was sent."""
    source = original(page)
    convocations = (
        Convocation.objects.filter(session=source)
        .select_related("sent_by")
        .annotate(recipient_count=Count("recipients"))
    )
    return {
        "last_compliant_date": convocation_deadline(source),
        "working_days": CONVOCATION_WORKING_DAYS,
        "convocations": list(convocations),
    }


def plenary_year(today=None):
    """The year that must have a plenary planned: this year until 30 September, then the next."""
    today = today or timezone.localdate()
    turn = datetime.date(today.year, *PLENARY_YEAR_TURNS)
    return today.year if today < turn else today.year + 1


def plenary_schedule_problem(today=None):
    """None when a plenary is planned for the year that needs one; otherwise the warning."""
    year = plenary_year(today)
    if PlenarySessionPage.objects.filter(starts_on__year=year).exists():
        return None
    return _(
        "No plenary session is planned for %(year)s: the network meets in plenary at least once "
        "a year."
    ) % {"year": year}
