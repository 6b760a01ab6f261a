from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from network_pages.access import can_view
from network_pages.core.blocks import ContentStreamBlock
from network_pages.core.fields import IntroductionMixin
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
    subpage_types = ["home.StandardPage", "network_pages.IntranetHomePage"]

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
