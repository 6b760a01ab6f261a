"""The member directory: members only; who may edit a profile or a national network."""

from network_pages import access
from network_pages.directory.models import DirectoryPage

access.members_only(DirectoryPage)


def can_edit_profile(user, profile_user):
    """A member edits their own profile; the SRSG and the Office edit the correspondents'
    (never an administrator's or another editor's: that would hand over their account)."""
    if user.pk == profile_user.pk:
        return access.is_member(user)
    if not access.is_editor(user):
        return False
    return not profile_user.is_superuser and access.level(profile_user) != access.Level.EDITOR


def can_edit_national_network(user, member_state):
    """A state's correspondents record its national network; the Office may too."""
    return access.speaks_for_state(user, member_state.pk)
