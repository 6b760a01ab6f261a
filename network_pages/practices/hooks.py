"""The practices' hooks: audit actions, e-mails, the intranet's section, the contributions waiting
for the Office, and the themes in the admin."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from network_pages import access
from network_pages.core.audit import log_actions
from network_pages.intranet.panels import RECENT_LIMIT
from network_pages.intranet.sections import Section
from network_pages.practices.admin import ThemeViewSet
from network_pages.practices.models import BestPracticePage, Contribution, PracticeIndexPage

# Its audit actions: (action, label, message), in English and French.
LOG_ACTIONS = [
    ("network.practice.write", _("Write contribution"), _("Contribution drafted by a state")),
    ("network.practice.edit", _("Edit contribution"), _("Contribution edited by its state")),
    ("network.practice.submit", _("Submit contribution"), _("Contribution sent to the Office")),
    (
        "network.practice.resubmit",
        _("Resubmit contribution"),
        _("Contribution sent to the Office again, after changes"),
    ),
    ("network.practice.accept", _("Accept contribution"), _("Contribution accepted")),
    (
        "network.practice.ask_changes",
        _("Ask for changes"),
        _("Changes to a contribution asked for"),
    ),
    ("network.practice.decline", _("Decline contribution"), _("Contribution declined")),
    (
        "network.practice.publish_at_once",
        _("Publish contribution at once"),
        _("Contribution published at once, as the Office's setting allows"),
    ),
    ("network.practice.hide", _("Hide contribution"), _("Contribution hidden by the Office")),
]

hooks.register("register_log_actions", log_actions(LOG_ACTIONS))


@hooks.register("register_notification_events")
def register_notification_events(events):
    for name in (
        "practice_submitted",
        "practice_accepted",
        "practice_changes_requested",
        "practice_declined",
        "practice_hidden",
        "practice_published",
    ):
        events.register(name, category="practices")


@hooks.register("register_intranet_sections")
def register_intranet_sections():
    return [Section("practices", _("Good practices"), PracticeIndexPage, order=25)]


@hooks.register("register_admin_viewset")
def register_theme_viewset():
    return ThemeViewSet("themes")


@hooks.register("after_create_page")
def record_author(request, page):
    """A practice the Office writes in the admin records who wrote it (no state: the Office's)."""
    if isinstance(page, BestPracticePage) and page.author_id is None:
        BestPracticePage.objects.filter(pk=page.pk).update(author=request.user)


@hooks.register("register_awaiting_decisions")
def contributions_awaiting_the_office(request, home):
    """For the Office: the contributions waiting for its review, in the admin's editor."""
    if not access.is_editor(request.user):
        return []
    waiting = (
        Contribution.objects.filter(status=Contribution.Status.SUBMITTED)
        .select_related("page__author_state")
        .order_by("submitted_at", "pk")
    )
    return [
        {
            "title": contribution.page.draft_title,
            "url": reverse("wagtailadmin_pages:edit", args=[contribution.page_id]),
            "date": contribution.submitted_at,
            "detail": _("Contributed by %(state)s: to review in the admin")
            % {"state": _state(contribution.page)},
        }
        for contribution in waiting[:RECENT_LIMIT]
    ]


def _state(page: BestPracticePage):
    return page.author_state.with_article if page.author_state else "—"
