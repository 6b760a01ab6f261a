"""The practices' signal handlers: Wagtail's own workflow e-mails stay off for the contributions'
workflow (the project tells people itself, in their language, without admin links), and a
contribution published from the admin is recorded as published."""

from django.dispatch import receiver

from wagtail.admin import signal_handlers as stock
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected, workflow_submitted

from network_pages.practices import contributions
from network_pages.practices.models import BestPracticePage

# Wagtail's workflow e-mails, by the dispatch_uid it connects them with.
STOCK_EMAILS = [
    (workflow_submitted, stock.workflow_submission_email_notifier, "workflow_state_submitted"),
    (workflow_rejected, stock.workflow_rejection_email_notifier, "workflow_state_rejected"),
    (workflow_approved, stock.workflow_approval_email_notifier, "workflow_state_approved"),
]


def unless_contribution(notifier):
    """Wagtail's notifier, for every workflow but the contributions' one."""

    def send(sender, instance, **kwargs):
        if not contributions.reviews(instance.workflow):
            notifier(sender=sender, instance=instance, **kwargs)

    return send


def connect():
    """Put each stock notifier back behind `unless_contribution`, under its own dispatch_uid: if
    Wagtail's admin connects later, Django keeps the first receiver of a dispatch_uid."""
    for signal, notifier, name in STOCK_EMAILS:
        uid = f"{name}_email_notification"
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(
            unless_contribution(notifier), sender=WorkflowState, dispatch_uid=uid, weak=False
        )


@receiver(page_published, sender=BestPracticePage, dispatch_uid="network_practice_published")
def practice_published(sender, instance, revision=None, **kwargs):
    contributions.published(instance, by=getattr(revision, "user", None))
