"""The decisions of the Network in the admin: the Office records and corrects them, the SRSG
reads them (the permissions of migration 0024)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from network_pages.decisions.forms import DecisionForm
from network_pages.decisions.models import Decision


class DecisionViewSet(ModelViewSet):
    """Recording sets `recorded_by` and logs `network.decision.record`, correcting logs
    `network.decision.edit`: Wagtail's create and edit actions for the model do it
    (`decisions.recording`)."""

    model = Decision
    icon = "clipboard-list"
    menu_label = _("Decisions of the Network")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["subject", "kind", "decided_on", "means"]
    list_filter = ["kind", "means"]
    search_fields = ["subject", "outcome"]
    search_backend_name = None
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldPanel("subject"),
            FieldPanel("decided_on"),
            FieldPanel("means"),
            MultiFieldPanel([FieldPanel("session")], heading=_("At a session")),
            MultiFieldPanel(
                [
                    FieldPanel("consulted_from"),
                    FieldPanel("consulted_until"),
                    FieldPanel("how_asked"),
                ],
                heading=_("By written consultation"),
            ),
            FieldPanel("outcome"),
            FieldPanel("language"),
        ],
        base_form_class=DecisionForm,
    )
