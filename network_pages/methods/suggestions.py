"""The states' suggestions on the working methods and the objectives (§4.10): a correspondent
sends one on behalf of their state, in either language; the Office and the SRSG say what became
of it. They hang on the text as first written, whichever language's page they came from."""

from django.utils import timezone

from wagtail.log_actions import log

from network_pages.core.translations import original
from network_pages.methods.models import MethodsSuggestion


def suggestions_on(source):
    """Every state's suggestions on the text, latest first, with their states."""
    return MethodsSuggestion.objects.filter(page_id=source.pk).select_related(
        "member_state", "suggested_by", "status_changed_by"
    )


def open_suggestions(source):
    """The suggestions on the text not taken into account yet, oldest first: those a revision may
    say it considered."""
    return (
        MethodsSuggestion.objects.filter(page_id=source.pk)
        .exclude(status=MethodsSuggestion.Status.TAKEN)
        .select_related("member_state")
        .order_by("created_at", "pk")
    )


def suggest(page, *, text, language, member_state, by):
    """A correspondent's suggestion on the text (`page` in either language), for their state."""
    source = original(page)
    suggestion = MethodsSuggestion.objects.create(
        page_id=source.pk,
        member_state=member_state,
        suggested_by=by,
        text=text.strip(),
        language=language,
        created_at=timezone.now(),  # not the field's default: a replayed clock dates it too
    )
    log(
        source,
        "network.methods.suggest",
        user=by,
        data={"suggestion": suggestion.pk, "state": member_state.code, "language": language},
    )
    return suggestion


def change_status(suggestion, *, status, note, by):
    """The Office or the SRSG says what became of a suggestion. False when nothing changed."""
    note = (note or "").strip()
    if suggestion.status == status and suggestion.status_note == note:
        return False
    suggestion.status, suggestion.status_note = status, note
    suggestion.status_changed_by, suggestion.status_changed_at = by, timezone.now()
    suggestion.save(
        update_fields=["status", "status_note", "status_changed_by", "status_changed_at"]
    )
    log(
        suggestion.page,
        "network.methods.suggestion_status",
        user=by,
        data={"suggestion": suggestion.pk, "status": status},
    )
    return True
