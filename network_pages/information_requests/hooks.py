"""The information requests' hooks: audit actions, e-mails and the intranet home's panels."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from network_pages.core.audit import log_actions
from network_pages.information_requests import panels
from network_pages.information_requests.models import RequestIndexPage
from network_pages.intranet.sections import Section

# Its audit actions: (action, label, message), in English and French.
LOG_ACTIONS = [
    ("network.request.open", _("Open request"), _("Request opened")),
    ("network.request.propose", _("Propose request"), _("Request proposed by a state")),
    ("network.response.saved", _("Save answers"), _("Draft answers saved")),
    ("network.response.submitted", _("Submit answers"), _("Answers submitted")),
    ("network.response.reopened", _("Reopen answers"), _("Submitted answers reopened")),
    (
        "network.response.entered",
        _("Enter answers from an e-mail"),
        _("Answers entered by the Office from an e-mail"),
    ),
    ("network.request.close", _("Close request"), _("Request closed")),
    ("network.request.remind", _("Remind states"), _("States that have not answered reminded")),
]

hooks.register("register_log_actions", log_actions(LOG_ACTIONS))


@hooks.register("register_notification_events")
def register_notification_events(events):
    events.register("request_opened", category="requests")
    events.register("request_proposed", category="requests")
    events.register("request_reminder", category="requests")


@hooks.register("register_intranet_panels")
def register_intranet_panels():
    return panels.PANELS


@hooks.register("register_intranet_sections")
def register_intranet_sections():
    return [Section("requests", _("Information requests"), RequestIndexPage, order=10)]


hooks.register("register_awaiting_decisions", panels.proposals_awaiting_the_office)
