"""The accounts' hooks: the Office's designations in the admin, audit actions, e-mails."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from network_pages.accounts.admin import DesignationViewSet
from network_pages.core.audit import log_actions


@hooks.register("register_admin_viewset")
def register_designation_viewset():
    return DesignationViewSet("designations")


# Its audit actions: (action, label, message), in English and French.
LOG_ACTIONS = [
    ("network.designation.record", _("Record designation"), _("Designation recorded")),
    ("network.designation.activate", _("Activate account"), _("Account activated")),
    ("network.designation.end", _("End designation"), _("Designation ended, account closed")),
]

hooks.register("register_log_actions", log_actions(LOG_ACTIONS))


@hooks.register("register_notification_events")
def register_notification_events(events):
    events.register("designation_activation", category="account")
