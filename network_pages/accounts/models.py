"""People of the network: accounts, member states, designations, member profiles and national
networks (R1, R1b, R7, R9)."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network_pages.core import member_states
from network_pages.core.fields import by_user
from network_pages.core.languages import CONTENT_LANGUAGES, active_language


class MemberState(models.Model):
    """One of the Council of Europe's 46 member states; its correspondents form its group."""

    code = models.CharField(_("ISO code"), max_length=2, unique=True)
    name_en = models.CharField(_("name in English"), max_length=100)
    name_fr = models.CharField(_("name in French"), max_length=100)
    group = models.OneToOneField(
        Group,
        verbose_name=_("group"),
        on_delete=models.PROTECT,
        related_name="member_state",
    )

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("member state")
        verbose_name_plural = _("member states")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_fr if active_language() == "fr" else self.name_en

    @property
    def with_article(self):
        """The name as a sentence of the active language puts it: "the Netherlands", "la France"
        (for a sentence's first word, `capfirst` it)."""
        return member_states.with_article(self.code, self.name, active_language())

    @property
    def of_name(self):
        """The name after "of" in the active language: "of the Netherlands", "du Portugal"."""
        return member_states.of_name(self.code, self.name, active_language())


class User(AbstractUser):
    LANGUAGE_CHOICES = CONTENT_LANGUAGES

    language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=LANGUAGE_CHOICES,
        default="en",
        help_text=_("E-mails from the network are written in this language."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username


phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ().-]{5,24}$",
    _(
        "Enter a phone number of digits, spaces and dashes, with its country code, "
        "e.g. +33 3 88 41 20 00."
    ),
)


class MemberProfile(models.Model):
    """What the directory shows of a member: one per user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    member_state = models.ForeignKey(
        MemberState,
        verbose_name=_("member state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="profiles",
        help_text=_("Empty for the SRSG and the Office."),
    )
    institution = models.CharField(_("ministry or institution"), max_length=255, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True, validators=[phone_validator])
    working_languages = models.JSONField(_("working languages"), default=list, blank=True)
    # Raised by each save: two people saving at once never lose one change silently.
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return str(self.user)


class DesignationQuerySet(models.QuerySet):
    """`open`: not ended (the account stays open); `current`: open and begun (the person acts for
    the state: a designation dated in the future enrols on its date)."""

    @staticmethod
    def open_q(on=None):
        on = on or timezone.localdate()
        return models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=on)

    @classmethod
    def current_q(cls, on=None):
        on = on or timezone.localdate()
        return cls.open_q(on) & models.Q(designated_on__lte=on)

    def open(self, on=None):
        return self.filter(self.open_q(on))

    def current(self, on=None):
        return self.filter(self.current_q(on))

    def ended(self, on=None):
        on = on or timezone.localdate()
        return self.filter(ends_on__lt=on)


class Designation(models.Model):
    """A member state's designation of a correspondent, recorded by the Office."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="designations",
    )
    member_state = models.ForeignKey(
        MemberState,
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        related_name="designations",
    )
    institution = models.CharField(_("ministry or institution"), max_length=255)
    position = models.CharField(_("position"), max_length=255, blank=True)
    designated_on = models.DateField(_("date of designation"))
    designating_authority = models.CharField(_("designating authority"), max_length=255)
    ends_on = models.DateField(
        _("end of designation"),
        null=True,
        blank=True,
        help_text=_("The account is deactivated after this date."),
    )
    activated_at = models.DateTimeField(_("activated"), null=True, blank=True)
    recorded_by = by_user(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = DesignationQuerySet.as_manager()

    class Meta:
        ordering = ["-designated_on", "pk"]
        verbose_name = _("designation")
        verbose_name_plural = _("designations")

    def __str__(self):
        return f"{self.user} · {self.member_state}"

    @property
    def has_ended(self):
        return self.ends_on is not None and self.ends_on < timezone.localdate()


class NationalNetworkActor(models.Model):
    """An actor of a state's national migration network (R9): shown to members, never an account."""

    class Kind(models.TextChoices):
        GOVERNMENTAL = "governmental", _("governmental")
        NON_GOVERNMENTAL = "non_governmental", _("non-governmental")
        INTERNATIONAL = "international", _("international")

    member_state = models.ForeignKey(
        MemberState,
        verbose_name=_("member state"),
        on_delete=models.CASCADE,
        related_name="network_actors",
    )
    organisation = models.CharField(_("organisation"), max_length=255)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    contact = models.CharField(
        _("functional contact"),
        max_length=255,
        help_text=_("A function or a shared mailbox, e.g. “Head of the asylum unit”."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True, validators=[phone_validator])
    recorded_by = by_user(_("recorded by"))
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["organisation"]
        verbose_name = _("national network actor")
        verbose_name_plural = _("national network actors")

    def __str__(self):
        return self.organisation
