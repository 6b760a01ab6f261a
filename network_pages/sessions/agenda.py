"""Consulting the network on a session's agenda (R12, §4.4): the Office opens a consultation with
a closing date and every active correspondent is told, in their language; until it closes, each
state's correspondents suggest items (title and rationale) on behalf of their state. They see
their own state's suggestions and their outcome; the other states' once decided (`rules.py`).

The SRSG proposes the agenda: each suggestion is accepted (it becomes an item of the draft agenda,
credited to the state) or declined with a reason, and the suggesting state's correspondents are
told either way, in their language. Then the SRSG approves the draft agenda, which ends the
consultation and lets the Office send the convocation on the SRSG's behalf (§4.1). The agenda stays
a draft until the Office records its adoption at the session.

The consultation, its suggestions and the approval hang on the session as first written, like its
convocations. Every step is in the audit log.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.log_actions import log

from network_pages.accounts.members import active_members_of, correspondents_by_state
from network_pages.core.roles import CORRESPONDENTS, OFFICE
from network_pages.core.translations import original
from network_pages.files.uploads import store_document
from network_pages.notifications.outbox import notify
from network_pages.sessions.models import (
    AgendaApproval,
    AgendaConsultation,
    AgendaItem,
    AgendaSuggestion,
)

Status = AgendaSuggestion.Status


class ConsultationRefused(Exception):
    pass


def consultation_of(page):
    """The consultation on the session's agenda, or None."""
    return AgendaConsultation.objects.filter(session=original(page)).first()


def approval_of(page):
    """The SRSG's approval of the session's draft agenda (with the adoption, once recorded), or
    None."""
    return (
        AgendaApproval.objects.filter(session=original(page))
        .select_related("approved_by", "adoption_recorded_by")
        .first()
    )


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
    if AgendaApproval.objects.filter(session_id=consultation.session_id).exists():
        raise ConsultationRefused(
            _("The SRSG has approved the draft agenda: the consultation is over.")
        )
    suggestion = AgendaSuggestion.objects.create(
        consultation=consultation,
        member_state=member_state,
        suggested_by=by,
        title=data["title"],
        rationale=data["rationale"],
    )
    if data.get("document"):
        suggestion.document = store_document(data["document"], owner=suggestion, by=by)
        suggestion.save(update_fields=["document"])
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


class ApprovalRefused(Exception):
    pass


def why_not_approve(source, today=None):
    """None when the SRSG may approve the draft agenda of the session (as first written, specific);
    otherwise why not."""
    if source.is_over:
        return _("The session is over: its agenda is settled.")
    if not source.agenda_items.exists():
        return _("The draft agenda has no item yet.")
    consultation = AgendaConsultation.objects.filter(session=source).first()
    if consultation is not None:
        pending = consultation.suggestions.filter(status=Status.PENDING).count()
        if pending:
            return ngettext(
                "A state's suggestion still awaits your decision: decide on it first.",
                "%(count)s states' suggestions still await your decision: decide on them first.",
                pending,
            ) % {"count": pending}
    return None


def _items(page):
    return [
        (item.title, item.description)
        for item in sorted(page.agenda_items.all(), key=lambda item: item.sort_order or 0)
    ]


def is_current(approval, source):
    """Does the session's agenda (as first written, live) still read as the SRSG approved it? An
    agenda the Office changed afterwards needs the SRSG's approval again."""
    if approval.revision_id is None:
        return True
    return _items(approval.revision.as_object()) == _items(source)


@transaction.atomic
def approve(page, *, by, today=None):
    """The SRSG approves the session's draft agenda as it stands (again, if it changed since the
    last approval): the consultation ends, and the Office may convene the session. The Office is
    told."""
    source = original(page).specific
    # Two approvals at once: the second waits here, then finds the first.
    type(source).objects.select_for_update().filter(pk=source.pk).values_list("pk").first()
    approval = AgendaApproval.objects.filter(session=source).first()
    if approval is not None and is_current(approval, source):
        raise ApprovalRefused(_("The SRSG has approved this agenda already."))
    refusal = why_not_approve(source, today)
    if refusal:
        raise ApprovalRefused(refusal)
    if approval is None:
        approval = AgendaApproval(session=source)
    approval.approved_by, approval.revision = by, source.live_revision
    approval.approved_at = timezone.now()
    approval.save()
    notify(active_members_of(OFFICE), "agenda_approved", {"session": source, "approval": approval})
    log(source, "network.agenda.approve", user=by, data={"items": source.agenda_items.count()})
    return approval


@transaction.atomic
def record_adoption(page, *, adopted_on, by, today=None):
    """The Office records the day the session adopted its agenda: it is a draft no more."""
    today = today or timezone.localdate()
    source = original(page).specific
    approval = AgendaApproval.objects.select_for_update().filter(session=source).first()
    if approval is None:
        raise ApprovalRefused(_("The SRSG has not approved the draft agenda yet."))
    if approval.adopted_on is not None:
        raise ApprovalRefused(_("The adoption of this agenda is recorded already."))
    if not source.starts_on <= adopted_on <= source.last_day:
        raise ApprovalRefused(
            _("The agenda is adopted at the session: between %(first)s and %(last)s.")
            % {
                "first": date_format(source.starts_on, "DATE_FORMAT"),
                "last": date_format(source.last_day, "DATE_FORMAT"),
            }
        )
    if adopted_on > today:
        raise ApprovalRefused(_("An adoption is recorded once it has happened."))
    approval.adopted_on = adopted_on
    approval.adoption_recorded_by, approval.adoption_recorded_at = by, timezone.now()
    approval.save()
    log(source, "network.agenda.adopt", user=by, data={"adopted_on": adopted_on.isoformat()})
    return approval
