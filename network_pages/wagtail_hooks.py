"""Wagtail discovers hooks only here: each domain's hooks live in its own `hooks.py`."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from network_pages.access import hooks as access_hooks
from network_pages.accounts import hooks as accounts_hooks
from network_pages.sessions import hooks as sessions_hooks

__all__ = ["access_hooks", "accounts_hooks", "sessions_hooks"]


# The project's audit actions: (action, label, message), in English and French.
LOG_ACTIONS = [
    ("network.access.grant", _("Grant access"), _("Access granted to a user or group")),
    ("network.access.revoke", _("Revoke access"), _("Access revoked from a user or group")),
    ("network.designation.record", _("Record designation"), _("Designation recorded")),
    ("network.designation.activate", _("Activate account"), _("Account activated")),
    ("network.designation.end", _("End designation"), _("Designation ended, account closed")),
    ("network.profile.edit", _("Edit profile"), _("Profile edited")),
    ("network.actor.save", _("Save national actor"), _("National network actor saved")),
    ("network.actor.delete", _("Remove national actor"), _("National network actor removed")),
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
    ("network.session.convene", _("Convene session"), _("Convocation sent")),
    ("network.invitation.invite", _("Invite expert"), _("Expert invited to a session")),
    ("network.invitation.nominate", _("Nominate expert"), _("National expert nominated")),
    (
        "network.invitation.confirm",
        _("Confirm expert"),
        _("National expert's invitation confirmed"),
    ),
    ("network.invitation.withdraw", _("Withdraw invitation"), _("Invitation withdrawn")),
    ("network.invitation.end", _("End invitation"), _("Invitation ended")),
    ("network.attendance.register", _("Register participant"), _("Participant registered")),
    (
        "network.attendance.unregister",
        _("Remove participant"),
        _("Participant's registration removed"),
    ),
    ("network.request.remind", _("Remind states"), _("States that have not answered reminded")),
    ("network.restriction.mirror", _("Mirror privacy"), _("Privacy mirrored from a translation")),
]


@hooks.register("register_log_actions")
def register_network_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
