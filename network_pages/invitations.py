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
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.log_actions import log

from network_pages import access
from network_pages.models import Invitation
from network_pages.notifications import notify
from network_pages.people import activation_url, create_person, find_person
from network_pages.requests import active_members_of
from network_pages.roles import EXPERTS, OFFICE
from network_pages.translations import original
from network_pages.views import render_subpage

Status = Invitation.Status


class NotInvitable(Exception):
    pass


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

    def __init__(self, *args, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session

    def clean_email(self):
        email = self.cleaned_data["email"]
        person = find_person(email)
        problem = why_not_invitable(person)
        if problem is None and person is not None and self.session is not None:
            problem = already_invited(self.session, person)
        if problem:
            raise forms.ValidationError(problem)
        return email


def why_not_invitable(person):
    """None when the account may be given an invitation; otherwise why not. An invitation never
    switches an account on, nor reaches one that holds any other role: that would hand back
    whatever the account could do before."""
    if person is None:
        return None
    other_groups = person.groups.exclude(name=EXPERTS)
    if person.is_superuser or person.is_staff or other_groups.exists():
        return _("This person is a member of the network: they see every session already.")
    if not person.is_active:
        return _(
            "This account is switched off: the Office must switch it on in the admin before "
            "inviting the person."
        )
    return None


def already_invited(source, person):
    """Why `person` cannot be invited to `source` (the session as first written) again."""
    theirs = Invitation.objects.filter(session=source, user=person)
    pending = theirs.filter(status=Status.NOMINATED) | theirs.current()
    if pending.exists():
        return _("This person is already invited to this session, or nominated for it.")
    return None


def why_not_open(session, kind):
    """None when the session (as first written, specific) takes experts of this kind; otherwise
    why not."""
    if session.is_over:
        return _("The session is over: nobody can be invited to it any more.")
    if session.kind != "thematic":
        return _("A plenary session is closed-door: experts are invited to thematic sessions.")
    if kind == Invitation.Kind.EXTERNAL and not session.external_participants:
        return _(
            "This session has no external participants: tick “with external participants” on "
            "the session first."
        )
    if kind == Invitation.Kind.NATIONAL and not session.accepts_national_experts:
        return _("This session does not take national experts.")
    return None


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
    problem = why_not_invitable(user)
    if problem:
        raise NotInvitable(problem)
    user.groups.add(Group.objects.get(name=EXPERTS))
    access.grant(user, invitation.session, by=by, tell=False)
    context = {"invitation": invitation, "session": invitation.session.specific}
    if not user.has_usable_password():
        context["activation_url"] = activation_url(user)
    notify([user], "expert_invitation", context)


@transaction.atomic
def invite(session, people, *, ends_on, organisation="", by):
    """The Office invites external experts: each gets an account and the session."""
    source = original(session).specific
    problem = why_not_open(source, Invitation.Kind.EXTERNAL)
    if problem:
        raise NotInvitable(problem)
    invitations = []
    for data in people:
        invitation = Invitation.objects.create(
            session=source,
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
    source = original(session).specific
    problem = why_not_open(source, Invitation.Kind.NATIONAL)
    if problem:
        raise NotInvitable(problem)
    invitation = Invitation.objects.create(
        session=source,
        user=_person(data),
        kind=Invitation.Kind.NATIONAL,
        organisation=data.get("organisation", ""),
        position=data.get("position", ""),
        member_state=member_state,
        status=Status.NOMINATED,
        ends_on=source.last_day,
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
        return None
    problem = why_not_open(
        invitation.session.specific, Invitation.Kind.NATIONAL
    ) or why_not_invitable(invitation.user)
    if problem:
        raise NotInvitable(problem)
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
    still = (
        Invitation.objects.current()
        .filter(user=invitation.user, session=invitation.session)
        .exclude(pk=invitation.pk)
    )
    if not still.exists():
        access.revoke(invitation.user, invitation.session, by=by)


@transaction.atomic
def withdraw(invitation, *, by):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status in (Status.WITHDRAWN, Status.ENDED):
        return None
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
    due = Invitation.objects.past_end(today)
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


def invitations_view(request, page):
    """The Office's list of a session's invitations and nominations, and its invitation form."""
    if not access.is_editor(request.user):
        raise PermissionDenied
    source = original(page).specific
    closed = why_not_open(source, Invitation.Kind.EXTERNAL)
    form = InvitationForm(request.POST or None, initial={"ends_on": source.last_day})
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
            by=request.user,
        )
        messages.success(
            request,
            _("Invited: %(names)s.")
            % {"names": ", ".join(str(invitation.user) for invitation in invitations)},
        )
        return redirect(page.url + page.reverse_subpage("invitations"))
    invitations = Invitation.objects.filter(session=source).select_related(
        "user", "member_state", "nominated_by"
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


@require_POST
def decide_view(request, page, pk, decision):
    if not access.is_editor(request.user):
        raise PermissionDenied
    invitation = get_object_or_404(Invitation, pk=pk, session=original(page))
    if decision == "confirm":
        try:
            done = confirm(invitation, by=request.user)
        except NotInvitable as refusal:
            messages.error(request, str(refusal))
            done = True
        else:
            if done:
                messages.success(request, _("%(name)s is invited.") % {"name": invitation.user})
    else:
        done = withdraw(invitation, by=request.user)
        if done:
            messages.success(
                request, _("The invitation of %(name)s is withdrawn.") % {"name": invitation.user}
            )
    if not done:
        messages.info(request, _("Nothing changed: the invitation was decided already."))
    return redirect(page.url + page.reverse_subpage("invitations"))


class NominationForm(PersonForm):
    organisation = forms.CharField(
        label=gettext_lazy("administration"), max_length=255, required=False
    )


def nominate_view(request, page):
    """A correspondent nominates a national expert of their administration."""
    state = access.single_state(request.user)
    if access.level(request.user) != access.Level.MEMBER or state is None:
        raise PermissionDenied
    source = original(page).specific
    closed = why_not_open(source, Invitation.Kind.NATIONAL)
    if closed:
        messages.error(request, closed)
        return redirect(page.url)
    form = NominationForm(request.POST or None, session=source)
    if request.method == "POST" and form.is_valid():
        invitation = nominate(source, form.cleaned_data, member_state=state, by=request.user)
        messages.success(
            request,
            _("%(name)s is proposed to the Office, which will confirm the invitation.")
            % {"name": invitation.user},
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
