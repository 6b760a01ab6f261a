"""The practices' themes in the admin: the Office keeps the bilingual list."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet

from network_pages.practices.models import Theme


class ThemeViewSet(ModelViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    add_to_settings_menu = True
    list_display = ["name_en", "name_fr"]
    search_fields = ["name_en", "name_fr"]
    search_backend_name = None
    form_fields = ["name_en", "name_fr"]
