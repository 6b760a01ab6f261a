"""The groups' forms: a theme to volunteer on, an item written in a workspace, the Office's
invitation of an external expert into a workspace."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network_pages.accounts.forms import PersonFields
from network_pages.core.languages import CONTENT_LANGUAGES
from network_pages.files.uploads import validate_upload
from network_pages.groups.models import WorkspaceItemPage
from network_pages.practices.models import Theme

BODY_MAX_LENGTH = 20000


class VolunteerForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.all(), empty_label=_("Choose a theme")
    )


class ItemForm(forms.Form):
    """A note, draft, report or document, as a member writes it in the workspace."""

    title = forms.CharField(label=_("Title"), max_length=255)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=WorkspaceItemPage.Kind.choices,
        initial=WorkspaceItemPage.Kind.NOTE,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=_("Written in"),
        choices=CONTENT_LANGUAGES,
        help_text=_("Members read it in either language; the Office may translate it."),
    )
    body = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Leave an empty line between paragraphs."),
    )
    document = forms.FileField(
        label=_("Document"),
        required=False,
        validators=[validate_upload],
        help_text=_("Read only by those who see the workspace."),
    )

    def clean(self):
        cleaned = super().clean()
        text = (cleaned.get("body") or "").strip()
        if not self.errors and not text and not cleaned.get("document"):
            self.add_error("body", _("Write a text or attach a document."))
        if self.errors and self.files.get("document"):
            self.add_error(
                None, _("Your text is kept, but files cannot be: choose the document again.")
            )
        return cleaned


class WorkspaceInvitationForm(PersonFields):
    """An external expert the Office invites into a workspace, until an end date."""

    ends_on = forms.DateField(
        label=_("Access until"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The workspace closes to the expert after this day."),
    )

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on < timezone.localdate():
            raise forms.ValidationError(_("The end date has passed."))
        return ends_on
