"""A correspondent's contribution, from the draft to the network (R15, §4.7).

The author writes it on the intranet (`write`): a draft practice in the tree of its language, owned
by their state, with its `Contribution` record. Submitted (`submit`), it goes to the SRSG Office
through the workflow of the practices list (a Wagtail workflow whose task is the project's
`ContributionReviewTask`), or, when the Office's setting says so and it is meant for all members,
it is published at once. The Office reviews it in the admin or here (`review`): accept (published
for the proposed audience, who are told), ask for changes (the author edits and resubmits: the
workflow resumes), or decline with a comment. The Office may hide a published contribution with a
reason (`hide`). Each step moves the workflow and the record together, is logged and notified in
each person's language; Wagtail's own workflow e-mails are off for this workflow (`signals`).
"""

import re
from html import unescape

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape, linebreaks, strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import Locale, WorkflowState
from wagtail.rich_text import RichText

from network_pages import access
from network_pages.accounts.members import active_members_of
from network_pages.core.markings import Marking
from network_pages.core.roles import CORRESPONDENTS, EDITOR_GROUPS, OFFICE
from network_pages.core.translations import is_original
from network_pages.files.uploads import store_document
from network_pages.notifications.outbox import notify
from network_pages.practices import rules
from network_pages.practices.models import (
    BestPracticePage,
    Contribution,
    ContributionReviewTask,
    Dissemination,
    PracticeAttachment,
    PracticeSettings,
)

ACCEPT, CHANGES, DECLINE = "approve", "reject", "decline"
Status = Contribution.Status


class Refused(Exception):
    """A step that cannot be taken now; the message says why, in the user's language."""


def paragraphs(text):
    """The body as the author typed it: paragraphs and line breaks, nothing else."""
    return linebreaks(escape(text.strip())) if text.strip() else ""


def body_text(page):
    """The body's paragraphs as plain text again, for the author's edit form."""
    parts = []
    for block in page.body:
        if block.block_type == "paragraph":
            for html in re.findall(r"<p>(.*?)</p>", block.value.source, flags=re.DOTALL):
                text = strip_tags(re.sub(r"<br\s*/?>\s*", "\n", html))
                parts.append(unescape(text).strip())
    return "\n\n".join(part for part in parts if part)


def _fill(page, data):
    page.title = data["title"]
    page.draft_title = data["title"]
    page.summary = data["summary"]
    page.body = [("paragraph", RichText(paragraphs(data["body"])))] if data["body"].strip() else []
    page.period_from = data["period_from"]
    page.period_to = data["period_to"]
    page.sources = data["sources"]
    page.marking = data["marking"]
    page.dissemination = data["dissemination"]
    page.thematic_group = data.get("thematic_group")
    page.themes = list(data["themes"])
    page.member_states = list(data["member_states"])


def _attach(page, uploads, by):
    for upload in uploads:
        document = store_document(upload, owner=page, by=by)
        page.attachments.add(PracticeAttachment(document=document))


@transaction.atomic
def write(index, data, uploads, *, by, state):
    """A new draft contribution of `state`, in the tree of its language; returns the page."""
    locale = Locale.objects.get(language_code=data["language"])
    target = index.get_translation_or_none(locale) or index
    page = BestPracticePage(author=by, author_state=state, live=False)
    _fill(page, data)
    target.add_child(instance=page)
    _attach(page, uploads, by)
    page.save_revision(user=by, log_action=False)
    Contribution.objects.create(page=page)
    log(page, "network.practice.write", user=by)
    return page


def latest(page):
    """The contribution as last written: its latest revision (a draft is never read from the
    page's row, which keeps the first version)."""
    revision = page.get_latest_revision()
    return revision.as_object() if revision else page


@transaction.atomic
def rewrite(page, data, uploads, *, by, removed=(), seen_revision=None):
    """Save the author's edit of a draft as a new revision; refused when someone saved another
    in between (the form keeps what they wrote)."""
    page = _locked(page)
    if not rules.can_edit_draft(by, page):
        raise PermissionDenied
    if seen_revision is not None and page.latest_revision_id != seen_revision:
        raise Refused(
            _(
                "Someone else saved this contribution while you were editing it. Your text is "
                "kept below: compare it with the latest version, then save again."
            )
        )
    draft = latest(page)
    _fill(draft, data)
    kept = [a for a in draft.attachments.all() if a.document_id not in set(removed)]
    draft.attachments = kept
    _attach(draft, uploads, by)
    draft.save_revision(user=by, log_action=False)
    log(page, "network.practice.edit", user=by)
    return draft


def _locked(page):
    return BestPracticePage.objects.select_for_update(of=("self",)).get(pk=page.pk)


def publishes_at_once(page):
    return PracticeSettings.load().publish_at_once and rules.for_everyone_in_network(page)


def _open_workflow(page):
    return (
        WorkflowState.objects.active()
        .filter(base_content_type_id=page.get_base_content_type().pk, object_id=str(page.pk))
        .first()
    )


@transaction.atomic
def submit(page, *, by, review=False):
    """Send the draft to the Office (resuming the workflow after changes were asked for), or
    publish it at once when the Office's setting says so, unless `review` asks for the Office's
    review whatever the setting."""
    page = _locked(page)
    contribution = page.contribution
    if not rules.can_edit_draft(by, page):
        raise Refused(_("This contribution is already with the SRSG Office."))
    draft = latest(page)
    # One the Office hid comes back through its review, whatever the setting.
    at_once = not review and publishes_at_once(draft) and contribution.status != Status.HIDDEN
    now = timezone.now()
    contribution.submitted_at, contribution.submitted_by = now, by
    running = _open_workflow(page)
    if at_once:
        if running is not None:
            running.cancel(user=by)
        contribution.status, contribution.comment = Status.PUBLISHED, ""
        contribution.decided_at, contribution.decided_by = now, None
        contribution.save()
        page.get_latest_revision().publish(user=by, skip_permission_checks=True)
        log(page, "network.practice.publish_at_once", user=by)
        _announce(page, by=by)
        return contribution
    if running is not None and running.status == WorkflowState.STATUS_NEEDS_CHANGES:
        running.resume(user=by)
        action = "network.practice.resubmit"
    else:
        if running is not None:
            running.cancel(user=by)
        workflow = page.get_workflow()
        if workflow is None or not reviews(workflow):
            raise ImproperlyConfigured("The practices list has no Contributions workflow.")
        workflow.start(page, by)
        action = "network.practice.submit"
    contribution.status, contribution.comment = Status.SUBMITTED, ""
    contribution.save()
    log(page, action, user=by)
    office = active_members_of(OFFICE)
    notify(office, "practice_submitted", {"practice": draft, "state": page.author_state})
    return contribution


def reviews(workflow):
    """Is `workflow` the contributions' one (it has the Office's review task)?"""
    return ContributionReviewTask.objects.filter(workflow_tasks__workflow=workflow).exists()


@transaction.atomic
def review(task_state, user, action, *, comment=""):
    """The Office's decision on a contribution at its review task (from the admin or the
    intranet): accept, ask for changes or decline with a comment."""
    if not access.is_editor(user):
        raise PermissionDenied
    comment = (comment or "").strip()
    if action in (CHANGES, DECLINE) and not comment:
        raise Refused(_("Say what should change, or why it is declined."))
    workflow_state = task_state.workflow_state
    page = _locked(workflow_state.content_object)
    contribution = Contribution.objects.filter(page=page).first()  # none: the Office's own
    outcomes = {
        ACCEPT: (Status.PUBLISHED, "practice_accepted", "network.practice.accept"),
        CHANGES: (Status.CHANGES, "practice_changes_requested", "network.practice.ask_changes"),
        DECLINE: (Status.DECLINED, "practice_declined", "network.practice.decline"),
    }
    if action not in outcomes:
        raise PermissionDenied
    status, event, logged = outcomes[action]
    if contribution is not None:
        # Recorded first: the publication that accepting sets off finds it decided already.
        contribution.status, contribution.comment = status, comment
        contribution.decided_at, contribution.decided_by = timezone.now(), user
        contribution.save()
    if action == ACCEPT:
        task_state.approve(user=user, comment=comment)  # the workflow ends: published
    elif action == CHANGES:
        task_state.reject(user=user, comment=comment)  # the workflow waits for the author
    else:
        task_state.reject(user=user, update=False, comment=comment)
        workflow_state.cancel(user=user)
    log(page, logged, user=user, data={"comment": comment})
    if contribution is not None:
        notify(_authors(page), event, {"practice": latest(page), "comment": comment})
        if action == ACCEPT:
            _announce(page, by=user)
    return contribution


@transaction.atomic
def hide(page, *, by, reason):
    """Unpublish a published contribution, with the reason its author is told."""
    page = _locked(page)
    if not rules.can_hide(by, page):
        raise PermissionDenied
    reason = reason.strip()
    if not reason:
        raise Refused(_("Give the reason: its author reads it."))
    page.unpublish(user=by)
    contribution = page.contribution
    contribution.status, contribution.comment = Status.HIDDEN, reason
    contribution.decided_at, contribution.decided_by = timezone.now(), by
    contribution.save()
    log(page, "network.practice.hide", user=by, data={"reason": reason})
    notify(_authors(page), "practice_hidden", {"practice": page, "comment": reason})
    return contribution


def review_task_state(page):
    """The task state at which the Office reviews the contribution now, or None."""
    running = _open_workflow(page)
    if running is None or running.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    task_state = running.current_task_state
    if task_state is None or not isinstance(task_state.task.specific, ContributionReviewTask):
        return None
    return task_state


def published(page, *, by=None):
    """After any publication of a practice: a contribution published some other way (the Office
    published it from the admin's editor, which ends its workflow) is recorded as published and
    its state told; a practice the Office wrote is announced on its first publication. Its
    audience is told either way (versions in the other language are not news)."""
    contribution = Contribution.objects.filter(page=page).first()
    if contribution is None:
        first = page.first_published_at == page.last_published_at
        if first and is_original(page):
            _announce(page, by=by)
        return
    if contribution.status == Status.PUBLISHED:
        return  # accepted or published at once: told there
    contribution.status, contribution.comment = Status.PUBLISHED, ""
    contribution.decided_at, contribution.decided_by = timezone.now(), by
    contribution.save()
    log(page, "network.practice.accept", user=by)
    notify(_authors(page), "practice_accepted", {"practice": page, "comment": ""})
    _announce(page, by=by)


def _authors(page):
    """The author and their state's active correspondents."""
    people = get_user_model().objects.filter(is_active=True)
    if page.author_state_id is None:  # the Office's own
        return people.filter(pk=page.author_id)
    state = people.filter(groups__name=CORRESPONDENTS).filter(
        groups__member_state=page.author_state_id
    )
    return people.filter(Q(pk=page.author_id) | Q(pk__in=state.values("pk"))).distinct()


def _announce(page, *, by):
    """Tell the practice's audience that it is there (its author's state is told otherwise)."""
    page = BestPracticePage.objects.select_related("author_state").get(pk=page.pk)
    authors = {user.pk for user in _authors(page)}
    if rules.for_everyone_in_network(page):
        roles = [CORRESPONDENTS, *EDITOR_GROUPS]
    else:
        roles = EDITOR_GROUPS
    told = authors | {by.pk} if by is not None else authors  # told otherwise, or the act's own
    audience = Q(groups__name__in=roles)
    group = page.thematic_group if page.dissemination == Dissemination.GROUP else None
    if group is not None and group.group_id and page.marking != Marking.OFFICE:
        # The correspondents among the members of the group it is meant for.
        members = get_user_model().objects.filter(groups=group.group_id)
        audience |= Q(pk__in=members.filter(groups__name=CORRESPONDENTS).values("pk"))
    readers = get_user_model().objects.filter(audience, is_active=True).distinct()
    readers = [user for user in readers if user.pk not in told]
    notify(readers, "practice_published", {"practice": page, "state": page.author_state})
