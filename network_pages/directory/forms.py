"""A member's profile and a national network's actors."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from network_pages.accounts.forms import PERSON_FIELDS, PersonFields
from network_pages.accounts.models import MemberProfile, NationalNetworkActor
from network_pages.core.languages import working_language_choices
from network_pages.core.typed import keep_on_one_line


class Versioned(forms.Form):
    """The version of the entry the form was opened on, sent back with it (see
    `directory.views.save_unless_changed`)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        self.fields["version"].initial = instance.version if instance is not None else 0


class ProfileForm(Versioned, PersonFields, forms.ModelForm):
    """A member's own profile (the Office may also change the member state)."""

    working_languages = forms.MultipleChoiceField(
        label=_("working languages"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MemberProfile
        fields = ["member_state", "institution", "position", "phone", "working_languages"]

    def __init__(self, *args, office=False, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user
        for name in PERSON_FIELDS:
            self.fields[name].initial = getattr(user, name)
        self.fields["language"].help_text = _(
            "The interface and the network's e-mails use this language."
        )
        keep_on_one_line(self, "institution", "position", "phone")
        self.fields["working_languages"].choices = working_language_choices()
        self.fields["working_languages"].initial = self.instance.working_languages
        if not office:
            # The e-mail address identifies a designated person: only the Office changes it.
            del self.fields["member_state"]
            self.fields["email"].disabled = True
            self.fields["email"].help_text = _("Ask the SRSG's Office to change your address.")

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        others = get_user_model().objects.filter(email__iexact=email)
        if others.exclude(pk=self.instance.user_id).exists():
            raise forms.ValidationError(_("This e-mail address is already used by another member."))
        return email

    def save(self, commit=True):
        profile = super().save(commit=False)
        user = profile.user
        for name in PERSON_FIELDS:
            setattr(user, name, self.cleaned_data[name])
        if commit:
            user.save(update_fields=PERSON_FIELDS)
            profile.save()
        return profile


class NationalNetworkActorForm(Versioned, forms.ModelForm):
    class Meta:
        model = NationalNetworkActor
        fields = ["organisation", "kind", "contact", "email", "phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keep_on_one_line(self, "organisation", "phone")
