"""Council of Europe activities (R5, §2.1b): news of the Council of Europe's work on migration and
of its intergovernmental committees, which the Office writes for the network, each tied to the
committee it concerns."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from network_pages.core.blocks import ContentStreamBlock
from network_pages.core.fields import IntroductionMixin
from network_pages.core.languages import active_language
from network_pages.core.routing import PathRouting, delegate

# The views behind the pages' routes, imported only when a route is served (core.routing).
VIEWS = "network_pages.activities.views."


class Committee(models.Model):
    """A Council of Europe body whose work the network follows (an intergovernmental committee,
    a monitoring body, the Parliamentary Assembly's committee), named in English and French."""

    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, unique=True)
    name_fr = models.CharField(_("name in French"), max_length=200, unique=True)
    url = models.URLField(_("web address"), blank=True)

    panels = [
        FieldPanel("acronym"),
        FieldPanel("name_en"),
        FieldPanel("name_fr"),
        FieldPanel("url"),
    ]

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def name(self):
        return self.name_fr if active_language() == "fr" else self.name_en


class ActivityIndexPage(RoutablePageMixin, IntroductionMixin, PathRouting, Page):
    """The Council of Europe's activities, one list per intranet root, by committee."""

    parent_page_types = ["network_pages.IntranetHomePage"]
    subpage_types = ["network_pages.ActivityUpdatePage"]
    max_count_per_parent = 1

    template = "network_pages/activities/activity_index_page.html"

    class Meta:
        verbose_name = _("Council of Europe activities")
        verbose_name_plural = _("lists of Council of Europe activities")

    index = delegate("", VIEWS + "index_view")


class ActivityUpdatePage(Page):
    """News of a Council of Europe activity or of a committee's work on migration."""

    parent_page_types = ["network_pages.ActivityIndexPage"]
    subpage_types = []

    committee = models.ForeignKey(
        Committee,
        verbose_name=_("committee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The body whose work this is; empty for the Council of Europe as a whole."),
    )
    held_on = models.DateField(
        _("date"), null=True, blank=True, help_text=_("When the meeting or activity took place.")
    )
    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    source_url = models.URLField(
        _("source"), blank=True, help_text=_("The Council of Europe's own page about it.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("committee"),
        FieldPanel("held_on"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("source_url"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("committee"),
    ]

    template = "network_pages/activities/activity_update_page.html"

    class Meta:
        verbose_name = _("Council of Europe activity")
        verbose_name_plural = _("Council of Europe activities")
