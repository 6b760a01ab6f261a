"""Records shared by every translation of a page (a request's answers, a session's invitations
and attendance) hang on the page as first written: the translation with the smallest pk, of
which the others are copies. It stays the same whatever translations come later."""

from django.db.models import Exists, OuterRef

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation


def is_original(page):
    """Was `page` written first among its translations? Read from the database, not from the
    translations cached on the page: a version may be being written."""
    return not Page.objects.filter(translation_key=page.translation_key, pk__lt=page.pk).exists()


def first_written(queryset):
    """The pages of `queryset` written first among their translations, in one query."""
    earlier = Page.objects.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    return queryset.filter(~Exists(earlier))


def translations(page, *, read=True):
    """Every translation of `page`, itself included, as its own page type and with its locale;
    read once per page object (that is, once per request for the page being served), for the
    page as first written and for the language switcher. None if not read yet and not `read`."""
    cached = page.__dict__.get("_network_translations")
    if cached is None and read:
        cached = list(
            type(page)
            .objects.filter(translation_key=page.translation_key)
            .select_related("locale")
            .order_by("pk")
        )
        page._network_translations = cached
    return cached


def originals(pages):
    """{page pk: that page as first written} for pages of one model, in one query."""
    pages = list(pages)
    if not pages:
        return {}
    keys = {page.translation_key for page in pages}
    first = {}
    for candidate in type(pages[0]).objects.filter(translation_key__in=keys).order_by("-pk"):
        first[candidate.translation_key] = candidate  # the smallest pk comes last and stays
    return {page.pk: first.get(page.translation_key, page) for page in pages}


def original(page):
    """The page as first written (read with its translations, once per page object)."""
    found = translations(page)
    return found[0] if found else page


def untranslated_original(page):
    """The page as first written, when `page` is a synced version (wagtail-localize) with strings
    not translated yet; None for an original, a version made by hand or one fully translated. The
    slug is left out: readers do not read it. Read once per page object."""
    if "_network_untranslated" not in page.__dict__:
        source = original(page)
        pending = None
        if source.pk != page.pk:
            translated = StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=page.locale_id,
                has_error=False,
            )
            pending = (
                StringSegment.objects.filter(
                    source__object_id=page.translation_key,
                    source__locale_id=source.locale_id,
                    source__translations__target_locale_id=page.locale_id,
                    source__translations__enabled=True,
                )
                .exclude(context__path="slug")
                .exclude(Exists(translated))
            )
        page._network_untranslated = source if pending is not None and pending.exists() else None
    return page._network_untranslated


def content_language(page):
    """The language a page's content is in: its own locale's once translated, else the original's
    (for the `lang` attribute)."""
    found = untranslated_original(page) or page
    return next(
        (p.locale.language_code for p in translations(found) if p.pk == found.pk),
        found.locale.language_code,
    )
