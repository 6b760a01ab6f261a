"""Who attends a session (§4.1-4.2): each state registers its participants, in person or online;
the Office sees the whole list, with the invited experts, and exports it (CSV, XLSX).

A state's correspondents see and change their own state's registrations only; the Office those
of every state.
"""

from django.utils.translation import gettext as _

from network_pages.core.translations import original
from network_pages.sessions.models import Attendance, Invitation


def log_data(participant):
    return {"state": participant.member_state.code, "email": participant.email}


def participants(page):
    """(registrations, invited experts) of a session, for the Office."""
    source = original(page)
    registrations = Attendance.objects.filter(session=source).select_related("member_state")
    # Experts who were invited (their invitation may have ended since), not withdrawn ones.
    experts = Invitation.objects.filter(
        session=source, status__in=[Invitation.Status.CONFIRMED, Invitation.Status.ENDED]
    ).select_related("user", "member_state")
    ordered = sorted(registrations, key=lambda p: (p.member_state.name, p.name.lower()))
    return ordered, list(experts)


def rows(page):
    """The participants list as rows: the header first, in the user's language."""
    registrations, experts = participants(page)
    table = [[_("Member state"), _("Name"), _("E-mail"), _("Position"), _("Attends"), _("As")]]
    for p in registrations:
        table.append(
            [p.member_state.name, p.name, p.email, p.position, p.get_mode_display(), _("delegate")]
        )
    for invitation in experts:
        state = invitation.member_state.name if invitation.member_state_id else ""
        position = ", ".join(filter(None, [invitation.position, invitation.organisation]))
        table.append(
            [
                state,
                invitation.name,
                invitation.address,
                position,
                "",
                invitation.get_kind_display(),
            ]
        )
    return table
