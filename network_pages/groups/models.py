"""Thematic groups and rapporteurs (R16, §4.8).

The Network decides to set up a thematic group, or to designate rapporteurs, on a voluntary
basis; the Office records that decision (`decisions.Decision`) and creates the group's page,
`ThematicGroupPage`: its theme, its mandate, its members (a Django group of its own, which
correspondents join and leave) and its rapporteurs. Under it, its workspace (`WorkspacePage`): a
closed zone of the access policy, opened by a grant to the group's members, and by a grant to each
external expert the Office invites there until an end date; the members write its notes, drafts,
reports and documents (`WorkspaceItemPage`) from the intranet. A rapporteur may also be designated
for a theme without a group (`Rapporteur`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from network_pages.core.fields import IntroductionMixin, by_user
from network_pages.core.routing import PathRouting, delegate
from network_pages.decisions.models import Decision
from network_pages.practices.models import Theme

# The views behind the pages' routes, imported only when a route is served (core.routing).
VIEWS = "network_pages.groups.views."

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class GroupIndexPage(RoutablePageMixin, IntroductionMixin, PathRouting, Page):
    """The thematic groups and rapporteurs of the network, one list per intranet root."""

    parent_page_types = ["network_pages.IntranetHomePage"]
    subpage_types = ["network_pages.ThematicGroupPage"]
    max_count_per_parent = 1

    template = "network_pages/groups/group_index_page.html"

    class Meta:
        verbose_name = _("thematic groups")
        verbose_name_plural = _("thematic group lists")

    index = delegate("", VIEWS + "index_view")
    volunteer = delegate("volunteer/", VIEWS + "volunteer_for_theme_view")


class ThematicGroupPage(RoutablePageMixin, PathRouting, Page):
    """A thematic group the Network decided to set up: every member reads its theme, mandate,
    members and rapporteurs; its workspace is its members' own."""

    parent_page_types = ["network_pages.GroupIndexPage"]
    subpage_types = ["network_pages.WorkspacePage"]

    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="groups"
    )
    mandate = RichTextField(_("mandate"), features=TEXT_FEATURES)
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision of the Network"),
        on_delete=models.PROTECT,
        related_name="groups",
        limit_choices_to={"kind": Decision.Kind.GROUP},
        help_text=_(
            "The decision setting up the group, recorded first under “Decisions of the Network”."
        ),
    )
    group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("members' group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="thematic_groups",
        editable=False,
    )

    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldPanel("decision"),
        FieldPanel("mandate"),
    ]

    search_fields = Page.search_fields + [index.SearchField("mandate")]

    template = "network_pages/groups/thematic_group_page.html"

    class Meta:
        verbose_name = _("thematic group")
        verbose_name_plural = _("thematic groups")

    index = delegate("", VIEWS + "group_view")
    join = delegate("join/", VIEWS + "join_view")
    leave = delegate("leave/", VIEWS + "leave_view")
    volunteer = delegate("volunteer/", VIEWS + "volunteer_view")
    remove_member = delegate("members/<int:user_id>/remove/", VIEWS + "remove_member_view")

    def with_content_json(self, content):
        """A revision as a page; its members' group stays the one it was given."""
        page = super().with_content_json(content)
        page.group_id = self.group_id
        return page

    def clean(self):
        super().clean()
        if self.decision_id and self.decision.kind != Decision.Kind.GROUP:
            raise ValidationError(
                {"decision": _("Choose a decision that sets up a thematic group.")}
            )


class WorkspacePage(RoutablePageMixin, PathRouting, Page):
    """A thematic group's workspace: only its members, the experts the Office invited there and
    the Office see it and what is in it (a closed zone of the access policy)."""

    parent_page_types = ["network_pages.ThematicGroupPage"]
    subpage_types = ["network_pages.WorkspaceItemPage"]
    max_count_per_parent = 1

    template = "network_pages/groups/workspace_page.html"
    is_news = False  # made with its group: the intranet home's new pages leave it out

    class Meta:
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")

    index = delegate("", VIEWS + "workspace_view")
    write = delegate("write/", VIEWS + "write_view")
    invite = delegate("invite/", VIEWS + "invite_view")
    withdraw = delegate("invitations/<int:pk>/withdraw/", VIEWS + "withdraw_view")


class WorkspaceItemPage(RoutablePageMixin, PathRouting, Page):
    """A note, draft, report or document of a workspace, written by whoever works there."""

    class Kind(models.TextChoices):
        NOTE = "note", _("Note")
        DRAFT = "draft", pgettext_lazy("a workspace item", "Draft")
        REPORT = "report", _("Report")
        DOCUMENT = "document", _("Document")

    parent_page_types = ["network_pages.WorkspacePage"]
    subpage_types = []

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NOTE)
    body = RichTextField(_("text"), blank=True, features=TEXT_FEATURES)
    document = models.ForeignKey(
        "network_pages.NetworkDocument",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = by_user(_("author"), editable=False)
    proposed_as = models.ForeignKey(
        "network_pages.BestPracticePage",
        verbose_name=_("proposed to the network as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    content_panels = Page.content_panels + [
        FieldPanel("author", read_only=True),
        FieldPanel("kind"),
        FieldPanel("body"),
        FieldPanel("document"),
    ]

    search_fields = Page.search_fields + [index.SearchField("body")]

    template = "network_pages/groups/workspace_item_page.html"

    class Meta:
        verbose_name = _("workspace item")
        verbose_name_plural = _("workspace items")

    index = delegate("", VIEWS + "item_view")
    propose = delegate("propose/", VIEWS + "propose_view")

    def with_content_json(self, content):
        """Who wrote it, and what it was proposed as, stay as recorded whatever revision is
        published."""
        page = super().with_content_json(content)
        page.author_id, page.proposed_as_id = self.author_id, self.proposed_as_id
        return page


class Rapporteur(models.Model):
    """A correspondent who volunteered as rapporteur on a theme (for a group, or for the theme
    alone), and, once the Office recorded the Network's decision, designated."""

    class Status(models.TextChoices):
        VOLUNTEERED = "volunteered", _("Volunteered, awaiting the Network's decision")
        DESIGNATED = "designated", _("Designated by the Network")
        ENDED = "ended", _("No longer rapporteur")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("correspondent"),
        on_delete=models.CASCADE,
        related_name="rapporteurships",
    )
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="rapporteurs"
    )
    group = models.ForeignKey(
        ThematicGroupPage,
        verbose_name=_("thematic group"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rapporteurs",
        help_text=_("Empty for a rapporteur on the theme without a group."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.VOLUNTEERED
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision of the Network"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rapporteurs",
        limit_choices_to={"kind": Decision.Kind.RAPPORTEUR},
        help_text=_(
            "The decision designating the rapporteur, recorded first under “Decisions of the "
            "Network”."
        ),
    )
    volunteered_at = models.DateTimeField(_("volunteered"), default=timezone.now)
    designated_by = by_user(_("designation recorded by"), editable=False)

    class Meta:
        ordering = ["theme__name_en", "pk"]
        verbose_name = _("rapporteur")
        verbose_name_plural = _("rapporteurs")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "theme"],
                condition=~Q(status="ended"),
                name="one_rapporteurship_per_theme",
                violation_error_message=_("This person is already rapporteur on this theme."),
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.theme}"

    def clean(self):
        super().clean()
        errors = {}
        if self.status == self.Status.DESIGNATED and self.decision_id is None:
            errors["decision"] = _("A rapporteur is designated by a decision of the Network.")
        if self.decision_id and self.decision.kind != Decision.Kind.RAPPORTEUR:
            errors["decision"] = _("Choose a decision that designates rapporteurs.")
        if self.group_id and self.theme_id and self.group.theme_id != self.theme_id:
            errors["theme"] = _("A group's rapporteur works on the group's theme.")
        if errors:
            raise ValidationError(errors)


class WorkspaceInvitationQuerySet(models.QuerySet):
    def current(self, today=None):
        return self.filter(withdrawn_at__isnull=True, ends_on__gte=today or timezone.localdate())

    def lapsed(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(withdrawn_at__isnull=False) | Q(ends_on__lt=today))


class WorkspaceInvitation(models.Model):
    """An external expert the Office invited into a workspace (never as a rapporteur): it opens
    the workspace to them until its end date, or until the Office withdraws it."""

    workspace = models.ForeignKey(
        WorkspacePage,
        verbose_name=_("workspace"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("expert"),
        on_delete=models.CASCADE,
        related_name="workspace_invitations",
    )
    ends_on = models.DateField(_("access until"))
    invited_by = by_user(_("invited by"))
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = WorkspaceInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-invited_at", "-pk"]
        verbose_name = _("invitation to a workspace")
        verbose_name_plural = _("invitations to workspaces")

    def __str__(self):
        return f"{self.user} – {self.workspace}"
