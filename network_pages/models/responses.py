"""Responses to information requests: one per state, its answers, its history, and the
follow-up (the states a request was addressed to, the reminders sent to them)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from network_pages.models.accounts import MemberState
from network_pages.models.requests import InformationRequestPage, RequestQuestion


class Marking(models.TextChoices):
    """Handling marking of an answer (R15's markings, applied to answers)."""

    NETWORK = "network", _("Network only")
    NATIONAL = "national", _("May be shared within national administrations")
    OFFICE = "office", _("SRSG Office only")


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
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The Office member who entered an answer received by e-mail."),
    )
    email_date = models.DateField(_("date of the e-mail"), null=True, blank=True)
    original = models.ForeignKey(
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
        _("language"), max_length=2, choices=InformationRequestPage.LANGUAGES, default="en"
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
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty for the automatic reminders."),
    )
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
