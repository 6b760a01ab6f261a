"""The rapporteurs in the admin: the Office sees who volunteered and records the decision of the
Network that designates them (`groups.designation`); a rapporteur may be on a theme alone."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from network_pages.core.roles import CORRESPONDENTS
from network_pages.core.translations import first_written
from network_pages.groups.models import Rapporteur, ThematicGroupPage


class RapporteurForm(WagtailAdminModelForm):
    """Plain lists: the correspondents, and each group once, as first written."""

    class Meta:
        model = Rapporteur
        fields = ["user", "theme", "group", "status", "decision"]
        widgets = {"group": forms.Select, "user": forms.Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = self.fields["user"].queryset
        self.fields["user"].queryset = users.filter(groups__name=CORRESPONDENTS).distinct()
        self.fields["group"].queryset = first_written(ThematicGroupPage.objects.all())


class RapporteurViewSet(ModelViewSet):
    model = Rapporteur
    icon = "user"
    menu_label = _("Rapporteurs")
    menu_order = 275
    add_to_admin_menu = True
    list_display = ["user", "theme", "group", "status", "decision"]
    list_filter = ["status", "theme"]
    search_fields = ["user__first_name", "user__last_name", "user__username"]
    search_backend_name = None
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("user"),
            FieldPanel("theme"),
            FieldPanel("group"),
            FieldPanel("status"),
            FieldPanel("decision"),
        ],
        base_form_class=RapporteurForm,
    )
