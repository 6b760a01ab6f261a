"""Good practices: written by the Office, or contributed by a state through the intranet."""

from django.core.files.uploadedfile import SimpleUploadedFile

from network_pages.accounts.models import MemberState
from network_pages.core.markings import Marking
from network_pages.practices import contributions
from network_pages.practices.models import (
    BestPracticePage,
    Dissemination,
    PracticeIndexPage,
    Theme,
)


def practice_index(language="en"):
    return PracticeIndexPage.objects.get(locale__language_code=language)


def theme(name_en):
    return Theme.objects.get(name_en=name_en)


def make_practice(
    title="Reception in small towns",
    *,
    language="en",
    state=None,
    author=None,
    themes=(),
    states=(),
    period=(None, None),
    dissemination=Dissemination.NETWORK,
    marking=Marking.NETWORK,
    summary=None,
    live=True,
):
    """A practice under the list of `language`, published (with its version in the other
    language) unless `live` is False. `state` (a code) is the author's state; `themes` are theme
    names in English, `states` codes of the states concerned."""
    page = BestPracticePage(
        title=title,
        summary=summary or f"Summary of {title}.",
        author=author,
        author_state=MemberState.objects.get(code=state) if state else None,
        period_from=period[0],
        period_to=period[1],
        dissemination=dissemination,
        marking=marking,
        live=False,
    )
    page.themes = list(Theme.objects.filter(name_en__in=themes))
    page.member_states = list(MemberState.objects.filter(code__in=states))
    practice_index(language).add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def contribution_data(**fields):
    """What a correspondent types in the contribution form, as cleaned data."""
    data = {
        "title": "Guardians for unaccompanied children",
        "language": "en",
        "summary": "Every unaccompanied child gets a guardian within 24 hours.",
        "body": "First paragraph.\n\nSecond paragraph.",
        "themes": Theme.objects.filter(name_en="Children"),
        "member_states": MemberState.objects.filter(code="FR"),
        "period_from": 2019,
        "period_to": None,
        "sources": "Ministry report 2023",
        "marking": Marking.NETWORK,
        "dissemination": Dissemination.NETWORK,
    }
    data.update(fields)
    return data


def contribute(author, state="FR", *, uploads=(), submit=True, **fields):
    """A contribution of `state` written by `author` (and submitted unless told)."""
    page = contributions.write(
        practice_index(fields.get("language", "en")),
        contribution_data(**fields),
        list(uploads),
        by=author,
        state=MemberState.objects.get(code=state),
    )
    if submit:
        contributions.submit(page, by=author)
    page.refresh_from_db()
    return page


def upload(name="note.txt", content=b"A note on the practice."):
    return SimpleUploadedFile(name, content, content_type="text/plain")


def review(page, user, action, comment=""):
    """The Office's decision at the contribution's review task, as the admin's workflow action
    takes it: "approve", "reject" (ask for changes) or "decline"."""
    task_state = contributions.review_task_state(page)
    assert task_state is not None, "the contribution is not waiting for the Office"
    return contributions.review(task_state, user, action, comment=comment)
