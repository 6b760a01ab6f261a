from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkPagesConfig(AppConfig):
    name = "network_pages"
    verbose_name = _("Network intranet")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signals  # noqa: F401
