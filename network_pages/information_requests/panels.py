"""The intranet home's panels about information requests."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network_pages import access
from network_pages.core.translations import originals
from network_pages.information_requests.models import InformationRequestPage, StateResponse
from network_pages.information_requests.standing import response_rates
from network_pages.intranet.panels import (
    ITEM_FIELDS,
    RECENT_LIMIT,
    PanelType,
    for_editors,
    for_members,
)


def requests_awaiting(request, home):
    """Open requests in this language that the user's state has not submitted yet."""
    own = access.state_ids(request.user)
    if not own:
        return []
    answered = StateResponse.objects.filter(
        member_state_id__in=own, status=StateResponse.Status.SUBMITTED
    ).values("request__translation_key")
    pages = (
        access.viewable(request.user, InformationRequestPage.objects.descendant_of(home))
        .filter(opened_at__isnull=False, closed_at__isnull=True)
        .exclude(translation_key__in=answered)
        .order_by("deadline")
        .only(*ITEM_FIELDS, "deadline")
    )
    return [{"title": p.title, "url": p.url, "date": p.deadline} for p in pages[:RECENT_LIMIT]]


def response_rates_panel(request, home):
    """For the Office: each open request in this language and where its answers stand."""
    pages = list(
        access.viewable(request.user, InformationRequestPage.objects.descendant_of(home))
        .filter(opened_at__isnull=False, closed_at__isnull=True)
        .order_by("deadline")[:RECENT_LIMIT]
    )
    sources = originals(pages)
    rates = response_rates(sources.values())
    items = []
    for page in pages:
        rate = rates[sources[page.pk].pk]
        detail = _(
            "%(submitted)s of %(total)s submitted, %(drafts)s in draft, "
            "%(missing)s without response"
        ) % {
            "submitted": rate.submitted,
            "total": rate.addressed,
            "drafts": rate.drafts,
            "missing": rate.missing,
        }
        items.append(
            {"title": page.title, "url": page.url, "date": page.deadline, "detail": detail}
        )
    return items


def proposals_awaiting_the_office(request, home):
    """For the Office: the requests states proposed, which wait for it to validate and open."""
    if not access.is_editor(request.user):
        return []
    proposals = (
        InformationRequestPage.objects.filter(
            live=False, proposed_by__isnull=False, opened_at__isnull=True
        )
        .select_related("requester_state")
        .order_by("deadline", "pk")
    )
    return [
        {
            "title": page.title,
            "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "date": page.deadline,
            "detail": _("Proposed by %(state)s: to validate and open in the admin")
            % {"state": page.requester_state.with_article if page.requester_state else "—"},
        }
        for page in proposals[:RECENT_LIMIT]
    ]


PANELS = [
    PanelType(
        "rates",
        _("Response rates"),
        _("No information request is open."),
        order=10,
        shown_to=for_editors,
        items=response_rates_panel,
    ),
    PanelType(
        "requests",
        _("Requests awaiting my state"),
        _("No information request is awaiting an answer from your state."),
        order=20,
        shown_to=for_members,
        items=requests_awaiting,
    ),
]
