from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from network_pages.access import can_view, is_editor
from network_pages.forms import DesignationForm
from network_pages.models import ClosureDay, Designation


# Ordered after Wagtail's check_view_restrictions (order 0): the wrapper runs inside it.
@hooks.register("on_serve_page", order=100)
def enforce_access_policy(serve_next):
    def serve(page, request, serve_args, serve_kwargs):
        if not can_view(request.user, page):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            raise PermissionDenied
        return serve_next(page, request, serve_args, serve_kwargs)

    return serve


# Covers Wagtail's own document view too, should it ever be mounted.
@hooks.register("before_serve_document")
def check_document_access(document, request):
    if not can_view(request.user, document):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        raise PermissionDenied


# The project's audit actions: (action, label, message), in English and French.
LOG_ACTIONS = [
    ("network.access.grant", _("Grant access"), _("Access granted to a user or group")),
    ("network.access.revoke", _("Revoke access"), _("Access revoked from a user or group")),
    ("network.designation.record", _("Record designation"), _("Designation recorded")),
    ("network.designation.activate", _("Activate account"), _("Account activated")),
    ("network.designation.end", _("End designation"), _("Designation ended, account closed")),
    ("network.profile.edit", _("Edit profile"), _("Profile edited")),
    ("network.actor.save", _("Save national actor"), _("National network actor saved")),
    ("network.actor.delete", _("Remove national actor"), _("National network actor removed")),
    ("network.request.open", _("Open request"), _("Request opened")),
    ("network.request.propose", _("Propose request"), _("Request proposed by a state")),
    ("network.response.saved", _("Save answers"), _("Draft answers saved")),
    ("network.response.submitted", _("Submit answers"), _("Answers submitted")),
    ("network.response.reopened", _("Reopen answers"), _("Submitted answers reopened")),
    (
        "network.response.entered",
        _("Enter answers from an e-mail"),
        _("Answers entered by the Office from an e-mail"),
    ),
    ("network.request.close", _("Close request"), _("Request closed")),
    ("network.session.convene", _("Convene session"), _("Convocation sent")),
    ("network.invitation.invite", _("Invite expert"), _("Expert invited to a session")),
    ("network.invitation.nominate", _("Nominate expert"), _("National expert nominated")),
    (
        "network.invitation.confirm",
        _("Confirm expert"),
        _("National expert's invitation confirmed"),
    ),
    ("network.invitation.withdraw", _("Withdraw invitation"), _("Invitation withdrawn")),
    ("network.invitation.end", _("End invitation"), _("Invitation ended")),
    ("network.attendance.register", _("Register participant"), _("Participant registered")),
    (
        "network.attendance.unregister",
        _("Remove participant"),
        _("Participant's registration removed"),
    ),
    ("network.request.remind", _("Remind states"), _("States that have not answered reminded")),
    ("network.restriction.mirror", _("Mirror privacy"), _("Privacy mirrored from a translation")),
]


@hooks.register("register_log_actions")
def register_network_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


class DesignationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "member_state")


class DesignationViewSet(ModelViewSet):
    model = Designation
    index_view_class = DesignationIndexView
    icon = "user"
    menu_label = _("Designations")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "user",
        "member_state",
        "institution",
        "designated_on",
        "ends_on",
        "activated_at",
    ]
    list_filter = ["member_state"]
    search_fields = ["user__first_name", "user__last_name", "user__email", "institution"]
    search_backend_name = None  # plain database lookups across the related user
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return DesignationForm


@hooks.register("register_admin_viewset")
def register_designation_viewset():
    return DesignationViewSet("designations")


class ClosureDayViewSet(ModelViewSet):
    """The Council of Europe's closure days, which the Office keeps: they are not working days
    when a convocation's 30 working days are counted."""

    model = ClosureDay
    icon = "date"
    menu_label = _("Closure days")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["day", "label"]
    form_fields = ["day", "label"]
    search_fields = ["label"]
    search_backend_name = None


@hooks.register("register_admin_viewset")
def register_closure_day_viewset():
    return ClosureDayViewSet("closure-days")


class PlenaryScheduleWarning(Component):
    """Shown to the SRSG and the Office when the year that needs a plenary has none planned."""

    order = 50
    template_name = "network_pages/admin/plenary_warning.html"

    def __init__(self, message):
        self.message = message

    def get_context_data(self, parent_context):
        return {"message": self.message}


@hooks.register("construct_homepage_panels")
def warn_about_the_plenary_schedule(request, panels):
    from network_pages.sessions import plenary_schedule_problem

    if is_editor(request.user):
        problem = plenary_schedule_problem()
        if problem:
            panels.append(PlenaryScheduleWarning(problem))
