"""The Office's closure days in the admin, the SRSG's decisions on the states' agenda suggestions,
and the warnings on the dashboard."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from network_pages.core.translations import first_written
from network_pages.sessions import agenda
from network_pages.sessions.models import AgendaApproval, AgendaSuggestion, SessionPage
from network_pages.sessions.rules import proposes_the_agenda
from network_pages.sessions.working_days import ClosureDay

Status = AgendaSuggestion.Status


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


class SuggestionDecisionForm(WagtailAdminModelForm):
    """The SRSG's decision on a pending suggestion: accepted, or declined with a reason."""

    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Status.ACCEPTED, _("Accept: the item joins the draft agenda")),
            (Status.DECLINED, _("Decline, with the reason below")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = AgendaSuggestion
        fields = ["status", "reason"]

    def clean(self):
        cleaned = super().clean()
        if AgendaSuggestion.objects.get(pk=self.instance.pk).status != Status.PENDING:
            raise forms.ValidationError(_("The suggestion was decided already."))
        if cleaned.get("status") == Status.DECLINED and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason: the state is told it."))
        return cleaned


class SuggestionDecisionView(generic.EditView):
    def save_instance(self):
        if not proposes_the_agenda(self.request.user):
            raise PermissionDenied
        suggestion, data = self.form.instance, self.form.cleaned_data
        if data["status"] == Status.ACCEPTED:
            return agenda.accept(suggestion, by=self.request.user) or suggestion
        return agenda.decline(suggestion, reason=data["reason"], by=self.request.user) or suggestion


class AgendaSuggestionViewSet(ModelViewSet):
    """The states' agenda suggestions: the SRSG decides on them here or on the session's
    consultation page (the same `agenda.accept` and `agenda.decline`); the Office reads them."""

    model = AgendaSuggestion
    icon = "list-ol"
    menu_label = _("Agenda suggestions")
    menu_order = 255
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["title", "member_state", "consultation", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["title"]
    search_backend_name = None
    form_fields = ["status", "reason"]
    edit_view_class = SuggestionDecisionView

    def get_form_class(self, for_update=False):
        return SuggestionDecisionForm

    def get_queryset(self, request):
        return AgendaSuggestion.objects.select_related("member_state", "consultation__session")


class ApprovalForm(WagtailAdminModelForm):
    """The SRSG approves a session's draft agenda: the sessions as first written whose agenda
    awaits approval and that are not over."""

    class Meta:
        model = AgendaApproval
        fields = ["session"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = first_written(
            SessionPage.objects.filter(agenda_approval__isnull=True)
        ).order_by("starts_on")

    def clean_session(self):
        session = self.cleaned_data["session"].specific
        refusal = agenda.why_not_approve(session)
        if refusal:
            raise forms.ValidationError(refusal)
        return session


class AdoptionForm(WagtailAdminModelForm):
    """The Office records the day the session adopted its agenda."""

    class Meta:
        model = AgendaApproval
        fields = ["adopted_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adopted_on"].required = True


class ApproveView(generic.CreateView):
    def save_instance(self):
        if not proposes_the_agenda(self.request.user):
            raise PermissionDenied
        try:
            return agenda.approve(self.form.cleaned_data["session"], by=self.request.user)
        except agenda.ApprovalRefused as refusal:
            raise PermissionDenied(str(refusal)) from refusal

    def get_success_buttons(self):
        return []


class AdoptionView(generic.EditView):
    def form_valid(self, form):
        try:
            agenda.record_adoption(
                self.object.session,
                adopted_on=form.cleaned_data["adopted_on"],
                by=self.request.user,
            )
        except agenda.ApprovalRefused as refusal:
            form.add_error("adopted_on", str(refusal))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        return super().form_valid(form)

    def save_instance(self):
        return AgendaApproval.objects.get(pk=self.object.pk)  # recorded by record_adoption


class AgendaApprovalViewSet(ModelViewSet):
    """The SRSG's approvals of draft agendas (the SRSG approves here or on the session's page,
    through the same `agenda.approve`), and the Office's record of each agenda's adoption."""

    model = AgendaApproval
    icon = "tick-inverse"
    menu_label = _("Agenda approvals")
    menu_order = 256
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["session", "approved_by", "approved_at", "adopted_on"]
    search_backend_name = None
    form_fields = ["session"]
    add_view_class = ApproveView
    edit_view_class = AdoptionView

    def get_form_class(self, for_update=False):
        return AdoptionForm if for_update else ApprovalForm

    def get_queryset(self, request):
        return AgendaApproval.objects.select_related("session", "approved_by")


class DashboardWarning(Component):
    """Shown to the SRSG and the Office on the admin dashboard: a plenary missing from the year
    that needs one, closure days missing for the coming year."""

    order = 50
    template_name = "network_pages/admin/dashboard_warning.html"

    def __init__(self, key, title, message):
        self.key, self.title, self.message = key, title, message

    def get_context_data(self, parent_context):
        return {"key": self.key, "title": self.title, "message": self.message}
