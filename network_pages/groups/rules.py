"""Who sees the thematic groups, their workspaces and their rapporteurs; who joins, leaves,
volunteers, writes in a workspace, proposes a report and manages a group.

Every member reads the list of groups, each group's theme, mandate, members and rapporteurs.
A workspace is a closed zone: its members (the group's Django group holds a grant on it), the
experts the Office invited there (a grant of their own, which stops counting when the invitation
lapses) and the Office see it and everything in it; nobody else, in pages, listings, search, files
or exports. Invited experts never see the list or the groups' pages.
"""

from django.db.models import Q

from network_pages import access
from network_pages.access.models import PageGroupObjectPermission
from network_pages.accounts.rules import is_correspondent
from network_pages.core.translations import first_written, original
from network_pages.groups.models import (
    GroupIndexPage,
    Rapporteur,
    ThematicGroupPage,
    WorkspaceInvitation,
    WorkspacePage,
)

access.members_only(GroupIndexPage, ThematicGroupPage)


@access.closed_zone
def workspaces():
    return WorkspacePage.objects.all()


@access.grant_filter
def without_lapsed_workspace_invitations(user, granted):
    """An invited expert enters a workspace only through a current invitation: a withdrawn or
    past one closes it at once, and so does a thematic group's grant the person may still hold
    from being a correspondent. A correspondent enters through the group's grant, whatever
    invitation they once had."""
    invitations = WorkspaceInvitation.objects.filter(user=user)
    if access.level(user) < access.Level.MEMBER:
        opened = invitations.current().values("workspace")
        return granted.exclude(Q(pk__in=WorkspacePage.objects.values("pk")) & ~Q(pk__in=opened))
    lapsed = invitations.lapsed().exclude(workspace__in=invitations.current().values("workspace"))
    as_member = PageGroupObjectPermission.objects.filter(
        group_id__in=sorted(access.group_ids(user))
    )
    lapsed = lapsed.exclude(workspace__in=as_member.values("content_object_id"))
    return granted.exclude(pk__in=lapsed.values("workspace"))


@access.rule(Rapporteur)
def can_view_rapporteur(user, rapporteur):
    """Who volunteered and who was designated: the network's members."""
    return access.is_member(user)


@access.rule(WorkspaceInvitation)
def can_view_workspace_invitation(user, invitation):
    """The Office, and the invited expert."""
    return access.is_editor(user) or invitation.user_id == user.pk


def is_in_group(user, group_page):
    """Is the user a member of the thematic group (of its Django group)?"""
    group_id = original(group_page).specific.group_id
    return group_id is not None and group_id in access.group_ids(user)


def groups_of(user, *, besides=None):
    """The thematic groups the user is a member of (and the group `besides`, a pk: the one a
    draft is already meant for), each as first written."""
    chosen = Q(group__in=sorted(access.group_ids(user)))
    if besides is not None:
        same = ThematicGroupPage.objects.filter(pk=besides).values("translation_key")
        chosen |= Q(translation_key__in=same)
    return first_written(ThematicGroupPage.objects.live().filter(chosen))


def can_join(user, group_page):
    """Membership is voluntary: a correspondent joins, and leaves, from the group's page."""
    return is_correspondent(user) and not is_in_group(user, group_page)


def can_leave(user, group_page):
    return is_in_group(user, group_page)


def can_manage(user):
    """The Office removes members, invites experts into workspaces and withdraws them."""
    return access.is_editor(user)


def can_volunteer(user):
    """A correspondent volunteers as rapporteur; the Network designates."""
    return is_correspondent(user)


def can_write(user, workspace):
    """Whoever sees the workspace writes in it: its members, its invited experts, the Office."""
    return access.can_view(user, workspace)


def is_rapporteur_of(user, group_page):
    """Is the user a designated rapporteur of the group?"""
    return Rapporteur.objects.filter(
        user=user, group=original(group_page), status=Rapporteur.Status.DESIGNATED
    ).exists()


def can_propose(user, item):
    """A designated rapporteur of the group proposes a report of its workspace to the whole
    network, once, through the contributions' flow (the Office reviews it there)."""
    if item.kind != item.Kind.REPORT or item.proposed_as_id is not None:
        return False
    group_page = item.get_parent().get_parent()
    return is_correspondent(user) and is_rapporteur_of(user, group_page)
