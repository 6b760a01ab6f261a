"""The member directory page (R7)."""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from network_pages.core.fields import IntroductionMixin
from network_pages.core.routing import PathRouting, delegate

# The views behind the pages' routes, imported only when a route is served (core.routing).
VIEWS = "network_pages.directory.views."


class DirectoryPage(RoutablePageMixin, IntroductionMixin, PathRouting, Page):
    """The member directory (R7), one per intranet root: members only, never invited experts."""

    parent_page_types = ["network_pages.IntranetHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("member directory")
        verbose_name_plural = _("member directories")

    index = delegate("", VIEWS + "index")
    csv_export = delegate("csv/", VIEWS + "csv_export")
    vcard = delegate("people/<int:user_id>/vcard/", VIEWS + "vcard")
    own_profile = delegate("profile/", VIEWS + "edit_own_profile")
    edit_profile = delegate("people/<int:user_id>/edit/", VIEWS + "edit_profile")
    state = delegate("states/<str:code>/", VIEWS + "state")
    add_actor = delegate("states/<str:code>/actors/add/", VIEWS + "edit_actor")
    edit_actor = delegate("states/<str:code>/actors/<int:actor_id>/edit/", VIEWS + "edit_actor")
    delete_actor = delegate(
        "states/<str:code>/actors/<int:actor_id>/delete/",
        VIEWS + "delete_actor",
    )
