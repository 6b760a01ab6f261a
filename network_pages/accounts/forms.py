"""The login form, and the Office's designation form."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from network_pages.access import is_editor
from network_pages.accounts.designations import create_person, find_person, record_designation
from network_pages.accounts.models import Designation
from network_pages.core.languages import CONTENT_LANGUAGES
from network_pages.core.typed import one_line


class LoginForm(AuthenticationForm):
    """Django's login form. A closed account (its designations ended: the authentication backend,
    network_pages.accounts.designations.DesignationBackend, closes it) gets the message of a wrong
    password, whatever password was typed, through the same code path: the password hasher runs
    once either way, and nothing confirms that the password was right."""


class PersonFields(forms.Form):
    """A person's names, e-mail address and preferred language, in every form that names one."""

    first_name = forms.CharField(label=_("first name"), max_length=150, validators=[one_line])
    last_name = forms.CharField(label=_("last name"), max_length=150, validators=[one_line])
    email = forms.EmailField(label=_("e-mail address"))
    language = forms.ChoiceField(
        label=_("preferred language"), choices=CONTENT_LANGUAGES, initial="en"
    )


PERSON_FIELDS = ("first_name", "last_name", "email", "language")


class DesignationForm(PersonFields, WagtailAdminModelForm):
    """The Office's form: the designation, and the person it designates."""

    class Meta:
        model = Designation
        fields = [
            "member_state",
            "institution",
            "position",
            "designated_on",
            "designating_authority",
            "ends_on",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _("The activation e-mail goes to this address.")
        if self.instance.pk:
            user = self.instance.user
            activated = self.instance.activated_at is not None
            for name in PERSON_FIELDS:
                self.fields[name].initial = getattr(user, name)
                # Once the person has activated the account, it is theirs to keep up to date.
                self.fields[name].disabled = activated

    def clean(self):

        cleaned = super().clean()
        start, end = cleaned.get("designated_on"), cleaned.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The end of designation cannot precede its date."))
        email = cleaned.get("email")
        if email and not self.fields["email"].disabled:
            person = find_person(email)
            if person is not None and person.pk != self.instance.user_id:
                if person.is_superuser or person.is_staff or is_editor(person):
                    self.add_error(
                        "email",
                        _("This address belongs to an SRSG, Office or administrator account."),
                    )
                elif self.instance.pk:
                    self.add_error("email", _("This address is already used by another account."))
        self._one_state_at_a_time(cleaned)
        return cleaned

    def _one_state_at_a_time(self, cleaned):
        """A correspondent represents one state (R1): a designation for another state whose
        period meets this one's is refused until the Office ends it."""
        state, start = cleaned.get("member_state"), cleaned.get("designated_on")
        if state is None or start is None:
            return
        person = self.instance.user if self.instance.user_id else None
        if person is None and cleaned.get("email"):
            person = find_person(cleaned["email"])
        if person is None:
            return
        others = Designation.objects.filter(user=person).exclude(pk=self.instance.pk)
        others = others.exclude(member_state=state).filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=start)
        )
        if cleaned.get("ends_on"):
            others = others.filter(designated_on__lte=cleaned["ends_on"])
        other = others.select_related("member_state").first()
        if other is not None:
            self.add_error(
                "member_state",
                _(
                    "%(name)s is designated for %(state)s from %(date)s: a correspondent "
                    "represents one state. Give that designation an end date before this one "
                    "starts, then record this one."
                )
                % {
                    "name": person.get_full_name() or person.get_username(),
                    "state": other.member_state.with_article,
                    "date": date_format(other.designated_on),
                },
            )

    def save(self, commit=True):

        designation = super().save(commit=False)
        data = self.cleaned_data
        if designation.user_id is None:
            existing = find_person(data["email"])
            designation.user = existing or create_person(
                **{name: data[name] for name in PERSON_FIELDS}
            )
        elif designation.activated_at is None:
            user = designation.user
            user.first_name, user.last_name = data["first_name"], data["last_name"]
            user.language, user.email = data["language"], data["email"].lower()
            user.save(update_fields=["first_name", "last_name", "language", "email"])
        if commit:
            record_designation(designation, by=getattr(self, "for_user", None))
        return designation
