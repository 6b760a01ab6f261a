"""The groups' views on the intranet: the list of groups and rapporteurs, a group's page (join,
leave, volunteer; the Office removes a member), its workspace (write; the Office invites and
withdraws experts) and an item of it (a rapporteur proposes a report). The page's own access check
has run before each; every one asks `groups.rules` too."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network_pages import access
from network_pages.accounts.members import display_name
from network_pages.accounts.models import MemberState
from network_pages.core.languages import active_language
from network_pages.core.routing import render_subpage
from network_pages.core.translations import content_language, original
from network_pages.groups import membership, rules, workspace
from network_pages.groups.forms import ItemForm, VolunteerForm, WorkspaceInvitationForm
from network_pages.groups.models import (
    ThematicGroupPage,
    WorkspaceInvitation,
    WorkspaceItemPage,
)
from network_pages.intranet.lists import as_read, page_of, readable_originals
from network_pages.practices import rules as practice_rules
from network_pages.practices.models import BestPracticePage

TEMPLATES = "network_pages/groups/"


def index_view(request, index):
    """Every group, with its theme and mandate (never its workspace's content), and the
    rapporteurs on themes without a group."""
    user = request.user
    groups = readable_originals(
        user, ThematicGroupPage.objects.select_related("theme", "locale").order_by("title")
    )
    shown = as_read(user, groups, active_language(), related=("theme",))
    own = access.group_ids(user)
    for page in shown:
        page.is_mine = page.original.group_id in own
    return render_subpage(
        request,
        index,
        index.template,
        groups=shown,
        rapporteurs=_with_states(membership.rapporteurs(theme_only=True)),
        volunteer_form=VolunteerForm() if rules.can_volunteer(user) else None,
        can_manage=rules.can_manage(user),
    )


@require_POST
def volunteer_for_theme_view(request, index):
    """A correspondent volunteers as rapporteur on a theme, without a group."""
    if not rules.can_volunteer(request.user):
        raise PermissionDenied
    form = VolunteerForm(request.POST)
    if form.is_valid():
        _volunteer(request, form.cleaned_data["theme"])
    else:
        messages.error(request, _("Choose the theme you volunteer for."))
    return redirect(index.url)


def _volunteer(request, theme, group=None):
    try:
        membership.volunteer(request.user, theme, group=group)
    except membership.Refused as refused:
        messages.error(request, str(refused))
        return
    messages.success(
        request,
        _(
            "Thank you: the SRSG's Office is told that you volunteer. The Network designates its "
            "rapporteurs; the Office records its decision."
        ),
    )


def group_view(request, page):
    """A group: its theme, mandate and decision, its members and rapporteurs, and the way into
    its workspace for those who may enter it."""
    user = request.user
    source = original(page).specific
    space = membership.workspace_of(source)
    space_version = space and (space.get_translation_or_none(page.locale) or space)
    people = membership.members(source)
    states = _states_of(people)
    rapporteurs = _with_states(membership.rapporteurs(group=source))
    volunteered = any(r.user_id == user.pk for r in rapporteurs)
    return render_subpage(
        request,
        page,
        page.template,
        group=source,
        content_lang=content_language(page),
        members=[(person, display_name(person), states.get(person.pk, ())) for person in people],
        rapporteurs=rapporteurs,
        workspace=space_version if space and access.can_view(user, space) else None,
        can_join=rules.can_join(user, source),
        can_leave=rules.can_leave(user, source),
        can_volunteer=rules.can_volunteer(user) and not volunteered,
        can_manage=rules.can_manage(user),
        rapporteurs_admin=reverse("rapporteurs:index") if rules.can_manage(user) else None,
    )


def _with_states(rapporteurs):
    """The rapporteurs, each with the names of their member states (`.states`)."""
    states = _states_of([rapporteur.user for rapporteur in rapporteurs])
    for rapporteur in rapporteurs:
        rapporteur.states = states.get(rapporteur.user_id, ())
    return rapporteurs


def _states_of(people):
    """{user pk: their member states' names}, read in one query."""
    found = {}
    states = MemberState.objects.filter(group__user__in=people).annotate(user_id=F("group__user"))
    for state in states.order_by("name_en"):
        found.setdefault(state.user_id, []).append(state.name)
    return found


@require_POST
def join_view(request, page):
    if not rules.can_join(request.user, page):
        raise PermissionDenied
    membership.join(page, request.user)
    messages.success(request, _("You are a member of the group: its workspace is open to you."))
    return redirect(page.url)


@require_POST
def leave_view(request, page):
    try:
        membership.leave(page, request.user)
    except membership.Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("You have left the group."))
    return redirect(page.url)


@require_POST
def volunteer_view(request, page):
    if not rules.can_volunteer(request.user):
        raise PermissionDenied
    _volunteer(request, None, group=page)
    return redirect(page.url)


def remove_member_view(request, page, user_id):
    """The Office removes a member, after confirming."""
    if not rules.can_manage(request.user):
        raise PermissionDenied
    source = original(page).specific
    member = get_object_or_404(get_user_model(), pk=user_id, groups=source.group_id or 0)
    if request.method == "POST":
        try:
            membership.remove(source, member, by=request.user)
        except membership.Refused as refused:  # removed by someone else meanwhile
            messages.error(request, str(refused))
            return redirect(page.url)
        messages.success(
            request,
            _("%(name)s is no longer a member of the group.") % {"name": display_name(member)},
        )
        return redirect(page.url)
    return render_subpage(
        request,
        page,
        "network_pages/confirm.html",
        confirm={
            "title": _("Remove %(name)s from the group") % {"name": display_name(member)},
            "effects": [
                _("The workspace closes to them at once."),
                _("They are told by e-mail; they may join again."),
            ],
            "button": _("Remove from the group"),
            "possible": True,
        },
    )


def _items(request, space):
    """The workspace's items the user may read (written under any version of it), each once in
    the reader's language, newest first, one page of them."""
    found = workspace.items_of(space, WorkspaceItemPage).select_related("author", "locale")
    originals = readable_originals(request.user, found).order_by("-first_published_at", "-pk")
    listed = page_of(request, originals)
    listed.object_list = as_read(
        request.user, listed.object_list, active_language(), related=("author",)
    )
    return listed


def workspace_view(request, space):
    """The workspace: what its members wrote, the way to write, and, for the Office, the experts
    invited there."""
    user = request.user
    group = space.get_parent().specific
    invitations = []
    if rules.can_manage(user):
        invitations = list(
            WorkspaceInvitation.objects.filter(workspace=original(space))
            .select_related("user")
            .order_by("-invited_at")
        )
    items = _items(request, space)
    return render_subpage(
        request,
        space,
        space.template,
        group=group,
        group_visible=access.can_view(user, group),
        items=items,
        page_obj=items,
        can_write=rules.can_write(user, space),
        can_manage=rules.can_manage(user),
        invitations=invitations,
    )


def write_view(request, space):
    if not rules.can_write(request.user, space):
        raise PermissionDenied
    form = ItemForm(
        request.POST or None, request.FILES or None, initial={"language": active_language()}
    )
    if request.method == "POST" and form.is_valid():
        item = workspace.write(
            space, form.cleaned_data, form.cleaned_data["document"], by=request.user
        )
        messages.success(request, _("Saved in the workspace; the others working there are told."))
        return redirect(item.url)
    return render_subpage(request, space, TEMPLATES + "write.html", form=form)


def invite_view(request, space):
    """The Office invites an external expert into the workspace, until an end date."""
    if not rules.can_manage(request.user):
        raise PermissionDenied
    form = WorkspaceInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = workspace.invite(space, data, ends_on=data["ends_on"], by=request.user)
        except workspace.Refused as refused:
            form.add_error("email", str(refused))
        else:
            messages.success(
                request,
                _("%(name)s is invited into the workspace and told by e-mail.")
                % {"name": display_name(invitation.user)},
            )
            return redirect(space.url)
    return render_subpage(request, space, TEMPLATES + "invite.html", form=form)


@require_POST
def withdraw_view(request, space, pk):
    if not rules.can_manage(request.user):
        raise PermissionDenied
    invitation = get_object_or_404(WorkspaceInvitation, pk=pk, workspace=original(space))
    workspace.withdraw(invitation, by=request.user)
    messages.success(
        request,
        _("The workspace is closed to %(name)s.") % {"name": display_name(invitation.user)},
    )
    return redirect(space.url)


def item_view(request, item):
    """An item of the workspace, with its document for whoever may fetch it and, for a
    rapporteur of the group, the way to propose a report to the network."""
    user = request.user
    source = original(item).specific
    document = source.document or item.document
    proposed = _proposed(user, source)
    return render_subpage(
        request,
        item,
        item.template,
        content_lang=content_language(item),
        author=source.author,
        document=document if document and access.can_view(user, document) else None,
        can_propose=rules.can_propose(user, source),
        proposed=proposed,
        space=item.get_parent(),
    )


def _proposed(user, item):
    """(title, URL) of the contribution a report became, for whoever may read it: the practice
    once published, its draft on "My contributions" before; else None."""
    if item.proposed_as_id is None:
        return None
    practice = BestPracticePage.objects.filter(pk=item.proposed_as_id).first()
    if practice is None:
        return None
    if access.can_view(user, practice):
        return practice.title, practice.url
    if practice_rules.can_read_draft(user, practice):
        index = practice.get_parent().specific
        return practice.draft_title, index.url + index.reverse_subpage("draft", args=[practice.pk])
    return None


@require_POST
def propose_view(request, item):
    try:
        workspace.propose(item, by=request.user)
    except workspace.Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _(
                "The report is proposed to the network: the SRSG's Office reviews it as a "
                "contribution (see “My contributions”)."
            ),
        )
    return redirect(item.url)
