"""Who reads a good practice, its drafts and its attachments; who contributes, edits a draft or
hides a practice.

A practice's audience is its dissemination (all network members, the members of one thematic
group, or the SRSG Office only), always with the Office and the author's state; its handling
marking "Office only" narrows it to the Office and the author's state whatever the dissemination.
Invited experts never read practices. One page
rule says so for pages, listings, attachments and exports (`practice_q` is the same rule for
querysets).
"""

from django.db.models import Q

from network_pages import access
from network_pages.accounts.rules import is_correspondent
from network_pages.core.markings import Marking
from network_pages.practices.models import (
    BestPracticePage,
    Contribution,
    Dissemination,
    PracticeAttachment,
    PracticeIndexPage,
    Theme,
)

access.members_only(PracticeIndexPage)


def is_authors(user, page):
    """Is the user the practice's author or a correspondent of the author's state?"""
    if not access.is_member(user):
        return False
    return page.author_id == user.pk or (
        page.author_state_id is not None and page.author_state_id in access.state_ids(user)
    )


def for_everyone_in_network(page):
    """Is the practice meant for every member (not only the Office and the author's state)?"""
    return page.dissemination == Dissemination.NETWORK and page.marking != Marking.OFFICE


def for_group_members(page, user):
    """Is the practice meant for a thematic group the user is a member of?"""
    if page.dissemination != Dissemination.GROUP or page.marking == Marking.OFFICE:
        return False
    if page.thematic_group_id is None:
        return False
    group_id = page.thematic_group.group_id
    return group_id is not None and group_id in access.group_ids(user)


def can_read_practice(user, page):
    if not isinstance(page, BestPracticePage):
        page = page.specific
    if access.is_editor(user):
        return True
    return access.is_member(user) and (
        for_everyone_in_network(page) or is_authors(user, page) or for_group_members(page, user)
    )


def practice_q(user):
    """The practices the user may read, as a condition on pages (None: all of them)."""
    if access.is_editor(user):
        return None
    if not access.is_member(user):
        return Q(pk__in=[])
    readable = Q(dissemination=Dissemination.NETWORK) & ~Q(marking=Marking.OFFICE)
    readable |= Q(author_id=user.pk)
    if groups := sorted(access.group_ids(user)):
        readable |= Q(dissemination=Dissemination.GROUP, thematic_group__group_id__in=groups) & ~Q(
            marking=Marking.OFFICE
        )
    states = sorted(access.state_ids(user))
    if states:
        readable |= Q(author_state_id__in=states)
    return Q(pk__in=BestPracticePage.objects.filter(readable).values("pk"))


access.page_rule(BestPracticePage, q=practice_q)(can_read_practice)


def can_read_draft(user, page):
    """A practice's drafts, its history and its attachments before publication: the Office, the
    author and the correspondents of the author's state."""
    return access.is_editor(user) or is_authors(user, page)


@access.file_owner_rule(BestPracticePage)
def can_fetch_attachment(user, page):
    """A file contributed with a practice: whoever reads the practice, and, before it is
    published or once hidden, whoever may read its drafts."""
    return can_read_draft(user, page) or access.can_view(user, page)


@access.rule(PracticeAttachment)
def can_view_attachment(user, attachment):
    return can_fetch_attachment(user, attachment.page)


@access.rule(Contribution)
def can_view_contribution(user, contribution):
    return can_read_draft(user, contribution.page)


@access.rule(Theme)
def can_view_theme(user, theme):
    """A theme's name is no secret: it labels public releases too."""
    return True


def can_contribute(user):
    """A correspondent contributes for their state; the Office writes practices in the admin."""
    return is_correspondent(user)


def can_edit_draft(user, page):
    """The author's state edits its contribution while it is a draft or changes are asked for
    (or once declined or hidden, to try again): never while the Office reviews it."""
    contribution = getattr(page, "contribution", None)
    if contribution is None or not is_authors(user, page):
        return False
    return contribution.status != Contribution.Status.SUBMITTED and not page.live


def can_hide(user, page):
    """The SRSG and the Office hide a published contribution, with a reason."""
    return access.is_editor(user) and page.live and hasattr(page, "contribution")
