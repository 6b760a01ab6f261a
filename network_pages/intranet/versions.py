"""Every intranet item in both language trees (§4.6, MISSION R18).

When an intranet page is published in one language, its version in the other language is made or
brought up to date at once, as a synced wagtail-localize translation: a real page in the other
tree that holds the original's text wherever a string is not translated yet. wagtail-localize's
own records (a `TranslationSource` for the original, an enabled `Translation` per other locale)
keep its editor working, so the strings the Office translates there survive the original's later
edits. One function does it (`sync_versions`), wherever a page is published: in the admin or in
code. It runs only from a page's original (a version never spawns another) and after the domain's
own publish handlers (a request opens on its original), inside the original's transaction.

Left alone: a translation made by hand before this mechanism (no `Translation` record) and one
whose synchronisation the Office stopped ("Stop synced translation": the record is disabled).
Unpublishing or deleting an original does the same to the versions that follow it.
"""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import pre_delete

from wagtail.models import Locale, Page
from wagtail.signals import page_published, page_unpublished
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from network_pages.core.publish_lock import project_act
from network_pages.core.translations import is_original
from network_pages.intranet.models import IntranetHomePage


def is_item(page):
    """Is `page` an intranet item: a page below one of the intranet roots (which exist in every
    language from the start)?"""
    roots = IntranetHomePage.objects.values_list("path", flat=True)
    return any(page.path.startswith(root) and len(page.path) > len(root) for root in roots)


def synced(source, locale):
    """The enabled `Translation` of `source` into `locale`, or None."""
    return Translation.objects.filter(source=source, target_locale=locale, enabled=True).first()


@transaction.atomic
def sync_versions(page, *, user=None):
    """Make or update the versions of the intranet item `page` in the other languages, and publish
    them (a draft original's versions stay drafts). Returns the versions written."""
    page._network_versions_synced = True  # the publish signal that follows has nothing to do
    page = page.specific
    if not is_item(page) or not is_original(page):
        return []
    source, _created = TranslationSource.update_or_create_from_instance(page)
    written = []
    for locale in Locale.objects.exclude(pk=page.locale_id):
        existing = page.get_translation_or_none(locale)
        translation = synced(source, locale)
        if existing is not None and translation is None:
            continue  # made by hand, or handed to the Office for good
        if translation is None:
            translation, _created = Translation.objects.update_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
        parent = page.get_parent().specific
        if parent.get_translation_or_none(locale) is None:
            sync_versions(parent, user=user)  # its version first, never an alias
        # A version follows its original, whose publication was checked: writing and publishing
        # it is the project's act, whoever published the original (save_target writes a live
        # version's row).
        with project_act():
            translation.save_target(user=user, publish=False)
            version = page.get_translation(locale)
            if page.live:
                version.get_latest_revision().publish(user=user, skip_permission_checks=True)
        written.append(version)
    return written


@transaction.atomic
def translate_strings(page, locale, translations, *, user=None):
    """Translate strings of the intranet item `page` into `locale` as the Office does in
    wagtail-localize's editor: each of the page's strings whose text is a key of `translations`
    gets that key's value; then its version is brought up to date. Returns the version."""
    sync_versions(page, user=user)
    source = TranslationSource.objects.get_for_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = translations.get(segment.string.data)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
    sync_versions(page, user=user)
    return page.get_translation(locale)


def missing_versions():
    """Live intranet items as first written that lack a version in another language: every
    translation of the live items read in one query, however many there are."""
    locales = set(Locale.objects.values_list("pk", flat=True))
    roots = IntranetHomePage.objects.values_list("path", "depth")
    below = [Q(path__startswith=path, depth__gt=depth) for path, depth in roots]
    if not below:
        return []
    items = Page.objects.live().filter(reduce(or_, below))
    first, held = {}, defaultdict(set)
    for key, pk, locale_id in Page.objects.filter(
        translation_key__in=items.values("translation_key")
    ).values_list("translation_key", "pk", "locale_id"):
        first[key] = min(pk, first.get(key, pk))
        held[key].add(locale_id)
    return [
        page.specific
        for page in items.order_by("path")
        if first[page.translation_key] == page.pk and held[page.translation_key] != locales
    ]


def follow_publication(sender, instance, revision=None, **kwargs):
    if not instance.__dict__.pop("_network_versions_synced", False):
        sync_versions(instance, user=getattr(revision, "user", None))


def synced_versions(page):
    """The versions of `page` that follow it: those its enabled `Translation`s write."""
    targets = Translation.objects.filter(
        source__object_id=page.translation_key, source__locale_id=page.locale_id, enabled=True
    ).values("target_locale_id")
    return (
        Page.objects.filter(translation_key=page.translation_key, locale_id__in=targets)
        .exclude(pk=page.pk)
        .specific()
    )


def follow_unpublication(sender, instance, **kwargs):
    if is_item(instance) and is_original(instance):
        for version in synced_versions(instance):
            if version.live:
                version.unpublish()


def follow_deletion(sender, instance, **kwargs):
    if instance.pk and is_item(instance) and is_original(instance):
        for version in synced_versions(instance):
            version.delete()


def connect():
    """Connected by the app's ready(), after every domain's own handlers, which run first."""
    page_published.connect(follow_publication, dispatch_uid="network_versions_publish")
    page_unpublished.connect(follow_unpublication, dispatch_uid="network_versions_unpublish")
    pre_delete.connect(follow_deletion, sender=Page, dispatch_uid="network_versions_delete")
