"""Work in a thematic group's workspace: members (and invited experts) write notes, drafts,
reports and documents from the intranet, and the others there are told; the Office invites an
external expert until an end date, or withdraws the invitation; a rapporteur proposes a report to
the whole network through the contributions' flow (the Office reviews it there)."""

import os
import re
from functools import reduce
from html import unescape
from operator import or_

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Locale, Page

from network_pages import access
from network_pages.access.models import PageUserObjectPermission
from network_pages.accounts.designations import activation_url, create_person, find_person
from network_pages.core.markings import Marking
from network_pages.core.roles import EXPERTS, OFFICE
from network_pages.core.translations import content_language, original
from network_pages.files.uploads import store_document
from network_pages.groups import rules
from network_pages.groups.membership import Refused
from network_pages.groups.models import WorkspaceInvitation, WorkspaceItemPage
from network_pages.notifications.outbox import notify
from network_pages.practices import contributions
from network_pages.practices.models import Dissemination, PracticeIndexPage

SUMMARY_LENGTH = 590
ROUTES = {"write", "invite", "invitations"}  # the workspace's own sub-routes


def _group_page(workspace):
    return original(workspace.get_parent()).specific


@transaction.atomic
def write(workspace, data, upload, *, by):
    """A new item of the workspace, in the tree of its language, published at once; the others
    working there are told. Returns the page."""
    if not rules.can_write(by, workspace):
        raise PermissionDenied
    locale = Locale.objects.get(language_code=data["language"])
    target = workspace.get_translation_or_none(locale) or workspace
    page = WorkspaceItemPage(
        title=data["title"],
        slug=_free_slug(workspace, data["title"]),
        kind=data["kind"],
        body=contributions.paragraphs(data["body"]),
        author=by,
    )
    target.add_child(instance=page)
    if upload is not None:
        page.document = store_document(upload, owner=page, by=by)
        page.save(update_fields=["document"])
    page.save_revision(user=by, log_action=False).publish(user=by, skip_permission_checks=True)
    log(page, "network.workspace.write", user=by)
    # Told only if the policy lets them in (a member whose role ended is not).
    told = [person for person in _others_there(workspace, by) if access.can_view(person, page)]
    notify(told, "workspace_item_added", {"item": page, "author": by})
    return page


def items_of(workspace, model=Page):
    """The pages (of `model`) written under any version of the workspace."""
    paths = Page.objects.filter(translation_key=workspace.translation_key).values_list(
        "path", flat=True
    )
    return model.objects.filter(
        reduce(or_, (Q(path__startswith=path) for path in paths)), depth=workspace.depth + 1
    )


def _free_slug(workspace, title):
    """A slug for a new item that no item of any version of the workspace has, and that none of
    the workspace's own routes (write/, invite/...) would answer first."""
    taken = set(items_of(workspace).values_list("slug", flat=True)) | ROUTES
    base = slugify(title, allow_unicode=True)[:200] or "item"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _others_there(workspace, by):
    """Who works in the workspace, besides `by`: the group's members, its current invited
    experts and the Office (the SRSG follows the groups from the admin)."""
    group_id = _group_page(workspace).group_id
    invited = WorkspaceInvitation.objects.current().filter(workspace=original(workspace))
    people = get_user_model().objects.filter(is_active=True)
    there = Q(pk__in=invited.values("user")) | Q(groups__name=OFFICE)
    if group_id is not None:
        there |= Q(groups=group_id)
    return people.filter(there).exclude(pk=by.pk).distinct()


def invitable(person):
    """None when the account may be invited into a workspace; otherwise why not: an invitation
    never reaches a member of the network, nor switches an account on."""
    if person is None:
        return None
    if person.is_superuser or person.is_staff or person.groups.exclude(name=EXPERTS).exists():
        return _("This person is a member of the network: invite external experts only.")
    if not person.is_active:
        return _(
            "This account is switched off: the Office must switch it on in the admin before "
            "inviting the person."
        )
    return None


@transaction.atomic
def invite(workspace, data, *, ends_on, by):
    """The Office invites an external expert into the workspace until `ends_on`: an account is
    found or made for the address, and the workspace opens to it (not the group's page)."""
    if not rules.can_manage(by):
        raise PermissionDenied
    if ends_on < timezone.localdate():
        raise Refused(_("The end date has passed."))
    workspace = original(workspace).specific
    person = find_person(data["email"])
    problem = invitable(person)
    if problem:
        raise Refused(problem)
    if person is None:
        person = create_person(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            language=data["language"],
        )
    if WorkspaceInvitation.objects.current().filter(workspace=workspace, user=person).exists():
        raise Refused(_("This person is already invited into this workspace."))
    invitation = WorkspaceInvitation.objects.create(
        workspace=workspace, user=person, ends_on=ends_on, invited_by=by
    )
    person.groups.add(Group.objects.get(name=EXPERTS))
    access.grant(person, workspace, by=by, tell=False)
    log(workspace, "network.workspace.invite", user=by, data={"user": person.get_username()})
    context = {"invitation": invitation, "group": _group_page(workspace), "workspace": workspace}
    if not person.has_usable_password():
        context["activation_url"] = activation_url(person)
    notify([person], "workspace_invitation", context)
    return invitation


@transaction.atomic
def withdraw(invitation, *, by):
    """The Office ends an invitation now; the workspace closes to the expert at once."""
    if not rules.can_manage(by):
        raise PermissionDenied
    invitation = WorkspaceInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.withdrawn_at is not None:
        return invitation
    invitation.withdrawn_at = timezone.now()
    invitation.save(update_fields=["withdrawn_at"])
    still = (
        WorkspaceInvitation.objects.current()
        .filter(workspace=invitation.workspace, user=invitation.user)
        .exclude(pk=invitation.pk)
    )
    if not still.exists():
        access.revoke(invitation.user, invitation.workspace, by=by)
    log(
        invitation.workspace,
        "network.workspace.withdraw",
        user=by,
        data={"user": invitation.user.get_username()},
    )
    return invitation


def end_due_invitations(today=None):
    """Revoke for good the grants of the invitations into workspaces past their end date (the
    policy already ignores them); returns how many (daily, from cron, with the sessions')."""
    today = today or timezone.localdate()
    past = WorkspaceInvitation.objects.filter(withdrawn_at__isnull=True, ends_on__lt=today)
    current = WorkspaceInvitation.objects.current(today)
    still_granted = PageUserObjectPermission.objects.filter(
        user=OuterRef("user"), content_object=OuterRef("workspace")
    )
    due = (
        past.filter(Exists(still_granted))
        .exclude(Exists(current.filter(user=OuterRef("user"), workspace=OuterRef("workspace"))))
        .select_related("user", "workspace")
    )
    count = 0
    for invitation in due:
        access.revoke(invitation.user, invitation.workspace)
        count += 1
    return count


def plain_text(html):
    """A rich text's paragraphs as plain text, an empty line between them."""
    text = re.sub(r"</p>|<br\s*/?>|</li>", "\n\n", html or "")
    paragraphs = [unescape(strip_tags(part)).strip() for part in text.split("\n\n")]
    return "\n\n".join(part for part in paragraphs if part)


def _summary(text):
    first = text.split("\n\n", 1)[0] if text else ""
    return first if len(first) <= SUMMARY_LENGTH else first[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + "…"


@transaction.atomic
def propose(item, *, by):
    """A designated rapporteur proposes a report of the workspace to the whole network: it
    becomes a contribution of their state on the group's theme, with its document, sent to the
    Office's review (`practices.contributions`). Returns the contribution's page."""
    item = WorkspaceItemPage.objects.select_for_update().get(pk=original(item).pk)
    if not rules.can_propose(by, item):
        raise Refused(_("Only a designated rapporteur of the group proposes its reports, once."))
    group_page = _group_page(item.get_parent())
    states = list(access.member_states(by))
    language = content_language(item)
    text = plain_text(item.body)
    data = {
        "title": item.title,
        "language": language,
        "summary": _summary(text) or item.title,
        "body": text,
        "period_from": None,
        "period_to": None,
        "sources": "",
        "marking": Marking.NETWORK,
        "dissemination": Dissemination.NETWORK,
        "themes": [group_page.theme],
        "member_states": states[:1],
    }
    uploads = []
    if item.document is not None:
        item.document.file.open("rb")
        uploads.append(File(item.document.file, name=os.path.basename(item.document.file.name)))
    index = PracticeIndexPage.objects.filter(locale__language_code=language).first()
    try:
        page = contributions.write(index, data, uploads, by=by, state=states[0] if states else None)
    finally:
        for upload in uploads:
            upload.close()
    # A group's report reaches the network only once the Office has reviewed it.
    contributions.submit(page, by=by, review=True)
    WorkspaceItemPage.objects.filter(translation_key=item.translation_key).update(proposed_as=page)
    log(item, "network.workspace.propose", user=by, data={"practice": page.pk})
    return page
