"""The Office's form for a decision of the Network, in the admin."""

from django import forms
from django.utils.formats import date_format

from wagtail.admin.forms import WagtailAdminModelForm

from network_pages.core.translations import first_written
from network_pages.decisions.models import Decision
from network_pages.sessions.models import SessionPage


def sessions_as_first_written():
    """The sessions a decision may point to: each session once, as first written, the most
    recent first."""
    return first_written(SessionPage.objects.all()).order_by("-starts_on", "title")


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, session):
        return f"{session.title} ({date_format(session.starts_on, 'SHORT_DATE_FORMAT')})"


class DecisionForm(WagtailAdminModelForm):
    """A plain list of the sessions (not Wagtail's page chooser, which would offer every page and
    every translation); the model's `clean` checks that the means and their details agree."""

    class Meta:
        model = Decision
        fields = [
            "kind",
            "subject",
            "decided_on",
            "means",
            "session",
            "consulted_from",
            "consulted_until",
            "how_asked",
            "outcome",
            "language",
        ]
        field_classes = {"session": SessionChoiceField}
        widgets = {"session": forms.Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions_as_first_written()
