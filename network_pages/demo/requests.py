"""Demo information requests: an open one with answers in every state of progress, a closed one
fully answered, and a state's proposal waiting for the Office."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from network_pages.accounts.models import (
    MemberProfile,
    MemberState,
)
from network_pages.information_requests.answering import snapshot
from network_pages.information_requests.follow_up import remind
from network_pages.information_requests.lifecycle import close_request
from network_pages.information_requests.models import (
    AddressedState,
    Answer,
    InformationRequestPage,
    Marking,
    RequestIndexPage,
    RequestQuestion,
    ResponseRevision,
    StateResponse,
)


def seed_requests():
    index = RequestIndexPage.objects.get(locale__language_code="en")
    if InformationRequestPage.objects.filter(slug="reception-of-asylum-seekers").exists():
        return
    User = get_user_model()
    office = User.objects.get(username="office")
    today = timezone.localdate()
    # An open request whose deadline has just passed: some states answered in time, one late.
    current = _request(
        index,
        "Reception of asylum seekers",
        "reception-of-asylum-seekers",
        [
            "How many reception places were available on 1 January?",
            "Which authority runs the reception centres?",
            "Do unaccompanied minors have separate facilities?",
            "Has your state changed its reception model since 2024?",
            "Which good practice would you share with your peers?",
        ],
    )
    InformationRequestPage.objects.filter(pk=current.pk).update(deadline=today - timedelta(days=1))
    current.refresh_from_db()
    _answers(current, "DE", ["41,000 places", "The Länder", "Yes", "No", "Case management"])
    _answers(current, "ES", ["9,500", "Ministry", ("Yes", Marking.OFFICE), "Yes", "Mentoring"])
    _answers(current, "PT", [None, None, None, None, None])
    _answers(current, "FR", ["About 110,000", "OFII", "Yes", "Yes", ""], "draft")
    _answers(current, "NL", ["30,000", "COA", "Yes", "No", "Buddies"], late=True)
    _answers(current, "GR", ["12,000", "Ministry of Migration", "Yes", "No", ""], entered_by=office)
    closed = _request(
        index,
        "Statistics on returns in 2025",
        "statistics-on-returns-2025",
        ["How many return decisions were issued?", "How many returns were carried out?"],
    )
    # Every state the closed request went to answered: its compilation is complete.
    addressed = AddressedState.objects.filter(request=closed).select_related("member_state")
    for number, row in enumerate(addressed.order_by("member_state__code")):
        code = row.member_state.code
        decisions, returns = 4_000 + 1_750 * number, 900 + 420 * number
        texts = [f"{decisions:,} return decisions.", f"{returns:,} returns carried out."]
        if number % 5 == 3:
            texts[1] = (texts[1], Marking.OFFICE)
        if number % 7 == 5:
            texts[0] = None
        _answers(closed, code, texts)
    close_request(closed, by=office)
    # France's draft was reminded by the Office.
    remind(current, [MemberState.objects.get(code="FR")], by=office)
    proposal = InformationRequestPage(
        title="Language courses for adult migrants",
        slug="language-courses-for-adult-migrants",
        deadline=today + timedelta(days=45),
        requester_state=MemberState.objects.get(code="IT"),
        proposed_by=User.objects.get(username="corr-it"),
        live=False,
    )
    proposal.questions.add(
        RequestQuestion(text="Are language courses free for adult migrants?", sort_order=0)
    )
    index.add_child(instance=proposal)
    proposal.save_revision(user=proposal.proposed_by)


def _request(index, title, slug, questions):
    page = InformationRequestPage(
        title=title, slug=slug, deadline=timezone.localdate() + timedelta(days=20)
    )
    for order, text in enumerate(questions):
        page.questions.add(RequestQuestion(text=text, sort_order=order))
    index.add_child(instance=page)
    page.save_revision(user=get_user_model().objects.get(username="office")).publish()
    page.refresh_from_db()
    return page


def _answers(page, code, texts, status="submitted", late=False, entered_by=None):
    state = MemberState.objects.get(code=code)
    profile = MemberProfile.objects.filter(member_state=state).first()
    author = entered_by or (profile.user if profile else None)
    response = StateResponse.objects.create(
        request=page,
        member_state=state,
        status=status,
        late=late,
        submitted_at=timezone.now() if status == "submitted" else None,
        version=1,
        updated_by=author,
        entered_by=entered_by,
        email_date=timezone.localdate() - timedelta(days=2) if entered_by else None,
    )
    for (_number, question), value in zip(page.numbered_questions(), texts, strict=True):
        text, marking = value if isinstance(value, tuple) else (value, Marking.NETWORK)
        Answer.objects.create(
            response=response,
            question=question,
            text=text or "",
            no_information=text is None,
            language="en",
            marking=marking,
        )
    ResponseRevision.objects.create(
        response=response,
        version=1,
        action="entered" if entered_by else status,
        author=author,
        answers=snapshot(response, page.numbered_questions()),
    )
