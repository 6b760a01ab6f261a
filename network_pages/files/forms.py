"""The admin's document and image forms (Wagtail's, as set by WAGTAILDOCS_DOCUMENT_FORM_BASE and
WAGTAILIMAGES_IMAGE_FORM_BASE): every upload, single, multiple, from a chooser or replacing a
file, passes the upload policy."""

from django.core.files.uploadedfile import UploadedFile

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from network_pages.files.uploads import validate_image_upload, validate_upload


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data["file"]
        if isinstance(file, UploadedFile):  # not the stored file an edit keeps
            validate_upload(file)
        return file

    def _post_clean(self):
        # A refused upload leaves the document without a file, and Wagtail's model check of its
        # extension (WAGTAILDOCS_EXTENSIONS) would add a second refusal, of an empty name: the
        # model is checked once a file passes.
        if not self.has_error("file"):
            super()._post_clean()


class ImageForm(BaseImageForm):
    def clean_file(self):
        file = self.cleaned_data["file"]
        if isinstance(file, UploadedFile):
            validate_image_upload(file)
        return file
