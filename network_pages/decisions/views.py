"""The members' list of the decisions of the Network, in the reader's language."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from network_pages import access
from network_pages.decisions import rules
from network_pages.decisions.models import Decision
from network_pages.sessions.models import SessionPage

# Whole sentences, so that each language writes them its own way.
WRITTEN_IN = {"en": _("Written in English"), "fr": _("Written in French")}


@dataclass(frozen=True)
class Venue:
    """The session a decision was taken at, as the reader meets it: its title in the reader's
    language where there is a version the reader may see (with its link), else as recorded."""

    title: str
    url: str | None = None
    language: str | None = None  # set when the title is not in the reader's language


def sessions_for_reader(request, decisions, language):
    """{pk of the session as recorded: its Venue} for the sessions of `decisions`, read in one
    query (every translation of them that the reader may see)."""
    recorded = {decision.session for decision in decisions if decision.session_id}
    if not recorded:
        return {}
    keys = {session.translation_key for session in recorded}
    visible = access.viewable(
        request.user, SessionPage.objects.filter(translation_key__in=keys)
    ).select_related("locale")
    versions = {}
    for page in visible:
        versions.setdefault(page.translation_key, {})[page.locale.language_code] = page
    venues = {}
    for session in recorded:
        seen = versions.get(session.translation_key, {})
        page = seen.get(language) or next(
            (page for page in seen.values() if page.pk == session.pk), None
        )
        if page is None:  # no version the reader may see (not published): the title alone
            page_language = session.locale.language_code
            venues[session.pk] = Venue(
                session.title, language=None if page_language == language else page_language
            )
            continue
        page_language = page.locale.language_code
        venues[session.pk] = Venue(
            page.title,
            page.get_url(request),
            None if page_language == language else page_language,
        )
    return venues


@never_cache
@login_required
def decision_list(request):
    """The decisions of the Network, the most recent first: members only (see
    `rules.can_view_decision`)."""
    if not rules.can_view_decisions(request.user):
        raise PermissionDenied
    language = get_language()
    decisions = list(Decision.objects.select_related("session__locale"))
    venues = sessions_for_reader(request, decisions, language)
    entries = [
        {
            "decision": decision,
            "venue": venues.get(decision.session_id),
            "written_in": WRITTEN_IN.get(decision.language)
            if decision.language != language
            else None,
        }
        for decision in decisions
    ]
    return render(
        request,
        "network_pages/decisions/decision_list.html",
        {"entries": entries, "can_record": rules.can_record(request.user)},
    )
