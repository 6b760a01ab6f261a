"""The sessions' signal handlers, connected by the app's ready() (before the intranet's versions,
which follow every domain's own handlers): a convened session published with other dates tells
those convened. Publishing from the editor, a workflow's approval and scheduled publishing all
send Wagtail's `page_published`. A late change of the first day, accepted with a reason, is logged
once the page is saved."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.log_actions import get_active_log_context
from wagtail.signals import page_published

from network_pages.core.translations import original
from network_pages.sessions.convocations import send_new_dates
from network_pages.sessions.models import PlenarySessionPage, ThematicSessionPage
from network_pages.sessions.page_forms import log_pending_date_change


@receiver(post_save, sender=PlenarySessionPage, dispatch_uid="network_session_saved_plenary")
@receiver(post_save, sender=ThematicSessionPage, dispatch_uid="network_session_saved_thematic")
def session_saved(sender, instance, **kwargs):
    log_pending_date_change(instance)


@receiver(page_published, sender=PlenarySessionPage, dispatch_uid="network_session_dates_plenary")
@receiver(page_published, sender=ThematicSessionPage, dispatch_uid="network_session_dates_thematic")
def session_published(sender, instance, revision=None, **kwargs):
    if original(instance).pk != instance.pk:
        return  # a version follows its original, which told people already
    # Who published: the admin's user (an approver too); for scheduled publishing, whoever
    # saved the revision.
    by = get_active_log_context().user or getattr(revision, "user", None)
    send_new_dates(instance, by=by)
