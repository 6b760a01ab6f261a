"""The activities' hooks: the committees in the admin and the intranet home's panel."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from network_pages.activities import panels
from network_pages.activities.admin import CommitteeViewSet

register_snippet(CommitteeViewSet)


@hooks.register("register_intranet_panels")
def register_intranet_panels():
    return panels.PANELS
