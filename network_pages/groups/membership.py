"""A thematic group's life: set up when its page is first published, joined and left by
correspondents, members removed by the Office; rapporteurs who volunteer and whom the Network
designates. Each step is logged and told to those concerned, in their language."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from wagtail.log_actions import log
from wagtail.models import Locale

from network_pages import access
from network_pages.accounts.members import active_members_of
from network_pages.core.roles import OFFICE
from network_pages.core.translations import is_original, original
from network_pages.groups import rules
from network_pages.groups.models import (
    GroupIndexPage,
    Rapporteur,
    ThematicGroupPage,
    WorkspacePage,
)
from network_pages.intranet.versions import translate_strings
from network_pages.notifications.outbox import notify

GROUP_NAME_LENGTH = 150


class Refused(Exception):
    """A step that cannot be taken now; the message says why, in the user's language."""


def _group_name(page):
    prefix = f"Thematic group {page.pk}: "
    return prefix + page.title[: GROUP_NAME_LENGTH - len(prefix)]


@transaction.atomic
def set_up(page, *, by=None):
    """Give a thematic group (as first written) its Django group and its workspace, opened to
    that group: run when the group's page is published, so it is there from the first day.
    Versions in the other language share both (they follow the original)."""
    page = page.specific
    if not is_original(page):
        return None
    shared = ThematicGroupPage.objects.filter(group_id=page.group_id).exclude(
        translation_key=page.translation_key
    )
    if page.group_id is None or shared.exists():  # a copy keeps its model's group: never share it
        group = Group.objects.create(name=_group_name(page))
        ThematicGroupPage.objects.filter(translation_key=page.translation_key).update(group=group)
        page.group = group
    workspace = WorkspacePage.objects.child_of(page).first()
    if workspace is None:
        with translation.override(page.locale.language_code):
            workspace = WorkspacePage(title=_("Workspace"), slug=pgettext("slug", "workspace"))
        page.add_child(instance=workspace)
        workspace.save_revision(user=by, log_action=False).publish(
            user=by, skip_permission_checks=True
        )
        _name_in_other_languages(workspace, by=by)
    access.grant(page.group, workspace, by=by, tell=False)
    return workspace


def _name_in_other_languages(workspace, *, by):
    """The workspace's versions are called "Espace de travail" in French from the start: its only
    strings are its title and its slug."""
    for locale in Locale.objects.exclude(pk=workspace.locale_id):
        with translation.override(locale.language_code):
            strings = {
                workspace.title: _("Workspace"),
                workspace.slug: pgettext("slug", "workspace"),
            }
        translate_strings(workspace, locale, strings, user=by)


def workspace_of(page):
    """The workspace of a thematic group (as first written), or None."""
    return WorkspacePage.objects.child_of(original(page)).first()


def _locked_group(page):
    return ThematicGroupPage.objects.select_for_update().get(pk=original(page).pk)


@transaction.atomic
def join(page, user):
    page = _locked_group(page)
    if not rules.can_join(user, page) or page.group_id is None:
        raise PermissionDenied
    user.groups.add(page.group)
    access.forget(user)
    log(page, "network.group.join", user=user)


@transaction.atomic
def leave(page, user):
    page = _locked_group(page)
    if not rules.can_leave(user, page):
        raise Refused(_("You are not a member of this group."))
    user.groups.remove(page.group)
    access.forget(user)
    log(page, "network.group.leave", user=user)


@transaction.atomic
def remove(page, member, *, by):
    """The Office removes a member, who is told."""
    page = _locked_group(page)
    if not rules.can_manage(by):
        raise PermissionDenied
    if page.group_id is None or not member.groups.filter(pk=page.group_id).exists():
        raise Refused(_("This person is not a member of the group."))
    member.groups.remove(page.group)
    access.forget(member)
    log(page, "network.group.remove", user=by, data={"user": member.get_username()})
    notify([member], "group_member_removed", {"group": page})


def members(page):
    """The group's members, by name."""
    group_id = original(page).specific.group_id
    if group_id is None:
        return []
    return list(
        Group.objects.get(pk=group_id)
        .user_set.filter(is_active=True)
        .order_by("last_name", "first_name", "username")
    )


@transaction.atomic
def volunteer(user, theme, *, group=None):
    """A correspondent volunteers as rapporteur on a theme (for a group, or the theme alone); the
    Office is told, and records the Network's decision when it is taken."""
    if not rules.can_volunteer(user):
        raise PermissionDenied
    group = original(group).specific if group is not None else None
    if group is not None:
        theme = group.theme
    active = Rapporteur.objects.filter(user=user, theme=theme).exclude(
        status=Rapporteur.Status.ENDED
    )
    if active.exists():
        raise Refused(_("You have already volunteered as rapporteur on this theme."))
    try:
        with transaction.atomic():
            rapporteur = Rapporteur.objects.create(user=user, theme=theme, group=group)
    except IntegrityError as clash:  # volunteered twice at once
        raise Refused(_("You have already volunteered as rapporteur on this theme.")) from clash
    log(rapporteur, "network.rapporteur.volunteer", user=user)
    notify(active_members_of(OFFICE), "rapporteur_volunteered", {"rapporteur": rapporteur})
    return rapporteur


def designated(rapporteur, *, by):
    """After the Office recorded the Network's decision on a rapporteur (in the admin): logged,
    and the rapporteur is told."""
    data = {"decision": rapporteur.decision_id}
    log(rapporteur, "network.rapporteur.designate", user=by, data=data)
    index = GroupIndexPage.objects.order_by("pk").first()  # the list, in the reader's language
    notify([rapporteur.user], "rapporteur_designated", {"rapporteur": rapporteur, "index": index})


def rapporteurs(*, group=None, theme_only=False):
    """The rapporteurs (volunteers and designated) of a group, or of themes without a group."""
    found = Rapporteur.objects.exclude(status=Rapporteur.Status.ENDED).select_related(
        "user", "theme", "decision"
    )
    if group is not None:
        found = found.filter(group=original(group))
    elif theme_only:
        found = found.filter(group__isnull=True)
    return list(found.order_by("status", "theme__name_en", "user__last_name"))
