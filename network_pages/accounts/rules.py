"""Who may see the network's people, and who acts for which member state."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from network_pages import access
from network_pages.accounts.models import (
    Designation,
    MemberProfile,
    MemberState,
    NationalNetworkActor,
    User,
)


@access.rule(MemberState)
def can_view_member_state(user, member_state):
    """The Council of Europe's member states are public facts."""
    return True


@access.rule(User)
def can_view_person(user, person):
    """Members see the network's people (the directory); anyone sees their own account."""
    return person.pk == user.pk or access.is_member(user)


@access.rule(MemberProfile, NationalNetworkActor)
def can_view_contact_details(user, obj):
    """Contact details are for the network's members only (R7, R9): never experts."""
    return access.is_member(user)


@access.rule(Designation)
def can_view_designation(user, designation):
    return access.is_editor(user)


def is_correspondent(user):
    """A correspondent of at least one member state (the Office acts for every state instead)."""
    return access.level(user) == access.Level.MEMBER and bool(access.state_ids(user))


def acts_for_one_state(user):
    """A correspondent of exactly one member state, who acts for it without naming it."""
    return access.level(user) == access.Level.MEMBER and len(access.state_ids(user)) == 1


def state_to_act_for(user, code=None):
    """The member state whose records the user handles: their own when they belong to exactly
    one, or the one `code` names when they speak for it (the Office speaks for every state)."""
    if code is None:
        state = access.single_state(user)
    else:
        state = get_object_or_404(MemberState, code=code.upper())
    if state is None or not access.speaks_for_state(user, state.pk):
        raise PermissionDenied
    return state
