"""The working methods' and objectives' hooks: audit actions, the intranet's sections, the
revisions in the admin."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from network_pages.core.audit import log_actions
from network_pages.intranet.sections import Section
from network_pages.methods.admin import TextRevisionViewSet
from network_pages.methods.models import WorkingMethodsPage

# Its audit actions: (action, label, message), in English and French.
LOG_ACTIONS = [
    (
        "network.methods.revise",
        _("Publish revision of a governing text"),
        _("Revision of the working methods or the objectives published"),
    ),
    (
        "network.methods.suggest",
        _("Suggest change to a governing text"),
        _("Change to the working methods or the objectives suggested by a state"),
    ),
    (
        "network.methods.suggestion_status",
        _("Change suggestion status"),
        _("Status of a state's suggestion on the working methods or the objectives changed"),
    ),
]

hooks.register("register_log_actions", log_actions(LOG_ACTIONS))


@hooks.register("register_admin_viewset")
def register_text_revision_viewset():
    return TextRevisionViewSet("text-revisions")


@hooks.register("register_intranet_sections")
def register_intranet_sections():
    # One section for both texts, which link to each other: the header stays on one line.
    return [Section("working_methods", _("Working methods"), WorkingMethodsPage, order=40)]
