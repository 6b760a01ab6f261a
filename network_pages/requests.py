"""Information requests: opening (on first publication) and closing. Logged and notified."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.log_actions import log
from wagtail.signals import page_published

from network_pages import access
from network_pages.models import AddressedState, InformationRequestPage, MemberState
from network_pages.notifications import notify
from network_pages.roles import CORRESPONDENTS, OFFICE
from network_pages.translations import original


def _translations(page):
    return InformationRequestPage.objects.filter(translation_key=page.translation_key)


def active_members_of(group_name):
    return get_user_model().objects.filter(is_active=True, groups__name=group_name).distinct()


def states_with_correspondents():
    """Member states that have at least one active correspondent now."""
    return MemberState.objects.filter(
        group__user__is_active=True, group__user__groups__name=CORRESPONDENTS
    ).distinct()


def address_request(page):
    """Record, once, the states the request goes to (called when it opens)."""
    source = original(page)
    if AddressedState.objects.filter(request=source).exists():
        return
    states = states_with_correspondents()
    AddressedState.objects.bulk_create(
        [AddressedState(request=source, member_state=state) for state in states]
    )


@transaction.atomic
def open_request(page, *, by=None):
    """First publication opens the request (in every language at once) and tells every state."""
    # Lock every translation: two translations published at once send one notice, not two.
    list(_translations(page).select_for_update().values_list("pk", flat=True))
    already = _translations(page).filter(opened_at__isnull=False).first()
    opened_at = already.opened_at if already else timezone.now()
    _translations(page).filter(opened_at__isnull=True).update(opened_at=opened_at)
    page.opened_at = opened_at
    if already:
        return False
    address_request(page)
    log(page, "network.request.open", user=by)
    notify(active_members_of(CORRESPONDENTS), "request_opened", {"request": page})
    return True


@receiver(page_published, sender=InformationRequestPage)
def request_published(sender, instance, revision=None, **kwargs):
    if instance.opened_at is None:
        open_request(instance, by=getattr(revision, "user", None))


@transaction.atomic
def close_request(page, *, by=None):
    closed_at = timezone.now()
    _translations(page).filter(closed_at__isnull=True).update(closed_at=closed_at)
    page.closed_at = closed_at
    log(page, "network.request.close", user=by)


@require_POST
def close_view(request, page):
    if not access.is_editor(request.user):
        raise PermissionDenied
    if page.status == page.OPEN:
        close_request(page, by=request.user)
        messages.success(request, _("The request is closed."))
    return redirect(page.url)


def propose_view(request, index):
    """A correspondent drafts a request for their state; it waits, unpublished, for the Office."""
    from wagtail.models import Locale

    from network_pages.forms import ProposedRequestForm
    from network_pages.models import RequestQuestion

    own = MemberState.objects.filter(pk__in=access.state_ids(request.user))
    if access.level(request.user) != access.Level.MEMBER or not own:
        raise PermissionDenied
    form = ProposedRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        target = index
        if data["request_language"] != index.locale.language_code:
            locale = Locale.objects.get(language_code=data["request_language"])
            target = index.get_translation_or_none(locale) or index
        page = InformationRequestPage(
            title=data["title"],
            request_language=data["request_language"],
            background="".join(f"<p>{line}</p>" for line in _paragraphs(data["background"])),
            deadline=data["deadline"],
            requester_state=own[0],
            proposed_by=request.user,
            live=False,
        )
        for order, text in enumerate(form.questions()):
            page.questions.add(RequestQuestion(text=text, sort_order=order))
        target.add_child(instance=page)
        page.save_revision(user=request.user, log_action=False)
        log(page, "network.request.propose", user=request.user)
        notify(active_members_of(OFFICE), "request_proposed", {"request": page, "state": own[0]})
        messages.success(request, _("Your proposal is sent to the SRSG's Office."))
        return redirect(index.url)
    return index.render(
        request,
        template="network_pages/requests/propose.html",
        context_overrides={"form": form},
    )


def _paragraphs(text):
    from django.utils.html import escape

    return [escape(part.strip()) for part in text.split("\n\n") if part.strip()]
