"""The intranet home's panel about sessions."""

from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network_pages import access
from network_pages.intranet.panels import ITEM_FIELDS, RECENT_LIMIT, PanelType, for_members
from network_pages.sessions.models import SessionPage


def upcoming_sessions(request, home):
    sessions = (
        access.viewable(request.user, SessionPage.objects.descendant_of(home))
        .annotate(last=Coalesce("ends_on", "starts_on"))
        .filter(last__gte=timezone.localdate())
        .order_by("starts_on", "pk")
        .only(*ITEM_FIELDS, "starts_on")
    )
    return [{"title": s.title, "url": s.url, "date": s.starts_on} for s in sessions[:RECENT_LIMIT]]


PANELS = [
    PanelType(
        "sessions",
        _("Upcoming sessions"),
        _("No session is scheduled."),
        order=30,
        shown_to=for_members,
        items=upcoming_sessions,
    ),
]
