"""Records shared by every translation of a page (a request's answers, a session's invitations
and attendance) hang on the page as first written: the translation with the smallest pk, of
which the others are copies. It stays the same whatever translations come later."""


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
    return originals([page])[page.pk]
