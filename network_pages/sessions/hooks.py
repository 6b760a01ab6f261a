"""The sessions' hooks: closure days and the plenary warning in the admin, audit actions,
e-mails and the intranet home's panel."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from network_pages.access import is_editor
from network_pages.core.audit import log_actions
from network_pages.intranet.sections import Section
from network_pages.sessions import panels
from network_pages.sessions.admin import (
    AgendaApprovalViewSet,
    AgendaSuggestionViewSet,
    ClosureDayViewSet,
    DashboardWarning,
)
from network_pages.sessions.convocations import plenary_schedule_problem
from network_pages.sessions.models import SessionIndexPage
from network_pages.sessions.working_days import closure_days_problem


@hooks.register("register_admin_viewset")
def register_closure_day_viewset():
    return ClosureDayViewSet("closure-days")


@hooks.register("register_admin_viewset")
def register_agenda_suggestion_viewset():
    return AgendaSuggestionViewSet("agenda-suggestions")


@hooks.register("register_admin_viewset")
def register_agenda_approval_viewset():
    return AgendaApprovalViewSet("agenda-approvals")


@hooks.register("construct_homepage_panels")
def warn_about_the_plenary_schedule(request, panels):

    if is_editor(request.user):
        problem = plenary_schedule_problem()
        if problem:
            panels.append(DashboardWarning("plenary", _("Plenary session"), problem))
        problem = closure_days_problem()
        if problem:
            panels.append(DashboardWarning("closure-days", _("Closure days"), problem))


# Its audit actions: (action, label, message), in English and French.
LOG_ACTIONS = [
    ("network.session.convene", _("Convene session"), _("Convocation sent")),
    (
        "network.session.date_change",
        _("Move first day late"),
        _("First day moved to less than 30 working days away, with a reason"),
    ),
    ("network.session.new_dates", _("Send new dates"), _("New dates sent to those convened")),
    ("network.invitation.invite", _("Invite expert"), _("Expert invited to a session")),
    ("network.invitation.nominate", _("Nominate expert"), _("National expert nominated")),
    (
        "network.invitation.confirm",
        _("Confirm expert"),
        _("National expert's invitation confirmed"),
    ),
    ("network.invitation.withdraw", _("Withdraw invitation"), _("Invitation withdrawn")),
    ("network.invitation.end", _("End invitation"), _("Invitation ended")),
    (
        "network.agenda.consult",
        _("Open agenda consultation"),
        _("Correspondents consulted on the agenda"),
    ),
    ("network.agenda.suggest", _("Suggest agenda item"), _("Agenda item suggested by a state")),
    (
        "network.agenda.accept",
        _("Accept agenda item"),
        _("State's agenda item accepted by the SRSG"),
    ),
    (
        "network.agenda.decline",
        _("Decline agenda item"),
        _("State's agenda item declined by the SRSG"),
    ),
    (
        "network.agenda.approve",
        _("Approve draft agenda"),
        _("Draft agenda approved by the SRSG"),
    ),
    (
        "network.agenda.adopt",
        _("Record agenda adoption"),
        _("Agenda adopted at the session"),
    ),
    ("network.attendance.register", _("Register participant"), _("Participant registered")),
    (
        "network.attendance.unregister",
        _("Remove participant"),
        _("Participant's registration removed"),
    ),
]

hooks.register("register_log_actions", log_actions(LOG_ACTIONS))


@hooks.register("register_notification_events")
def register_notification_events(events):
    events.register("session_convocation", category="sessions")
    events.register("session_dates_changed", category="sessions")
    events.register("expert_invitation", category="sessions")
    events.register("expert_nominated", category="sessions")
    events.register("agenda_consultation", category="sessions")
    events.register("agenda_suggestion_decided", category="sessions")
    events.register("agenda_approved", category="sessions")


@hooks.register("register_intranet_panels")
def register_intranet_panels():
    return panels.PANELS


@hooks.register("register_intranet_sections")
def register_intranet_sections():
    return [Section("sessions", _("Sessions"), SessionIndexPage, order=20)]
