"""The Office's convocation and invitation forms, a state's nominations and registrations."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from network_pages.accounts.designations import find_person
from network_pages.accounts.forms import PersonFields
from network_pages.core.typed import keep_on_one_line, one_line
from network_pages.files.uploads import validate_upload
from network_pages.sessions.invitations import already_invited, why_not_invitable
from network_pages.sessions.models import AgendaSuggestion, Attendance, Invitation, SessionPage


class ConvocationForm(forms.Form):
    override_reason = forms.CharField(
        label=gettext_lazy("Reason for sending after the last compliant date"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Only needed when the convocation is late; kept in the audit log."),
    )


class PersonForm(PersonFields):
    """A person to invite or nominate."""

    position = forms.CharField(
        label=gettext_lazy("position"), max_length=255, required=False, validators=[one_line]
    )

    def __init__(self, *args, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session


class InviteeForm(PersonForm):
    """A person the Office invites (a new account is made for an unknown address): the Office is
    told when the address cannot be invited."""

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


PeopleFormSet = forms.formset_factory(InviteeForm, formset=BasePeopleFormSet, extra=3, max_num=20)


ONE_PER_LINE = forms.CheckboxSelectMultiple(attrs={"class": "choice-list"})


class AgendaItemChoice(forms.ModelMultipleChoiceField):
    def __init__(self, session, **kwargs):
        self.numbers = session.agenda_numbers()
        super().__init__(session.agenda_items.all(), widget=ONE_PER_LINE, **kwargs)

    def label_from_instance(self, item):
        """The item as the page in the user's language shows it, with its number."""
        return f"{self.numbers.get(item.pk, '')}. {item.localized.title}"


class InvitationForm(forms.Form):
    """The invitation the Office sends to external experts: to a plenary, it names the agenda
    items their views are sought on and the papers they receive (a thematic session's experts
    receive all its papers)."""

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

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        plenary = session.kind == SessionPage.Kind.PLENARY
        self.fields["agenda_items"] = AgendaItemChoice(
            session,
            label=_("Views sought on"),
            required=plenary,
            help_text=_("The agenda items the experts are invited to speak to."),
            error_messages={"required": _("Choose the agenda items their views are sought on.")},
        )
        if plenary:
            self.fields["papers"] = forms.ModelMultipleChoiceField(
                session.papers.select_related("document"),
                label=_("Papers they receive"),
                required=False,
                widget=ONE_PER_LINE,
                help_text=_(
                    "A plenary is closed-door: the experts see its page and agenda, and only the "
                    "papers ticked here."
                ),
            )

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on < timezone.localdate():
            raise forms.ValidationError(_("The end date cannot be in the past."))
        return ends_on


class NominationForm(PersonForm):
    """A national expert a correspondent proposes. It tells them nothing of accounts or of other
    states' invitations: the Office sees those when it confirms."""

    organisation = forms.CharField(
        label=gettext_lazy("administration"), max_length=255, required=False, validators=[one_line]
    )

    def __init__(self, *args, member_state, **kwargs):
        super().__init__(*args, **kwargs)
        self.member_state = member_state

    def clean_email(self):
        email = self.cleaned_data["email"]
        ours = Invitation.objects.filter(
            session=self.session,
            member_state=self.member_state,
            status__in=[Invitation.Status.NOMINATED, Invitation.Status.CONFIRMED],
        )
        if ours.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("Your state has already nominated this person for this session.")
            )
        return email


class ConfirmationForm(PersonFields):
    """The names the Office confirms for a nominee without an account (an existing account keeps
    its own); the address is the nomination's."""

    email = None


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["name", "email", "position", "mode"]
        widgets = {"mode": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keep_on_one_line(self, "name", "position")


class ConsultationForm(forms.Form):
    closes_on = forms.DateField(
        label=gettext_lazy("suggestions until"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("The correspondents suggest items until this day, included."),
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(_("The closing date cannot be in the past."))
        if closes_on >= self.session.starts_on:
            raise forms.ValidationError(
                _("The consultation must close before the session's first day.")
            )
        return closes_on


class SuggestionForm(forms.ModelForm):
    document = forms.FileField(
        label=gettext_lazy("Document"),
        required=False,
        validators=[validate_upload],
        help_text=gettext_lazy(
            "A note or a text that supports the item; seen by those who may see the suggestion."
        ),
    )

    class Meta:
        model = AgendaSuggestion
        fields = ["title", "rationale"]
        widgets = {"rationale": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keep_on_one_line(self, "title")


class AdoptionForm(forms.Form):
    adopted_on = forms.DateField(
        label=gettext_lazy("Adopted on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("The day of the session on which the agenda was adopted."),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for declining"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("The suggesting state's correspondents receive it."),
        error_messages={"required": gettext_lazy("Give the reason: the state is told it.")},
    )
