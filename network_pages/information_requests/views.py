"""The views behind the routes of the request list and of a request."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.log_actions import log
from wagtail.models import Locale

from network_pages import access
from network_pages.accounts.members import (
    active_members_of,
    correspondents_by_state,
    display_name,
)
from network_pages.accounts.models import MemberState
from network_pages.core.languages import CONTENT_LANGUAGES
from network_pages.core.roles import OFFICE
from network_pages.core.routing import render_subpage
from network_pages.core.translations import original
from network_pages.information_requests import exports, rules
from network_pages.information_requests.answering import (
    Conflict,
    response_for,
    save_response,
    snapshot,
    submit_saved,
)
from network_pages.information_requests.compilation import build, build_many, filter_states
from network_pages.information_requests.follow_up import remind
from network_pages.information_requests.forms import (
    ProposedRequestForm,
    ResponseForm,
    StateFilterForm,
)
from network_pages.information_requests.lifecycle import close_request
from network_pages.information_requests.models import (
    InformationRequestPage,
    Marking,
    RequestQuestion,
    ResponseRevision,
    StateResponse,
)
from network_pages.information_requests.standing import DRAFT, SUBMITTED, response_rate
from network_pages.notifications.outbox import notify


def close_view(request, page):
    """The Office closes an open request: a confirmation (GET) says what closing does and which
    states have not submitted; its button (POST) closes."""
    if not rules.can_close(request.user):
        raise PermissionDenied
    if page.status != page.OPEN:
        messages.info(request, _("This request is not open."))
        return redirect(page.url)
    if request.method == "POST":
        close_request(page, by=request.user)
        messages.success(request, _("The request is closed."))
        return redirect(page.url)
    waiting = [row for row in response_rate(page).rows if row.status != SUBMITTED]
    effects = [
        _(
            "No state can answer or change its response any more, and the Office can no longer "
            "enter answers received by e-mail."
        ),
        _("The compilation keeps the submitted responses; drafts stay out of it."),
        _("No reminder is sent any more. A closed request cannot be opened again."),
    ]
    return _confirmation(
        request,
        page,
        title=_("Close the request?"),
        effects=effects,
        button=_("Close the request"),
        skipped_title=ngettext(
            "%(count)d state addressed has not submitted",
            "%(count)d states addressed have not submitted",
            len(waiting),
        )
        % {"count": len(waiting)},
        skipped=[f"{row.state.name} ({_status_label(row.status)})" for row in waiting],
    )


def _status_label(status):
    return {SUBMITTED: _("submitted"), DRAFT: _("draft")}.get(status, _("no response"))


def _confirmation(request, page, **confirm):
    """The page that asks before an irreversible or mass action (`network_pages/confirm.html`)."""
    confirm.setdefault("possible", True)
    return render_subpage(request, page, "network_pages/confirm.html", confirm=confirm)


def propose_view(request, index):
    """A correspondent drafts a request for their state; it waits, unpublished, for the Office."""

    if not rules.can_propose(request.user):
        raise PermissionDenied
    own = MemberState.objects.filter(pk__in=access.state_ids(request.user))
    form = ProposedRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        target = index
        if data["request_language"] != index.locale.language_code:
            locale = Locale.objects.get(language_code=data["request_language"])
            target = index.get_translation_or_none(locale) or index
        page = InformationRequestPage(
            title=data["title"],
            request_language=data["request_language"],
            background="".join(f"<p>{line}</p>" for line in _paragraphs(data["background"])),
            deadline=data["deadline"],
            requester_state=own[0],
            proposed_by=request.user,
            live=False,
        )
        for order, text in enumerate(form.questions()):
            page.questions.add(RequestQuestion(text=text, sort_order=order))
        target.add_child(instance=page)
        page.save_revision(user=request.user, log_action=False)
        log(page, "network.request.propose", user=request.user)
        notify(active_members_of(OFFICE), "request_proposed", {"request": page, "state": own[0]})
        messages.success(request, _("Your proposal is sent to the SRSG's Office."))
        return redirect(index.url)
    return render_subpage(
        request,
        index,
        "network_pages/requests/propose.html",
        form=form,
    )


def _paragraphs(text):

    return [escape(part.strip()) for part in text.split("\n\n") if part.strip()]


def answer_view(request, page, code=None):
    """A state's answers: saved as a draft (the user stays on the form), or, to submit, saved and
    shown as a summary that the user confirms."""
    # Opening the form, or posting one with errors, records nothing.
    response = response_for(page, code, request.user, create=False)
    request_page = response.request
    questions = page.worded_questions(request_page)  # answers hang on the original's questions
    if request.method == "POST" and "confirm_submit" in request.POST:
        return _confirm_submission(request, page, response, questions)
    answers = {a.question_id: a for a in response.answers.all()} if response.pk else {}
    office_entry = access.is_editor(request.user)
    initial = {"version": response.version}
    if office_entry:
        initial["email_date"] = response.email_date
    form = ResponseForm(
        request.POST or None,
        request.FILES or None,
        questions=questions,
        answers=answers,
        office_entry=office_entry,
        language=request.user.language,
        initial=initial,
    )
    conflict = None
    if request.method == "POST" and request_page.status == request_page.CLOSED:
        form.is_valid()  # keep what was typed on screen
        form.add_error(None, _("This request is closed: answers are no longer recorded."))
    elif request.method == "POST" and form.is_valid():
        if response.pk is None:
            response = response_for(page, code, request.user)  # the first save creates it
        try:
            response = save_response(
                response,
                form,
                request.user,
                reopen="reopen_and_save" in request.POST,
                upload=form.cleaned_data.get("email_file") if office_entry else None,
            )
        except Conflict as stale:
            conflict = _conflict(stale.current, request.POST, questions, office_entry)
            form = conflict["form"]
        else:
            if "submit" in request.POST:
                return render_subpage(
                    request,
                    page,
                    "network_pages/requests/answer_confirm.html",
                    state_response=response,
                    rows=_summary(response, questions),
                )
            messages.success(request, _("Your draft is saved."))
            return redirect(request.path)
    return render_subpage(
        request,
        page,
        "network_pages/requests/answer_form.html",
        form=form,
        state_response=response,
        conflict=conflict,
    )


def _summary(response, questions):
    """The answers as the summary shows them: each with its marking and language named."""
    languages = dict(CONTENT_LANGUAGES)
    rows = snapshot(response, questions, worded=True)
    for row in rows:
        row["marking_label"] = Marking(row["marking"]).label if row["marking"] else ""
        row["language_label"] = languages.get(row["language"], "")
    return rows


def _confirm_submission(request, page, response, questions):
    """The summary's button: submit the draft the user reviewed, unless it changed meanwhile."""
    if response.pk is None:
        raise Http404
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        return HttpResponseBadRequest()
    if response.request.status != InformationRequestPage.OPEN:
        messages.error(request, _("This request is closed: answers are no longer recorded."))
        return redirect(request.path)
    try:
        submit_saved(response, request.user, version=version, questions=questions)
    except Conflict:
        messages.error(
            request,
            _("The response changed while you were reviewing it: check it, then submit again."),
        )
        return redirect(request.path)
    messages.success(request, _("Your response has been submitted."))
    return redirect(page.url)


def _conflict(current, data, questions, office_entry):
    """Keep what the user typed, show what was saved meanwhile, and let them save on top of it."""
    data = data.copy()
    data["version"] = str(current.version)
    theirs = {a.question_id: a for a in current.answers.all()}
    form = ResponseForm(data, questions=questions, answers=theirs, office_entry=office_entry)
    form.is_valid()
    saved = {question.pk: theirs.get(question.pk) for _number, question in questions}
    return {"form": form, "current": current, "saved": saved}


@require_POST
def reopen_view(request, page, code):
    if page.status == page.CLOSED:
        raise PermissionDenied
    response = response_for(page, code, request.user, create=False)
    if response.pk is None:
        raise Http404
    with transaction.atomic():
        current = StateResponse.objects.select_for_update().get(pk=response.pk)
        if current.status == StateResponse.Status.SUBMITTED:
            current.status = StateResponse.Status.DRAFT
            current.version += 1
            current.updated_by = request.user
            current.save()
            ResponseRevision.objects.create(
                response=current,
                version=current.version,
                action=ResponseRevision.Action.REOPENED,
                author=request.user,
                answers=snapshot(current, current.request.numbered_questions()),
            )
            log(current, "network.response.reopened", user=request.user)
    messages.success(request, _("The response is open for changes again."))
    return redirect(page.url + page.reverse_subpage("answer_state", kwargs={"code": code}))


def history_view(request, page, code):
    member_state = get_object_or_404(MemberState, code=code.upper())
    response = get_object_or_404(
        StateResponse.objects.select_related("member_state"),
        request=original(page),
        member_state=member_state,
    )
    if not access.speaks_for_state(request.user, member_state.pk):
        raise PermissionDenied
    revisions = response.revisions.select_related("author")
    return render_subpage(
        request,
        page,
        "network_pages/requests/history.html",
        state_response=response,
        revisions=revisions,
    )


def remind_view(request, page):
    """The Office reminds every state that has not submitted, or one state (`?state=`): a
    confirmation (GET) lists who will receive the reminder; its button (POST) sends it."""
    if not access.is_editor(request.user):
        raise PermissionDenied
    if page.status != page.OPEN:
        messages.error(request, _("Reminders can only be sent while the request is open."))
        return redirect(page.url)
    code = request.POST.get("state") or request.GET.get("state")
    rows = [row for row in response_rate(page).rows if row.status != SUBMITTED]
    if code:
        state = get_object_or_404(MemberState, code=code.upper())
        rows = [row for row in rows if row.state.pk == state.pk]
    if request.method == "POST":
        _send_reminders(request, page, [row.state for row in rows])
        return redirect(page.url + "#follow-up")
    if not rows:
        messages.info(request, _("There is no state to remind."))
        return redirect(page.url + "#follow-up")
    today = timezone.localdate()
    people = correspondents_by_state([row.state for row in rows])
    due = [row for row in rows if row.reminded_on != today and people[row.state.pk]]
    recipients = [
        (row.state.name, sorted(display_name(user) for user in people[row.state.pk])) for row in due
    ]
    count = sum(len(names) for _state, names in recipients)
    return _confirmation(
        request,
        page,
        title=ngettext("Remind %(count)d state?", "Remind %(count)d states?", len(due))
        % {"count": len(due)},
        effects=[
            ngettext(
                "An e-mail goes now to %(count)d correspondent, in their language, with the "
                "deadline and a link to the answer form.",
                "An e-mail goes now to each of %(count)d correspondents, in their language, with "
                "the deadline and a link to the answer form.",
                count,
            )
            % {"count": count},
            _("A state is reminded at most once a day; an e-mail cannot be called back."),
        ],
        recipients_title=_("Recipients"),
        recipients=recipients,
        skipped_title=_("Not reminded"),
        skipped=[_skip_reason(row, today) for row in rows if row not in due],
        button=_("Send the reminders") if len(due) > 1 else _("Send the reminder"),
        hidden={"state": code} if code else {},
        cancel_url=page.url + "#follow-up",
        possible=bool(due),
    )


def _skip_reason(row, today):
    if row.reminded_on == today:
        return _("%(state)s: already reminded today") % {"state": row.state.name}
    return _("%(state)s: no active correspondent") % {"state": row.state.name}


def _send_reminders(request, page, waiting):
    reminded = remind(page, waiting, by=request.user)
    skipped = len(waiting) - len(reminded)
    if reminded:
        messages.success(
            request,
            ngettext(
                "A reminder was sent to %(count)d state.",
                "A reminder was sent to %(count)d states.",
                len(reminded),
            )
            % {"count": len(reminded)},
        )
    if skipped:
        messages.info(
            request,
            ngettext(
                "%(count)d state was not reminded: it was already reminded today or has no "
                "active correspondent.",
                "%(count)d states were not reminded: they were already reminded today or have no "
                "active correspondent.",
                skipped,
            )
            % {"count": skipped},
        )
    if not waiting:
        messages.info(request, _("There is no state to remind."))


def compilation_view(request, page, export=None):

    if page.status == page.DRAFT:
        raise Http404
    form = StateFilterForm(request.GET or None, states=filter_states(page))
    valid = form.is_valid()
    codes = form.cleaned_data["state"] if valid else ()
    if export is not None:
        if form.is_bound and not valid:
            return HttpResponseBadRequest(
                _("Unknown member state in the filter: choose states from the list."),
                content_type="text/plain; charset=utf-8",
            )
        writer = exports.WRITERS.get(export)
        if writer is None:
            raise Http404
        return writer([build(request.user, page, codes)])
    return render_subpage(
        request,
        page,
        "network_pages/requests/compilation.html",
        compilation=build(request.user, page, codes),
        form=form,
        query_string=request.GET.urlencode() if valid else "",
    )


def index_export_view(request, index):
    """Every opened request of the list the user may see, a sheet each."""

    pages = (
        access.viewable(request.user, InformationRequestPage.objects.child_of(index))
        .filter(opened_at__isnull=False)
        .select_related("requester_state")
        .order_by("-deadline", "title")
    )
    return exports.write_xlsx(build_many(request.user, list(pages)))
