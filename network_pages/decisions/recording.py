"""Recording a decision of the Network and correcting it: Wagtail's create and edit actions for
`Decision`, which say who recorded it and log the project's own audit actions (registered for the
model in `hooks.py`, so the admin's views and any code that records a decision go through them)."""

from wagtail.actions import CreateAction, EditAction

RECORD = "network.decision.record"
EDIT = "network.decision.edit"


class RecordDecision(CreateAction):
    def __init__(self, instance, user=None, **kwargs):
        kwargs.setdefault("log_action", RECORD)
        super().__init__(instance, user=user, **kwargs)

    def execute(self, skip_permission_checks=False):
        # The form leaves `recorded_by` out: it is whoever records the decision.
        if self.user is not None:
            self.instance.recorded_by = self.user
        return super().execute(skip_permission_checks=skip_permission_checks)


class CorrectDecision(EditAction):
    def __init__(self, instance, user=None, **kwargs):
        kwargs.setdefault("log_action", EDIT)
        super().__init__(instance, user=user, **kwargs)
