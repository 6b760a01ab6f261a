"""The views behind the routes of a session page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.log_actions import log

from network_pages import access
from network_pages.accounts.members import by_state
from network_pages.accounts.models import MemberState
from network_pages.accounts.rules import state_to_act_for
from network_pages.core import spreadsheets as exports
from network_pages.core.downloads import attachment, csv_attachment
from network_pages.core.routing import render_subpage
from network_pages.core.translations import original
from network_pages.sessions import agenda, calendar
from network_pages.sessions.attendance import log_data, participants, rows
from network_pages.sessions.convocations import (
    ConvocationRefused,
    convocation_deadline,
    office_facts,
    recipients_of,
    send_convocation,
)
from network_pages.sessions.forms import (
    AdoptionForm,
    AttendanceForm,
    ConfirmationForm,
    ConsultationForm,
    ConvocationForm,
    DeclineForm,
    InvitationForm,
    NominationForm,
    PeopleFormSet,
    SuggestionForm,
)
from network_pages.sessions.invitations import (
    NotInvitable,
    account_for,
    confirm,
    invite,
    nominate,
    views_sought,
    withdraw,
)
from network_pages.sessions.models import AgendaSuggestion, Attendance, Convocation, Invitation
from network_pages.sessions.rules import (
    can_nominate,
    can_register,
    proposes_the_agenda,
    why_not_open,
)


def page_context(page, request, context):
    """What a session's page shows its user: the agenda, the papers they may open, the Office's
    facts, an invited expert's items, and what the user may do there."""
    context["agenda"] = page.numbered_agenda()
    context["papers"] = [
        paper
        for paper in page.papers.select_related("document__collection")
        if access.can_view(request.user, paper.document)
    ]
    context["approval"] = approval = agenda.approval_of(page)
    if access.is_editor(request.user):
        context["office"] = office_facts(page)
        context["approval_stale"] = approval is not None and not agenda.is_current(
            approval, original(page).specific
        )
    if access.level(request.user) == access.Level.EXPERT:
        context["invited_expert"] = True
        context["views_sought"] = views_sought(request.user, page)
    context["can_register"] = can_register(request.user)
    if access.is_member(request.user):
        context["consultation"] = agenda.consultation_of(page)
        context["proposes_the_agenda"] = proposes_the_agenda(request.user)
    context["today"] = timezone.localdate()
    context["can_nominate"] = can_nominate(request.user, page)
    return context


def convene_view(request, page):
    if not access.is_editor(request.user):
        raise PermissionDenied
    source = original(page)
    form = ConvocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            convocation = send_convocation(
                source, by=request.user, override_reason=form.cleaned_data["override_reason"]
            )
        except ConvocationRefused as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            count = convocation.recipients.count()
            messages.success(
                request,
                ngettext(
                    "The convocation was sent to %(count)s person.",
                    "The convocation was sent to %(count)s people.",
                    count,
                )
                % {"count": count},
            )
            return redirect(page.url)
    people = recipients_of(source)
    grouped, others = by_state(people)
    recipients = [(state.name, names) for state, names in grouped]
    if others:
        recipients.append((_("Invited"), others))
    return render_subpage(
        request,
        page,
        "network_pages/sessions/convene.html",
        form=form,
        approval=agenda.approval_of(source),
        agenda=page.numbered_agenda(),
        last_compliant_date=convocation_deadline(source),
        today=timezone.localdate(),
        recipients=recipients,
        recipient_count=len(people),
        last_sent=Convocation.objects.filter(session=source, changes_dates=False)
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first(),
    )


def ical_view(request, page):
    """The session as an iCalendar event (all-day dates), for the user's own calendar."""
    return attachment(
        calendar.session_calendar(page, request.build_absolute_uri(page.url)),
        "text/calendar; charset=utf-8",
        f"{page.slug}.ics",
    )


def invitations_view(request, page):
    """The Office's list of a session's invitations and nominations, and its invitation form."""
    if not access.is_editor(request.user):
        raise PermissionDenied
    source = original(page).specific
    closed = why_not_open(source, Invitation.Kind.EXTERNAL)
    form = InvitationForm(
        request.POST or None, initial={"ends_on": source.last_day}, session=source
    )
    people = PeopleFormSet(request.POST or None, prefix="people", form_kwargs={"session": source})
    if request.method == "POST" and closed:
        form.is_valid()  # keep what was typed
        form.add_error(None, closed)
    elif request.method == "POST" and form.is_valid() and people.is_valid():
        chosen = [person.cleaned_data for person in people if person.has_changed()]
        invitations = invite(
            source,
            chosen,
            ends_on=form.cleaned_data["ends_on"],
            organisation=form.cleaned_data["organisation"],
            agenda_items=form.cleaned_data["agenda_items"],
            papers=form.cleaned_data.get("papers", ()),
            by=request.user,
        )
        messages.success(
            request,
            _("Invited: %(names)s.")
            % {"names": ", ".join(invitation.name for invitation in invitations)},
        )
        return redirect(page.url + page.reverse_subpage("invitations"))
    invitations = (
        Invitation.objects.filter(session=source)
        .select_related("user", "member_state", "nominated_by")
        .prefetch_related("agenda_items", "papers__document")
    )
    numbers = source.agenda_numbers()
    for invitation in invitations:
        invitation.item_numbers = sorted(
            numbers[item.pk] for item in invitation.agenda_items.all() if item.pk in numbers
        )
    return render_subpage(
        request,
        page,
        "network_pages/sessions/invitations.html",
        form=form,
        people=people,
        invitations=invitations,
        today=timezone.localdate(),
        closed=closed,
    )


def _decided_already(request, page):
    messages.info(request, _("Nothing changed: the invitation was decided already."))
    return redirect(page.url + page.reverse_subpage("invitations"))


def confirm_view(request, page, pk):
    """The Office confirms a nomination: it sees whether the address has an account (which then
    keeps its names) or checks the names the new account will have."""
    if not access.is_editor(request.user):
        raise PermissionDenied
    invitation = get_object_or_404(Invitation, pk=pk, session=original(page))
    if invitation.status != Invitation.Status.NOMINATED:
        return _decided_already(request, page)
    person, problem = account_for(invitation)
    form = None  # an existing account keeps its own names
    if person is None:
        initial = {
            name: getattr(invitation, name) for name in ("first_name", "last_name", "language")
        }
        form = ConfirmationForm(request.POST or None, initial=initial)
    if request.method == "POST" and not problem and (form is None or form.is_valid()):
        try:
            done = confirm(invitation, names=form.cleaned_data if form else {}, by=request.user)
        except NotInvitable as refusal:
            problem = str(refusal)
        else:
            if not done:
                return _decided_already(request, page)
            messages.success(request, _("%(name)s is invited.") % {"name": done.name})
            return redirect(page.url + page.reverse_subpage("invitations"))
    return render_subpage(
        request,
        page,
        "network_pages/sessions/confirm_nomination.html",
        invitation=invitation,
        person=person,
        problem=problem,
        form=form,
    )


@require_POST
def withdraw_view(request, page, pk):
    if not access.is_editor(request.user):
        raise PermissionDenied
    invitation = get_object_or_404(Invitation, pk=pk, session=original(page))
    if not withdraw(invitation, by=request.user):
        return _decided_already(request, page)
    messages.success(
        request, _("The invitation of %(name)s is withdrawn.") % {"name": invitation.name}
    )
    return redirect(page.url + page.reverse_subpage("invitations"))


def nominate_view(request, page):
    """A correspondent nominates a national expert of their administration."""
    if not can_register(request.user):
        raise PermissionDenied
    state = access.single_state(request.user)
    source = original(page).specific
    closed = why_not_open(source, Invitation.Kind.NATIONAL)
    if closed:
        messages.error(request, closed)
        return redirect(page.url)
    form = NominationForm(request.POST or None, session=source, member_state=state)
    if request.method == "POST" and form.is_valid():
        invitation = nominate(source, form.cleaned_data, member_state=state, by=request.user)
        messages.success(
            request,
            _("%(name)s is proposed to the Office, which will confirm the invitation.")
            % {"name": invitation.name},
        )
        return redirect(page.url)
    nominations = Invitation.objects.filter(session=source, member_state=state).select_related(
        "user"
    )
    return render_subpage(
        request,
        page,
        "network_pages/sessions/nominate.html",
        form=form,
        nominations=nominations,
        member_state=state,
    )


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
            log(
                source, "network.attendance.register", user=request.user, data=log_data(participant)
            )
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
        log(source, "network.attendance.unregister", user=request.user, data=log_data(participant))
        messages.success(
            request, _("%(name)s is no longer registered.") % {"name": participant.name}
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = page.url
    return redirect(target)


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

    table = rows(page)
    filename = f"{page.slug}-participants.{export}"
    if export == "csv":
        return csv_attachment(table, filename)
    if export == "xlsx":
        return exports.table_xlsx(page.title, table, filename)
    raise Http404


def consultation_view(request, page):
    """The Office opens the consultation on the agenda, then follows the states' suggestions."""
    if not access.is_editor(request.user):
        raise PermissionDenied
    source = original(page).specific
    consultation = agenda.consultation_of(source)
    form = ConsultationForm(request.POST or None, session=source)
    if request.method == "POST" and consultation is None and form.is_valid():
        try:
            agenda.open_consultation(
                source, closes_on=form.cleaned_data["closes_on"], by=request.user
            )
        except agenda.ConsultationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The correspondents are consulted on the agenda."))
            return redirect(request.path)
    suggestions = (
        consultation.suggestions.select_related("member_state", "suggested_by", "document")
        if consultation
        else []
    )
    return render_subpage(
        request,
        page,
        "network_pages/sessions/consultation.html",
        consultation=consultation,
        form=form,
        suggestions=suggestions,
        today=timezone.localdate(),
        can_decide=proposes_the_agenda(request.user),
        approval=agenda.approval_of(source),
    )


def suggest_view(request, page):
    """A correspondent suggests agenda items on behalf of their state while the consultation is
    open, and sees their state's suggestions and their outcome."""
    if not can_register(request.user):
        raise PermissionDenied
    state = access.single_state(request.user)
    consultation = agenda.consultation_of(page)
    if consultation is None:
        messages.error(request, _("The Office has not opened a consultation on this agenda."))
        return redirect(page.url)
    is_open = consultation.is_open()
    form = SuggestionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and not is_open:
        form.is_valid()  # keep what was typed
        form.add_error(None, _("The consultation on this agenda is closed."))
    elif request.method == "POST" and form.is_valid():
        try:
            suggestion = agenda.suggest(
                consultation, form.cleaned_data, member_state=state, by=request.user
            )
        except agenda.ConsultationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _("“%(title)s” is suggested on behalf of %(state)s.")
                % {"title": suggestion.title, "state": state.with_article},
            )
            return redirect(request.path)
    return render_subpage(
        request,
        page,
        "network_pages/sessions/suggest.html",
        consultation=consultation,
        form=form,
        is_open=is_open,
        member_state=state,
        suggestions=consultation.suggestions.filter(member_state=state).select_related("document"),
        decided=consultation.suggestions.exclude(member_state=state)
        .exclude(status=AgendaSuggestion.Status.PENDING)
        .select_related("member_state", "document"),
    )


def suggestion_view(request, page, pk):
    """The SRSG accepts a state's suggestion (it joins the draft agenda) or declines it with a
    reason."""
    if not proposes_the_agenda(request.user):
        raise PermissionDenied
    suggestion = get_object_or_404(
        AgendaSuggestion.objects.select_related("member_state", "consultation", "document"),
        pk=pk,
        consultation__session=original(page),
    )
    back = page.url + page.reverse_subpage("agenda_consultation")
    decision = request.POST.get("decision")
    form = DeclineForm(request.POST if decision == "decline" else None)
    if request.method == "POST" and decision in ("accept", "decline"):
        if decision == "accept":
            done = agenda.accept(suggestion, by=request.user)
        elif form.is_valid():
            done = agenda.decline(suggestion, reason=form.cleaned_data["reason"], by=request.user)
        else:
            done = False
        if done is None:
            messages.info(request, _("Nothing changed: the suggestion was decided already."))
            return redirect(back)
        if done:
            messages.success(
                request,
                _("“%(title)s”: %(outcome)s. The correspondents %(of_state)s are told.")
                % {
                    "title": done.title,
                    "outcome": done.get_status_display(),
                    "of_state": done.member_state.of_name,
                },
            )
            return redirect(back)
    return render_subpage(
        request,
        page,
        "network_pages/sessions/suggestion.html",
        suggestion=suggestion,
        form=form,
        back=back,
    )


def approval_view(request, page):
    """The SRSG approves the draft agenda as it stands, once every suggestion is decided."""
    if not proposes_the_agenda(request.user):
        raise PermissionDenied
    source = original(page).specific
    approval = agenda.approval_of(source)
    if approval is not None:
        approval.stale = not agenda.is_current(approval, source)
    if request.method == "POST" and (approval is None or approval.stale):
        try:
            agenda.approve(source, by=request.user)
        except agenda.ApprovalRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _(
                    "The draft agenda is approved. The Office is told that it may convene the "
                    "session."
                ),
            )
            return redirect(page.url)
    consultation = agenda.consultation_of(source)
    return render_subpage(
        request,
        page,
        "network_pages/sessions/approve_agenda.html",
        agenda=page.numbered_agenda(),
        approval=approval,
        consultation=consultation,
        refusal=agenda.why_not_approve(source) if approval is None or approval.stale else None,
    )


def adoption_view(request, page):
    """The Office records the day the session adopted its agenda."""
    if not access.is_editor(request.user):
        raise PermissionDenied
    source = original(page).specific
    approval = agenda.approval_of(source)
    today = timezone.localdate()
    initial = {"adopted_on": min(max(today, source.starts_on), source.last_day)}
    form = AdoptionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            agenda.record_adoption(
                source, adopted_on=form.cleaned_data["adopted_on"], by=request.user
            )
        except agenda.ApprovalRefused as refusal:
            form.add_error("adopted_on", str(refusal))
        else:
            messages.success(request, _("The agenda's adoption is recorded."))
            return redirect(page.url)
    return render_subpage(
        request,
        page,
        "network_pages/sessions/adoption.html",
        form=form,
        approval=approval,
        agenda=page.numbered_agenda(),
    )
