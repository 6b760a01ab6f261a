"""The decisions' hooks: their list in the admin, the actions that record and correct them, and
their audit actions."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from network_pages.core.audit import log_actions
from network_pages.decisions.admin import DecisionViewSet
from network_pages.decisions.models import Decision
from network_pages.decisions.recording import EDIT, RECORD, CorrectDecision, RecordDecision


@hooks.register("register_admin_viewset")
def register_decision_viewset():
    return DecisionViewSet("decisions")


@hooks.register("register_actions")
def register_decision_actions(registry):
    registry.register(Decision, RecordDecision)
    registry.register(Decision, CorrectDecision)


# Its audit actions: (action, label, message), in English and French.
LOG_ACTIONS = [
    (RECORD, _("Record decision"), _("Decision of the Network recorded")),
    (EDIT, _("Correct decision"), _("Decision of the Network corrected")),
]

hooks.register("register_log_actions", log_actions(LOG_ACTIONS))
