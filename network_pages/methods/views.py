"""The views behind the routes of the working methods' and the objectives' pages. Revisions and
suggestions hang on the text as first written, whichever language's page shows them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network_pages import access
from network_pages.core.routing import render_subpage
from network_pages.core.translations import original
from network_pages.methods.forms import RevisionForm, StatusForm, SuggestionForm
from network_pages.methods.models import (
    MethodsSuggestion,
    ObjectivesPage,
    TextRevision,
    WorkingMethodsPage,
)
from network_pages.methods.revisions import (
    RevisionRefused,
    available_consultations,
    draft_waiting,
    is_first_text,
    publish_revision,
    revisions_of,
    text_at,
)
from network_pages.methods.rules import can_suggest, follows_suggestions, publishes_revisions
from network_pages.methods.suggestions import change_status, suggest, suggestions_on

TEMPLATES = "network_pages/methods/"


def page_context(page, request, context):
    """What the text's page shows its reader: the text, its revisions (latest first, each with its
    consultation and the suggestions it considered) and what the reader may do there."""
    user = request.user
    source = original(page)
    context["revisions"] = list(revisions_of(source))
    context["can_suggest"] = can_suggest(user)
    if follows_suggestions(user):
        context["suggestions_received"] = MethodsSuggestion.objects.filter(
            page_id=source.pk, status=MethodsSuggestion.Status.RECEIVED
        ).count()
    context["can_publish"] = publishes_revisions(user) and source.has_unpublished_changes
    context["companion"] = companion_of(page, user)
    return context


def companion_of(page, user):
    """The other governing text in the page's language (the working methods for the objectives,
    and the reverse), if live and the user may see it: one header section leads to both."""
    other = ObjectivesPage if isinstance(page, WorkingMethodsPage) else WorkingMethodsPage
    pages = other.objects.live().filter(locale_id=page.locale_id)
    return access.viewable(user, pages).first()


def revision_view(request, page, number):
    """The text as it stood at one of its revisions, in the page's language."""
    source = original(page)
    record = get_object_or_404(
        TextRevision.objects.select_related("consultation", "published_by", "revision"),
        page_id=source.pk,
        number=number,
    )
    revision = text_at(record, page)
    numbers = list(
        TextRevision.objects.filter(page_id=source.pk)
        .order_by("number")
        .values_list("number", flat=True)
    )
    original_url = None
    if revision is None or source.pk != page.pk:
        original_url = source.url + source.reverse_subpage("revision", kwargs={"number": number})
    return render_subpage(
        request,
        page,
        TEMPLATES + "revision.html",
        record=record,
        text=revision.as_object() if revision is not None else None,
        is_current=number == numbers[-1],
        earlier=max((n for n in numbers if n < number), default=None),
        later=min((n for n in numbers if n > number), default=None),
        original_page=source,
        original_url=original_url,
    )


def suggest_view(request, page):
    """A correspondent suggests a change to the text on behalf of their state, and sees their
    state's suggestions and what became of them."""
    if not can_suggest(request.user):
        raise PermissionDenied
    state = access.single_state(request.user)
    source = original(page)
    form = SuggestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        suggest(
            page,
            text=form.cleaned_data["text"],
            language=form.cleaned_data["language"],
            member_state=state,
            by=request.user,
        )
        messages.success(
            request,
            _("Your suggestion is sent to the SRSG's Office on behalf of %(state)s.")
            % {"state": state.with_article},
        )
        return redirect(request.path)
    return render_subpage(
        request,
        page,
        TEMPLATES + "suggest.html",
        form=form,
        member_state=state,
        suggestions=suggestions_on(source).filter(member_state=state),
    )


def suggestions_view(request, page):
    """The Office's and the SRSG's list of every state's suggestions on the text."""
    if not follows_suggestions(request.user):
        raise PermissionDenied
    return _suggestions_page(request, page)


def _suggestions_page(request, page, bound=None):
    suggestions = list(suggestions_on(original(page)))
    for suggestion in suggestions:
        if bound is not None and bound.prefix == _prefix(suggestion):
            suggestion.form = bound
        else:
            suggestion.form = StatusForm(
                prefix=_prefix(suggestion),
                initial={"status": suggestion.status, "status_note": suggestion.status_note},
            )
    return render_subpage(
        request,
        page,
        TEMPLATES + "suggestions.html",
        suggestions=suggestions,
        status=MethodsSuggestion.Status,
    )


def _prefix(suggestion):
    return f"suggestion-{suggestion.pk}"


@require_POST
def suggestion_status_view(request, page, pk):
    """The Office or the SRSG says what became of a suggestion (with a note for the state)."""
    if not follows_suggestions(request.user):
        raise PermissionDenied
    suggestion = get_object_or_404(
        MethodsSuggestion.objects.select_related("member_state"),
        pk=pk,
        page_id=original(page).pk,
    )
    form = StatusForm(request.POST, prefix=_prefix(suggestion))
    if not form.is_valid():
        return _suggestions_page(request, page, bound=form)
    changed = change_status(
        suggestion,
        status=form.cleaned_data["status"],
        note=form.cleaned_data["status_note"],
        by=request.user,
    )
    if changed:
        messages.success(
            request,
            _("The suggestion %(of_state)s is now: %(status)s.")
            % {
                "of_state": suggestion.member_state.of_name,
                "status": suggestion.get_status_display(),
            },
        )
    else:
        messages.info(request, _("Nothing changed."))
    return redirect(page.url + page.reverse_subpage("suggestions"))


def publish_view(request, page):
    """The SRSG publishes the draft waiting as the text's next revision, saying what changed and
    what prompted it (for the objectives, the consultation of the Network it follows)."""
    if not publishes_revisions(request.user):
        raise PermissionDenied
    source = original(page).specific
    draft = draft_waiting(source)
    first = is_first_text(source)
    form = RevisionForm(
        request.POST or None,
        initial={"revision_id": draft.pk if draft else None},
        source=source,
        first=first,
    )
    if request.method == "POST" and draft is None:
        form.is_valid()  # keep what was typed
        form.add_error(None, _("No draft of this text is waiting to be published."))
    elif request.method == "POST" and form.is_valid():
        try:
            record = publish_revision(page, form.cleaned_data, by=request.user)
        except RevisionRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request, _("Revision %(number)s is published.") % {"number": record.number}
            )
            return redirect(page.url)
    consultations = [] if first else list(available_consultations())
    return render_subpage(
        request,
        page,
        TEMPLATES + "publish.html",
        form=form,
        draft=draft,
        draft_text=draft.as_object() if draft else None,
        first=first,
        needs_consultation=source.requires_consultation and not first,
        consultations=consultations,
        compare_url=reverse(
            "wagtailadmin_pages:revisions_compare", args=(source.pk, "live", draft.pk)
        )
        if draft and source.live
        else None,
        edit_url=reverse("wagtailadmin_pages:edit", args=(source.pk,)),
    )
