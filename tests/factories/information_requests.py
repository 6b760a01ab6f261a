"""Information requests and the member states' responses to them."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from network_pages.accounts.models import MemberState
from network_pages.information_requests.lifecycle import open_request
from network_pages.information_requests.models import (
    Answer,
    InformationRequestPage,
    RequestIndexPage,
    StateResponse,
)

DEADLINE_AFTER = datetime.timedelta(days=20)
OPENINGS = ("publish", "open", None)


def make_request(
    title="Reception capacity",
    questions=("How many places?", "Which rules?"),
    *,
    deadline=None,
    opening="publish",
    language="en",
    slug=None,
    requester_state=None,
    **fields,
):
    """A request with its numbered questions, under the request index of `language`.

    The deadline is 20 days after today (read when called) unless given. `opening` says how it
    opens: "publish" publishes a revision, which opens it as the Office's publishing does (states
    addressed, notices, log); "open" opens it without a revision; None leaves it written, not
    opened. `requester_state` is a state's code; other fields (background, live, proposed_by,
    request_language...) go to the page as they are.
    """
    if opening not in OPENINGS:
        raise ValueError(f"opening must be one of {OPENINGS}, not {opening!r}")
    page = InformationRequestPage(
        title=title,
        slug=slug or slugify(title, allow_unicode=True),
        deadline=deadline or timezone.localdate() + DEADLINE_AFTER,
        requester_state=MemberState.objects.get(code=requester_state) if requester_state else None,
        **fields,
    )
    for order, text in enumerate(questions):
        page.questions.add(page.questions.model(text=text, sort_order=order))
    RequestIndexPage.objects.get(locale__language_code=language).add_child(instance=page)
    if opening is None:
        return page
    if opening == "publish":
        page.save_revision().publish()
    else:
        open_request(page)
    page.refresh_from_db()
    return page


def respond(page, code, answers=None, *, status=StateResponse.Status.SUBMITTED, late=False):
    """The response of the state `code` to `page`, submitted now unless `status` says otherwise.

    `answers` holds one (text, marking) pair per question, None for "no information"; without
    `answers` the response has no answer rows (enough to count it).
    """
    submitted = status == StateResponse.Status.SUBMITTED
    response = StateResponse.objects.create(
        request=page,
        member_state=MemberState.objects.get(code=code),
        status=status,
        late=late,
        submitted_at=timezone.now() if submitted else None,
    )
    if answers is not None:
        Answer.objects.bulk_create(
            Answer(
                response=response,
                question=question,
                text=pair[0] if pair else "",
                no_information=pair is None,
                marking=pair[1] if pair else "network",
            )
            for (_number, question), pair in zip(page.numbered_questions(), answers, strict=True)
        )
    return response
