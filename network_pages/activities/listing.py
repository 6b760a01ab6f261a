"""The activities as a member reads them: newest first, optionally one committee's, each once in
the reader's language (`intranet.lists`), at a cost that does not grow with their number."""

import unicodedata

from django.db.models import F

from network_pages.activities.models import ActivityUpdatePage, Committee
from network_pages.core.languages import active_language
from network_pages.intranet.lists import as_read, page_of, readable_originals


def readable(user, committee=None):
    """The activities the user may read, as first written, newest first."""
    found = readable_originals(user, ActivityUpdatePage.objects.all())
    if committee is not None:
        found = found.filter(committee=committee)
    return found.order_by(
        F("held_on").desc(nulls_last=True), F("first_published_at").desc(nulls_last=True), "-pk"
    )


def latest(user, limit):
    """The `limit` newest activities, as the user reads them."""
    newest = readable(user).select_related("locale", "committee")[:limit]
    return as_read(user, newest, active_language(), related=["committee"])


def sort_key(name):
    """Alphabetical order in either language: accents and case set aside."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def context(request):
    committees = sorted(Committee.objects.all(), key=lambda c: sort_key(c.name))
    chosen = next((c for c in committees if str(c.pk) == request.GET.get("committee")), None)
    found = readable(request.user, chosen).select_related("locale", "committee")
    page_obj = page_of(request, found)
    return {
        "committees": committees,
        "committee": chosen,
        "activities": as_read(
            request.user, page_obj.object_list, active_language(), related=["committee"]
        ),
        "page_obj": page_obj,
        "query": f"committee={chosen.pk}" if chosen else "",
    }
