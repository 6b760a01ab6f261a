"""Information requests: opening (on first publication) and closing. Logged and notified."""

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.signals import page_published

from network_pages.accounts.members import active_members_of, states_with_correspondents
from network_pages.core.roles import CORRESPONDENTS
from network_pages.core.translations import original
from network_pages.information_requests.models import AddressedState, InformationRequestPage
from network_pages.intranet.versions import sync_versions
from network_pages.notifications.outbox import notify


def _translations(page):
    return InformationRequestPage.objects.filter(translation_key=page.translation_key)


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
    # Its versions first, so that each notice links to the request in its reader's language.
    sync_versions(page, user=by)
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
