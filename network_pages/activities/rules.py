"""Who reads the Council of Europe activities: the network's members (never invited experts);
a committee's name is no secret."""

from network_pages import access
from network_pages.activities.models import ActivityIndexPage, ActivityUpdatePage, Committee

access.members_only(ActivityIndexPage, ActivityUpdatePage)


@access.rule(Committee)
def can_view_committee(user, committee):
    return True
