"""The network's working methods and objectives (R5, R17; §2.2, §4.10): two intranet texts in both
languages, each published only by the SRSG (the publish lock) as a revision the members can read
again later, and the suggestions the states send on them.

A revision is a project record tied to the page revision it published, and to the revisions of its
versions in the other languages published with it. A revision of the objectives follows a recorded
consultation of the Network (a decision, `decisions/`); one of the working methods says what
prompted it: the network's activity, states' suggestions, or both.

Revisions and suggestions hang on the text as first written (core.translations).
"""

from django.db import models
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from network_pages.accounts.models import MemberState
from network_pages.core.blocks import ContentStreamBlock
from network_pages.core.fields import by_user
from network_pages.core.languages import CONTENT_LANGUAGES
from network_pages.core.publish_lock import PublishLock
from network_pages.core.routing import PathRouting, delegate
from network_pages.core.translations import is_original
from network_pages.decisions.models import Decision

# The views behind the pages' routes, imported only when a route is served (core.routing).
VIEWS = "network_pages.methods.views."


class GoverningTextPage(RoutablePageMixin, PathRouting, PublishLock, Page):
    """A text that governs the network, revised only by the SRSG."""

    parent_page_types = ["network_pages.IntranetHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # Does a revision need a recorded consultation of the Network (§2.2)?
    requires_consultation = False

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("text"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    template = "network_pages/methods/text_page.html"

    class Meta:
        abstract = True

    revision_text = delegate("revisions/<int:number>/", VIEWS + "revision_view", name="revision")
    suggest = delegate("suggest/", VIEWS + "suggest_view")
    suggestions = delegate("suggestions/", VIEWS + "suggestions_view")
    suggestion_status = delegate("suggestions/<int:pk>/", VIEWS + "suggestion_status_view")
    publish_revision = delegate("publish/", VIEWS + "publish_view")

    def get_context(self, request, *args, **kwargs):
        # Named by dotted path, like the routes' views: this module imports none of the modules
        # that import it.
        context = super().get_context(request, *args, **kwargs)
        return import_string(VIEWS + "page_context")(self, request, context)

    def publication_refused(self, revision):
        """Why the publish lock refuses `revision` of this text, or None. A revision of a text
        that `requires_consultation` (the objectives, §2.2) is published only with the record of
        the consultation of the Network it follows (a decision on the objectives that no earlier
        revision used), prepared by `methods.revisions.publish_revision`; the text as first
        published needs none. Versions in other languages follow their original."""
        if not self.requires_consultation or not self.pk or not is_original(self):
            return None
        earlier = TextRevision.objects.filter(page_id=self.pk).exclude(revision_id=revision.pk)
        if not earlier.exists():
            return None
        record = (
            TextRevision.objects.filter(revision_id=revision.pk)
            .select_related("consultation")
            .first()
        )
        consultation = record.consultation if record else None
        if consultation is None or consultation.kind != Decision.Kind.OBJECTIVES:
            return _(
                "A revision of the objectives follows a consultation of the Network (§2.2): the "
                "SRSG publishes it from the objectives page, with the consultation the Office "
                "recorded."
            )
        if earlier.filter(consultation=consultation).exists():
            return _("This consultation of the Network was used by an earlier revision.")
        return None


class WorkingMethodsPage(GoverningTextPage):
    """The working methods (§4.10): revised on the basis of the network's activity and the states'
    suggestions."""

    # Wagtail names each page class's own template unless the class body names one.
    template = GoverningTextPage.template

    class Meta:
        verbose_name = _("working methods")
        verbose_name_plural = _("working methods")


class ObjectivesPage(GoverningTextPage):
    """The network's objectives (§2.2): revised after a consultation of the Network."""

    requires_consultation = True
    template = GoverningTextPage.template

    class Meta:
        verbose_name = _("objectives")
        verbose_name_plural = _("objectives")


class MethodsSuggestion(models.Model):
    """A state's suggestion on the working methods or the objectives, sent by its correspondent."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        CONSIDERED = "considered", _("under consideration")
        TAKEN = "taken", _("taken into account")
        NOT_RETAINED = "not_retained", _("not retained")

    page = models.ForeignKey(
        Page,
        verbose_name=_("text"),
        on_delete=models.CASCADE,
        related_name="methods_suggestions",
    )
    member_state = models.ForeignKey(
        MemberState, verbose_name=_("member state"), on_delete=models.PROTECT, related_name="+"
    )
    suggested_by = by_user(_("suggested by"))
    text = models.TextField(_("suggestion"), max_length=4000)
    language = models.CharField(
        _("written in"), max_length=2, choices=CONTENT_LANGUAGES, default="en"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    status_note = models.TextField(_("note on the status"), max_length=2000, blank=True)
    status_changed_by = by_user(_("status changed by"))
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("suggestion on the working methods")
        verbose_name_plural = _("suggestions on the working methods")

    def __str__(self):
        return f"{self.member_state} · {self.created_at:%Y-%m-%d}"


class TextRevision(models.Model):
    """A published revision of the working methods or the objectives."""

    class Basis(models.TextChoices):
        ACTIVITY = "activity", _("the network's activity")
        SUGGESTIONS = "suggestions", _("states' suggestions")
        BOTH = "both", _("the network's activity and states' suggestions")
        CONSULTATION = "consultation", _("a consultation of the Network")

    page = models.ForeignKey(
        Page, verbose_name=_("text"), on_delete=models.CASCADE, related_name="text_revisions"
    )
    revision = models.OneToOneField(
        "wagtailcore.Revision",
        verbose_name=_("page revision"),
        on_delete=models.PROTECT,
        related_name="text_revision",
    )
    # The revisions of the text's versions in the other languages, published with this one or
    # brought up to date while it was the current revision.
    versions = models.ManyToManyField(
        "wagtailcore.Revision", verbose_name=_("versions"), blank=True, related_name="+"
    )
    number = models.PositiveIntegerField(_("number"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = by_user(_("published by"))
    summary = models.TextField(_("what changed"), max_length=2000, blank=True)
    basis = models.CharField(_("prompted by"), max_length=20, choices=Basis.choices, blank=True)
    details = models.TextField(_("details"), max_length=2000, blank=True)
    consultation = models.ForeignKey(
        Decision,
        verbose_name=_("consultation of the Network"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="text_revisions",
    )
    suggestions = models.ManyToManyField(
        MethodsSuggestion,
        verbose_name=_("suggestions considered"),
        blank=True,
        related_name="revisions",
    )

    class Meta:
        ordering = ["page", "-number"]
        verbose_name = _("revision of a governing text")
        verbose_name_plural = _("revisions of the governing texts")
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="one_revision_number_per_text"),
            # A consultation of the Network backs one revision of the objectives, not two.
            models.UniqueConstraint(fields=["consultation"], name="one_revision_per_consultation"),
        ]

    def __str__(self):
        return f"{self.page} · {self.number}"
