"""Who sees a proposal's record, and who proposes intranet content for public release."""

from network_pages import access
from network_pages.core.markings import Marking
from network_pages.release.models import ReleaseProposal


@access.rule(ReleaseProposal)
def can_view_proposal(user, proposal):
    """Where a released page comes from is the Office's to know (the admin)."""
    return access.is_editor(user)


def can_propose_practice(user, practice):
    """The Office, or a correspondent of the state that wrote the practice, proposes a published
    practice meant for the whole network; one marked "SRSG Office only" never travels."""
    if not practice.live or practice.marking == Marking.OFFICE:
        return False
    if access.is_editor(user):
        return True
    return practice.author_state_id is not None and access.speaks_for_state(
        user, practice.author_state_id
    )
