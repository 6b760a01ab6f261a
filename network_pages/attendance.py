"""Who attends a session (§4.1-4.2): each state registers its participants, in person or online;
the Office sees the whole list, with the invited experts, and exports it (CSV, XLSX).

A state's correspondents see and change their own state's registrations only; the Office those
of every state.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.log_actions import log

from network_pages import access
from network_pages.downloads import csv_attachment
from network_pages.models import Attendance, Invitation, MemberState
from network_pages.translations import original
from network_pages.views import render_subpage, state_to_act_for


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["name", "email", "position", "mode"]
        widgets = {"mode": forms.RadioSelect}


def register_view(request, page, code=None):
    state = state_to_act_for(request.user, code)
    source = original(page)
    is_open = not source.specific.is_over
    form = AttendanceForm(request.POST or None)
    if request.method == "POST" and not is_open:
        form.is_valid()  # keep what was typed
        form.add_error(None, _("The session is over: registrations are closed."))
    elif request.method == "POST" and form.is_valid():
        participant = form.save(commit=False)
        participant.email = participant.email.lower()
        participant.session, participant.member_state = source, state
        participant.registered_by = request.user
        try:
            with transaction.atomic():
                participant.save()
        except IntegrityError:
            form.add_error("email", _("This e-mail address is already registered for the session."))
        else:
            log(source, "network.attendance.register", user=request.user, data=_data(participant))
            messages.success(request, _("%(name)s is registered.") % {"name": participant.name})
            return redirect(request.path)
    participants = Attendance.objects.filter(session=source, member_state=state)
    return render_subpage(
        request,
        page,
        "network_pages/sessions/attendance.html",
        form=form,
        participants=participants,
        member_state=state,
        is_open=is_open,
    )


@require_POST
def unregister_view(request, page, pk):
    source = original(page)
    participant = get_object_or_404(Attendance, pk=pk, session=source)
    if not access.speaks_for_state(request.user, participant.member_state_id):
        raise PermissionDenied
    if source.specific.is_over:
        messages.error(request, _("The session is over: registrations are closed."))
    else:
        participant.delete()
        log(source, "network.attendance.unregister", user=request.user, data=_data(participant))
        messages.success(
            request, _("%(name)s is no longer registered.") % {"name": participant.name}
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = page.url
    return redirect(target)


def _data(participant):
    return {"state": participant.member_state.code, "email": participant.email}


def participants(page):
    """(registrations, invited experts) of a session, for the Office."""
    source = original(page)
    registrations = Attendance.objects.filter(session=source).select_related("member_state")
    # Experts who were invited (their invitation may have ended since), not withdrawn ones.
    experts = Invitation.objects.filter(
        session=source, status__in=[Invitation.Status.CONFIRMED, Invitation.Status.ENDED]
    ).select_related("user", "member_state")
    ordered = sorted(registrations, key=lambda p: (p.member_state.name, p.name.lower()))
    return ordered, list(experts)


def rows(page):
    """The participants list as rows: the header first, in the user's language."""
    registrations, experts = participants(page)
    table = [[_("Member state"), _("Name"), _("E-mail"), _("Position"), _("Attends"), _("As")]]
    for p in registrations:
        table.append(
            [p.member_state.name, p.name, p.email, p.position, p.get_mode_display(), _("delegate")]
        )
    for invitation in experts:
        state = invitation.member_state.name if invitation.member_state_id else ""
        position = ", ".join(filter(None, [invitation.position, invitation.organisation]))
        table.append(
            [
                state,
                str(invitation.user),
                invitation.user.email,
                position,
                "",
                invitation.get_kind_display(),
            ]
        )
    return table


def participants_view(request, page, export=None):
    if not access.is_editor(request.user):
        raise PermissionDenied
    if export is None:
        registrations, experts = participants(page)
        return render_subpage(
            request,
            page,
            "network_pages/sessions/participants.html",
            registrations=registrations,
            experts=experts,
            in_person=sum(1 for p in registrations if p.mode == Attendance.Mode.IN_PERSON),
            online=sum(1 for p in registrations if p.mode == Attendance.Mode.ONLINE),
            states=MemberState.objects.order_by("name_en"),
        )
    from network_pages import exports

    table = rows(page)
    filename = f"{page.slug}-participants.{export}"
    if export == "csv":
        return csv_attachment(table, filename)
    if export == "xlsx":
        return exports.table_xlsx(page.title, table, filename)
    raise Http404
