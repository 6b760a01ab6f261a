"""Information requests (R13, R14): concise numbered questions sent to every member state, and the
responses: one per state, its answers, its history, and the follow-up (the states a request was
addressed to, the reminders sent to them)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from network_pages import access
from network_pages.accounts.models import MemberState
from network_pages.core.fields import IntroductionMixin, by_user
from network_pages.core.languages import CONTENT_LANGUAGES
from network_pages.core.markings import Marking
from network_pages.core.routing import PathRouting, delegate
from network_pages.core.translations import original

QUESTION_MAX_LENGTH = 600
BACKGROUND_MAX_LENGTH = 1500

# The views behind the pages' routes, imported only when a route is served (core.routing).
VIEWS = "network_pages.information_requests.views."


class RequestIndexPage(RoutablePageMixin, IntroductionMixin, PathRouting, Page):
    """The list of information requests, one per intranet root."""

    parent_page_types = ["network_pages.IntranetHomePage"]
    subpage_types = ["network_pages.InformationRequestPage"]
    max_count_per_parent = 1

    template = "network_pages/requests/request_index_page.html"

    class Meta:
        verbose_name = _("information requests")
        verbose_name_plural = _("information request lists")

    propose = delegate("propose/", VIEWS + "propose_view")
    compilations = delegate("compilations/xlsx/", VIEWS + "index_export_view")

    def get_context(self, request, *args, **kwargs):
        # Who may propose a request is the domain's rule, which imports this module.
        from network_pages.information_requests import rules

        context = super().get_context(request, *args, **kwargs)
        requests = list(
            access.viewable(request.user, InformationRequestPage.objects.child_of(self))
            .select_related("requester_state")
            .order_by("-deadline")
        )
        own = access.state_ids(request.user)
        statuses = dict(
            StateResponse.objects.filter(
                request__translation_key__in=[r.translation_key for r in requests],
                member_state_id__in=own,
            ).values_list("request__translation_key", "status")
        )
        for page in requests:
            page.own_status = statuses.get(page.translation_key)
        context["open_requests"] = [r for r in requests if r.status == r.OPEN]
        context["closed_requests"] = [r for r in requests if r.status == r.CLOSED]
        # A proposal is a draft in the language it was written in: listed from either tree.
        context["proposals"] = (
            InformationRequestPage.objects.filter(
                live=False,
                requester_state_id__in=own,
                proposed_by__isnull=False,
                opened_at__isnull=True,
            ).order_by("-first_published_at", "-pk")
            if own
            else []
        )
        context["can_propose"] = rules.can_propose(request.user)
        context["today"] = timezone.localdate()
        return context


def answered_wordings(page_pk):
    """{question pk: wording} of the request's questions that have answers. Such a question may be
    neither reworded nor removed: its answers stay tied to the wording they answered."""
    if not page_pk:
        return {}
    answered = RequestQuestion.objects.filter(page_id=page_pk, answers__isnull=False)
    return dict(answered.distinct().values_list("pk", "text"))


def changes_answered(answered, pk, text, removed):
    """Would removing question `pk`, or giving it `text`, change an answered question?"""
    return pk in answered and (removed or (text or "").strip() != answered[pk].strip())


class InformationRequestForm(WagtailAdminPageForm):
    """The admin form: answered questions keep their wording (checked on the submitted inline
    questions, so the editor gets the error on the question instead of a failed save)."""

    def clean(self):
        cleaned = super().clean()
        page = self.instance
        formset = self.formsets.get("questions")
        if not page.pk or formset is None:
            return cleaned
        formset.is_valid()  # cleans the inline questions, so their new wording can be compared
        answered = answered_wordings(page.pk)
        message = _("This question already has answers: it can be neither reworded nor removed.")
        for form in formset.forms:
            if not hasattr(form, "cleaned_data"):
                continue
            pk = form.instance.pk
            removed = bool(formset.can_delete and form.cleaned_data.get("DELETE"))
            if not changes_answered(answered, pk, form.cleaned_data.get("text"), removed):
                continue
            if removed:
                self.add_error(None, message + " " + answered[pk][:80])
            else:
                form.add_error("text", message)
        return cleaned


class InformationRequestPage(RoutablePageMixin, PathRouting, Page):
    """A request: a draft until the Office publishes it (that opens it); the Office closes it."""

    DRAFT, OPEN, CLOSED = "draft", "open", "closed"

    parent_page_types = ["network_pages.RequestIndexPage"]
    subpage_types = []

    request_language = models.CharField(
        _("language of the request"),
        max_length=2,
        choices=CONTENT_LANGUAGES,
        default="en",
        editable=False,
        help_text=_("The language it was written in: its original's."),
    )
    requester_state = models.ForeignKey(
        MemberState,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty when the SRSG's Office makes the request."),
    )
    background = RichTextField(
        _("brief factual background"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=format_lazy(_("At most {limit} characters."), limit=BACKGROUND_MAX_LENGTH),
    )
    deadline = models.DateField(_("deadline for answers"))
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    proposed_by = by_user(_("proposed by"), editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("requester_state"), FieldPanel("deadline")],
            heading=_("Request"),
        ),
        FieldPanel("background"),
        InlinePanel("questions", min_num=1, label=_("Questions")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("background"),
        index.RelatedFields("questions", [index.SearchField("text")]),
    ]

    template = "network_pages/requests/information_request_page.html"
    base_form_class = InformationRequestForm

    class Meta:
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")

    @property
    def status(self):
        if self.closed_at:
            return self.CLOSED
        return self.OPEN if self.opened_at else self.DRAFT

    def get_status_display(self):
        return {
            self.DRAFT: _("draft"),
            self.OPEN: _("open"),
            self.CLOSED: _("closed"),
        }[self.status]

    def with_content_json(self, content):
        """Revisions never carry the request's life cycle: it stays as the database has it."""
        obj = super().with_content_json(content)
        obj.opened_at, obj.closed_at = self.opened_at, self.closed_at
        obj.proposed_by_id = self.proposed_by_id
        return obj

    def save(self, *args, **kwargs):
        self.request_language = self.written_in()
        return super().save(*args, **kwargs)

    def written_in(self):
        """The language of the request as first written (core.translations): its original's
        locale, whichever version is saved."""
        earlier = InformationRequestPage.objects.filter(translation_key=self.translation_key)
        if self.pk:
            earlier = earlier.filter(pk__lt=self.pk)
        first = earlier.order_by("pk").values_list("locale__language_code", flat=True).first()
        if first:
            return first
        return (self.locale if self.locale_id else self.get_default_locale()).language_code

    def numbered_questions(self):
        """(number, question) pairs: numbers follow the order, 1..n, with no gaps."""
        return list(enumerate(self.questions.all(), start=1))

    def worded_questions(self, source):
        """The numbered questions of `source` (this request as first written, which answers point
        at), each with its `wording` in this version's language where it has one."""
        own = {question.translation_key: question.text for question in self.questions.all()}
        numbered = source.numbered_questions()
        for _number, question in numbered:
            question.wording = own.get(question.translation_key, question.text)
        return numbered

    close = delegate("close/", VIEWS + "close_view")
    remind = delegate("remind/", VIEWS + "remind_view")
    compilation = delegate("compilation/", VIEWS + "compilation_view")
    compilation_export = delegate("compilation/<str:export>/", VIEWS + "compilation_view")
    answer = delegate("answer/", VIEWS + "answer_view")
    answer_state = delegate("answer/<str:code>/", VIEWS + "answer_view")
    reopen = delegate("answer/<str:code>/reopen/", VIEWS + "reopen_view")
    history = delegate("responses/<str:code>/history/", VIEWS + "history_view")

    def get_context(self, request, *args, **kwargs):
        # What the page shows of its answers comes from the domain's modules, which import this one.
        from network_pages.information_requests import rules, standing

        context = super().get_context(request, *args, **kwargs)
        context["questions"] = self.numbered_questions()
        # Answers hang on the questions of the request as first written.
        source = original(self)
        context["source_questions"] = (
            context["questions"] if source.pk == self.pk else source.numbered_questions()
        )
        responses = standing.all_responses([source])  # the page's answers and its rate read them
        visible = standing.responses_for(
            request.user, source, context["source_questions"], responses
        )
        own = access.state_ids(request.user)
        context["responses"] = visible
        context["own_responses"] = [r for r, _answers in visible if r.member_state_id in own]
        context["own_states"] = access.member_states(request.user)
        context["can_answer"] = rules.can_answer(request.user)
        context["can_close"] = rules.can_close(request.user)
        if self.status != self.DRAFT:
            # Which states are still drafting is the Office's to follow, not other states'.
            office = access.is_editor(request.user)
            rate = standing.response_rates([source], responses=responses, reminders=office)
            rate = rate[source.pk]
            context["submitted_count"], context["addressed_count"] = rate.submitted, rate.addressed
            context["follow_up"] = rate if office else None
        return context

    def clean(self):
        super().clean()
        errors = {}
        if len(strip_tags(self.background or "")) > BACKGROUND_MAX_LENGTH:
            errors["background"] = _(
                "The background must stay brief: at most %(limit)s characters."
            ) % {"limit": BACKGROUND_MAX_LENGTH}
        if self.opened_at is None and self.deadline and self.deadline <= timezone.localdate():
            errors["deadline"] = _("A request can only be opened with a deadline in the future.")
        errors.update(self._answered_question_errors())
        if errors:
            raise ValidationError(errors)

    def _answered_question_errors(self):
        """A question that has answers may be neither reworded nor removed: answers stay tied to
        the wording they answered."""
        answered = answered_wordings(self.pk)
        current = {question.pk: question.text for question in self.questions.all()}
        problems = [
            text[:60]
            for pk, text in answered.items()
            if changes_answered(answered, pk, current.get(pk), pk not in current)
        ]
        if not problems:
            return {}
        return {
            "title": _(
                "These questions already have answers and can be neither reworded nor removed "
                "(add a new question instead): %(questions)s"
            )
            % {"questions": "; ".join(problems)}
        }


class RequestQuestion(TranslatableMixin, Orderable):
    """A question; its versions in the other languages share its translation key. Answers always
    point at the question of the request as first written."""

    page = ParentalKey(InformationRequestPage, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(
        _("question"),
        max_length=QUESTION_MAX_LENGTH,
        help_text=format_lazy(
            _("One concise question, at most {limit} characters."), limit=QUESTION_MAX_LENGTH
        ),
    )

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text[:80]


class StateResponse(models.Model):
    """One member state's response to one request; its state is fixed when it is created."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")

    request = models.ForeignKey(
        InformationRequestPage,
        verbose_name=_("information request"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    member_state = models.ForeignKey(
        MemberState, verbose_name=_("member state"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    late = models.BooleanField(_("late"), default=False)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = by_user(_("updated by"), blank=False)
    entered_by = by_user(
        _("entered by"), help_text=_("The Office member who entered an answer received by e-mail.")
    )
    email_date = models.DateField(_("date of the e-mail"), null=True, blank=True)
    email_file = models.ForeignKey(
        "network_pages.NetworkDocument",
        verbose_name=_("original e-mail or file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("state response")
        verbose_name_plural = _("state responses")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "member_state"], name="one_response_per_state"
            )
        ]

    def __str__(self):
        return f"{self.request} · {self.member_state}"


class Answer(models.Model):
    response = models.ForeignKey(
        StateResponse, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        RequestQuestion,
        verbose_name=_("question"),
        on_delete=models.PROTECT,
        related_name="answers",
    )
    text = models.TextField(_("answer"), blank=True)
    no_information = models.BooleanField(_("no information / not applicable"), default=False)
    language = models.CharField(
        _("language"), max_length=2, choices=CONTENT_LANGUAGES, default="en"
    )
    marking = models.CharField(
        _("handling marking"), max_length=10, choices=Marking.choices, default=Marking.NETWORK
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self):
        return f"{self.response} · {self.question_id}"

    @property
    def is_empty(self):
        return not self.text.strip() and not self.no_information


class ResponseRevision(models.Model):
    """The history of a response: who did what, when, and the answers as they then stood."""

    class Action(models.TextChoices):
        SAVED = "saved", _("draft saved")
        SUBMITTED = "submitted", _("submitted")
        REOPENED = "reopened", _("reopened")
        ENTERED = "entered", _("entered by the Office from an e-mail")

    response = models.ForeignKey(
        StateResponse,
        verbose_name=_("response"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    version = models.PositiveIntegerField(_("version"))
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    author = by_user(_("author"), blank=False)
    created_at = models.DateTimeField(_("date"), auto_now_add=True)
    answers = models.JSONField(_("answers"), default=list)

    class Meta:
        ordering = ["-version", "-pk"]
        verbose_name = _("response revision")
        verbose_name_plural = _("response revisions")

    def __str__(self):
        return f"{self.response} v{self.version}"


class AddressedState(models.Model):
    """A member state a request was addressed to: it had at least one active correspondent when
    the request opened. Response rates count out of these states."""

    request = models.ForeignKey(
        InformationRequestPage,
        verbose_name=_("information request"),
        on_delete=models.CASCADE,
        related_name="addressed_states",
    )
    member_state = models.ForeignKey(
        MemberState, verbose_name=_("member state"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("addressed state")
        verbose_name_plural = _("addressed states")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "member_state"], name="one_addressee_per_state"
            )
        ]

    def __str__(self):
        return f"{self.request} → {self.member_state}"


class ResponseReminder(models.Model):
    """A reminder sent to one state's correspondents: never twice for a request, state and day."""

    request = models.ForeignKey(
        InformationRequestPage,
        verbose_name=_("information request"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    member_state = models.ForeignKey(
        MemberState, verbose_name=_("member state"), on_delete=models.PROTECT, related_name="+"
    )
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    sent_by = by_user(_("sent by"), help_text=_("Empty for the automatic reminders."))
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-day", "member_state__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "member_state", "day"], name="one_reminder_per_state_and_day"
            )
        ]

    def __str__(self):
        return f"{self.request} · {self.member_state} · {self.day}"
