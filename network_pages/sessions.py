"""Convening the network's sessions (R10, R11; §4.1-4.3): convocations 30 working days ahead, and
a plenary at least once a year.

A convocation goes to every active correspondent (and, for a thematic session, to the people
invited to it) with the draft agenda, in each recipient's language, through `notify`; it records
when and to whom. A plenary convocation sent after the last compliant date is refused unless the
Office gives a reason, which the audit log keeps.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail.log_actions import log

from network_pages import access
from network_pages.models import Convocation, Invitation, PlenarySessionPage
from network_pages.notifications import notify
from network_pages.requests import active_members_of
from network_pages.roles import CORRESPONDENTS
from network_pages.translations import original
from network_pages.views import render_subpage
from network_pages.working_days import last_compliant_date

PLENARY_YEAR_TURNS = (10, 1)  # from 1 October, next year's plenary must be planned


class ConvocationRefused(Exception):
    pass


def convocation_deadline(page):
    return last_compliant_date(page.starts_on)


def recipients_of(source):
    """Every active correspondent, and the people invited to a thematic session (`source`: the
    session as first written)."""
    people = list(active_members_of(CORRESPONDENTS))
    if source.kind == "thematic":
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
    if late and source.kind == "plenary" and not override_reason:
        raise ConvocationRefused(
            _(
                "A plenary session is convened at least 30 working days ahead: the last day to "
                "send this convocation was %(date)s. To send it all the same, give the reason."
            )
            % {"date": date_format(deadline, "DATE_FORMAT")}
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


class ConvocationForm(forms.Form):
    override_reason = forms.CharField(
        label=gettext_lazy("Reason for sending after the last compliant date"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Only needed when the convocation is late; kept in the audit log."),
    )


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
        "convocations": list(convocations),
    }


def convene_view(request, page):
    if not access.is_editor(request.user):
        raise PermissionDenied
    source = original(page)
    form = ConvocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            convocation = send_convocation(
                source, by=request.user, override_reason=form.cleaned_data["override_reason"]
            )
        except ConvocationRefused as refusal:
            field = "override_reason" if source.agenda_items.exists() else None
            form.add_error(field, str(refusal))
        else:
            count = convocation.recipients.count()
            messages.success(
                request,
                ngettext(
                    "The convocation was sent to %(count)s person.",
                    "The convocation was sent to %(count)s people.",
                    count,
                )
                % {"count": count},
            )
            return redirect(page.url)
    return render_subpage(
        request,
        page,
        "network_pages/sessions/convene.html",
        form=form,
        agenda=page.numbered_agenda(),
        last_compliant_date=convocation_deadline(source),
        today=timezone.localdate(),
        recipient_count=len(recipients_of(source)),
    )


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


def ical_view(request, page):
    """The session as an iCalendar event (all-day dates), for the user's own calendar."""
    import vobject
    from dateutil import tz

    from network_pages.downloads import attachment

    calendar = vobject.iCalendar()
    calendar.add("prodid").value = "-//Network of Correspondents on Migration//Sessions//EN"
    event = calendar.add("vevent")
    event.add("uid").value = f"session-{page.translation_key}@network-of-correspondents"
    event.add("dtstamp").value = timezone.now().astimezone(tz.UTC)  # vobject writes it as Z
    event.add("summary").value = page.title
    event.add("dtstart").value = page.starts_on
    event.add("dtend").value = page.last_day + datetime.timedelta(days=1)
    if page.place or page.online_link:
        event.add("location").value = page.place or page.online_link
    agenda = [f"{number}. {item.title}" for number, item in page.numbered_agenda()]
    link = request.build_absolute_uri(page.url)
    event.add("description").value = "\n".join([*agenda, "", link]).strip()
    event.add("url").value = link
    return attachment(
        calendar.serialize().encode("utf-8"),
        "text/calendar; charset=utf-8",
        f"{page.slug}.ics",
    )
