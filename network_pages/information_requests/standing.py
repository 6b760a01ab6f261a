"""Where a request stands, as the request page, the compilation and the Office's panels read it:
the responses and answers a user may see, and the response rate against the states addressed.

The rate counts out of the states the request was addressed to: those that had at least one active
correspondent when it opened (`AddressedState`, recorded by `lifecycle.address_request`)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from network_pages import access
from network_pages.accounts.models import MemberState
from network_pages.core.translations import original
from network_pages.information_requests import rules
from network_pages.information_requests.models import (
    AddressedState,
    ResponseReminder,
    StateResponse,
)


def all_responses(sources):
    """Every response to the requests `sources` (as first written), with their answers, whoever
    may see them: two queries, for `responses_by_request` and `response_rates` to share."""
    return list(
        StateResponse.objects.filter(request__in=sources)
        .select_related("member_state", "entered_by", "email_file")
        .prefetch_related("answers")
    )


def responses_for(user, source, source_questions, responses=None):
    """The responses to the request `source` that the user may see, each with the answers they
    may see keyed by question number, in a fixed number of queries (none when `responses` gives
    `all_responses([source])`)."""
    numbers = {question.pk: number for number, question in source_questions}
    return responses_by_request(user, {source.pk: numbers}, responses)[source.pk]


def responses_by_request(user, numbering, responses=None):
    """{source pk: [(response, {number: answer})]} for the requests that `numbering` maps to their
    {question pk: number}, keeping only what the user may see; three queries however many (or
    none, from what `all_responses` read for those requests)."""
    if responses is None:
        responses = all_responses(list(numbering))
    visible = {pk: [] for pk in numbering}
    for response in responses:
        if not access.can_view(user, response):
            continue
        numbers = numbering[response.request_id]
        answers = {}
        for answer in response.answers.all():
            answer.response = response
            if access.can_view(user, answer) and answer.question_id in numbers:
                answers[numbers[answer.question_id]] = answer
        response.email_file_visible = response.email_file_id is not None and (
            rules.can_view_email_file(user, response)
        )
        visible[response.request_id].append((response, answers))
    for items in visible.values():
        items.sort(key=lambda item: item[0].member_state.name)
    return visible


SUBMITTED, DRAFT, NONE = "submitted", "draft", "none"


@dataclass
class StateStatus:
    state: MemberState
    status: str
    late: bool = False
    reminded_on: date | None = None


@dataclass
class ResponseRate:
    """Where a request stands: one row per addressed state, and those that answered without
    having been addressed (designated after the request opened)."""

    rows: list = field(default_factory=list)
    others: list = field(default_factory=list)

    def _count(self, status):
        return sum(1 for row in self.rows if row.status == status)

    @property
    def addressed(self):
        return len(self.rows)

    @property
    def submitted(self):
        return self._count(SUBMITTED)

    @property
    def drafts(self):
        return self._count(DRAFT)

    @property
    def missing(self):
        return self._count(NONE)

    @property
    def percent(self):
        return round(100 * self.submitted / self.addressed) if self.addressed else 0

    def waiting(self):
        """The addressed states that have not submitted."""
        return [row.state for row in self.rows if row.status != SUBMITTED]


def response_rates(sources, *, responses=None, reminders=True):
    """{source pk: ResponseRate} for requests as first written, in three queries: one fewer when
    `responses` gives `all_responses(sources)`, another without the dates of the `reminders`
    (which only the Office's follow-up shows)."""
    ids = [source.pk for source in sources]
    addressed = defaultdict(set)
    states = {}
    for row in AddressedState.objects.filter(request_id__in=ids).select_related("member_state"):
        addressed[row.request_id].add(row.member_state_id)
        states[row.member_state_id] = row.member_state
    statuses = defaultdict(dict)
    if responses is None:
        responses = StateResponse.objects.filter(request_id__in=ids).select_related("member_state")
    for response in responses:
        statuses[response.request_id][response.member_state_id] = response
        states[response.member_state_id] = response.member_state
    reminded = {}
    sent = ResponseReminder.objects.filter(request_id__in=ids if reminders else [])
    for request_id, state_id, day in sent.values_list("request_id", "member_state_id", "day"):
        key = request_id, state_id
        reminded[key] = max(day, reminded.get(key, day))
    rates = {}
    for request_id in ids:
        rate = ResponseRate()
        for state_id in addressed[request_id] | statuses[request_id].keys():
            response = statuses[request_id].get(state_id)
            row = StateStatus(
                state=states[state_id],
                status=response.status if response else NONE,
                late=bool(response and response.late),
                reminded_on=reminded.get((request_id, state_id)),
            )
            (rate.rows if state_id in addressed[request_id] else rate.others).append(row)
        rate.rows.sort(key=lambda row: row.state.name)
        rate.others.sort(key=lambda row: row.state.name)
        rates[request_id] = rate
    return rates


def response_rate(page):
    source = original(page)
    return response_rates([source])[source.pk]
