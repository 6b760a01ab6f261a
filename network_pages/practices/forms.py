"""The practices' forms: a correspondent's contribution, the list's filters, the Office's review
comment and its reason for hiding a practice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from network_pages.accounts.models import MemberState
from network_pages.core.languages import CONTENT_LANGUAGES
from network_pages.core.markings import Marking
from network_pages.files.uploads import validate_upload
from network_pages.groups.models import ThematicGroupPage
from network_pages.practices.models import (
    FIRST_YEAR,
    LAST_YEAR,
    SUMMARY_MAX_LENGTH,
    Dissemination,
    Theme,
)

BODY_MAX_LENGTH = 20000
MAX_ATTACHMENTS = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files at once, each passing the upload policy."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("Attach at most %(limit)s files at once.") % {"limit": MAX_ATTACHMENTS}
            )
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


def year_field(label, help_text=""):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class ContributionForm(forms.Form):
    """A good practice as a correspondent writes it; the Office reviews it before the network
    reads it, unless its setting publishes contributions to all members at once."""

    title = forms.CharField(label=_("Title"), max_length=255)
    language = forms.ChoiceField(
        label=_("Language of the practice"),
        choices=CONTENT_LANGUAGES,
        help_text=_("The practice is listed in both languages; the Office may translate it."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences: what it is, who runs it, what it achieved."),
    )
    body = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Leave an empty line between paragraphs."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    member_states = forms.ModelMultipleChoiceField(
        label=_("Member states concerned"),
        queryset=MemberState.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or ⌘) to choose several."),
    )
    period_from = year_field(_("From (year)"))
    period_to = year_field(_("To (year)"), _("Leave empty if the practice is ongoing."))
    sources = forms.CharField(
        label=_("Sources"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One source per line: a reference or a web address."),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        validators=[validate_upload],
        help_text=_(
            "Documents that support the practice; read by those who may read the practice."
        ),
    )
    marking = forms.ChoiceField(
        label=_("Handling marking"),
        choices=Marking.choices,
        initial=Marking.NETWORK,
        widget=forms.RadioSelect,
        help_text=_(
            "“SRSG Office only” keeps it for the Office and your state, whatever the dissemination."
        ),
    )
    dissemination = forms.ChoiceField(
        label=_("Proposed dissemination"),
        choices=Dissemination.choices,
        initial=Dissemination.NETWORK,
        widget=forms.RadioSelect,
        help_text=_("The Office and your state always read it."),
    )
    thematic_group = forms.ModelChoiceField(
        label=_("Thematic group"),
        queryset=ThematicGroupPage.objects.none(),
        required=False,
        help_text=_("For “One thematic group”: the group whose members read it."),
    )

    def __init__(self, *args, states=(), groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.states = list(states)
        if groups is not None and groups.exists():
            self.fields["thematic_group"].queryset = groups
        else:  # the groups offered are the author's own
            self.fields.pop("thematic_group")
            self.fields["dissemination"].choices = [
                choice for choice in Dissemination.choices if choice[0] != Dissemination.GROUP
            ]
        if len(self.states) > 1:
            self.fields["state"] = forms.ModelChoiceField(
                label=_("On behalf of"),
                queryset=MemberState.objects.filter(pk__in=[s.pk for s in self.states]),
            )
            self.order_fields(["state"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_from"), cleaned.get("period_to")
        if start and end and end < start:
            self.add_error("period_to", _("The period cannot end before the year it starts."))
        if cleaned.get("dissemination") == Dissemination.GROUP:
            if not cleaned.get("thematic_group"):
                self.add_error("thematic_group", _("Choose the thematic group that reads it."))
        else:
            cleaned["thematic_group"] = None
        if self.errors and self.files.getlist("attachments"):
            self.add_error(
                None,
                _("Your text is kept, but files cannot be: choose the attachments again."),
            )
        return cleaned

    def author_state(self):
        if "state" in self.fields:
            return self.cleaned_data["state"]
        return self.states[0] if self.states else None


class EditContributionForm(ContributionForm):
    """The author's edit: the same fields, the attachments already there that they remove, and
    the revision they started from (a conflict keeps their text)."""

    remove = forms.MultipleChoiceField(
        label=_("Remove these attachments"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, attachments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("language")  # it stays in the tree it was written in
        self.fields.pop("state", None)
        self.fields["remove"].choices = [(a.document_id, a.document.title) for a in attachments]
        if not attachments:
            self.fields.pop("remove")


SORTS = [("newest", _("Newest first")), ("title", _("Title"))]


class FilterForm(forms.Form):
    """The list's filters, read from the URL: they work without JavaScript and can be shared."""

    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.all(), required=False, empty_label=_("All themes")
    )
    state = forms.ModelChoiceField(
        label=_("Member state"),
        queryset=MemberState.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All member states"),
    )
    language = forms.ChoiceField(
        label=_("Written in"),
        choices=[("", _("Either language")), *CONTENT_LANGUAGES],
        required=False,
    )
    year = year_field(_("Year"))
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].widget.attrs["placeholder"] = _("e.g. 2022")

    def filters(self):
        """The valid filters (an invalid one is ignored, and shown as an error)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for hiding it"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Its author and their state's correspondents receive it."),
        error_messages={"required": _("Give the reason: its author reads it.")},
    )
