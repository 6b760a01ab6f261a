"""The member directory (R7) and national networks (R9): views behind DirectoryPage's routes.

The page itself is served through the access policy; each view also requires a full network member
(invited experts never see contact details, even on a page granted to them).
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.log_actions import log

import vobject

from network_pages import access
from network_pages.accounts.models import (
    Designation,
    MemberProfile,
    MemberState,
    NationalNetworkActor,
)
from network_pages.core.downloads import attachment, csv_attachment
from network_pages.core.languages import language_name
from network_pages.core.roles import MEMBER_GROUPS
from network_pages.core.routing import render_subpage
from network_pages.core.typed import typed_query
from network_pages.directory import rules
from network_pages.directory.forms import NationalNetworkActorForm, ProfileForm


def _require_member(request):
    if not access.is_member(request.user):
        raise PermissionDenied


def _search(queryset, query, names):
    """Every word must match one of the named fields (a person's names or institution)."""
    for term in query.split():
        matches = Q()
        for name in names:
            matches |= Q(**{f"{name}__icontains": term})
        queryset = queryset.filter(matches)
    return queryset


def current_members(state=None, query="", *, roles=False):
    """Every active member (SRSG, Office, correspondents), with or without a profile yet; with
    their groups when `roles` (the Office's edit links ask each person's role)."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=MEMBER_GROUPS)
        .select_related("profile", "profile__member_state")
        .distinct()
    )
    if roles:
        users = users.prefetch_related("groups")
    if state is not None:
        users = users.filter(profile__member_state=state)
    return _search(users, query, ["first_name", "last_name", "profile__institution"])


def former_members(state=None, query=""):
    designations = (
        Designation.objects.ended()
        .filter(user__is_active=False)
        .select_related("user", "member_state")
        .order_by("member_state_id", "user__last_name", "-ends_on")
    )
    if state is not None:
        designations = designations.filter(member_state=state)
    seen, former = set(), []
    names = ["user__first_name", "user__last_name", "institution"]
    for designation in _search(designations, query, names):
        if designation.user_id not in seen:
            seen.add(designation.user_id)
            former.append(designation)
    return former


def _profile(user):
    try:
        return user.profile
    except MemberProfile.DoesNotExist:
        return MemberProfile(user=user)


def _entry(member=None, designation=None):
    """One line of the directory, whether a current member or a former correspondent."""
    if member is not None:
        user, profile = member, _profile(member)
        state = profile.member_state
        institution, position = profile.institution, profile.position
        phone, languages = profile.phone, profile.working_languages
    else:
        user, state = designation.user, designation.member_state
        institution, position, phone, languages = (
            designation.institution,
            designation.position,
            "",
            [],
        )
    return {
        "user": user,
        "name": user.get_full_name() or user.get_username(),
        "sort_name": (user.last_name.lower(), user.first_name.lower()),
        "state": state,
        "institution": institution,
        "position": position,
        "email": user.email if designation is None else "",
        "phone": phone,
        "languages": [language_name(code) for code in languages],
        "former": designation is not None,
        "ended_on": designation.ends_on if designation is not None else None,
    }


def directory_entries(state=None, query="", *, roles=False):
    entries = [_entry(member=user) for user in current_members(state, query, roles=roles)]
    entries += [_entry(designation=d) for d in former_members(state, query)]
    return entries


def grouped(entries):
    """[(state or None for the SRSG and the Office, [current...], [former...])], by state name."""
    groups = {}
    for entry in entries:
        groups.setdefault(entry["state"], ([], []))[1 if entry["former"] else 0].append(entry)
    result = []
    for state, (current, former) in groups.items():
        current.sort(key=lambda e: e["sort_name"])
        former.sort(key=lambda e: e["sort_name"])
        result.append((state, current, former))
    result.sort(key=lambda group: (group[0] is not None, group[0].name if group[0] else ""))
    return result


def _filters(request):
    code = request.GET.get("state", "").upper()
    state = MemberState.objects.filter(code=code).first() if code else None
    return state, typed_query(request.GET.get("q", ""))


def index(request, page):
    _require_member(request)
    state, query = _filters(request)
    entries = directory_entries(state, query, roles=access.is_editor(request.user))
    states = sorted(MemberState.objects.all(), key=lambda s: s.name)
    return render_subpage(
        request,
        page,
        "network_pages/directory/index.html",
        groups=grouped(entries),
        states=states,
        selected_state=state,
        query=query,
        count=len(entries),
        query_string=request.GET.urlencode(),
    )


def csv_export(request, page):
    _require_member(request)
    state, query = _filters(request)
    rows = [
        [
            _("Member state"),
            _("Name"),
            _("Status"),
            _("Ministry or institution"),
            _("Position"),
            _("E-mail"),
            _("Phone"),
            _("Working languages"),
        ]
    ]
    for _state, current, former in grouped(directory_entries(state, query)):
        for entry in current + former:
            status = _("Former correspondent") if entry["former"] else _("Member")
            row = [
                entry["state"].name if entry["state"] else _("SRSG and Office"),
                entry["name"],
                status,
                entry["institution"],
                entry["position"],
                entry["email"],
                entry["phone"],
                ", ".join(entry["languages"]),
            ]
            rows.append(row)
    return csv_attachment(rows, "network-directory.csv")


def _directory_entry(user_id):
    member = current_members().filter(pk=user_id).first()
    if member is not None:
        return _entry(member=member)
    designation = Designation.objects.ended().filter(user_id=user_id, user__is_active=False)
    designation = designation.select_related("user", "member_state").order_by("-ends_on").first()
    if designation is None:
        raise Http404
    return _entry(designation=designation)


def vcard(request, page, user_id):
    _require_member(request)
    entry = _directory_entry(user_id)
    user = entry["user"]
    card = vobject.vCard()
    card.add("n").value = vobject.vcard.Name(family=user.last_name, given=user.first_name)
    card.add("fn").value = entry["name"]
    if entry["email"]:
        email = card.add("email")
        email.value = entry["email"]
        email.type_param = "WORK"
    if entry["phone"]:
        phone = card.add("tel")
        phone.value = entry["phone"]
        phone.type_param = "WORK"
    if entry["institution"]:
        card.add("org").value = [entry["institution"]]
    if entry["position"]:
        card.add("title").value = entry["position"]
    if entry["state"]:
        card.add("note").value = entry["state"].name
    filename = slugify(entry["name"]) or f"member-{user.pk}"
    return attachment(card.serialize(), "text/vcard; charset=utf-8", f"{filename}.vcf")


def edit_own_profile(request, page):
    return edit_profile(request, page, request.user.pk)


def edit_profile(request, page, user_id):
    _require_member(request)
    from django.contrib.auth import get_user_model

    person = get_object_or_404(get_user_model(), pk=user_id)
    if not rules.can_edit_profile(request.user, person):
        raise PermissionDenied
    profile = MemberProfile.objects.filter(user=person).first() or MemberProfile(user=person)
    office = access.is_editor(request.user) and person.pk != request.user.pk
    form = ProfileForm(request.POST or None, instance=profile, office=office)
    conflict = None
    if request.method == "POST" and form.is_valid():
        conflict = save_unless_changed(form, MemberProfile, profile.pk, form.save)
        if conflict is None:
            log(profile, "network.profile.edit", user=request.user)
            messages.success(request, _("The profile has been saved."))
            return redirect(page.url + page.reverse_subpage("index"))
        form = _kept(form, conflict, ProfileForm, office=office)
    return render_subpage(
        request,
        page,
        "network_pages/directory/profile_form.html",
        form=form,
        person=person,
        conflict=conflict,
    )


def save_unless_changed(form, model, pk, save):
    """Save through `save()` unless someone saved the entry since the form was opened (its
    version moved on): then nothing is saved and the entry as it now stands is returned, for the
    conflict screen. The row is locked meanwhile, so two saves at once cannot both pass."""
    with transaction.atomic():
        if pk is not None:
            current = model.objects.select_for_update().get(pk=pk)
            if current.version != (form.cleaned_data.get("version") or 0):
                return current
        saved = save()
        model.objects.filter(pk=saved.pk).update(version=F("version") + 1)
    return None


def _kept(form, current, form_class, **kwargs):
    """The form again with what the user typed, now on the version saved meanwhile (so that
    saving again keeps their text on top of it), the reason, and the saved entry's values."""
    fields = form_class(instance=current, **kwargs).fields  # read before the form fills `current`
    saved = [
        (field.label, _shown(current, name))
        for name, field in fields.items()
        if not field.widget.is_hidden
    ]
    data = form.data.copy()
    data["version"] = str(current.version)
    kept = form_class(data, instance=current, **kwargs)
    kept.is_valid()
    kept.add_error(
        None,
        _(
            "Someone else saved this entry while you were editing it: nothing of yours is lost. "
            "Their version is shown below; check your changes, then save again."
        ),
    )
    kept.saved_values = saved
    return kept


def _shown(entry, name):
    """An entry's value as a person reads it (a profile's person fields are the user's)."""
    for source in (entry, getattr(entry, "user", None)):
        if source is None or not hasattr(source, name):
            continue
        display = getattr(source, f"get_{name}_display", None)
        value = display() if display is not None else getattr(source, name)
        if isinstance(value, list):
            value = ", ".join(value)
        return value if value not in (None, "") else "—"
    return "—"


def _state(code):
    return get_object_or_404(MemberState, code=code.upper())


def state(request, page, code):
    _require_member(request)
    member_state = _state(code)
    entries = directory_entries(member_state, roles=access.is_editor(request.user))
    current = sorted((e for e in entries if not e["former"]), key=lambda e: e["sort_name"])
    former = sorted((e for e in entries if e["former"]), key=lambda e: e["sort_name"])
    return render_subpage(
        request,
        page,
        "network_pages/directory/state.html",
        member_state=member_state,
        current=current,
        former=former,
        actors=member_state.network_actors.all(),
        can_edit_network=rules.can_edit_national_network(request.user, member_state),
    )


def _state_url(page, member_state):
    return page.url + page.reverse_subpage("state", kwargs={"code": member_state.code})


def edit_actor(request, page, code, actor_id=None):
    _require_member(request)
    member_state = _state(code)
    if not rules.can_edit_national_network(request.user, member_state):
        raise PermissionDenied
    actor = None
    if actor_id is not None:
        actor = get_object_or_404(NationalNetworkActor, pk=actor_id, member_state=member_state)
    form = NationalNetworkActorForm(request.POST or None, instance=actor)
    conflict = None
    if request.method == "POST" and form.is_valid():

        def save():
            saved = form.save(commit=False)
            saved.member_state = member_state
            saved.recorded_by = saved.recorded_by or request.user
            saved.save()
            return saved

        conflict = save_unless_changed(form, NationalNetworkActor, actor_id, save)
        if conflict is None:
            log(form.instance, "network.actor.save", user=request.user)
            messages.success(request, _("The national network has been updated."))
            return redirect(_state_url(page, member_state))
        form = _kept(form, conflict, NationalNetworkActorForm)
    return render_subpage(
        request,
        page,
        "network_pages/directory/actor_form.html",
        form=form,
        member_state=member_state,
        actor=actor,
        conflict=conflict,
    )


def delete_actor(request, page, code, actor_id):
    _require_member(request)
    member_state = _state(code)
    if not rules.can_edit_national_network(request.user, member_state):
        raise PermissionDenied
    actor = get_object_or_404(NationalNetworkActor, pk=actor_id, member_state=member_state)
    if request.method == "POST":
        return _delete_actor(request, page, actor)
    return render_subpage(
        request,
        page,
        "network_pages/directory/actor_delete.html",
        member_state=member_state,
        actor=actor,
    )


@require_POST
def _delete_actor(request, page, actor):
    log(actor, "network.actor.delete", user=request.user)
    member_state = actor.member_state
    actor.delete()
    messages.success(request, _("The actor has been removed from the national network."))
    return redirect(_state_url(page, member_state))
