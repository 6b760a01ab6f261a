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
from network_pages.models import InformationRequestPage
from network_pages.notifications import notify
from network_pages.roles import CORRESPONDENTS


def _translations(page):
    return InformationRequestPage.objects.filter(translation_key=page.translation_key)


def correspondents():
    return get_user_model().objects.filter(is_active=True, groups__name=CORRESPONDENTS).distinct()


@transaction.atomic
def open_request(page, *, by=None):
    """First publication opens the request (in every language at once) and tells every state."""
    already = _translations(page).filter(opened_at__isnull=False).first()
    opened_at = already.opened_at if already else timezone.now()
    _translations(page).filter(opened_at__isnull=True).update(opened_at=opened_at)
    page.opened_at = opened_at
    if already:
        return False
    log(page, "network.request.open", user=by)
    notify(correspondents(), "request_opened", {"request": page})
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
