"""Lists of intranet items that show each item once, as its reader reads it (ARCHITECTURE.md, "Two
languages, one network"): an item is listed as first written (`core.translations.first_written`,
filtered and cut to one page in the database), then shown in the reader's language when they may
read a version in it, else as first written and labelled with its language."""

from django.core.paginator import Paginator

from network_pages import access
from network_pages.core.translations import first_written

PER_PAGE = 20


def readable_originals(user, queryset):
    """The pages of `queryset` the user may read, each item once: as first written."""
    return first_written(access.viewable(user, queryset))


def page_of(request, originals):
    """The page of `originals` the request asks for (`?page=`), PER_PAGE items a page."""
    return Paginator(originals, PER_PAGE).get_page(request.GET.get("page"))


def as_read(user, originals, code, *, related=()):
    """Each of `originals` (pages of one model) as a reader of `code` reads it: its version in
    `code` when the user may read one, else itself. `.original` is the page as first written,
    `.language` the language its text is in (a version whose strings are not translated yet
    still reads as its original). One query for the versions, with `related` selected."""
    originals = list(originals)
    if not originals:
        return []
    model = type(originals[0])
    candidates = model.objects.filter(
        translation_key__in=[page.translation_key for page in originals],
        locale__language_code=code,
    )
    versions = {
        version.translation_key: version
        for version in access.viewable(user, candidates).select_related("locale", *related)
    }
    pages = []
    for page in originals:
        version = versions.get(page.translation_key, page)
        version.original = page
        translated = version.pk == page.pk or version.title != page.title
        version.language = version.locale.language_code if translated else page.locale.language_code
        pages.append(version)
    return pages
