from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page

from network_pages.access import can_view
from network_pages.directory import rules as directory_rules
from network_pages.information_requests.models import Marking

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages, or to their home when it is not translated."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in Page.objects.filter(translation_key=page.translation_key)
            .exclude(pk=page.pk)
            .live()
            .select_related("locale")
        }
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        translated = True
        if isinstance(page, Page):
            other = translations.get(code)
            if other is not None and can_view(request.user, other):
                url = other.url
            else:
                url, translated = f"/{code}/", False
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "translated": translated})
    return {"links": links, "current": current}


@register.simple_tag(takes_context=True)
def can_edit_profile(context, person):
    return directory_rules.can_edit_profile(context["request"].user, person)


@register.simple_tag(takes_context=True)
def may_view(context, obj):
    """`{% may_view obj as visible %}`: the access policy, for embedded files and the like."""
    request = context.get("request")
    return request is not None and obj is not None and can_view(request.user, obj)


@register.simple_tag
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def marking_label(code):
    """The translated label of a handling marking stored as a code (e.g. in a revision)."""

    return Marking(code).label if code in Marking.values else ""
