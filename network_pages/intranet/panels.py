"""The intranet home's panels: each is a title, an empty-state text and the items a user may see.

Later features add their panels here (requests awaiting my state, upcoming sessions, decisions
awaiting me); each must go through the access policy, as these do.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from network_pages.access import Level, granted_pages, is_editor, level, roles, viewable
from network_pages.accounts.models import MemberState
from network_pages.core.roles import role_labels

RECENT_LIMIT = 5


@dataclass
class Panel:
    key: str
    title: str
    empty: str
    items: list = field(default_factory=list)


def _recent_pages(request, home):
    pages = viewable(request.user, home.get_descendants().live()).order_by("-last_published_at")
    return [
        {"title": p.title, "url": p.url, "date": p.last_published_at} for p in pages[:RECENT_LIMIT]
    ]


def _granted(request, home):
    pages = viewable(
        request.user,
        Page.objects.filter(
            locale=home.locale,
            translation_key__in=granted_pages(request.user).values("translation_key"),
        ),
    ).order_by("title")
    return [{"title": p.title, "url": p.url} for p in pages]


def _requests_awaiting(request, home):
    """Open requests in this language that the user's state has not submitted yet."""
    from network_pages.access import state_ids
    from network_pages.information_requests.models import InformationRequestPage, StateResponse

    own = state_ids(request.user)
    if not own:
        return []
    answered = StateResponse.objects.filter(
        member_state_id__in=own, status=StateResponse.Status.SUBMITTED
    ).values("request__translation_key")
    pages = (
        viewable(request.user, InformationRequestPage.objects.descendant_of(home))
        .filter(opened_at__isnull=False, closed_at__isnull=True)
        .exclude(translation_key__in=answered)
        .order_by("deadline")
    )
    return [{"title": p.title, "url": p.url, "date": p.deadline} for p in pages[:RECENT_LIMIT]]


def _response_rates(request, home):
    """For the Office: each open request in this language and where its answers stand."""
    from network_pages.core.translations import originals
    from network_pages.information_requests.follow_up import response_rates
    from network_pages.information_requests.models import InformationRequestPage

    pages = list(
        viewable(request.user, InformationRequestPage.objects.descendant_of(home))
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


def _upcoming_sessions(request, home):
    from django.db.models.functions import Coalesce
    from django.utils import timezone

    from network_pages.sessions.models import SessionPage

    sessions = (
        viewable(request.user, SessionPage.objects.descendant_of(home))
        .annotate(last=Coalesce("ends_on", "starts_on"))
        .filter(last__gte=timezone.localdate())
        .order_by("starts_on", "pk")
    )
    return [{"title": s.title, "url": s.url, "date": s.starts_on} for s in sessions[:RECENT_LIMIT]]


def _my_groups(request, home):
    user = request.user
    labels = role_labels()
    items = [{"title": labels[name]} for name in sorted(roles(user))]
    states = MemberState.objects.filter(group__user=user)
    items += [{"title": state.name} for state in states]
    return items


def build_panels(request, home):
    if level(request.user) == Level.EXPERT:
        return [
            Panel(
                "invitations",
                _("What you were invited to"),
                _("You have not been given access to any meeting or page yet."),
                _granted(request, home),
            ),
        ]
    office = []
    if is_editor(request.user):
        office.append(
            Panel(
                "rates",
                _("Response rates"),
                _("No information request is open."),
                _response_rates(request, home),
            )
        )
    return office + [
        Panel(
            "requests",
            _("Requests awaiting my state"),
            _("No information request is awaiting an answer from your state."),
            _requests_awaiting(request, home),
        ),
        Panel(
            "sessions",
            _("Upcoming sessions"),
            _("No session is scheduled."),
            _upcoming_sessions(request, home),
        ),
        Panel("decisions", _("Decisions awaiting me"), _("Nothing is awaiting your decision.")),
        Panel(
            "contributions",
            _("New contributions"),
            _("Nothing has been published on the intranet yet."),
            _recent_pages(request, home),
        ),
        Panel(
            "groups", _("My groups"), _("You belong to no group yet."), _my_groups(request, home)
        ),
    ]
