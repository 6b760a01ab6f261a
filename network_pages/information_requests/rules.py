"""Who sees the information requests, the responses and their answers; who may propose a request
or answer one."""

from network_pages import access
from network_pages.accounts.rules import is_correspondent
from network_pages.information_requests.models import (
    AddressedState,
    Answer,
    InformationRequestPage,
    Marking,
    RequestIndexPage,
    RequestQuestion,
    ResponseReminder,
    ResponseRevision,
    StateResponse,
)

# Never shown to invited experts, whatever they are granted.
access.members_only(RequestIndexPage, InformationRequestPage)


@access.rule(RequestQuestion)
def can_view_question(user, question):
    return access.can_view(user, question.page)


@access.rule(StateResponse)
def can_view_response(user, response):
    """The state's own correspondents and the Office see it at every stage; other correspondents
    once it is submitted; invited experts never."""
    if access.is_editor(user):
        return True
    if not access.is_member(user):
        return False
    own = response.member_state_id in access.state_ids(user)
    return own or response.status == StateResponse.Status.SUBMITTED


@access.rule(Answer)
def can_view_answer(user, answer):
    response = answer.response
    if not can_view_response(user, response):
        return False
    if answer.marking == Marking.OFFICE:
        return access.speaks_for_state(user, response.member_state_id)
    return True


@access.rule(ResponseRevision)
def can_view_revision(user, revision):
    """A response's history: the Office and the answering state."""
    return access.speaks_for_state(user, revision.response.member_state_id)


@access.rule(AddressedState, ResponseReminder)
def can_view_follow_up(user, row):
    """Where each state stands, and its reminders: the Office, and each state for its own."""
    return access.speaks_for_state(user, row.member_state_id)


@access.file_owner_rule(StateResponse)
def can_view_email_file(user, response):
    """The e-mailed original of a response may hold anything, Office-only answers included:
    only the Office and the answering state see it."""
    return access.speaks_for_state(user, response.member_state_id)


def can_propose(user):
    """A correspondent proposes a request for their state; the Office writes its own in the
    admin."""
    return is_correspondent(user)


def can_close(user):
    """The Office closes a request (the close button and the close view ask this)."""
    return access.is_editor(user)


def can_answer(user):
    """A correspondent answers for their state; the Office enters answers received by e-mail through
    each state's own link on the follow-up table."""
    return is_correspondent(user)
