"""The intranet home's panel of thematic groups: the user's own groups, what is new in the
workspaces they see, and the way to every group."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from network_pages import access
from network_pages.core.languages import active_language
from network_pages.groups import rules
from network_pages.groups.models import GroupIndexPage, WorkspaceItemPage
from network_pages.intranet.lists import as_read, readable_originals
from network_pages.intranet.panels import RECENT_LIMIT, PanelType, for_members

NO_GROUP = _("You are in no thematic group yet.")


def thematic_groups(request, home):
    user, code = request.user, active_language()
    mine = as_read(user, rules.groups_of(user).select_related("locale").order_by("title"), code)
    items = [
        {
            "title": group.title,
            "url": group.url,
            "detail": _("You are a member"),
            "lang": group.language,
        }
        for group in mine
    ]
    items_seen = WorkspaceItemPage.objects.select_related("locale")
    newest = readable_originals(user, items_seen).order_by(
        F("first_published_at").desc(nulls_last=True), "-pk"
    )[:RECENT_LIMIT]
    items += [
        {
            "title": item.title,
            "url": item.url,
            "date": item.first_published_at,
            "detail": _("New in a workspace: %(kind)s") % {"kind": item.get_kind_display()},
            "lang": item.language,
        }
        for item in as_read(user, newest, code)
    ]
    if not mine and rules.can_volunteer(user):  # a correspondent in no group
        items.insert(0, {"title": NO_GROUP})
    index = GroupIndexPage.objects.filter(locale_id=home.locale_id).first()
    if index is not None and access.can_view(user, index):
        items.append({"title": _("All thematic groups"), "url": index.url})
    return items


PANELS = [
    PanelType(
        "thematic_groups",
        _("Thematic groups"),
        NO_GROUP,
        order=55,
        shown_to=for_members,
        items=thematic_groups,
    ),
]
