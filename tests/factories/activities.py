"""Council of Europe activities: the committees (a bilingual snippet) and the Office's news of
their work, under the list of each intranet root."""

from network_pages.activities.models import ActivityIndexPage, ActivityUpdatePage, Committee


def activity_index(language="en"):
    return ActivityIndexPage.objects.get(locale__language_code=language)


def committee(acronym, name_en, name_fr, url=""):
    """The committee named `name_en` (made with the other names the first time)."""
    found, _created = Committee.objects.get_or_create(
        name_en=name_en, defaults={"acronym": acronym, "name_fr": name_fr, "url": url}
    )
    return found


def make_activity(
    title="Committee of Ministers' meeting on migration",
    *,
    language="en",
    committee=None,
    held_on=None,
    summary=None,
    live=True,
):
    """An activity under the list of `language`, published (with its version in the other
    language) unless `live` is False."""
    page = ActivityUpdatePage(
        title=title,
        committee=committee,
        held_on=held_on,
        summary=summary or f"Summary of {title}.",
        live=False,
    )
    activity_index(language).add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page
