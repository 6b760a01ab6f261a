"""Serving files: every document, image and rendition goes through the access policy.

Nothing under MEDIA_ROOT is served directly. `/files/<name>` is MEDIA_URL: the storage's own URLs
(image originals and renditions, document files) land here; `/documents/<id>/<name>` is Wagtail's
document URL. Only files an anonymous visitor may see are cacheable (`public`); every other file is
`private, no-store`. Only PNG, JPEG and WebP images are shown inline, with `nosniff` on everything.
"""

import mimetypes
import os

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from network_pages.access import can_view, is_public
from network_pages.files.models import NetworkRendition

PUBLIC_MAX_AGE = 60 * 60
# Only images are ever shown inline; anything else downloads (an HTML or SVG file never runs here).
INLINE_TYPES = {"image/png", "image/jpeg", "image/webp"}


def file_response(request, file_field, public, *, filename=None):
    try:
        handle = file_field.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    content_type = mimetypes.guess_type(file_field.name)[0] or "application/octet-stream"
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=content_type not in INLINE_TYPES,
        filename=filename or os.path.basename(file_field.name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


def _find_file(name):
    """The object whose stored file is `name`, or None."""
    document = get_document_model().objects.filter(file=name).first()
    if document is not None:
        return document, document.file
    rendition = NetworkRendition.objects.select_related("image").filter(file=name).first()
    if rendition is not None:
        return rendition.image, rendition.file
    image = get_image_model().objects.filter(file=name).first()
    if image is not None:
        return image, image.file
    return None, None


def _not_for_them(request):
    """What a file nobody shows this user answers, whether it exists or not: the login to an
    anonymous visitor, 404 to anyone else (a forbidden file and a missing one look the same)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    raise Http404


@require_safe
def serve_file(request, path):
    """A direct media URL (image originals, renditions, document files)."""
    owner, file_field = _find_file(path)
    if owner is None or not can_view(request.user, owner):
        return _not_for_them(request)
    return file_response(request, file_field, is_public(owner))


@require_safe
def serve_document(request, document_id, document_filename):
    """Wagtail's document URL; every document downloads as an attachment."""
    document = get_document_model().objects.filter(id=document_id).first()
    if (
        document is None
        or document.filename != document_filename
        or not can_view(request.user, document)
    ):
        return _not_for_them(request)
    return file_response(request, document.file, is_public(document), filename=document.filename)
