"""Convening the network's sessions (R10, R11; §4.1-4.3): convocations 30 working days ahead, and
a plenary at least once a year.

A convocation goes to every active correspondent (and, for a thematic session, to the people
invited to it) with the draft agenda, in each recipient's language, through `notify`; it records
when and to whom. A plenary convocation sent after the last compliant date is refused unless the
Office gives a reason, which the audit log keeps.
"""

import datetime

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from network_pages.accounts.members import active_members_of
from network_pages.core.roles import CORRESPONDENTS
from network_pages.core.translations import original
from network_pages.notifications.outbox import notify
from network_pages.sessions.models import (
    Convocation,
    Invitation,
    PlenarySessionPage,
    SessionPage,
)
from network_pages.sessions.working_days import CONVOCATION_WORKING_DAYS, last_compliant_date

PLENARY_YEAR_TURNS = (10, 1)  # from 1 October, next year's plenary must be planned


class ConvocationRefused(Exception):
    pass


def convocation_deadline(page):
    return last_compliant_date(page.starts_on)


def recipients_of(source):
    """Every active correspondent, and the people invited to a thematic session (`source`: the
    session as first written)."""
    people = list(active_members_of(CORRESPONDENTS))
    if source.kind == SessionPage.Kind.THEMATIC:
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
    deadline = convocation_deadline(source)
    late = today > deadline
    override_reason = override_reason.strip()
    if late and source.kind == SessionPage.Kind.PLENARY and not override_reason:
        raise ConvocationRefused(
            _(
                "A plenary session is convened at least %(days)s working days ahead: the last day "
                "to send this convocation was %(date)s. To send it all the same, give the reason."
            )
            % {"days": CONVOCATION_WORKING_DAYS, "date": date_format(deadline, "DATE_FORMAT")}
        )
    recipients = recipients_of(source)
    convocation = Convocation.objects.create(
        session=source,
        sent_by=by,
        last_compliant_date=deadline,
        late=late,
        override_reason=override_reason if late else "",
    )
    convocation.recipients.set(recipients)
    notify(recipients, "session_convocation", {"session": source})
    log(
        source,
        "network.session.convene",
        user=by,
        data={
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
