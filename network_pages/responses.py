"""Answering information requests (R14): one response per state, drafts, submission, conflicts.

Two correspondents of one state may edit at once: every save carries the version it started from,
and a save made on an older version is not written: the conflict screen shows the saved text beside
what the user typed, which stays in the form (nothing is lost).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.log_actions import log

from network_pages import access
from network_pages.models import (
    Answer,
    InformationRequestPage,
    Marking,
    MemberState,
    ResponseRevision,
    StateResponse,
)
from network_pages.translations import original
from network_pages.views import state_to_act_for

ANSWER_MAX_LENGTH = 20_000


class Conflict(Exception):
    def __init__(self, current):
        super().__init__("stale version")
        self.current = current


class ResponseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    email_date = forms.DateField(
        label=gettext_lazy("Date of the e-mail"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    original = forms.FileField(
        label=gettext_lazy("Original e-mail or file"),
        required=False,
        help_text=gettext_lazy("Kept with the response; visible to those who may see it."),
    )

    def __init__(self, *args, questions, answers, office_entry=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.office_entry = office_entry
        if not office_entry:
            del self.fields["email_date"]
            del self.fields["original"]
        for _number, question in questions:
            answer = answers.get(question.pk)
            prefix = f"q{question.pk}"
            self.fields[f"{prefix}_text"] = forms.CharField(
                label=gettext_lazy("Answer"),
                required=False,
                max_length=ANSWER_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=answer.text if answer else "",
            )
            self.fields[f"{prefix}_none"] = forms.BooleanField(
                label=gettext_lazy("No information / not applicable"),
                required=False,
                initial=answer.no_information if answer else False,
            )
            self.fields[f"{prefix}_language"] = forms.ChoiceField(
                label=gettext_lazy("Language of the answer"),
                choices=InformationRequestPage.LANGUAGES,
                initial=answer.language if answer else None,
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


def snapshot(response, questions):
    answers = {a.question_id: a for a in response.answers.all()}
    return [
        {
            "number": number,
            "question": question.text,
            "text": answers[question.pk].text if question.pk in answers else "",
            "no_information": answers[question.pk].no_information
            if question.pk in answers
            else False,
            "language": answers[question.pk].language if question.pk in answers else "",
            "marking": answers[question.pk].marking if question.pk in answers else "",
        }
        for number, question in questions
    ]


@transaction.atomic
def save_response(response, form, user, *, submit, reopen=False, upload=None):
    current = StateResponse.objects.select_for_update().get(pk=response.pk)
    if current.version != form.cleaned_data["version"]:
        raise Conflict(current)
    if current.status == StateResponse.Status.SUBMITTED and not reopen:
        raise Conflict(current)
    if current.status == StateResponse.Status.SUBMITTED:
        current.status = StateResponse.Status.DRAFT
    for question_id, values in form.answer_values().items():
        Answer.objects.update_or_create(response=current, question_id=question_id, defaults=values)
    current.version += 1
    current.updated_by = user
    if form.office_entry:
        current.entered_by = user
        current.email_date = form.cleaned_data["email_date"]
        if upload is not None:
            current.original = _store_original(upload, current, user)
        action = ResponseRevision.Action.ENTERED
        received_on = current.email_date
    else:
        # The state now speaks for itself: the answer is no longer the Office's transcription.
        current.entered_by, current.email_date = None, None
        action = ResponseRevision.Action.SAVED
        received_on = timezone.localdate()
    if submit:
        current.status = StateResponse.Status.SUBMITTED
        current.submitted_at = timezone.now()
        current.late = received_on > current.request.deadline
        if not form.office_entry:
            action = ResponseRevision.Action.SUBMITTED
    current.save()
    ResponseRevision.objects.create(
        response=current,
        version=current.version,
        action=action,
        author=user,
        answers=snapshot(current, form.questions),
    )
    log(current, f"network.response.{action}", user=user)
    return current


def _store_original(upload, response, user):
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    from network_pages.roles import INTRANET_COLLECTION

    document = get_document_model()(
        title=upload.name,
        collection=Collection.objects.get(name=INTRANET_COLLECTION, depth=2),
        uploaded_by_user=user,
    )
    document.attach_to(response)
    document.file.save(upload.name, upload, save=False)
    document.save()
    return document


def _response_for(page, code, user, *, create=True):
    member_state = state_to_act_for(user, code)
    if page.status == page.DRAFT:
        raise Http404
    source = original(page)
    if not create:
        # Opening the form records nothing: the response exists from its first save.
        existing = StateResponse.objects.filter(request=source, member_state=member_state).first()
        return existing or StateResponse(request=source, member_state=member_state)
    response, _created = StateResponse.objects.get_or_create(
        request=source, member_state=member_state
    )
    return response


def answer_view(request, page, code=None):
    # Opening the form, or posting one with errors, records nothing.
    response = _response_for(page, code, request.user, create=False)
    request_page = response.request
    questions = request_page.numbered_questions()
    answers = {a.question_id: a for a in response.answers.all()} if response.pk else {}
    office_entry = access.is_editor(request.user)
    initial = {"version": response.version}
    if office_entry:
        initial["email_date"] = response.email_date
    form = ResponseForm(
        request.POST or None,
        request.FILES or None,
        questions=questions,
        answers=answers,
        office_entry=office_entry,
        initial=initial,
    )
    conflict = None
    if request.method == "POST" and request_page.status == request_page.CLOSED:
        form.is_valid()  # keep what was typed on screen
        form.add_error(None, _("This request is closed: answers are no longer recorded."))
    elif request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        if response.pk is None:
            response = _response_for(page, code, request.user)  # the first save creates it
        try:
            save_response(
                response,
                form,
                request.user,
                submit=submit,
                reopen="reopen_and_save" in request.POST,
                upload=form.cleaned_data.get("original") if office_entry else None,
            )
        except Conflict as stale:
            conflict = _conflict(stale.current, request.POST, questions, office_entry)
            form = conflict["form"]
        else:
            messages.success(
                request,
                _("Your response has been submitted.") if submit else _("Your draft is saved."),
            )
            return redirect(page.url)
    return page.render(
        request,
        template="network_pages/requests/answer_form.html",
        context_overrides={
            "form": form,
            "state_response": response,
            "conflict": conflict,
        },
    )


def _conflict(current, data, questions, office_entry):
    """Keep what the user typed, show what was saved meanwhile, and let them save on top of it."""
    data = data.copy()
    data["version"] = str(current.version)
    theirs = {a.question_id: a for a in current.answers.all()}
    form = ResponseForm(data, questions=questions, answers=theirs, office_entry=office_entry)
    form.is_valid()
    saved = {question.pk: theirs.get(question.pk) for _number, question in questions}
    return {"form": form, "current": current, "saved": saved}


@require_POST
def reopen_view(request, page, code):
    if page.status == page.CLOSED:
        raise PermissionDenied
    response = _response_for(page, code, request.user, create=False)
    if response.pk is None:
        raise Http404
    with transaction.atomic():
        current = StateResponse.objects.select_for_update().get(pk=response.pk)
        if current.status == StateResponse.Status.SUBMITTED:
            current.status = StateResponse.Status.DRAFT
            current.version += 1
            current.updated_by = request.user
            current.save()
            ResponseRevision.objects.create(
                response=current,
                version=current.version,
                action=ResponseRevision.Action.REOPENED,
                author=request.user,
                answers=snapshot(current, current.request.numbered_questions()),
            )
            log(current, "network.response.reopened", user=request.user)
    messages.success(request, _("The response is open for changes again."))
    return redirect(page.url + page.reverse_subpage("answer_state", kwargs={"code": code}))


def history_view(request, page, code):
    member_state = get_object_or_404(MemberState, code=code.upper())
    response = get_object_or_404(
        StateResponse.objects.select_related("member_state"),
        request=original(page),
        member_state=member_state,
    )
    if not access.speaks_for_state(request.user, member_state.pk):
        raise PermissionDenied
    revisions = response.revisions.select_related("author")
    return page.render(
        request,
        template="network_pages/requests/history.html",
        context_overrides={"state_response": response, "revisions": revisions},
    )


def responses_for(user, source, source_questions):
    """The responses to the request `source` that the user may see, each with the answers they
    may see keyed by question number, in a fixed number of queries."""
    numbers = {question.pk: number for number, question in source_questions}
    return responses_by_request(user, {source.pk: numbers})[source.pk]


def responses_by_request(user, numbering):
    """{source pk: [(response, {number: answer})]} for the requests that `numbering` maps to their
    {question pk: number}, keeping only what the user may see; three queries however many."""
    responses = (
        StateResponse.objects.filter(request_id__in=numbering)
        .select_related("member_state", "entered_by", "original")
        .prefetch_related("answers")
    )
    visible = {pk: [] for pk in numbering}
    for response in responses:
        if not access.can_view(user, response):
            continue
        numbers = numbering[response.request_id]
        answers = {}
        for answer in response.answers.all():
            answer.response = response
            if access.can_view(user, answer) and answer.question_id in numbers:
                answers[numbers[answer.question_id]] = answer
        response.original_visible = response.original_id is not None and (
            access.can_view_response_original(user, response)
        )
        visible[response.request_id].append((response, answers))
    for items in visible.values():
        items.sort(key=lambda item: item[0].member_state.name)
    return visible
