from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        preview_value = _("Heading")


class ContentStreamBlock(blocks.StreamBlock):
    """The body of intranet and public content pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        icon="pilcrow",
        template="blocks/paragraph.html",
        label=_("Paragraph"),
        preview_value="<p>Lorem ipsum</p>",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
    )
    image = ImageBlock(
        icon="image",
        template="blocks/image.html",
        label=_("Image"),
        preview_value=None,
    )
    document = DocumentChooserBlock(
        icon="doc-full",
        template="blocks/document.html",
        label=_("Document"),
        preview_value=None,
    )

    class Meta:
        template = "blocks/stream.html"
