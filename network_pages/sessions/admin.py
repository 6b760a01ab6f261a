"""The Office's closure days in the admin, and the warnings on its dashboard."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet

from network_pages.sessions.working_days import ClosureDay


class ClosureDayViewSet(ModelViewSet):
    """The Council of Europe's closure days, which the Office keeps: they are not working days
    when a convocation's 30 working days are counted."""

    model = ClosureDay
    icon = "date"
    menu_label = _("Closure days")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["day", "label"]
    form_fields = ["day", "label"]
    search_fields = ["label"]
    search_backend_name = None


class DashboardWarning(Component):
    """Shown to the SRSG and the Office on the admin dashboard: a plenary missing from the year
    that needs one, closure days missing for the coming year."""

    order = 50
    template_name = "network_pages/admin/dashboard_warning.html"

    def __init__(self, key, title, message):
        self.key, self.title, self.message = key, title, message

    def get_context_data(self, parent_context):
        return {"key": self.key, "title": self.title, "message": self.message}
