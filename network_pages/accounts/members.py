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


def display_name(user):
    return user.get_full_name() or user.get_username()


def by_state(people):
    """[(state, [names])] of the correspondents among `people`, states in alphabetical order,
    and the names of the others (the Office, invited experts): two queries however many."""
    states = sorted(MemberState.objects.all(), key=lambda state: state.name)
    found = correspondents_by_state(states)
    wanted = {person.pk for person in people}
    grouped, placed = [], set()
    for state in states:
        names = sorted(display_name(user) for user in found[state.pk] if user.pk in wanted)
        placed |= {user.pk for user in found[state.pk]}
        if names:
            grouped.append((state, names))
    others = sorted(display_name(person) for person in people if person.pk not in placed)
    return grouped, others
