"""The intranet home's panel of Council of Europe activities."""

from django.utils.translation import gettext_lazy as _

from network_pages import access
from network_pages.activities import listing
from network_pages.activities.models import ActivityIndexPage
from network_pages.intranet.panels import RECENT_LIMIT, PanelType, for_members


def latest_activities(request, home):
    """The newest activities, each in the reader's language, then the way to all of them."""
    items = [
        {
            "title": page.title,
            "url": page.url,
            "date": page.held_on,
            "detail": page.committee.name if page.committee else "",
            "lang": page.language,
        }
        for page in listing.latest(request.user, RECENT_LIMIT)
    ]
    if items:
        index = ActivityIndexPage.objects.filter(locale_id=home.locale_id).first()
        if index is not None and access.can_view(request.user, index):
            items.append({"title": _("All Council of Europe activities"), "url": index.url})
    return items


PANELS = [
    PanelType(
        "activities",
        _("Council of Europe activities"),
        _("No Council of Europe activity has been reported yet."),
        order=45,
        shown_to=for_members,
        items=latest_activities,
    ),
]
