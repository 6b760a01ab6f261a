from django.utils.functional import SimpleLazyObject

from network_pages.access import Level, level
from network_pages.intranet.sections import sections_for


def network(request):
    user_level = level(request.user)
    sections = SimpleLazyObject(lambda: sections_for(request.user))
    return {
        "network_level": int(user_level),
        "in_network": user_level >= Level.EXPERT,
        "is_network_member": user_level >= Level.MEMBER,
        # [(section, url)] for the header; {key: url} for the links back to a section.
        "network_sections": sections,
        "network_section_urls": SimpleLazyObject(
            lambda: {section.key: url for section, url in sections}
        ),
    }
