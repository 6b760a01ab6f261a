"""The release's hooks: its audit actions and e-mails."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from network_pages.core.audit import log_actions

# Its audit actions: (action, label, message), in English and French.
LOG_ACTIONS = [
    (
        "network.release.propose",
        _("Propose for public release"),
        _("Proposed for public release"),
    ),
]

hooks.register("register_log_actions", log_actions(LOG_ACTIONS))


@hooks.register("register_notification_events")
def register_notification_events(events):
    events.register("release_proposed", category="release")
