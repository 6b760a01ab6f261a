"""Custom image and document models: every file can record the object it belongs to.

A file attached through the project's forms records its owner, and anyone who may see the
owner may see the file. A file uploaded in the admin without an owner is an intranet file when
its collection is the intranet collection or below it, and a public file otherwise (see
network_pages.access).
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class OwnedFileMixin(models.Model):
    owner_content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("belongs to (type)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner_object_id = models.CharField(_("belongs to (id)"), max_length=64, blank=True)
    owner = GenericForeignKey("owner_content_type", "owner_object_id")

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["owner_content_type", "owner_object_id"])]

    def attach_to(self, obj):
        """Record the object this file belongs to (the page or object it was attached to)."""
        self.owner_content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        self.owner_object_id = str(obj.pk)


class NetworkImage(OwnedFileMixin, AbstractImage):  # noqa: DJ008 - __str__ is inherited
    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        indexes = OwnedFileMixin.Meta.indexes


class NetworkRendition(AbstractRendition):
    image = models.ForeignKey(NetworkImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class NetworkDocument(OwnedFileMixin, AbstractDocument):  # noqa: DJ008 - __str__ is inherited
    # Wagtail 8.0.1 crashes at start-up without it on a custom document model.
    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = OwnedFileMixin.Meta.indexes
