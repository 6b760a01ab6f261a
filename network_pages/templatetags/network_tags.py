from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from network_pages.access import can_view
from network_pages.core.markings import Marking
from network_pages.core.translations import content_language, translations, untranslated_original
from network_pages.directory import rules as directory_rules

register = template.Library()


@register.simple_tag
def colon():
    """The colon after a label, as the active language writes it (French puts a no-break space
    before it): `{% translate "Place" %}{% colon %} Strasbourg`."""
    return pgettext("typography: a colon after a label", ":")


# What the policy and a link ask of a translation.
SWITCHER_FIELDS = ("live", "path", "url_path", "content_type", "locale__language_code")


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages, or to their home when it is not translated."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    others = {}
    if isinstance(page, Page) and page.pk:
        # As the page's view read them for the page as first written (core.translations), or
        # else only the fields a link needs; one translation per locale at most.
        found = translations(page, read=False)
        if found is None:
            found = (
                Page.objects.filter(translation_key=page.translation_key)
                .select_related("locale")
                .only(*SWITCHER_FIELDS)
            )
        others = {
            other.locale.language_code: other
            for other in found
            if other.pk != page.pk and other.live
        }
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        translated = True
        if isinstance(page, Page):
            other = others.get(code)
            if other is not None and can_view(request.user, other):
                url = other.url
            else:
                url, translated = f"/{code}/", False
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "translated": translated})
    return {"links": links, "current": current}


@register.simple_tag(takes_context=True)
def subpage_url(context, page, url_name, *args, **kwargs):
    """Wagtail's `routablepageurl` (a routable page's sub-route), with the page's own URL worked
    out once per request and language, so that a list of links costs one."""
    request = context["request"]
    base_urls = request.__dict__.setdefault("_network_page_urls", {})
    key = page.pk, get_language()
    if key not in base_urls:
        base_url = page.relative_url(Site.find_for_request(request), request)
        base_urls[key] = base_url if base_url.endswith("/") else base_url + "/"
    return base_urls[key] + page.reverse_subpage(url_name, args=args, kwargs=kwargs)


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


@register.inclusion_tag("includes/version_notice.html")
def version_notice(page):
    """'Not yet translated: original in English' on a version whose strings are not all
    translated, linking to the original."""
    source = untranslated_original(page) if isinstance(page, Page) and page.pk else None
    if source is None:
        return {}
    code = content_language(page)
    notices = {
        "en": _("Not yet translated: original in English"),
        "fr": _("Not yet translated: original in French"),
    }
    return {"original": source, "code": code, "notice": notices.get(code)}


@register.simple_tag
def page_language(page):
    """The language of the page's content, for its `lang` attribute (core.translations)."""
    return content_language(page)
