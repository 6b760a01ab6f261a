"""The revisions of the working methods and the objectives in the admin: a revision the SRSG
published from the page editor has no summary yet, which the Office or the SRSG completes here."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet

from network_pages.methods.models import TextRevision


class TextRevisionViewSet(ModelViewSet):
    """Revisions are made by publishing (never added here); what changed, what prompted it and
    the details may be completed. The consultation and the page revision stay as published."""

    model = TextRevision
    icon = "history"
    menu_label = _("Revisions of the texts")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["page", "number", "published_at", "published_by", "summary"]
    list_filter = ["page"]
    form_fields = ["summary", "basis", "details"]
    search_fields = ["summary", "details"]
    search_backend_name = None
    ordering = ["page", "-number"]
