"""Grants: guardian object permissions on the base `Page`, logged and notified."""

from django.contrib.auth.models import Group

from wagtail.log_actions import log
from wagtail.models import Page

from guardian.shortcuts import assign_perm, remove_perm

from network_pages.access.models import PageGroupObjectPermission, PageUserObjectPermission
from network_pages.access.policy import can_view, forget
from network_pages.core.roles import (
    VIEW_RESTRICTED_PAGE,
    VIEW_RESTRICTED_PAGE_ONLY,
    VIEW_RESTRICTED_PAGE_ONLY_PERM,
    VIEW_RESTRICTED_PAGE_PERM,
)
from network_pages.notifications.outbox import notify


def base_page(page):
    """The `wagtailcore.Page` row of a page: guardian must always be asked about this class."""
    return page if type(page) is Page else Page.objects.get(pk=page.pk)


def grant(principal, page, *, by=None, tell=True, subtree=True):
    """Open `page` (and its subtree, unless `subtree` is False) in every language to a user or a
    group; `tell=False` when the caller sends its own message."""

    page = base_page(page)
    codename, perm = (
        (VIEW_RESTRICTED_PAGE, VIEW_RESTRICTED_PAGE_PERM)
        if subtree
        else (VIEW_RESTRICTED_PAGE_ONLY, VIEW_RESTRICTED_PAGE_ONLY_PERM)
    )
    holders = (
        PageGroupObjectPermission if isinstance(principal, Group) else PageUserObjectPermission
    )
    holder_field = "group" if isinstance(principal, Group) else "user"
    already = holders.objects.filter(
        **{holder_field: principal},
        content_object=page,
        permission__codename=codename,
    ).exists()
    if already:
        return
    assign_perm(perm, principal, page)
    forget(principal)
    data = _principal_data(principal) | ({} if subtree else {"page_only": True})
    log(page, "network.access.grant", user=by, data=data)
    if not tell:
        return
    people = principal.user_set.all() if isinstance(principal, Group) else [principal]
    # Only those the grant really opens the page to hear of it (a role may still be missing).
    recipients = [person for person in people if can_view(person, page)]
    notify(recipients, "access_granted", {"page": page.specific})


def revoke(principal, page, *, by=None):
    """Close `page` again to a user or a group (whichever kind of grant opened it)."""
    page = base_page(page)
    for perm in (VIEW_RESTRICTED_PAGE_PERM, VIEW_RESTRICTED_PAGE_ONLY_PERM):
        remove_perm(perm, principal, page)
    forget(principal)
    log(page, "network.access.revoke", user=by, data=_principal_data(principal))


def _principal_data(principal):
    if isinstance(principal, Group):
        return {"group": principal.name}
    return {"user": principal.get_username()}
