"""The practices' views on the intranet: contribute, "My contributions", read and edit a draft,
the list's export, and the Office's hiding of a contribution. Every one asks `practices.rules`
(the page's own access check has run before)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from network_pages import access
from network_pages.core.downloads import csv_attachment
from network_pages.core.languages import active_language
from network_pages.core.routing import render_subpage
from network_pages.core.translations import content_language, original
from network_pages.groups import rules as group_rules
from network_pages.practices import contributions, listing, rules
from network_pages.practices.forms import (
    ContributionForm,
    EditContributionForm,
    HideForm,
)
from network_pages.practices.models import BestPracticePage, Contribution
from network_pages.release import rules as release_rules

TEMPLATES = "network_pages/practices/"


def index_view(request, index):
    """The list of good practices, with its filters (`practices.listing`)."""
    return render_subpage(request, index, index.template, **listing.context(request, index))


def practice_view(request, page):
    """A good practice, with the attachments the user may fetch (each file's owner read with
    it) and, for the Office, the way to hide a contribution."""
    attachments = page.attachments.select_related("document").prefetch_related("document__owner")
    return render_subpage(
        request,
        page,
        page.template,
        attachments=[a for a in attachments if access.can_view(request.user, a.document)],
        content_lang=content_language(page),
        can_hide=rules.can_hide(request.user, original(page)),
        can_release=release_rules.can_propose_practice(request.user, original(page).specific),
    )


def contribute_view(request, index):
    """A correspondent writes a practice: kept as a draft, or sent to the Office at once."""
    if not rules.can_contribute(request.user):
        raise PermissionDenied
    states = list(access.member_states(request.user))
    form = ContributionForm(
        request.POST or None,
        request.FILES or None,
        states=states,
        groups=group_rules.groups_of(request.user),
        initial={"language": active_language(), "member_states": states[:1]},
    )
    if request.method == "POST" and form.is_valid():
        page = contributions.write(
            index,
            form.cleaned_data,
            form.cleaned_data["attachments"],
            by=request.user,
            state=form.author_state(),
        )
        return _after_saving(request, index, page)
    return render_subpage(request, index, TEMPLATES + "contribute.html", form=form)


def _after_saving(request, index, page):
    """Submit the saved draft if the author asked to, and say where it stands."""
    if "submit" in request.POST:
        try:
            contribution = contributions.submit(page, by=request.user)
        except contributions.Refused as refused:
            messages.error(request, str(refused))
            return redirect(index.url + index.reverse_subpage("mine"))
        if contribution.status == Contribution.Status.PUBLISHED:
            messages.success(request, _("Your contribution is published for all members."))
        else:
            messages.success(request, _("Your contribution is sent to the SRSG's Office."))
    else:
        messages.success(request, _("Your draft is saved. Submit it when it is ready."))
    return redirect(index.url + index.reverse_subpage("mine"))


def mine_view(request, index):
    """My contributions: those of the user's states (and their own), with where each stands."""
    if not rules.can_contribute(request.user) and not access.is_editor(request.user):
        raise PermissionDenied
    own = Q(page__author=request.user)
    if states := access.state_ids(request.user):
        own |= Q(page__author_state_id__in=states)
    found = (
        Contribution.objects.filter(own)
        .select_related("page__locale", "page__author", "page__author_state")
        .order_by("-updated_at", "-pk")
    )
    items = list(found)
    for contribution in items:
        contribution.editable = rules.can_edit_draft(request.user, contribution.page)
    return render_subpage(
        request,
        index,
        TEMPLATES + "mine.html",
        contributions=items,
        can_contribute=rules.can_contribute(request.user),
    )


def _contribution(request, pk):
    page = get_object_or_404(
        BestPracticePage.objects.select_related("contribution", "author", "author_state"), pk=pk
    )
    if not hasattr(page, "contribution"):
        raise Http404
    if not rules.can_read_draft(request.user, page):
        raise PermissionDenied
    return page


def draft_view(request, index, pk):
    """A contribution as last written, for its author's state and the Office (never served as a
    page: drafts are read here, through the policy)."""
    page = _contribution(request, pk)
    draft = contributions.latest(page)
    return render_subpage(
        request,
        index,
        TEMPLATES + "draft.html",
        practice=draft,
        contribution=page.contribution,
        attachments=[
            a for a in draft.attachments.all() if access.can_view(request.user, a.document)
        ],
        editable=rules.can_edit_draft(request.user, page),
        live_page=page if page.live else None,
    )


def edit_view(request, index, pk):
    """The author's state edits its contribution, saves it, and submits it again."""
    page = _contribution(request, pk)
    if not rules.can_edit_draft(request.user, page):
        raise PermissionDenied
    draft = contributions.latest(page)
    attachments = list(draft.attachments.all())
    form = EditContributionForm(
        request.POST or None,
        request.FILES or None,
        attachments=attachments,
        groups=group_rules.groups_of(request.user, besides=draft.thematic_group_id),
        initial=_initial(draft, page),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contributions.rewrite(
                page,
                data,
                data["attachments"],
                by=request.user,
                removed=[int(pk) for pk in data.get("remove", [])],
                seen_revision=data.get("revision"),
            )
        except contributions.Refused as refused:
            form.add_error(None, str(refused))
        else:
            return _after_saving(request, index, page)
    return render_subpage(
        request,
        index,
        TEMPLATES + "edit.html",
        form=form,
        practice=draft,
        contribution=page.contribution,
    )


def _initial(draft, page):
    return {
        "title": draft.title,
        "summary": draft.summary,
        "body": contributions.body_text(draft),
        "themes": [theme.pk for theme in draft.themes.all()],
        "member_states": [state.pk for state in draft.member_states.all()],
        "period_from": draft.period_from,
        "period_to": draft.period_to,
        "sources": draft.sources,
        "marking": draft.marking,
        "dissemination": draft.dissemination,
        # The group as first written: the form offers groups so.
        "thematic_group": original(draft.thematic_group).pk if draft.thematic_group else None,
        "revision": page.latest_revision_id,
    }


def export_view(request, index):
    """The list as filtered, as CSV: only what the user may read."""
    _form, _filters, practices = listing.filtered(request)
    pages = listing.shown(request.user, practices, active_language())
    header = [
        _("Title"),
        _("Written in"),
        _("Summary"),
        _("Themes"),
        _("Member states concerned"),
        _("Period"),
        _("Contributed by"),
        _("Handling marking"),
        _("Link"),
    ]
    rows = [header]
    for page in pages:
        rows.append(
            [
                page.title,
                page.language.upper(),
                page.summary,
                "; ".join(theme.name for theme in page.themes.all()),
                "; ".join(state.name for state in page.member_states.all()),
                page.period,
                page.author_state.name if page.author_state else _("SRSG Office"),
                page.get_marking_display(),
                page.get_full_url(request),
            ]
        )
    return csv_attachment(rows, _("good-practices") + ".csv")


def hide_view(request, page):
    """The Office hides a published contribution (as first written, with its versions), with
    the reason its author reads."""
    source = original(page)
    if not rules.can_hide(request.user, source):
        raise PermissionDenied
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contributions.hide(source, by=request.user, reason=form.cleaned_data["reason"])
        except contributions.Refused as refused:
            form.add_error("reason", str(refused))
        else:
            messages.success(request, _("The contribution is hidden; its state is told why."))
            return redirect(page.get_parent().url)
    return render_subpage(request, page, TEMPLATES + "hide.html", form=form)
