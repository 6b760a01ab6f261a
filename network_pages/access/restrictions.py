"""Keep view restrictions identical across a page's translations.

A restriction added, changed or removed on one page is mirrored, groups included, to every
translation of that page. Each write is skipped when the translation already matches, so
mirroring terminates.

A groups restriction saved without groups is transient (the admin form saves the row before its
groups; wagtail-localize's sync creates one without groups): it is never pushed, it takes the groups
of its translations instead, so mirroring cannot shut everyone out.
"""

from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.log_actions import log
from wagtail.models import Page, PageViewRestriction

# Pages being deleted in this context: their restrictions go with them, and must not be mirrored.
_pages_being_deleted = ContextVar("pages_being_deleted", default=frozenset())


def _translations(page_id, translation_key):
    return Page.objects.filter(translation_key=translation_key).exclude(pk=page_id)


def _group_ids(restriction):
    return set(restriction.groups.values_list("pk", flat=True))


def push_restriction(source):
    group_ids = _group_ids(source)
    for page in _translations(source.page_id, source.page.translation_key):
        target = PageViewRestriction.objects.filter(page=page).first() or PageViewRestriction(
            page=page
        )
        changed = target.pk is None
        for field in ("restriction_type", "password"):
            if getattr(target, field) != getattr(source, field):
                setattr(target, field, getattr(source, field))
                changed = True
        if changed:
            # Groups first in memory is impossible for a new row: save, then set its groups.
            target.save()
        if _group_ids(target) != group_ids:
            target.groups.set(group_ids)
            changed = True
        if changed:
            log(page, "network.restriction.mirror", data={"source_page": source.page_id})


def _pull_groups(restriction):
    peer = (
        PageViewRestriction.objects.filter(
            page__translation_key=restriction.page.translation_key,
            restriction_type=PageViewRestriction.GROUPS,
            groups__isnull=False,
        )
        .exclude(pk=restriction.pk)
        .first()
    )
    if peer is not None:
        restriction.groups.set(_group_ids(peer))


@receiver(post_save, sender=PageViewRestriction)
def restriction_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if instance.restriction_type == PageViewRestriction.GROUPS and not _group_ids(instance):
        _pull_groups(instance)
    else:
        push_restriction(instance)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, reverse=False, **kwargs):
    if reverse or action not in ("post_add", "post_remove", "post_clear"):
        return
    if _group_ids(instance) or instance.restriction_type != PageViewRestriction.GROUPS:
        push_restriction(instance)


@receiver(pre_delete)
def page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _pages_being_deleted.set(_pages_being_deleted.get() | {instance.pk})


@receiver(post_delete, sender=PageViewRestriction)
def restriction_deleted(sender, instance, **kwargs):
    if instance.page_id in _pages_being_deleted.get():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    for translation in _translations(page.pk, page.translation_key):
        for restriction in PageViewRestriction.objects.filter(page=translation):
            restriction.delete()
            log(translation, "network.restriction.mirror", data={"source_page": page.pk})


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    # The base row goes last, after the specific row and the restrictions.
    _pages_being_deleted.set(_pages_being_deleted.get() - {instance.pk})
