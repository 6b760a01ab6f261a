"""The intranet home's panels: each is a title, an empty-state text and the items a user may see.

Each domain registers its panel types with the `register_intranet_panels` hook (returning a list
of `PanelType`), so no central file names every domain; each panel's items must go through the
access policy, as these do.
"""

from dataclasses import dataclass, field

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page, get_page_models

from network_pages.access import (
    Level,
    granted_pages,
    is_editor,
    level,
    member_states,
    roles,
    viewable,
)
from network_pages.core.roles import role_labels
from network_pages.intranet.sections import section_types

RECENT_LIMIT = 5


@dataclass
class Panel:
    key: str
    title: str
    empty: str
    items: list = field(default_factory=list)


def for_experts(user):
    return level(user) == Level.EXPERT


def for_members(user):
    """Everyone on the intranet home but invited experts: correspondents, the SRSG, the Office."""
    return level(user) != Level.EXPERT


def for_editors(user):
    return is_editor(user)


@dataclass(frozen=True)
class PanelType:
    """A panel of the intranet home: shown, in `order`, to those `shown_to(user)` lets see it;
    `items(request, home)` gives its items (none for a panel still to come)."""

    key: str
    title: str
    empty: str
    order: int
    shown_to: object
    items: object = None


def panel_types():
    types = [
        panel for register in hooks.get_hooks("register_intranet_panels") for panel in register()
    ]
    return sorted(types, key=lambda panel: panel.order)


def awaiting_decisions(request, home):
    """What waits for the user's decision, as each domain tells it through the
    `register_awaiting_decisions` hook (functions of the request and the intranet home)."""
    hooked = hooks.get_hooks("register_awaiting_decisions")
    return [item for awaiting in hooked for item in awaiting(request, home)]


def build_panels(request, home):
    return [
        Panel(
            panel.key,
            panel.title,
            panel.empty,
            panel.items(request, home) if panel.items else [],
        )
        for panel in panel_types()
        if panel.shown_to(request.user)
    ]


# A panel's item is a title, a link and a date: the fields its query reads (`only`).
ITEM_FIELDS = ("title", "url_path")


def _recent_pages(request, home):
    """What was published last below the intranet home: its items, not the sections' own index
    pages (a page never published in the admin has no date and comes last)."""
    sections = [section.page_model for section in section_types()]
    # Pages that only hold others (a group's workspace) are not news either.
    holders = [model for model in get_page_models() if not getattr(model, "is_news", True)]
    pages = (
        viewable(request.user, home.get_descendants().live().not_type(*sections, *holders))
        .order_by(F("last_published_at").desc(nulls_last=True), "path")
        .only(*ITEM_FIELDS, "last_published_at")
    )
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
    return [{"title": p.title, "url": p.url} for p in pages.only(*ITEM_FIELDS)]


def _my_groups(request, home):
    user = request.user
    labels = role_labels()
    items = [{"title": labels[name]} for name in sorted(roles(user))]
    items += [{"title": state.name} for state in member_states(user)]
    return items


PANELS = [
    PanelType(
        "invitations",
        _("What you were invited to"),
        _("You have not been given access to any meeting or page yet."),
        order=10,
        shown_to=for_experts,
        items=_granted,
    ),
    PanelType(
        "decisions",
        _("Decisions awaiting me"),
        _("Nothing is awaiting your decision."),
        order=40,
        shown_to=for_members,
        items=awaiting_decisions,
    ),
    PanelType(
        "contributions",
        _("New contributions"),
        _("Nothing has been published on the intranet yet."),
        order=50,
        shown_to=for_members,
        items=_recent_pages,
    ),
    PanelType(
        "groups",
        _("My groups"),
        _("You belong to no group yet."),
        order=60,
        shown_to=for_members,
        items=_my_groups,
    ),
]
