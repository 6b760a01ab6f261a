"""Decisions of the Network (§2.2, §4.4-4.9): a thematic group created, a rapporteur designated, a
release decided in plenary, a consultation on the objectives. One kind of record says what was
decided, when, where (at a session, or by written consultation with its dates and how the members
were asked) and the outcome; the domains that act on a decision point to it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from network_pages.core.fields import by_user
from network_pages.core.languages import CONTENT_LANGUAGES
from network_pages.sessions.models import SessionPage


class Decision(models.Model):
    class Kind(models.TextChoices):
        GROUP = "group", _("thematic group created")
        RAPPORTEUR = "rapporteur", _("rapporteur designated")
        RELEASE = "release", _("release decided")
        OBJECTIVES = "objectives", _("consultation on the objectives")
        OTHER = "other", _("other decision")

    class Means(models.TextChoices):
        SESSION = "session", _("at a session")
        WRITTEN = "written", _("by written consultation")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    subject = models.CharField(_("what was decided"), max_length=255)
    outcome = models.TextField(_("outcome"), max_length=4000)
    decided_on = models.DateField(_("date of the decision"))
    means = models.CharField(_("taken"), max_length=10, choices=Means.choices)
    session = models.ForeignKey(
        SessionPage,
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
        help_text=_("The session as first written, when the decision was taken at a session."),
    )
    consulted_from = models.DateField(_("consultation opened on"), null=True, blank=True)
    consulted_until = models.DateField(_("consultation closed on"), null=True, blank=True)
    how_asked = models.TextField(
        _("how the members were asked"),
        max_length=2000,
        blank=True,
        help_text=_("For a written consultation: who was asked, by what means, and what about."),
    )
    language = models.CharField(
        _("written in"), max_length=2, choices=CONTENT_LANGUAGES, default="en"
    )
    recorded_by = by_user(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("decision of the Network")
        verbose_name_plural = _("decisions of the Network")

    def __str__(self):
        return f"{self.subject} ({self.decided_on:%Y-%m-%d})"

    def clean(self):
        super().clean()
        errors = {}
        if self.means == self.Means.SESSION:
            if self.session_id is None:
                errors["session"] = _("Say at which session the decision was taken.")
        elif self.means == self.Means.WRITTEN:
            if self.consulted_from is None:
                errors["consulted_from"] = _("Give the date the consultation opened.")
            if self.consulted_until is None:
                errors["consulted_until"] = _("Give the date the consultation closed.")
            elif self.consulted_from and self.consulted_until < self.consulted_from:
                errors["consulted_until"] = _("The consultation cannot close before it opened.")
            if not self.how_asked.strip():
                errors["how_asked"] = _("Say how the members were asked.")
            if self.decided_on and self.consulted_from and self.decided_on < self.consulted_from:
                errors["decided_on"] = _("The decision cannot come before the consultation.")
        if errors:
            raise ValidationError(errors)
