"""The groups' hooks: the intranet's section, the rapporteurs in the admin and the actions that
designate them, audit actions and e-mails."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import hooks
from wagtail.models import Page

from network_pages.core.audit import log_actions
from network_pages.groups import panels
from network_pages.groups.admin import RapporteurViewSet
from network_pages.groups.designation import CorrectRapporteur, RecordRapporteur
from network_pages.groups.models import (
    GroupIndexPage,
    Rapporteur,
    ThematicGroupPage,
    WorkspaceItemPage,
    WorkspacePage,
)
from network_pages.intranet.sections import Section

# Its audit actions: (action, label, message), in English and French.
LOG_ACTIONS = [
    ("network.group.join", _("Join group"), _("Joined the thematic group")),
    ("network.group.leave", _("Leave group"), _("Left the thematic group")),
    ("network.group.remove", _("Remove member"), _("Member removed from the group by the Office")),
    (
        "network.rapporteur.volunteer",
        _("Volunteer as rapporteur"),
        _("Volunteered as rapporteur"),
    ),
    (
        "network.rapporteur.designate",
        _("Designate rapporteur"),
        _("Rapporteur designated by a decision of the Network"),
    ),
    ("network.workspace.write", _("Write in workspace"), _("Item written in a workspace")),
    (
        "network.workspace.invite",
        _("Invite into workspace"),
        _("External expert invited into the workspace"),
    ),
    (
        "network.workspace.withdraw",
        _("Withdraw from workspace"),
        _("External expert's invitation to the workspace withdrawn"),
    ),
    (
        "network.workspace.propose",
        _("Propose report"),
        _("Report proposed to the network as a contribution"),
    ),
]

hooks.register("register_log_actions", log_actions(LOG_ACTIONS))


@hooks.register("register_notification_events")
def register_notification_events(events):
    for name in (
        "group_member_removed",
        "rapporteur_volunteered",
        "rapporteur_designated",
        "workspace_item_added",
        "workspace_invitation",
    ):
        events.register(name, category="groups")


@hooks.register("register_intranet_sections")
def register_intranet_sections():
    # A short label: the French header has little room left.
    return [
        Section("groups", pgettext_lazy("intranet section", "Groups"), GroupIndexPage, order=27)
    ]


@hooks.register("register_admin_viewset")
def register_rapporteur_viewset():
    return RapporteurViewSet("rapporteurs")


@hooks.register("register_actions")
def register_rapporteur_actions(registry):
    registry.register(Rapporteur, RecordRapporteur)
    registry.register(Rapporteur, CorrectRapporteur)


@hooks.register("register_intranet_panels")
def register_intranet_panels():
    return panels.PANELS


@hooks.register("before_copy_page")
def refuse_copying_a_group(request, page):
    """A thematic group is set up by a decision of the Network, with its own members and
    workspace: copying one (or a subtree holding one) would hand its workspace to the copy's
    members, so the admin refuses it."""
    pages = Page.objects.filter(pk=page.pk)
    if request.method == "POST" and request.POST.get("copy_subpages"):
        pages = page.get_descendants(inclusive=True)
    if not pages.type(ThematicGroupPage, WorkspacePage, WorkspaceItemPage).exists():
        return None
    messages.error(
        request,
        _(
            "A thematic group, its workspace and what is in it cannot be copied: create a new "
            "group from the decision of the Network that sets it up."
        ),
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)
