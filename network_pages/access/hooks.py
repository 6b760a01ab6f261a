"""Page and document serving ask the access policy; the audit actions and e-mail of grants."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from network_pages.access.policy import can_view
from network_pages.core.audit import log_actions


# Ordered after Wagtail's check_view_restrictions (order 0): the wrapper runs inside it.
@hooks.register("on_serve_page", order=100)
def enforce_access_policy(serve_next):
    def serve(page, request, serve_args, serve_kwargs):
        if not can_view(request.user, page):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            raise PermissionDenied
        return serve_next(page, request, serve_args, serve_kwargs)

    return serve


# Covers Wagtail's own document view too, should it ever be mounted.
@hooks.register("before_serve_document")
def check_document_access(document, request):
    if not can_view(request.user, document):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        raise PermissionDenied


# Its audit actions: (action, label, message), in English and French.
LOG_ACTIONS = [
    ("network.access.grant", _("Grant access"), _("Access granted to a user or group")),
    ("network.access.revoke", _("Revoke access"), _("Access revoked from a user or group")),
    ("network.restriction.mirror", _("Mirror privacy"), _("Privacy mirrored from a translation")),
]

hooks.register("register_log_actions", log_actions(LOG_ACTIONS))


@hooks.register("register_notification_events")
def register_notification_events(events):
    events.register("access_granted", category="access")
