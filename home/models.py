from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from network_pages.access import can_view
from network_pages.core.blocks import ContentStreamBlock
from network_pages.core.fields import IntroductionMixin
from network_pages.core.publish_lock import PublishLock
from network_pages.core.routing import PathRouting

# What the policy and a link ask of a page in a list: its title, type, state and place.
PAGE_LINK_FIELDS = ("title", "content_type", "live", "path", "url_path")


class PublicContentMixin(IntroductionMixin):
    """What the public pages are made of: an introduction and a body of blocks."""

    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = IntroductionMixin.content_panels + [FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True


class HomePage(PublicContentMixin, PathRouting, Page):
    """The SRSG's public page, one per locale."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", "home.ReleaseIndexPage", "network_pages.IntranetHomePage"]

    class Meta:
        verbose_name = _("public home")
        verbose_name_plural = _("public homes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Asked page by page: the policy decides on public pages without reading the intranet's
        # closed zones and grants (a listing through `viewable` needs them).
        children = self.get_children().live().type(StandardPage).only(*PAGE_LINK_FIELDS)
        context["public_pages"] = [page for page in children if can_view(request.user, page)]
        return context


class StandardPage(PublicContentMixin, PathRouting, Page):
    """A static public page published by the Office."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("public page")
        verbose_name_plural = _("public pages")


class ReleaseIndexPage(PublicContentMixin, PathRouting, Page):
    """What the Network and the SRSG decided jointly to make public (§3.3), one list per public
    home: the released pages, newest first."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ReleasedPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("released information")
        verbose_name_plural = _("released information lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        released = self.get_children().live().type(ReleasedPage).specific()
        context["released"] = [
            page
            for page in released.order_by("-first_published_at", "-pk")
            if can_view(request.user, page)
        ]
        return context


class ReleasedPage(PublishLock, PathRouting, Page):
    """Information of the network made public by the joint decision of the Network and the SRSG,
    after the Office's precautionary processing (§3.3): a page of its own, made from an
    allow-list of the source's fields, never the intranet page itself. Nobody publishes it in
    the admin, the translation editor or by copying: only the release's finish function does,
    once the decision records allow it (`network_pages.release`)."""

    parent_page_types = ["home.ReleaseIndexPage"]
    subpage_types = []

    publish_lock_reason = _(
        "A released page is published only by the joint decision of the Network and the SRSG, "
        "after the Office's precautionary processing."
    )

    summary = models.TextField(_("summary"), max_length=1000)
    body = RichTextField(_("text"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    themes = ParentalManyToManyField(
        "network_pages.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    member_states = ParentalManyToManyField(
        "network_pages.MemberState",
        verbose_name=_("member states whose information appears"),
        blank=True,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("member_states"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    override_translatable_fields = [
        SynchronizedField("themes"),
        SynchronizedField("member_states"),
    ]

    class Meta:
        verbose_name = _("released page")
        verbose_name_plural = _("released pages")

    @classmethod
    def may_publish(cls, user):
        """Nobody, whatever their rights: the release's finish function publishes."""
        return False
