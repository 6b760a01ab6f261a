from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from network_pages.access import viewable
from network_pages.core.blocks import ContentStreamBlock
from network_pages.core.fields import IntroductionMixin
from network_pages.core.roles import INTRANET_SLUG
from network_pages.core.routing import PathRouting
from network_pages.intranet.panels import build_panels


class IntranetHomePage(IntroductionMixin, PathRouting, Page):
    """The restricted intranet's root, one per locale: a member's starting point."""

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "network_pages.IntranetPage",
        "network_pages.DirectoryPage",
        "network_pages.RequestIndexPage",
        "network_pages.SessionIndexPage",
        "network_pages.WorkingMethodsPage",
        "network_pages.ObjectivesPage",
        "network_pages.PracticeIndexPage",
        "network_pages.ActivityIndexPage",
    ]
    max_count_per_parent = 1

    search_fields = Page.search_fields + [index.SearchField("introduction")]

    template = "network_pages/intranet_home_page.html"

    class Meta:
        verbose_name = _("intranet home")
        verbose_name_plural = _("intranet homes")

    def clean(self):
        super().clean()
        # The login gate (network_pages.access.middleware) recognises the intranet by its slug.
        self.slug = INTRANET_SLUG

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["panels"] = build_panels(request, self)
        return context


class IntranetPage(PathRouting, Page):
    """A content page of the intranet; `closed` makes its subtree deny-by-default."""

    parent_page_types = ["network_pages.IntranetHomePage", "network_pages.IntranetPage"]
    subpage_types = ["network_pages.IntranetPage"]

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    closed = models.BooleanField(
        _("only for people granted access"),
        default=False,
        help_text=_(
            "When ticked, this page and its subpages are hidden from correspondents and invited "
            "experts unless they (or one of their groups) are granted access. The SRSG and the "
            "Office always see it."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    settings_panels = Page.settings_panels + [FieldPanel("closed")]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    template = "network_pages/intranet_page.html"

    class Meta:
        verbose_name = _("intranet page")
        verbose_name_plural = _("intranet pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = viewable(request.user, self.get_children().live()).specific()
        return context
