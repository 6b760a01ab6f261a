"""Consulting the network on a session's agenda (R12, §4.4): the Office opens a consultation with
a closing date and every active correspondent is told, in their language; until it closes, each
state's correspondents suggest items (title and rationale) on behalf of their state. They see
their own state's suggestions and their outcome; the other states' once decided (`rules.py`).

The SRSG proposes the agenda: each suggestion is accepted (it becomes an item of the draft agenda,
credited to the state) or declined with a reason, and the suggesting state's correspondents are
told either way, in their language.

The consultation and its suggestions hang on the session as first written, like its convocations.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from network_pages.accounts.members import active_members_of, correspondents_by_state
from network_pages.core.roles import CORRESPONDENTS
from network_pages.core.translations import original
from network_pages.notifications.outbox import notify
from network_pages.sessions.models import AgendaConsultation, AgendaItem, AgendaSuggestion

Status = AgendaSuggestion.Status


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


def _decide(suggestion, status, *, by, reason=""):
    """Record the SRSG's decision on a pending suggestion (None when it was decided already)."""
    suggestion = AgendaSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.status != Status.PENDING:
        return None
    suggestion.status, suggestion.reason = status, reason
    suggestion.decided_by, suggestion.decided_at = by, timezone.now()
    return suggestion


def _tell_the_state(suggestion):
    state = suggestion.member_state
    people = correspondents_by_state([state]).get(state.pk, [])
    session = suggestion.consultation.session.specific
    notify(people, "agenda_suggestion_decided", {"suggestion": suggestion, "session": session})


def _add_to_agenda(source, suggestion, by):
    """The suggestion becomes the last item of the draft agenda, in a new revision of the session
    as first written; published at once unless someone's draft is pending (it then goes out with
    that draft)."""
    page = source.get_latest_revision_as_object()
    order = max((item.sort_order or 0 for item in page.agenda_items.all()), default=-1) + 1
    item = AgendaItem(
        title=suggestion.title,
        description=suggestion.rationale,
        suggested_by=suggestion.member_state,
        sort_order=order,
        locale=source.locale,
    )
    page.agenda_items.add(item)
    pending_draft = source.has_unpublished_changes
    revision = page.save_revision(user=by, log_action=True)
    if source.live and not pending_draft:
        # The SRSG's right to propose the agenda is the project's rule (`proposes_the_agenda`,
        # checked by the view), not a Wagtail page permission.
        revision.publish(user=by, skip_permission_checks=True)
    return item.translation_key


@transaction.atomic
def accept(suggestion, *, by):
    suggestion = _decide(suggestion, Status.ACCEPTED, by=by)
    if suggestion is None:
        return None
    source = suggestion.consultation.session.specific
    suggestion.agenda_item_key = _add_to_agenda(source, suggestion, by)
    suggestion.save()
    _tell_the_state(suggestion)
    log(source, "network.agenda.accept", user=by, data=_data(suggestion))
    return suggestion


@transaction.atomic
def decline(suggestion, *, reason, by):
    suggestion = _decide(suggestion, Status.DECLINED, by=by, reason=reason.strip())
    if suggestion is None:
        return None
    suggestion.save()
    _tell_the_state(suggestion)
    source = suggestion.consultation.session
    log(source, "network.agenda.decline", user=by, data=_data(suggestion))
    return suggestion


def _data(suggestion):
    return {
        "state": suggestion.member_state.code,
        "title": suggestion.title,
        "reason": suggestion.reason,
    }
