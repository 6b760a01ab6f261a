"""Who sees the decisions of the Network, and who records them."""

from network_pages import access
from network_pages.decisions.models import Decision

RECORD_PERMISSION = "network_pages.add_decision"


@access.rule(Decision)
def can_view_decision(user, decision):
    """The Network's members (the SRSG, the Office, the correspondents), whatever session the
    decision was taken at: plenaries are members-only, and a decision taken at a thematic session
    is the Network's too, so members see it even though invited experts attended that session.
    Invited experts never see decisions, not even those of the session they were invited to."""
    return access.is_member(user)


def can_view_decisions(user):
    """The list of decisions: the Network's members (see `can_view_decision`)."""
    return access.is_member(user)


def can_record(user):
    """The Office records and corrects decisions in the admin; the SRSG reads them there. The
    admin's own permission decides, so the link a page shows and the admin's answer agree."""
    return access.is_editor(user) and user.has_perm(RECORD_PERMISSION)
