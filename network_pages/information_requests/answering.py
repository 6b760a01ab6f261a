"""Answering information requests (R14): one response per state, drafts, submission, conflicts.

Two correspondents of one state may edit at once: every save carries the version it started from,
and a save made on an older version is not written: the conflict screen shows the saved text beside
what the user typed, which stays in the form (nothing is lost).
"""

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from wagtail.log_actions import log

from network_pages.accounts.rules import state_to_act_for
from network_pages.core.translations import original
from network_pages.files.uploads import store_document
from network_pages.information_requests.models import (
    Answer,
    ResponseRevision,
    StateResponse,
)


class Conflict(Exception):
    def __init__(self, current):
        super().__init__("stale version")
        self.current = current


def snapshot(response, questions, *, worded=False):
    """The response's answers, question by question, as plain data (a revision keeps it); with
    `worded`, each question in the wording the user reads (`worded_questions`)."""
    answers = {a.question_id: a for a in response.answers.all()}
    return [
        {
            "number": number,
            "question": question.wording if worded else question.text,
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
def save_response(response, form, user, *, reopen=False, upload=None):
    """Save the form's answers as the state's draft (reopening a submitted response if asked)."""
    current = StateResponse.objects.select_for_update().get(pk=response.pk)
    if current.version != form.cleaned_data["version"]:
        raise Conflict(current)
    if current.status == StateResponse.Status.SUBMITTED and not reopen:
        raise Conflict(current)
    current.status = StateResponse.Status.DRAFT
    for question_id, values in form.answer_values().items():
        Answer.objects.update_or_create(response=current, question_id=question_id, defaults=values)
    current.version += 1
    current.updated_by = user
    if form.office_entry:
        current.entered_by = user
        current.email_date = form.cleaned_data["email_date"]
        if upload is not None:
            current.email_file = store_document(upload, owner=current, by=user)
        action = ResponseRevision.Action.ENTERED
    else:
        # The state now speaks for itself: the answer is no longer the Office's transcription.
        current.entered_by, current.email_date = None, None
        action = ResponseRevision.Action.SAVED
    current.save()
    _record(current, action, user, form.questions)
    return current


@transaction.atomic
def submit_saved(response, user, *, version, questions):
    """Submit the draft the user has just reviewed (its `version`): late if received after the
    deadline (the e-mail's date for an answer the Office entered, else today)."""
    current = (
        StateResponse.objects.select_for_update().select_related("request").get(pk=response.pk)
    )
    if current.version != version or current.status == StateResponse.Status.SUBMITTED:
        raise Conflict(current)
    entered = current.entered_by_id is not None
    received_on = current.email_date if entered and current.email_date else timezone.localdate()
    current.status = StateResponse.Status.SUBMITTED
    current.submitted_at = timezone.now()
    current.late = received_on > current.request.deadline
    current.version += 1
    current.updated_by = user
    current.save()
    action = ResponseRevision.Action.ENTERED if entered else ResponseRevision.Action.SUBMITTED
    _record(current, action, user, questions)
    return current


def _record(response, action, user, questions):
    ResponseRevision.objects.create(
        response=response,
        version=response.version,
        action=action,
        author=user,
        answers=snapshot(response, questions),
    )
    log(response, f"network.response.{action}", user=user)


def response_for(page, code, user, *, create=True):
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
