"""The committees in the admin: the Office keeps the bilingual list (a snippet)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from network_pages.activities.models import Committee


class CommitteeViewSet(SnippetViewSet):
    model = Committee
    icon = "group"
    menu_label = _("Committees")
    add_to_settings_menu = True
    list_display = ["name_en", "name_fr", "acronym"]
    search_fields = ["name_en", "name_fr", "acronym"]
    search_backend_name = None
