"""Who is in the network now: the active members of a role, the member states that have a
correspondent, each state's correspondents."""

from collections import defaultdict

from django.contrib.auth import get_user_model

from network_pages.accounts.models import MemberState
from network_pages.core.roles import CORRESPONDENTS


def active_members_of(group_name):
    return get_user_model().objects.filter(is_active=True, groups__name=group_name).distinct()


def states_with_correspondents():
    """Member states that have at least one active correspondent now."""
    return MemberState.objects.filter(
        group__user__is_active=True, group__user__groups__name=CORRESPONDENTS
    ).distinct()


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
