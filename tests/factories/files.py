"""Documents and images, in a collection and optionally attached to the object that owns them."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import Image as PILImage

from network_pages.core.roles import INTRANET_COLLECTION


def intranet_collection():
    return Collection.objects.get(name=INTRANET_COLLECTION, depth=2)


def make_document(title, collection=None, *, owner=None, content=None, filename=None):
    """A text document (its title as content unless told) in `collection`, the intranet's unless
    told."""
    document = get_document_model()(title=title, collection=collection or intranet_collection())
    if owner is not None:
        document.attach_to(owner)
    content = title.encode() if content is None else content
    document.file.save(filename or f"{title}.txt", ContentFile(content), save=False)
    document.save()
    return document


def make_image(title, collection=None, *, owner=None):
    """A small PNG in `collection`, the intranet's unless told."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 32), (200, 10, 10)).save(buffer, "PNG")
    image = get_image_model()(
        title=title,
        collection=collection or intranet_collection(),
        file=ImageFile(buffer, name=f"{title}.png"),
    )
    if owner is not None:
        image.attach_to(owner)
    image.save()
    return image
