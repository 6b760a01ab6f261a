"""The joint release (§3.3): where a released page comes from. A proposal for public release
makes a draft `home.ReleasedPage` from an allow-list of its source's fields; the record of its
source (kept for the Office, never shown on the public page) and of the member states whose
information appears is a `ReleaseProposal`."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from network_pages.accounts.models import MemberState
from network_pages.core.fields import by_user


class ReleaseProposal(models.Model):
    """A released page's origin: what it was made from, by whom, and the states whose
    information appears in it (whose consent the joint decision needs)."""

    page = models.OneToOneField(
        "home.ReleasedPage",
        verbose_name=_("released page"),
        on_delete=models.CASCADE,
        related_name="proposal",
    )
    source_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of source"), on_delete=models.PROTECT, related_name="+"
    )
    source_id = models.CharField(_("source (id)"), max_length=64)
    source = GenericForeignKey("source_type", "source_id")
    states = models.ManyToManyField(
        MemberState,
        verbose_name=_("member states whose information appears"),
        blank=True,
        related_name="+",
    )
    proposed_by = by_user(_("proposed by"))
    proposed_at = models.DateTimeField(_("proposed"), auto_now_add=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("proposal for public release")
        verbose_name_plural = _("proposals for public release")

    def __str__(self):
        return str(self.page)
