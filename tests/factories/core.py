"""Any page: publishing it, and translating it the way an editor does."""


def translate(page, locale, title):
    """The page copied into `locale` under `title` and published, as the translate action does."""
    translation = page.copy_for_translation(locale, copy_parents=False)
    translation.title = title
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page
