"""Who sees the sessions, their papers, invitations, attendance, agenda consultations and calendar
feeds; who may register participants, nominate or invite experts, and propose the agenda."""

from django.db.models import Q
from django.utils.translation import gettext as _

from network_pages import access
from network_pages.accounts.rules import acts_for_one_state
from network_pages.core.roles import SRSG
from network_pages.core.translations import original
from network_pages.files.models import NetworkDocument
from network_pages.sessions.models import (
    AgendaApproval,
    AgendaConsultation,
    AgendaItem,
    AgendaSuggestion,
    Attendance,
    CalendarFeed,
    Convocation,
    Invitation,
    SessionIndexPage,
    SessionPage,
    SessionPaper,
)
from network_pages.sessions.working_days import ClosureDay

# The list of sessions: members only (invited experts reach their own session directly).
access.members_only(SessionIndexPage)


@access.grant_filter
def without_lapsed_invitations(user, granted):
    """An invitation that was withdrawn or has passed its end date closes its session at once,
    before the daily revocation catches up (unless a current invitation keeps it open)."""
    invitations = Invitation.objects.filter(user=user)
    lapsed = invitations.lapsed().exclude(session__in=invitations.current().values("session"))
    return granted.exclude(pk__in=lapsed.values("session"))


def is_session_paper(user, file):
    """A document kept as a session's paper (the ids of all papers, read once per request)."""

    def papers():
        return set(SessionPaper.objects.values_list("document_id", flat=True))

    return isinstance(file, NetworkDocument) and file.pk in access.remembered(
        user, "paper_ids", papers
    )


@access.file_kind(is_session_paper)
def is_paper_of_a_session_they_see(user, file):
    """A session's papers open to whoever sees the session whole (members; the experts invited to
    a thematic session), to an expert invited to a plenary the papers their invitation lists, and
    to nobody else: a page that links a paper does not open it."""
    if access.level(user) < access.Level.EXPERT:
        return False

    def papers():
        sessions = access.viewable(user, SessionPage.objects.all(), whole=True)
        listed = Invitation.objects.current().filter(
            user=user, session__in=access.viewable(user, SessionPage.objects.all())
        )
        return set(
            SessionPaper.objects.filter(
                Q(page__in=sessions) | Q(invitations__in=listed)
            ).values_list("document_id", flat=True)
        )

    return file.pk in access.remembered(user, "papers_seen", papers)


@access.rule(AgendaItem, SessionPaper)
def can_view_session_part(user, part):
    return access.can_view(user, part.page)


@access.rule(AgendaApproval)
def can_view_agenda_approval(user, approval):
    """Whether the SRSG approved the agenda, and when the session adopted it: whoever sees the
    session."""
    return access.can_view(user, approval.session)


@access.rule(ClosureDay, Convocation)
def can_view_office_record(user, record):
    """Kept by the Office in the admin or on its session tools."""
    return access.is_editor(user)


@access.rule(Invitation)
def can_view_invitation(user, invitation):
    """The Office; the invited person; the state a national expert is credited to."""
    if access.is_editor(user) or invitation.user_id == user.pk:
        return True
    return invitation.member_state_id is not None and access.speaks_for_state(
        user, invitation.member_state_id
    )


@access.rule(AgendaConsultation)
def can_view_consultation(user, consultation):
    """That the network is consulted, and until when: its members."""
    return access.is_member(user)


@access.rule(AgendaSuggestion)
def can_view_suggestion(user, suggestion):
    """The Office and the SRSG; the suggesting state's correspondents at every stage; the other
    members once the SRSG has decided."""
    if access.speaks_for_state(user, suggestion.member_state_id):
        return True
    return access.is_member(user) and suggestion.status != AgendaSuggestion.Status.PENDING


@access.rule(CalendarFeed)
def can_view_calendar_feed(user, feed):
    """Its secret address is its owner's alone."""
    return user.is_authenticated and feed.user_id == user.pk


@access.rule(Attendance)
def can_view_registration(user, participant):
    return access.speaks_for_state(user, participant.member_state_id)


def why_not_open(session, kind):
    """None when the session (as first written, specific) takes experts of this kind; otherwise
    why not."""
    if session.is_over:
        return _("The session is over: nobody can be invited to it any more.")
    if kind == Invitation.Kind.EXTERNAL and not session.external_participants:
        return _(
            "This session has no external participants: tick “with external participants” on "
            "the session first."
        )
    if kind == Invitation.Kind.NATIONAL and not session.accepts_national_experts:
        return _("This session does not take national experts.")
    return None


def can_register(user):
    """A correspondent registers their own state's participants (the Office, any state's, through
    the state's own link)."""
    return acts_for_one_state(user)


def can_nominate(user, session):
    """A correspondent nominates national experts for a session that takes them."""
    source = original(session).specific
    return can_register(user) and why_not_open(source, Invitation.Kind.NATIONAL) is None


def proposes_the_agenda(user):
    """The SRSG proposes the agenda (§4.4): decides on the states' suggestions."""
    return user.is_active and (user.is_superuser or SRSG in access.roles(user))
