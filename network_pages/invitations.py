"""Experts invited to one session (R2; §1.2, §4.2).

The Office invites external experts (a person, or several people of one organisation); a state's
correspondent nominates national experts of their administration for a thematic session, and the
Office confirms them, credited to that state. A confirmed invitation makes the person an invited
expert and grants them that session alone (`access.grant`): they see it, its papers, and on the
intranet home only what they are invited to; every other intranet URL answers 403. Access ends
when the invitation is withdrawn, or at once after its end date (the policy ignores a lapsed
invitation's grant; `manage.py end_invitations` then revokes it for good).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.log_actions import log
from wagtail.models import Page

from network_pages import access
from network_pages.models import Invitation, MemberState
from network_pages.notifications import notify
from network_pages.people import activation_url, create_person, find_person
from network_pages.requests import active_members_of
from network_pages.roles import EXPERTS, OFFICE
from network_pages.sessions import original

Status = Invitation.Status


class PersonForm(forms.Form):
    first_name = forms.CharField(label=gettext_lazy("first name"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("last name"), max_length=150)
    email = forms.EmailField(label=gettext_lazy("e-mail address"))
    language = forms.ChoiceField(
        label=gettext_lazy("preferred language"),
        choices=[("en", gettext_lazy("English")), ("fr", gettext_lazy("French"))],
        initial="en",
    )
    position = forms.CharField(label=gettext_lazy("position"), max_length=255, required=False)

    def clean_email(self):
        email = self.cleaned_data["email"]
        person = find_person(email)
        if person is not None and access.level(person) >= access.Level.MEMBER:
            raise forms.ValidationError(
                _("This person is a member of the network: they see every session already.")
            )
        return email


class BasePeopleFormSet(forms.BaseFormSet):
    def clean(self):
        emails = [
            form.cleaned_data["email"].lower()
            for form in self.forms
            if form.has_changed() and "email" in getattr(form, "cleaned_data", {})
        ]
        if len(emails) != len(set(emails)):
            raise forms.ValidationError(_("The same e-mail address is given twice."))
        if not emails and not any(form.errors for form in self.forms):
            raise forms.ValidationError(_("Give at least one person to invite."))


PeopleFormSet = forms.formset_factory(PersonForm, formset=BasePeopleFormSet, extra=3, max_num=20)


class InvitationForm(forms.Form):
    organisation = forms.CharField(
        label=gettext_lazy("organisation"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("When several people of one organisation are invited."),
    )
    ends_on = forms.DateField(
        label=gettext_lazy("access until"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("The invitation, and the access it gives, end after this day."),
    )

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on < timezone.localdate():
            raise forms.ValidationError(_("The end date cannot be in the past."))
        return ends_on


def _person(data):
    person = find_person(data["email"])
    if person is None:
        person = create_person(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            language=data["language"],
        )
    return person


def open_invitation(invitation, *, by):
    """Make the person an invited expert with access to the session, and tell them."""
    user = invitation.user
    user.groups.add(Group.objects.get(name=EXPERTS))
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    access.grant(user, invitation.session, by=by, tell=False)
    context = {"invitation": invitation, "session": invitation.session.specific}
    if not user.has_usable_password():
        context["activation_url"] = activation_url(user)
    notify([user], "expert_invitation", context)


@transaction.atomic
def invite(session, people, *, ends_on, organisation="", by):
    """The Office invites external experts: each gets an account and the session."""
    invitations = []
    for data in people:
        invitation = Invitation.objects.create(
            session=original(session),
            user=_person(data),
            kind=Invitation.Kind.EXTERNAL,
            organisation=organisation,
            position=data.get("position", ""),
            status=Status.CONFIRMED,
            ends_on=ends_on,
            decided_by=by,
            decided_at=timezone.now(),
        )
        open_invitation(invitation, by=by)
        log(invitation.session, "network.invitation.invite", user=by, data=_data(invitation))
        invitations.append(invitation)
    return invitations


@transaction.atomic
def nominate(session, data, *, member_state, by):
    """A correspondent proposes a national expert; the Office decides."""
    invitation = Invitation.objects.create(
        session=original(session),
        user=_person(data),
        kind=Invitation.Kind.NATIONAL,
        organisation=data.get("organisation", ""),
        position=data.get("position", ""),
        member_state=member_state,
        status=Status.NOMINATED,
        ends_on=session.last_day,
        nominated_by=by,
    )
    log(invitation.session, "network.invitation.nominate", user=by, data=_data(invitation))
    notify(
        active_members_of(OFFICE),
        "expert_nominated",
        {"invitation": invitation, "session": invitation.session.specific},
    )
    return invitation


@transaction.atomic
def confirm(invitation, *, by):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Status.NOMINATED:
        return invitation
    invitation.status, invitation.decided_by, invitation.decided_at = (
        Status.CONFIRMED,
        by,
        timezone.now(),
    )
    invitation.save(update_fields=["status", "decided_by", "decided_at"])
    open_invitation(invitation, by=by)
    log(invitation.session, "network.invitation.confirm", user=by, data=_data(invitation))
    return invitation


def close_access(invitation, *, by=None):
    """Revoke the session unless another current invitation still opens it to the person."""
    still = Invitation.objects.filter(
        user=invitation.user,
        session=invitation.session,
        status=Status.CONFIRMED,
        ends_on__gte=timezone.localdate(),
    ).exclude(pk=invitation.pk)
    if not still.exists():
        access.revoke(invitation.user, invitation.session, by=by)


@transaction.atomic
def withdraw(invitation, *, by):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status in (Status.WITHDRAWN, Status.ENDED):
        return invitation
    was_open = invitation.status == Status.CONFIRMED
    invitation.status, invitation.decided_by, invitation.decided_at = (
        Status.WITHDRAWN,
        by,
        timezone.now(),
    )
    invitation.save(update_fields=["status", "decided_by", "decided_at"])
    if was_open:
        close_access(invitation, by=by)
    log(invitation.session, "network.invitation.withdraw", user=by, data=_data(invitation))
    return invitation


def end_due_invitations(today=None):
    """Close the invitations whose end date has passed; returns how many (daily, from cron)."""
    today = today or timezone.localdate()
    due = Invitation.objects.filter(status=Status.CONFIRMED, ends_on__lt=today)
    count = 0
    for invitation in due.select_related("user", "session"):
        with transaction.atomic():
            invitation.status = Status.ENDED
            invitation.save(update_fields=["status"])
            close_access(invitation)
            log(invitation.session, "network.invitation.end", data=_data(invitation))
        count += 1
    return count


def _data(invitation):
    return {
        "person": invitation.user.get_username(),
        "kind": invitation.kind,
        "state": invitation.member_state.code if invitation.member_state_id else None,
        "ends_on": invitation.ends_on.isoformat(),
    }


# Views (routes of the session page)


def _render(request, page, template, **context):
    full = Page.get_context(page, request)
    full.update(context)
    return TemplateResponse(request, template, full)


def invitations_view(request, page):
    """The Office's list of a session's invitations and nominations, and its invitation form."""
    if not access.is_editor(request.user):
        raise PermissionDenied
    form = InvitationForm(request.POST or None, initial={"ends_on": page.last_day})
    people = PeopleFormSet(request.POST or None, prefix="people")
    if request.method == "POST" and form.is_valid() and people.is_valid():
        chosen = [person.cleaned_data for person in people if person.has_changed()]
        invitations = invite(
            page,
            chosen,
            ends_on=form.cleaned_data["ends_on"],
            organisation=form.cleaned_data["organisation"],
            by=request.user,
        )
        messages.success(
            request,
            _("Invited: %(names)s.")
            % {"names": ", ".join(str(invitation.user) for invitation in invitations)},
        )
        return redirect(page.url + page.reverse_subpage("invitations"))
    invitations = Invitation.objects.filter(session=original(page)).select_related(
        "user", "member_state", "nominated_by"
    )
    return _render(
        request,
        page,
        "network_pages/sessions/invitations.html",
        form=form,
        people=people,
        invitations=invitations,
        today=timezone.localdate(),
    )


@require_POST
def decide_view(request, page, pk, decision):
    if not access.is_editor(request.user):
        raise PermissionDenied
    invitation = get_object_or_404(Invitation, pk=pk, session=original(page))
    if decision == "confirm":
        confirm(invitation, by=request.user)
        messages.success(request, _("%(name)s is invited.") % {"name": invitation.user})
    else:
        withdraw(invitation, by=request.user)
        messages.success(
            request, _("The invitation of %(name)s is withdrawn.") % {"name": invitation.user}
        )
    return redirect(page.url + page.reverse_subpage("invitations"))


class NominationForm(PersonForm):
    organisation = forms.CharField(
        label=gettext_lazy("administration"), max_length=255, required=False
    )


def nominate_view(request, page):
    """A correspondent nominates a national expert of their administration."""
    states = MemberState.objects.filter(pk__in=access.state_ids(request.user))
    if access.level(request.user) != access.Level.MEMBER or len(states) != 1:
        raise PermissionDenied
    if not page.accepts_national_experts:
        messages.error(request, _("This session does not take national experts."))
        return redirect(page.url)
    form = NominationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = nominate(page, form.cleaned_data, member_state=states[0], by=request.user)
        messages.success(
            request,
            _("%(name)s is proposed to the Office, which will confirm the invitation.")
            % {"name": invitation.user},
        )
        return redirect(page.url)
    nominations = Invitation.objects.filter(
        session=original(page), member_state=states[0]
    ).select_related("user")
    return _render(
        request,
        page,
        "network_pages/sessions/nominate.html",
        form=form,
        nominations=nominations,
        member_state=states[0],
    )
