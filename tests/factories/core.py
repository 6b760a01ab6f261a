"""Any page: publishing it, and translating it the way an editor does."""

from wagtail_localize.models import TranslationSource

from network_pages.intranet.versions import synced, translate_strings


def translate(page, locale, title):
    """The page in `locale`, under `title`, published.

    An intranet item published in code already has its synced version: the title is translated as
    the Office does in wagtail-localize's editor, and the version updated. Other pages (public
    pages, pages built without publishing) are copied into `locale` by hand, as Wagtail's
    translate action does.
    """
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    if source is not None and synced(source, locale) is not None:
        return translate_strings(page, locale, {page.title: title})
    translation = page.copy_for_translation(locale, copy_parents=False)
    translation.title = title
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page
