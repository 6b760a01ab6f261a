from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from network_pages.languages import working_language_choices
from network_pages.models import Designation, MemberProfile, NationalNetworkActor
from network_pages.people import create_person, find_person


class LoginForm(AuthenticationForm):
    """Says why a former correspondent cannot log in any more (the authentication backend,
    network_pages.people.DesignationBackend, closes the account)."""

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            user = get_user_model().objects.filter(username=self.cleaned_data.get("username"))
            user = user.first()
            password = self.cleaned_data.get("password") or ""
            if user is not None and not user.is_active and user.check_password(password):
                ended = user.designations.order_by("-ends_on").first()
                if ended is not None and ended.has_ended:
                    raise forms.ValidationError(
                        _("Your designation ended on %(date)s: your account is now closed."),
                        code="designation_ended",
                        params={"date": date_format(ended.ends_on)},
                    ) from None
            raise


class ProfileForm(forms.ModelForm):
    """A member's own profile (the Office may also change the member state)."""

    first_name = forms.CharField(label=_("first name"), max_length=150)
    last_name = forms.CharField(label=_("last name"), max_length=150)
    email = forms.EmailField(label=_("e-mail address"))
    language = forms.ChoiceField(
        label=_("preferred language"),
        choices=get_user_model().LANGUAGE_CHOICES,
        help_text=_("The interface and the network's e-mails use this language."),
    )
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
        for name in ("first_name", "last_name", "email", "language"):
            self.fields[name].initial = getattr(user, name)
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
        for name in ("first_name", "last_name", "email", "language"):
            setattr(user, name, self.cleaned_data[name])
        if commit:
            user.save(update_fields=["first_name", "last_name", "email", "language"])
            profile.save()
        return profile


class NationalNetworkActorForm(forms.ModelForm):
    class Meta:
        model = NationalNetworkActor
        fields = ["organisation", "kind", "contact", "email", "phone"]


class DesignationForm(WagtailAdminModelForm):
    """The Office's form: the designation, and the person it designates."""

    first_name = forms.CharField(label=_("first name"), max_length=150)
    last_name = forms.CharField(label=_("last name"), max_length=150)
    email = forms.EmailField(
        label=_("e-mail address"),
        help_text=_("The activation e-mail goes to this address."),
    )
    language = forms.ChoiceField(
        label=_("preferred language"), choices=get_user_model().LANGUAGE_CHOICES
    )

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
        if self.instance.pk:
            user = self.instance.user
            activated = self.instance.activated_at is not None
            for name in ("first_name", "last_name", "email", "language"):
                self.fields[name].initial = getattr(user, name)
                # Once the person has activated the account, it is theirs to keep up to date.
                self.fields[name].disabled = activated

    def clean(self):
        from network_pages.access import is_editor

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
        return cleaned

    def save(self, commit=True):
        from network_pages.people import record_designation

        designation = super().save(commit=False)
        data = self.cleaned_data
        if designation.user_id is None:
            existing = find_person(data["email"])
            designation.user = existing or create_person(
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                language=data["language"],
            )
        elif designation.activated_at is None:
            user = designation.user
            user.first_name, user.last_name = data["first_name"], data["last_name"]
            user.language, user.email = data["language"], data["email"].lower()
            user.save(update_fields=["first_name", "last_name", "language", "email"])
        if commit:
            record_designation(designation, by=getattr(self, "for_user", None))
        return designation


class ProposedRequestForm(forms.Form):
    """A member state's proposal of an information request; the Office validates and opens it."""

    title = forms.CharField(label=_("Title"), max_length=255)
    request_language = forms.ChoiceField(
        label=_("Language of the request"),
        choices=[("en", _("English")), ("fr", _("French"))],
    )
    background = forms.CharField(
        label=_("Brief factual background"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    deadline = forms.DateField(
        label=_("Proposed deadline"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, question_count=10, **kwargs):
        from network_pages.models.requests import QUESTION_MAX_LENGTH

        super().__init__(*args, **kwargs)
        self.question_names = []
        for index in range(1, question_count + 1):
            name = f"question_{index}"
            self.fields[name] = forms.CharField(
                label=_("Question %(number)s") % {"number": index},
                required=False,
                max_length=QUESTION_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.question_names.append(name)

    def question_fields(self):
        return [self[name] for name in self.question_names]

    def clean_deadline(self):
        from django.utils import timezone

        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.localdate():
            raise forms.ValidationError(_("Choose a deadline in the future."))
        return deadline

    def clean_background(self):
        from network_pages.models.requests import BACKGROUND_MAX_LENGTH

        background = self.cleaned_data["background"].strip()
        if len(background) > BACKGROUND_MAX_LENGTH:
            raise forms.ValidationError(
                _("The background must stay brief: at most %(limit)s characters.")
                % {"limit": BACKGROUND_MAX_LENGTH}
            )
        return background

    def questions(self):
        """The filled-in questions, in order, renumbered without gaps."""
        return [
            self.cleaned_data[name].strip()
            for name in self.question_names
            if self.cleaned_data.get(name, "").strip()
        ]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.questions():
            raise forms.ValidationError(_("Write at least one question."))
        return cleaned
