"""The directory's hooks: its audit actions."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from network_pages.core.audit import log_actions
from network_pages.directory.models import DirectoryPage
from network_pages.intranet.sections import Section

# Its audit actions: (action, label, message), in English and French.
LOG_ACTIONS = [
    ("network.profile.edit", _("Edit profile"), _("Profile edited")),
    ("network.actor.save", _("Save national actor"), _("National network actor saved")),
    ("network.actor.delete", _("Remove national actor"), _("National network actor removed")),
]

hooks.register("register_log_actions", log_actions(LOG_ACTIONS))


@hooks.register("register_intranet_sections")
def register_intranet_sections():
    return [Section("directory", _("Directory"), DirectoryPage, order=30)]
