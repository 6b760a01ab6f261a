"""A thematic group's page, first published, gets its members' group and its workspace."""

from django.dispatch import receiver

from wagtail.signals import page_published

from network_pages.groups import membership
from network_pages.groups.models import ThematicGroupPage


@receiver(page_published, sender=ThematicGroupPage, dispatch_uid="network_group_published")
def group_published(sender, instance, revision=None, **kwargs):
    membership.set_up(instance, by=getattr(revision, "user", None))
