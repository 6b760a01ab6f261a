"""Experts invited to the network's meetings (R2; §1.2, §4.2).

The Office invites external experts and organisations (a person, or several people of one
organisation) to a thematic session or to a plenary, naming the agenda items their views are
sought on; a state's correspondent nominates national experts of their administration for a
thematic session, and the Office confirms them, credited to that state.

A confirmed invitation makes the person an invited expert and grants them that session alone
(`access.grant`): a thematic session with its papers; a plenary as a page-only grant, with the
papers the Office listed on the invitation, never the thematic sessions under it. On the intranet
home they see only what they are invited to; every other intranet URL answers 403. Access ends
when the invitation is withdrawn, or at once after its end date (the policy ignores a lapsed
invitation's grant; `manage.py end_invitations` then revokes it for good).

A nomination reveals nothing to the correspondent who makes it: whether the address has an
account, another invitation or a closed account is the Office's to see when it confirms. No account
is made before then; the account is found or made with the names the Office confirms.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from network_pages import access
from network_pages.accounts.designations import activation_url, create_person, find_person
from network_pages.accounts.members import active_members_of
from network_pages.core.roles import EXPERTS, OFFICE
from network_pages.core.translations import original
from network_pages.notifications.outbox import notify
from network_pages.sessions.models import AgendaItem, Invitation
from network_pages.sessions.rules import why_not_open

Status = Invitation.Status


class NotInvitable(Exception):
    pass


def why_not_invitable(person):
    """None when the account may be given an invitation; otherwise why not. An invitation never
    switches an account on, nor reaches one that holds any other role: that would hand back
    whatever the account could do before."""
    if person is None:
        return None
    other_groups = person.groups.exclude(name=EXPERTS)
    if person.is_superuser or person.is_staff or other_groups.exists():
        return _("This person is a member of the network: they see every session already.")
    if not person.is_active:
        return _(
            "This account is switched off: the Office must switch it on in the admin before "
            "inviting the person."
        )
    return None


def already_invited(source, person, *, besides=None):
    """Why `person` cannot be invited to `source` (the session as first written) again (leaving
    out the invitation `besides`, being confirmed)."""
    theirs = Invitation.objects.filter(session=source, user=person).exclude(pk=besides)
    pending = theirs.filter(status=Status.NOMINATED) | theirs.current()
    if pending.exists():
        return _("This person is already invited to this session, or nominated for it.")
    return None


def _person(data):
    person = find_person(data["email"])
    if person is None:
        person = create_person(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            language=data["language"],
        )
    return person


def open_invitation(invitation, *, by):
    """Make the person an invited expert with access to the session, and tell them: a plenary
    opens alone (a page-only grant), never the thematic sessions under it."""
    user = invitation.user
    problem = why_not_invitable(user)
    if problem:
        raise NotInvitable(problem)
    session = invitation.session.specific
    user.groups.add(Group.objects.get(name=EXPERTS))
    access.grant(user, session, by=by, tell=False, subtree=session.kind == session.Kind.THEMATIC)
    context = {
        "invitation": invitation,
        "session": session,
        "agenda_items": _numbered(invitation.agenda_items.all(), session),
        "papers": list(invitation.papers.all()),
    }
    if not user.has_usable_password():
        context["activation_url"] = activation_url(user)
    notify([user], "expert_invitation", context)


def _numbered(items, session):
    """The agenda items' numbers in the session's agenda, with the items, in agenda order."""
    numbers = session.agenda_numbers()
    return sorted((numbers[item.pk], item) for item in items if item.pk in numbers)


def _named(data):
    """The person as named: what an invitation keeps of them."""
    named = {name: data[name] for name in ("email", "first_name", "last_name")}
    return {**named, "language": data.get("language") or "en"}


@transaction.atomic
def invite(session, people, *, ends_on, organisation="", agenda_items=(), papers=(), by):
    """The Office invites external experts: each gets an account and the session, with the agenda
    items their views are sought on and, for a plenary, the papers they receive."""
    source = original(session).specific
    problem = why_not_open(source, Invitation.Kind.EXTERNAL)
    if problem:
        raise NotInvitable(problem)
    invitations = []
    for data in people:
        person = _person(data)
        invitation = Invitation.objects.create(
            session=source,
            user=person,
            **_named({**data, **_account_names(person), "language": person.language}),
            kind=Invitation.Kind.EXTERNAL,
            organisation=organisation,
            position=data.get("position", ""),
            status=Status.CONFIRMED,
            ends_on=ends_on,
            decided_by=by,
            decided_at=timezone.now(),
        )
        invitation.agenda_items.set(agenda_items)
        invitation.papers.set(papers)
        open_invitation(invitation, by=by)
        log(invitation.session, "network.invitation.invite", user=by, data=_data(invitation))
        invitations.append(invitation)
    return invitations


@transaction.atomic
def nominate(session, data, *, member_state, by):
    """A correspondent proposes a national expert; the Office decides."""
    source = original(session).specific
    problem = why_not_open(source, Invitation.Kind.NATIONAL)
    if problem:
        raise NotInvitable(problem)
    invitation = Invitation.objects.create(
        session=source,
        user=None,  # no account before the Office confirms
        **_named(data),
        kind=Invitation.Kind.NATIONAL,
        organisation=data.get("organisation", ""),
        position=data.get("position", ""),
        member_state=member_state,
        status=Status.NOMINATED,
        ends_on=source.last_day,
        nominated_by=by,
    )
    log(invitation.session, "network.invitation.nominate", user=by, data=_data(invitation))
    notify(
        active_members_of(OFFICE),
        "expert_nominated",
        {"invitation": invitation, "session": invitation.session.specific},
    )
    return invitation


def _account_names(person):
    return {"first_name": person.first_name, "last_name": person.last_name}


def account_for(invitation):
    """(the account of the nominee's address or None, why it cannot be invited or None): what
    the Office sees before confirming."""
    person = find_person(invitation.address)
    problem = why_not_invitable(person)
    if problem is None and person is not None:
        problem = already_invited(invitation.session_id, person, besides=invitation.pk)
    return person, problem


@transaction.atomic
def confirm(invitation, *, names, by):
    """The Office confirms a nomination with the names it checked (`names`: first_name,
    last_name, language): the account of the address is found, or made with those names."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Status.NOMINATED:
        return None
    problem = why_not_open(invitation.session.specific, Invitation.Kind.NATIONAL)
    person, problem = (None, problem) if problem else account_for(invitation)
    if problem:
        raise NotInvitable(problem)
    if person is None:
        if not names:  # the account the Office saw is gone meanwhile
            raise NotInvitable(_("The account of this address changed: check the names again."))
        person = create_person(email=invitation.email, **names)
        invitation.language = names["language"]
    # An existing account keeps its own names: a nomination never renames anyone.
    for field, value in _account_names(person).items():
        setattr(invitation, field, value)
    invitation.user = person
    invitation.status, invitation.decided_by, invitation.decided_at = (
        Status.CONFIRMED,
        by,
        timezone.now(),
    )
    invitation.save()
    open_invitation(invitation, by=by)
    log(invitation.session, "network.invitation.confirm", user=by, data=_data(invitation))
    return invitation


def close_access(invitation, *, by=None):
    """Revoke the session unless another current invitation still opens it to the person."""
    still = (
        Invitation.objects.current()
        .filter(user=invitation.user, session=invitation.session)
        .exclude(pk=invitation.pk)
    )
    if not still.exists():
        access.revoke(invitation.user, invitation.session, by=by)


@transaction.atomic
def withdraw(invitation, *, by):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status in (Status.WITHDRAWN, Status.ENDED):
        return None
    was_open = invitation.status == Status.CONFIRMED
    invitation.status, invitation.decided_by, invitation.decided_at = (
        Status.WITHDRAWN,
        by,
        timezone.now(),
    )
    invitation.save(update_fields=["status", "decided_by", "decided_at"])
    if was_open:
        close_access(invitation, by=by)
    log(invitation.session, "network.invitation.withdraw", user=by, data=_data(invitation))
    return invitation


def views_sought(user, page):
    """The translation keys of the agenda items that `user`'s current invitations to the session
    name (the same items in every language)."""
    invited = Invitation.objects.current().filter(user=user, session=original(page))
    return set(
        AgendaItem.objects.filter(invitations__in=invited).values_list("translation_key", flat=True)
    )


def end_due_invitations(today=None):
    """Close the invitations whose end date has passed; returns how many (daily, from cron)."""
    today = today or timezone.localdate()
    due = Invitation.objects.past_end(today)
    count = 0
    for invitation in due.select_related("user", "session"):
        with transaction.atomic():
            invitation.status = Status.ENDED
            invitation.save(update_fields=["status"])
            close_access(invitation)
            log(invitation.session, "network.invitation.end", data=_data(invitation))
        count += 1
    return count


def _data(invitation):
    return {
        "person": invitation.user.get_username() if invitation.user_id else invitation.email,
        "kind": invitation.kind,
        "state": invitation.member_state.code if invitation.member_state_id else None,
        "ends_on": invitation.ends_on.isoformat(),
    }
