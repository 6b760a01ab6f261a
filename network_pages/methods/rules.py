"""Who sees the working methods, the objectives, their revisions and the states' suggestions; who
may suggest a change, follow the suggestions and publish a revision."""

from network_pages import access
from network_pages.accounts.rules import acts_for_one_state
from network_pages.methods.models import (
    GoverningTextPage,
    MethodsSuggestion,
    ObjectivesPage,
    TextRevision,
    WorkingMethodsPage,
)

# The texts that govern the network are its members' (never shown to invited experts).
access.members_only(WorkingMethodsPage, ObjectivesPage)


@access.rule(TextRevision)
def can_view_text_revision(user, record):
    """A revision, its summary and its earlier text: the members who see the text."""
    return access.is_member(user) and access.can_view(user, record.page)


@access.rule(MethodsSuggestion)
def can_view_methods_suggestion(user, suggestion):
    """The Office and the SRSG; the suggesting state's correspondents; the other members once a
    published revision says it considered the suggestion (the revision lists it)."""
    if access.speaks_for_state(user, suggestion.member_state_id):
        return True
    return access.is_member(user) and suggestion.revisions.exists()


def publishes_revisions(user):
    """Only the SRSG publishes a revision of the working methods or the objectives (§4.9-4.10):
    the publish lock's rule, asked by the buttons and the views as the lock itself asks it."""
    return GoverningTextPage.may_publish(user)


def can_suggest(user):
    """A correspondent suggests a change on behalf of their state (without naming it)."""
    return acts_for_one_state(user)


def follows_suggestions(user):
    """The Office and the SRSG see every state's suggestions and say what became of them."""
    return access.is_editor(user)
