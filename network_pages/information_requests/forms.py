"""The answer form, the compilation's state filter, and a state's proposal of a request."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from network_pages.core.languages import CONTENT_LANGUAGES
from network_pages.files.uploads import validate_upload
from network_pages.information_requests.models import (
    BACKGROUND_MAX_LENGTH,
    QUESTION_MAX_LENGTH,
    Marking,
)

ANSWER_MAX_LENGTH = 20_000


class ResponseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    email_date = forms.DateField(
        label=gettext_lazy("Date of the e-mail"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    email_file = forms.FileField(
        label=gettext_lazy("Original e-mail or file"),
        required=False,
        help_text=gettext_lazy("Kept with the response; visible to those who may see it."),
        validators=[validate_upload],
    )

    def __init__(self, *args, questions, answers, office_entry=False, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.office_entry = office_entry
        if not office_entry:
            del self.fields["email_date"]
            del self.fields["email_file"]
        for _number, question in questions:
            answer = answers.get(question.pk)
            prefix = f"q{question.pk}"
            self.fields[f"{prefix}_text"] = forms.CharField(
                label=gettext_lazy("Answer"),
                required=False,
                max_length=ANSWER_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 6, "class": "answer-text"}),
                initial=answer.text if answer else "",
            )
            self.fields[f"{prefix}_none"] = forms.BooleanField(
                label=gettext_lazy("No information / not applicable"),
                required=False,
                initial=answer.no_information if answer else False,
            )
            self.fields[f"{prefix}_language"] = forms.ChoiceField(
                label=gettext_lazy("Language of the answer"),
                choices=CONTENT_LANGUAGES,
                # A new answer starts in the language of the person who writes it.
                initial=answer.language if answer else language,
            )
            self.fields[f"{prefix}_marking"] = forms.ChoiceField(
                label=gettext_lazy("Handling marking"),
                choices=Marking.choices,
                initial=answer.marking if answer else Marking.NETWORK,
            )

    def rows(self):
        """(number, question, text, none, language, marking) bound fields, for the template."""
        return [
            (number, question, *(self[f"q{question.pk}_{name}"] for name in self._parts))
            for number, question in self.questions
        ]

    _parts = ("text", "none", "language", "marking")

    def clean(self):
        cleaned = super().clean()
        submitting = "submit" in self.data
        for number, question in self.questions:
            prefix = f"q{question.pk}"
            text = (cleaned.get(f"{prefix}_text") or "").strip()
            none = cleaned.get(f"{prefix}_none")
            if text and none:
                self.add_error(
                    f"{prefix}_text",
                    _("Question %(number)s: give an answer or tick “no information”, not both.")
                    % {"number": number},
                )
            elif submitting and not text and not none:
                self.add_error(
                    f"{prefix}_text",
                    _("Question %(number)s: answer it, or tick “no information”.")
                    % {"number": number},
                )
        if self.office_entry and not cleaned.get("email_date"):
            self.add_error("email_date", _("Give the date of the e-mail the answer came in."))
        return cleaned

    def answer_values(self):
        values = {}
        for _number, question in self.questions:
            prefix = f"q{question.pk}"
            values[question.pk] = {
                "text": (self.cleaned_data.get(f"{prefix}_text") or "").strip(),
                "no_information": bool(self.cleaned_data.get(f"{prefix}_none")),
                "language": self.cleaned_data[f"{prefix}_language"],
                "marking": self.cleaned_data[f"{prefix}_marking"],
            }
        return values


class StateFilterForm(forms.Form):
    state = forms.MultipleChoiceField(
        label=gettext_lazy("Member states"),
        required=False,
        help_text=gettext_lazy("Tick none for every state."),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, states, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [(state.code, state.name) for state in states]


class ProposedRequestForm(forms.Form):
    """A member state's proposal of an information request; the Office validates and opens it."""

    title = forms.CharField(label=gettext_lazy("Title"), max_length=255)
    request_language = forms.ChoiceField(
        label=gettext_lazy("Language of the request"),
        choices=CONTENT_LANGUAGES,
    )
    background = forms.CharField(
        label=gettext_lazy("Brief factual background"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    deadline = forms.DateField(
        label=gettext_lazy("Proposed deadline"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, question_count=10, **kwargs):

        super().__init__(*args, **kwargs)
        self.question_names = []
        for index in range(1, question_count + 1):
            name = f"question_{index}"
            self.fields[name] = forms.CharField(
                label=gettext_lazy("Question %(number)s") % {"number": index},
                required=False,
                max_length=QUESTION_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.question_names.append(name)

    def question_fields(self):
        return [self[name] for name in self.question_names]

    def clean_deadline(self):

        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.localdate():
            raise forms.ValidationError(gettext_lazy("Choose a deadline in the future."))
        return deadline

    def clean_background(self):

        background = self.cleaned_data["background"].strip()
        if len(background) > BACKGROUND_MAX_LENGTH:
            raise forms.ValidationError(
                gettext_lazy("The background must stay brief: at most %(limit)s characters.")
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
            raise forms.ValidationError(gettext_lazy("Write at least one question."))
        return cleaned
