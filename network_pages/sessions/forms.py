"""The Office's convocation and invitation forms, a state's nominations and registrations."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from network_pages.accounts.designations import find_person
from network_pages.accounts.forms import PersonFields
from network_pages.core.typed import keep_on_one_line, one_line
from network_pages.sessions.invitations import already_invited, why_not_invitable
from network_pages.sessions.models import Attendance


class ConvocationForm(forms.Form):
    override_reason = forms.CharField(
        label=gettext_lazy("Reason for sending after the last compliant date"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Only needed when the convocation is late; kept in the audit log."),
    )


class PersonForm(PersonFields):
    """A person to invite or nominate (a new account is made for an unknown address)."""

    position = forms.CharField(
        label=gettext_lazy("position"), max_length=255, required=False, validators=[one_line]
    )

    def __init__(self, *args, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session

    def clean_email(self):
        email = self.cleaned_data["email"]
        person = find_person(email)
        problem = why_not_invitable(person)
        if problem is None and person is not None and self.session is not None:
            problem = already_invited(self.session, person)
        if problem:
            raise forms.ValidationError(problem)
        return email


class BasePeopleFormSet(forms.BaseFormSet):
    def clean(self):
        emails = [
            form.cleaned_data["email"].lower()
            for form in self.forms
            if form.has_changed() and "email" in getattr(form, "cleaned_data", {})
        ]
        if len(emails) != len(set(emails)):
            raise forms.ValidationError(_("The same e-mail address is given twice."))
        if not emails and not any(form.errors for form in self.forms):
            raise forms.ValidationError(_("Give at least one person to invite."))


PeopleFormSet = forms.formset_factory(PersonForm, formset=BasePeopleFormSet, extra=3, max_num=20)


class InvitationForm(forms.Form):
    organisation = forms.CharField(
        label=gettext_lazy("organisation"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("When several people of one organisation are invited."),
        validators=[one_line],
    )
    ends_on = forms.DateField(
        label=gettext_lazy("access until"),
        # A date input's value is ISO in every language (French formats would write 10/09/2026).
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("The invitation, and the access it gives, end after this day."),
    )

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on < timezone.localdate():
            raise forms.ValidationError(_("The end date cannot be in the past."))
        return ends_on


class NominationForm(PersonForm):
    organisation = forms.CharField(
        label=gettext_lazy("administration"), max_length=255, required=False, validators=[one_line]
    )


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["name", "email", "position", "mode"]
        widgets = {"mode": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keep_on_one_line(self, "name", "position")
