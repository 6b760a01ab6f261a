"""The intranet's main sections, linked from every page's header: each domain registers its own
with the `register_intranet_sections` hook (a list of `Section`), so no central file names them.

A section is a list page of the intranet (one per language tree); a user sees the link to the
section in the tree of the page's language when the access policy lets them see that page.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language

from wagtail import hooks
from wagtail.models import Page

from network_pages.access import Level, can_view, level


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    page_model: type
    order: int


def section_types():
    hooked = hooks.get_hooks("register_intranet_sections")
    return sorted((section for register in hooked for section in register()), key=lambda s: s.order)


def sections_for(user, language=None):
    """[(section, url)] of the sections the user may see, in the tree of `language` (the active
    one by default): one query for all of them."""
    if level(user) < Level.EXPERT:
        return []
    types = section_types()
    if not types:
        return []
    content_types = ContentType.objects.get_for_models(
        *(section.page_model for section in types), for_concrete_models=False
    )
    pages = (
        Page.objects.live()
        .filter(
            locale__language_code=language or get_language(),
            content_type__in=list(content_types.values()),
        )
        .only("title", "content_type", "live", "path", "url_path")
    )
    by_type = {page.content_type_id: page for page in pages}
    found = []
    for section in types:
        page = by_type.get(content_types[section.page_model].pk)
        if page is not None and can_view(user, page):
            found.append((section, page.url))
    return found
