"""The compilation of a request (R14; §4.6): the answers question by question, for the page and its
exports alike.

`build` is the only place that decides what a compilation holds, and it asks the access policy
(`responses_for`): submitted responses only, and only the answers the user may see (an answer
marked "SRSG Office only" reaches the Office and its own state). The page and every export format
render the same `Compilation`, so a download never holds more than the page shows its user.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from network_pages.models import (
    AddressedState,
    Marking,
    MemberState,
    RequestQuestion,
    StateResponse,
)
from network_pages.responses import responses_by_request
from network_pages.translations import original, originals
from network_pages.views import render_subpage

# From the widest circulation to the narrowest: a compilation carries its narrowest marking.
MARKING_ORDER = [Marking.NATIONAL, Marking.NETWORK, Marking.OFFICE]


@dataclass
class Entry:
    state: object
    response: object
    answer: object


@dataclass
class Item:
    number: int
    question: str
    entries: list = field(default_factory=list)


@dataclass
class Compilation:
    page: object
    source: object
    items: list
    responses: list
    not_answered: list
    marking: str

    @property
    def answered(self):
        return [response.member_state for response in self.responses]

    @property
    def marking_label(self):
        return label_of(self.marking)

    @property
    def requester(self):
        state = self.page.requester_state
        return state.name if state else _("the SRSG's Office")


def label_of(marking):
    return Marking(marking).label


def narrowest(markings, default=Marking.NETWORK):
    markings = set(markings)
    return max(markings, key=MARKING_ORDER.index) if markings else default


def build(user, page, codes=()):
    """The compilation of `page` as `user` may see it, limited to the states `codes` if given."""
    return build_many(user, [page], codes)[0]


def build_many(user, pages, codes=()):
    """The compilations of several requests, in a fixed number of queries however many."""
    sources = originals(pages)
    numbered = defaultdict(list)
    page_ids = {page.pk for page in pages} | {source.pk for source in sources.values()}
    for question in RequestQuestion.objects.filter(page_id__in=page_ids).order_by(
        "page_id", "sort_order", "pk"
    ):
        numbered[question.page_id].append((len(numbered[question.page_id]) + 1, question))
    visible = responses_by_request(
        user,
        {
            source.pk: {question.pk: number for number, question in numbered[source.pk]}
            for source in sources.values()
        },
    )
    addressed = defaultdict(list)
    for row in AddressedState.objects.filter(
        request_id__in=[source.pk for source in sources.values()]
    ).select_related("member_state"):
        addressed[row.request_id].append(row.member_state)
    return [_compile(page, sources[page.pk], numbered, visible, addressed, codes) for page in pages]


def _compile(page, source, numbered, visible, addressed, codes):
    source_questions = numbered[source.pk]
    # The page's own wording where its questions line up with the source's; a translation not
    # yet brought up to date shows the wording the answers were given to.
    wording = {}
    if len(numbered[page.pk]) == len(source_questions):
        wording = {number: question.text for number, question in numbered[page.pk]}
    shown = [
        (response, answers)
        for response, answers in visible[source.pk]
        if response.status == StateResponse.Status.SUBMITTED
        and (not codes or response.member_state.code in codes)
    ]
    answered_ids = {response.member_state_id for response, _answers in shown}
    items = [
        Item(
            number=number,
            question=wording.get(number, question.text),
            entries=[
                Entry(response.member_state, response, answers[number])
                for response, answers in shown
                if number in answers
            ],
        )
        for number, question in source_questions
    ]
    not_answered = [
        state
        for state in addressed[source.pk]
        if state.pk not in answered_ids and (not codes or state.code in codes)
    ]
    return Compilation(
        page=page,
        source=source,
        items=items,
        responses=[response for response, _answers in shown],
        not_answered=sorted(not_answered, key=lambda state: state.name),
        marking=narrowest(entry.answer.marking for item in items for entry in item.entries),
    )


class StateFilterForm(forms.Form):
    state = forms.MultipleChoiceField(
        label=gettext_lazy("Member states"),
        required=False,
        help_text=gettext_lazy("Leave empty for every state."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, states, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [(state.code, state.name) for state in states]


def filter_states(page):
    """The states one can filter on: those addressed, and those that answered anyway."""
    source = original(page)
    states = MemberState.objects.filter(
        Q(pk__in=AddressedState.objects.filter(request=source).values("member_state"))
        | Q(
            pk__in=StateResponse.objects.filter(
                request=source, status=StateResponse.Status.SUBMITTED
            ).values("member_state")
        )
    )
    return sorted(states, key=lambda state: state.name)


def compilation_view(request, page, export=None):
    from network_pages import exports

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
    from network_pages import access, exports
    from network_pages.models import InformationRequestPage

    pages = (
        access.viewable(request.user, InformationRequestPage.objects.child_of(index))
        .filter(opened_at__isnull=False)
        .select_related("requester_state")
        .order_by("-deadline", "title")
    )
    return exports.write_xlsx(build_many(request.user, list(pages)))
