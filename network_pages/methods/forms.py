"""A state's suggestion, the Office's word on it, and the SRSG's revision form."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from network_pages.core.languages import CONTENT_LANGUAGES
from network_pages.methods.models import MethodsSuggestion, TextRevision
from network_pages.methods.revisions import (
    ACTIVITY_BASES,
    WITH_SUGGESTIONS,
    available_consultations,
)
from network_pages.methods.suggestions import open_suggestions

ONE_PER_LINE = forms.CheckboxSelectMultiple(attrs={"class": "choice-list"})


class SuggestionForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Your suggestion"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("Say which part of the text it concerns and what you propose."),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Written in"), choices=CONTENT_LANGUAGES, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        active = (get_language() or "en")[:2]
        self.fields["language"].initial = active if active in dict(CONTENT_LANGUAGES) else "en"


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=MethodsSuggestion.Status)
    status_note = forms.CharField(
        label=gettext_lazy("Note for the state"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ConsultationChoice(forms.ModelChoiceField):
    def label_from_instance(self, decision):
        return _("%(subject)s (decided on %(date)s)") % {
            "subject": decision.subject,
            "date": date_format(decision.decided_on, "DATE_FORMAT"),
        }


class SuggestionChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, suggestion):
        text = suggestion.text if len(suggestion.text) <= 120 else suggestion.text[:119] + "…"
        return (
            f"{suggestion.member_state.name} · {date_format(suggestion.created_at.date())} · {text}"
        )


class RevisionForm(forms.Form):
    """What the SRSG says of the revision published. The text as first published needs only a
    summary; a revision of the objectives names the consultation of the Network it follows
    (§2.2), one of the working methods what prompted it (§4.10)."""

    revision_id = forms.IntegerField(widget=forms.HiddenInput)
    summary = forms.CharField(
        label=gettext_lazy("What changed"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Shown to the members with the revision, in the list of revisions."),
    )
    basis = forms.ChoiceField(
        label=gettext_lazy("Prompted by"),
        choices=[(basis.value, basis.label) for basis in ACTIVITY_BASES],
        widget=forms.RadioSelect,
    )
    consultation = ConsultationChoice(
        label=gettext_lazy("Consultation of the Network"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": gettext_lazy(
                "A revision of the objectives follows a consultation of the Network (§2.2): "
                "choose the consultation the Office recorded."
            )
        },
    )
    details = forms.CharField(
        label=gettext_lazy("Details"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    suggestions = SuggestionChoice(
        label=gettext_lazy("States' suggestions considered"),
        queryset=None,
        required=False,
        widget=ONE_PER_LINE,
        help_text=gettext_lazy("Each suggestion ticked is marked as taken into account."),
    )

    def __init__(self, *args, source, first, **kwargs):
        super().__init__(*args, **kwargs)
        self.source, self.first = source, first
        self.fields["consultation"].queryset = available_consultations()
        self.fields["suggestions"].queryset = open_suggestions(source)
        dropped = {"basis", "consultation", "suggestions"} if first else set()
        dropped.add("basis" if source.requires_consultation else "consultation")
        if not self.fields["suggestions"].queryset.exists():
            dropped.add("suggestions")
        for name in dropped:
            self.fields.pop(name, None)

    def clean(self):
        cleaned = super().clean()
        basis, chosen = cleaned.get("basis"), cleaned.get("suggestions")
        if basis in WITH_SUGGESTIONS and not chosen and not cleaned.get("details"):
            self.add_error(
                "suggestions" if "suggestions" in self.fields else "details",
                _(
                    "Tick the suggestions considered, or say in the details which states' "
                    "suggestions prompted the revision."
                ),
            )
        if basis == TextRevision.Basis.ACTIVITY and chosen:
            self.add_error(
                "basis",
                _("Suggestions are ticked: the revision was prompted by states' suggestions too."),
            )
        return cleaned
