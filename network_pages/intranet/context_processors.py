from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from wagtail.models import Page

from network_pages.access import Level, level
from network_pages.directory.models import DirectoryPage


def _directory_url():
    # Only its URL is needed: the tree's row (its url_path), not the directory's own fields.
    page = (
        Page.objects.live()
        .type(DirectoryPage)
        .filter(locale__language_code=get_language())
        .only("url_path")
        .first()
    )
    return page.url if page else ""


def network(request):
    user_level = level(request.user)
    return {
        "network_level": int(user_level),
        "in_network": user_level >= Level.EXPERT,
        "is_network_member": user_level >= Level.MEMBER,
        "directory_url": SimpleLazyObject(_directory_url),
    }
