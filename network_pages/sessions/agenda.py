"""Consulting the network on a session's agenda (R12, §4.4): the Office opens a consultation with
a closing date and every active correspondent is told, in their language; until it closes, each
state's correspondents suggest items (title and rationale) on behalf of their state. They see
their own state's suggestions and their outcome; the other states' once decided (`rules.py`).

The consultation and its suggestions hang on the session as first written, like its convocations.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from network_pages.accounts.members import active_members_of
from network_pages.core.roles import CORRESPONDENTS
from network_pages.core.translations import original
from network_pages.notifications.outbox import notify
from network_pages.sessions.models import AgendaConsultation, AgendaSuggestion


class ConsultationRefused(Exception):
    pass


def consultation_of(page):
    """The consultation on the session's agenda, or None."""
    return AgendaConsultation.objects.filter(session=original(page)).first()


@transaction.atomic
def open_consultation(page, *, closes_on, by):
    source = original(page).specific
    if source.is_over:
        raise ConsultationRefused(_("The session is over: its agenda is settled."))
    consultation, created = AgendaConsultation.objects.get_or_create(
        session=source, defaults={"closes_on": closes_on, "opened_by": by}
    )
    if not created:
        raise ConsultationRefused(_("The correspondents are consulted on this agenda already."))
    notify(
        active_members_of(CORRESPONDENTS),
        "agenda_consultation",
        {"session": source, "consultation": consultation},
    )
    log(source, "network.agenda.consult", user=by, data={"closes_on": closes_on.isoformat()})
    return consultation


@transaction.atomic
def suggest(consultation, data, *, member_state, by, today=None):
    consultation = AgendaConsultation.objects.select_for_update().get(pk=consultation.pk)
    if not consultation.is_open(today or timezone.localdate()):
        raise ConsultationRefused(_("The consultation on this agenda is closed."))
    suggestion = AgendaSuggestion.objects.create(
        consultation=consultation,
        member_state=member_state,
        suggested_by=by,
        title=data["title"],
        rationale=data["rationale"],
    )
    log(
        consultation.session,
        "network.agenda.suggest",
        user=by,
        data={"state": member_state.code, "title": suggestion.title},
    )
    return suggestion
