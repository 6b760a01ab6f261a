"""The working methods' and objectives' signal handlers, connected by the app's ready() before the
intranet's versions (which publish a text's versions after its original): every publication of a
text is a revision. An original published from the admin (not through the revision form) gets its
record, with no summary yet; a version published in another language joins the text's current
revision, so that its wording at that revision stays readable."""

from django.dispatch import receiver

from wagtail.log_actions import get_active_log_context
from wagtail.models import Page
from wagtail.signals import page_published

from network_pages.methods.models import ObjectivesPage, WorkingMethodsPage
from network_pages.methods.revisions import attach_version, record_publication


@receiver(page_published, sender=WorkingMethodsPage, dispatch_uid="network_methods_published")
@receiver(page_published, sender=ObjectivesPage, dispatch_uid="network_objectives_published")
def text_published(sender, instance, revision=None, **kwargs):
    if revision is None or not instance.live:
        return  # scheduled for later: recorded when it goes live
    # Read from the database, not the instance's cached translations: the version being written
    # may not have existed when they were read.
    source = Page.objects.filter(translation_key=instance.translation_key).order_by("pk").first()
    if source.pk != instance.pk:
        attach_version(source, revision)
        return
    # Who published: the admin's user; for scheduled publishing, whoever saved the revision.
    by = get_active_log_context().user or getattr(revision, "user", None)
    record_publication(instance, revision, by=by)
