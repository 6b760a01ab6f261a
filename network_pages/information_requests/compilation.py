"""The compilation of a request (R14; §4.6): the answers question by question, for the page and its
exports alike.

`build` is the only place that decides what a compilation holds, and it asks the access policy
(`responses_for`): submitted responses only, and only the answers the user may see (an answer
marked "SRSG Office only" reaches the Office and its own state). The page and every export format
render the same `Compilation`, so a download never holds more than the page shows its user.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from network_pages.accounts.models import MemberState
from network_pages.core.translations import original, originals
from network_pages.information_requests.models import (
    AddressedState,
    Marking,
    RequestQuestion,
    StateResponse,
)
from network_pages.information_requests.standing import responses_by_request

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
    # Each question in the page's own wording (its version shares the question's translation key);
    # one the version lacks shows the wording the answers were given to.
    wording = {question.translation_key: question.text for _number, question in numbered[page.pk]}
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
            question=wording.get(question.translation_key, question.text),
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
