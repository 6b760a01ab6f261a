"""Released pages (§3.3): the lists under the public homes, and a released page as the release's
finish function will publish it (the only act the publish lock lets through)."""

from home.models import ReleasedPage, ReleaseIndexPage
from network_pages.core.publish_lock import project_act
from tests.factories.core import translate


def release_index(language="en"):
    return ReleaseIndexPage.objects.get(locale__language_code=language)


def make_released(title="Alternatives to detention in three states", *, live=True, french=None):
    """A released page under the English list: published as the project publishes it when
    `live`, with its French version under `french` (a title) when given."""
    page = ReleasedPage(title=title, summary=f"What the network found on {title.lower()}.")
    release_index("en").add_child(instance=page)
    revision = page.save_revision()
    if live:
        with project_act():
            revision.publish()
            if french:
                translate(page, release_index("fr").locale, french)
    page.refresh_from_db()
    return page
