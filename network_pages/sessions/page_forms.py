"""The sessions' admin form (R10, R11): moving the first day of a convened session re-checks the
notice of 30 working days.

When the session as first written has been convened and its first day moves away from the one
the last convocation announced, the new first day must still leave 30 working days' notice from
today. A plenary that does not is refused, saying what was convened, by when the notice had to go
and the earliest compliant first day, unless the Office gives a reason, which the audit log keeps
(`DATE_CHANGE_ACTION`; a reason given once for that first day, since the last notice, holds for
later saves). Thematic sessions are not refused, as their convocation is not. Telling those
convened is done at publication (`convocations.send_new_dates`).

The reason is logged when the page is really saved (a draft or a revision: the sessions' signals
call `log_pending_date_change`), never when a preview saves the form without saving the page.

The models' module imports this one: the form reaches the convocations through the session.
"""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.log_actions import log

from network_pages.core.translations import original
from network_pages.sessions.working_days import (
    CONVOCATION_WORKING_DAYS,
    earliest_compliant_opening,
    last_compliant_date,
)

DATE_CHANGE_ACTION = "network.session.date_change"
PENDING = "_network_date_change"  # on the page the form saved, until the page itself is saved


def _date(day):
    return date_format(day, "DATE_FORMAT")


class SessionPageForm(WagtailAdminPageForm):
    date_change_reason = forms.CharField(
        label=gettext_lazy("Reason for a late change of the first day"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Only needed when a convened plenary moves to a first day less than 30 working days "
            "away; kept in the audit log."
        ),
    )
    late_date_change = None  # what clean() found to log: a late first day, with its reason

    def clean(self):
        cleaned = super().clean()
        self.late_date_change = None
        starts_on = cleaned.get("starts_on")
        page = self.instance
        if starts_on is None or page.pk is None:
            return cleaned
        source = original(page)
        if source.pk != page.pk:  # the dates announced are the original's
            return cleaned
        announced = source.convocations.first()
        if announced is None or announced.starts_on in (None, starts_on):
            return cleaned
        today = timezone.localdate()
        deadline = last_compliant_date(starts_on)
        if today <= deadline:
            return cleaned
        reason = (cleaned.get("date_change_reason") or "").strip()
        given = announced.date_change_reason(starts_on)  # logged for this first day already
        if reason and reason != given:  # the same again (an autosave) is not logged twice
            self.late_date_change = {
                "old": announced.starts_on.isoformat(),
                "new": starts_on.isoformat(),
                "last_compliant_date": deadline.isoformat(),
                "reason": reason,
            }
        elif not reason and not given and page.kind == page.Kind.PLENARY:
            self.add_error("starts_on", self.refusal(announced.starts_on, starts_on, today))
        return cleaned

    @staticmethod
    def refusal(announced, starts_on, today):
        return _(
            "The session was convened for %(announced)s. A plenary is convened at least "
            "%(days)s working days ahead: for a first day on %(date)s the notice had to go by "
            "%(deadline)s; the earliest first day compliant today is %(earliest)s. Choose that "
            "day or later, or give the reason for the late change."
        ) % {
            "announced": _date(announced),
            "days": CONVOCATION_WORKING_DAYS,
            "date": _date(starts_on),
            "deadline": _date(last_compliant_date(starts_on)),
            "earliest": _date(earliest_compliant_opening(today)),
        }

    def save(self, commit=True):
        if self.late_date_change:
            self.instance.__dict__[PENDING] = (self.for_user, self.late_date_change)
        return super().save(commit=commit)


def log_pending_date_change(page):
    """Once `page` is saved, log the late change of its first day that its form accepted with a
    reason (if any), once."""
    pending = page.__dict__.pop(PENDING, None)
    if pending:
        user, data = pending
        log(page, DATE_CHANGE_ACTION, user=user, data=data)
