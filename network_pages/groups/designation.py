"""Recording a rapporteur in the admin: Wagtail's create and edit actions for `Rapporteur`
(registered for the model in `hooks.py`). When the Office sets the decision of the Network that
designates a volunteer, the rapporteur becomes designated, the act is logged and they are told."""

from wagtail.actions import CreateAction, EditAction

from network_pages.groups.membership import designated
from network_pages.groups.models import Rapporteur

Status = Rapporteur.Status


class _Designation:
    def execute(self, skip_permission_checks=False):
        rapporteur = self.instance
        previous = (
            Rapporteur.objects.filter(pk=rapporteur.pk).values_list("status", flat=True).first()
        )
        if rapporteur.decision_id and rapporteur.status == Status.VOLUNTEERED:
            rapporteur.status = Status.DESIGNATED
        newly = rapporteur.status == Status.DESIGNATED and previous != Status.DESIGNATED
        if newly:
            rapporteur.designated_by = self.user
        result = super().execute(skip_permission_checks=skip_permission_checks)
        if newly:
            designated(rapporteur, by=self.user)
        return result


class RecordRapporteur(_Designation, CreateAction):
    pass


class CorrectRapporteur(_Designation, EditAction):
    pass
