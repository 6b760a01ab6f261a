from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


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
        return self.name_fr if (get_language() or "en").startswith("fr") else self.name_en


class User(AbstractUser):
    LANGUAGE_CHOICES = [("en", _("English")), ("fr", _("French"))]

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
