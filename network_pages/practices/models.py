"""Good practices and the correspondents' contributions (R15; seed §2.1d, §4.7).

One page type, `BestPracticePage`, for practices the Office writes and for those correspondents
contribute from the intranet. Who reads a practice is its dissemination (all members or the Office
only) and its handling marking ("Office only" narrows it to the Office and the author's state),
always with the Office and the author's state (`practices.rules`). A contribution goes to the Office
through the "Contributions" workflow and its review task (`ContributionReviewTask`); its progress,
as the author reads it, is a `Contribution` (`practices.contributions` moves both together).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Task, TaskState
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from network_pages import access
from network_pages.accounts.models import MemberState
from network_pages.core.blocks import ContentStreamBlock
from network_pages.core.fields import IntroductionMixin, by_user
from network_pages.core.languages import active_language
from network_pages.core.markings import Marking
from network_pages.core.routing import PathRouting, delegate
from network_pages.practices.comments import comment_form

# The views behind the pages' routes, imported only when a route is served (core.routing), and
# the service behind the review task's actions.
VIEWS = "network_pages.practices.views."
REVIEW = "network_pages.practices.contributions.review"

FIRST_YEAR, LAST_YEAR = 1950, 2100
SUMMARY_MAX_LENGTH = 600


class Theme(models.Model):
    """A theme of the network's work, in English and French (the Office manages the list): it
    classifies practices, and later search facets and rapporteurs."""

    name_en = models.CharField(_("name in English"), max_length=100, unique=True)
    name_fr = models.CharField(_("name in French"), max_length=100, unique=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_fr if active_language() == "fr" else self.name_en


class Dissemination(models.TextChoices):
    """Who a practice is for, besides the Office and the author's state, who always read it."""

    NETWORK = "network", _("All network members")
    OFFICE = "office", _("The SRSG Office only")
    GROUP = "group", _("One thematic group")


class PracticeBodyBlock(ContentStreamBlock):
    """The body of a good practice: the intranet's headings, paragraphs, images and documents."""

    class Meta:
        template = "blocks/stream.html"


class PracticeIndexPage(RoutablePageMixin, IntroductionMixin, PathRouting, Page):
    """The good practices of the network, one list per intranet root, with their filters."""

    parent_page_types = ["network_pages.IntranetHomePage"]
    subpage_types = ["network_pages.BestPracticePage"]
    max_count_per_parent = 1

    template = "network_pages/practices/practice_index_page.html"

    class Meta:
        verbose_name = _("good practices")
        verbose_name_plural = _("good practice lists")

    index = delegate("", VIEWS + "index_view")
    contribute = delegate("contribute/", VIEWS + "contribute_view")
    mine = delegate("mine/", VIEWS + "mine_view")
    draft = delegate("mine/<int:pk>/", VIEWS + "draft_view")
    edit = delegate("mine/<int:pk>/edit/", VIEWS + "edit_view")
    export = delegate("export/csv/", VIEWS + "export_view")


class BestPracticePage(RoutablePageMixin, PathRouting, Page):
    """A good practice, written by the Office or contributed by a correspondent, who is then
    responsible for its content (§4.7): its author and their state are recorded when it is made."""

    parent_page_types = ["network_pages.PracticeIndexPage"]
    subpage_types = []

    summary = models.TextField(_("summary"), max_length=SUMMARY_MAX_LENGTH)
    body = StreamField(PracticeBodyBlock(), verbose_name=_("body"), blank=True)
    member_states = ParentalManyToManyField(
        MemberState, verbose_name=_("member states concerned"), blank=True, related_name="+"
    )
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="practices"
    )
    period_from = models.PositiveSmallIntegerField(
        _("from (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    period_to = models.PositiveSmallIntegerField(
        _("to (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
        help_text=_("Leave empty if the practice is ongoing."),
    )
    sources = models.TextField(
        _("sources"), blank=True, help_text=_("One source per line: a reference or a web address.")
    )
    marking = models.CharField(
        _("handling marking"), max_length=10, choices=Marking.choices, default=Marking.NETWORK
    )
    dissemination = models.CharField(
        _("dissemination"),
        max_length=10,
        choices=Dissemination.choices,
        default=Dissemination.NETWORK,
        help_text=_("Who reads it, besides the SRSG Office and the author's state."),
    )
    thematic_group = models.ForeignKey(
        "network_pages.ThematicGroupPage",
        verbose_name=_("thematic group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The group whose members read it, when it is disseminated to one group."),
    )
    author = by_user(_("author"), editable=False)
    author_state = models.ForeignKey(
        MemberState,
        verbose_name=_("author's state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("author", read_only=True), FieldPanel("author_state", read_only=True)],
            heading=_("Contributed by"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("member_states"),
                FieldPanel("period_from"),
                FieldPanel("period_to"),
                FieldPanel("sources"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [FieldPanel("dissemination"), FieldPanel("thematic_group"), FieldPanel("marking")],
            heading=_("Audience"),
        ),
        InlinePanel("attachments", label=_("attachments")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("sources"),
        index.FilterField("marking"),
        index.FilterField("dissemination"),
    ]

    # wagtail-localize leaves many-to-many fields out unless told: a version concerns the same
    # states and themes as its original.
    override_translatable_fields = [
        SynchronizedField("member_states"),
        SynchronizedField("themes"),
    ]

    template = "network_pages/practices/best_practice_page.html"

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    index = delegate("", VIEWS + "practice_view")
    hide = delegate("hide/", VIEWS + "hide_view")
    release = delegate("release/", "network_pages.release.views.propose_practice_view")

    def with_content_json(self, content):
        """A revision as a page; who wrote it and for which state stay as recorded when it was
        made, whatever revision is restored or published."""
        page = super().with_content_json(content)
        page.author_id, page.author_state_id = self.author_id, self.author_state_id
        return page

    def clean(self):
        super().clean()
        if self.period_from and self.period_to and self.period_to < self.period_from:
            raise ValidationError(
                {"period_to": _("The period cannot end before the year it starts.")}
            )
        if self.dissemination == Dissemination.GROUP and self.thematic_group_id is None:
            raise ValidationError({"thematic_group": _("Choose the thematic group that reads it.")})

    @property
    def period(self):
        """ "2019–2023", "since 2021", "2020" or ""."""
        start, end = self.period_from, self.period_to
        if start and end:
            return str(start) if start == end else f"{start}–{end}"
        if start:
            return _("since %(year)s") % {"year": start}
        if end:
            return _("until %(year)s") % {"year": end}
        return ""

    def source_lines(self):
        return [line.strip() for line in self.sources.splitlines() if line.strip()]


class PracticeAttachment(Orderable):
    """A document attached to a practice; served, like every file, to whoever may see it."""

    page = ParentalKey(BestPracticePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "network_pages.NetworkDocument",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return str(self.document)


class Contribution(models.Model):
    """Where a correspondent's contribution stands, as its author reads it on "My contributions":
    kept beside the workflow that carries it to the Office, on the practice as first written."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Awaiting the SRSG Office")
        CHANGES = "changes", _("Changes requested")
        PUBLISHED = "published", pgettext_lazy("a contribution", "Published")
        DECLINED = "declined", pgettext_lazy("a contribution", "Declined")
        HIDDEN = "hidden", _("Hidden by the SRSG Office")

    page = models.OneToOneField(
        BestPracticePage,
        verbose_name=_("good practice"),
        on_delete=models.CASCADE,
        related_name="contribution",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    comment = models.TextField(
        _("comment of the SRSG Office"),
        blank=True,
        help_text=_("The changes asked for, or why it was declined or hidden."),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = by_user(_("submitted by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = by_user(_("decided by"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self):
        return str(self.page)


class ContributionReviewTask(Task):
    """The SRSG Office's review of a contribution: accept (it is published for the proposed
    audience), ask for changes (the author edits and resubmits, the workflow resumes), or decline
    with a comment. The SRSG and the Office review; the project sends its own e-mails."""

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("review of a contribution")
        verbose_name_plural = _("reviews of contributions")

    @classmethod
    def get_description(cls):
        return _("The SRSG Office accepts a contribution, asks for changes or declines it.")

    def user_can_access_editor(self, obj, user):
        return access.is_editor(user)

    def locked_for_user(self, obj, user):
        return not access.is_editor(user)

    def get_actions(self, obj, user):
        if not access.is_editor(user):
            return []
        return [
            ("approve", pgettext_lazy("a contribution", "Accept"), False),
            ("reject", _("Ask for changes"), True),
            ("decline", pgettext_lazy("a contribution", "Decline"), True),
        ]

    def get_form_for_action(self, action):
        return comment_form(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The review itself is a service of the domain, imported when an action is taken.
        review = import_string(REVIEW)
        review(task_state, user, action_name, comment=kwargs.get("comment", ""))

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if access.is_editor(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()


@register_setting(icon="doc-full")
class PracticeSettings(BaseGenericSetting):
    """How correspondents' contributions reach the network."""

    publish_at_once = models.BooleanField(
        _("contributions to all members appear at once"),
        default=False,
        help_text=_(
            "When ticked, a contribution proposed to all network members is published as soon "
            "as it is submitted, labelled with its author and state; the Office can hide it with "
            "a reason (it then comes back only through the Office's review). Other contributions "
            "still wait for the Office."
        ),
    )

    panels = [FieldPanel("publish_at_once")]

    class Meta:
        verbose_name = _("good practices")
