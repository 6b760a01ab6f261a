"""Records shared by every translation of a page (a request's answers, a session's invitations
and attendance) hang on the page as first written: the translation with the smallest pk, of
which the others are copies. It stays the same whatever translations come later."""


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
