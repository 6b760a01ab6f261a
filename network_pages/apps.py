from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class NetworkPagesConfig(AppConfig):
    default = True
    name = "network_pages"
    verbose_name = _("Network intranet")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network_pages.access import checks, restrictions  # noqa: F401
        from network_pages.accounts import rules as accounts_rules  # noqa: F401
        from network_pages.activities import rules as activity_rules  # noqa: F401
        from network_pages.decisions import rules as decision_rules  # noqa: F401
        from network_pages.directory import rules as directory_rules  # noqa: F401
        from network_pages.groups import rules as group_rules  # noqa: F401
        from network_pages.groups import signals as group_signals  # noqa: F401
        from network_pages.information_requests import lifecycle  # noqa: F401
        from network_pages.information_requests import rules as request_rules  # noqa: F401
        from network_pages.intranet import rules as intranet_rules  # noqa: F401
        from network_pages.intranet import versions
        from network_pages.methods import rules as methods_rules  # noqa: F401
        from network_pages.methods import signals as methods_signals  # noqa: F401
        from network_pages.practices import rules as practice_rules  # noqa: F401
        from network_pages.practices import signals as practice_signals
        from network_pages.release import rules as release_rules  # noqa: F401
        from network_pages.sessions import rules as session_rules  # noqa: F401
        from network_pages.sessions import signals as session_signals  # noqa: F401

        practice_signals.connect()
        # Last: a page's versions are written after its domain's own publish handlers have run.
        versions.connect()


class NetworkUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with the network's user forms (listed in INSTALLED_APPS)."""

    default = False
    user_viewset = "network_pages.accounts.admin.UserViewSet"
