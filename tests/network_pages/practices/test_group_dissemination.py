"""A good practice disseminated to one thematic group (R15, R16): besides the Office and the
author's state, the members of that group read it, wherever it shows (its page in both languages,
the list, the CSV export, its files), and no other correspondent, nor any invited expert; marked
"SRSG Office only", it narrows to the Office and the author's state as any practice does. The
contribution form offers "One thematic group" only to a member of a group, among their own groups,
and requires the group; once the Office accepts it, the group's members are told, not the rest of
the network."""

from html import unescape

from django.contrib.auth.models import AnonymousUser
from django.core import mail

import pytest

from network_pages import access
from network_pages.core.roles import CORRESPONDENTS
from network_pages.groups import membership
from network_pages.notifications.models import Notification
from network_pages.practices import contributions
from network_pages.practices.models import BestPracticePage, Dissemination, PracticeSettings
from tests.factories.accounts import UserFactory
from tests.factories.groups import join, make_group
from tests.factories.practices import contribute, practice_index, review, theme, upload

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "expert", "corr_de", "member_it", "corr_fr", "author", "office", "srsg")
LOGIN = "login"  # a 302 to the login page of the URL's language
# Who reads a practice of France disseminated to the group whose members are its author and an
# Italian correspondent: the group, the author's state (corr_fr), the Office and the SRSG.
READ_BY_GROUP = {"anonymous": LOGIN, "expert": 403, "corr_de": 403, **dict.fromkeys(ROLES[3:], 200)}
# Marked "SRSG Office only": the group's member from another state no longer reads it.
READ_BY_FRANCE = {**READ_BY_GROUP, "member_it": 403}
TITLE = "Peer mentoring for guardians"
OFFICE_ONLY_TITLE = "Guardians' caseloads compared"
GROUP_CHOICE = "One thematic group"


@pytest.fixture
def group(tree):
    return make_group()


@pytest.fixture
def users(people, group):
    """conftest's people, France's author and an Italian correspondent, both members of the
    group (corr_fr and corr_de are not)."""
    author = UserFactory(username="corr-fr-author", roles=[CORRESPONDENTS], state="FR")
    member_it = UserFactory(username="corr-it", roles=[CORRESPONDENTS], state="IT", language="fr")
    join(group, author, member_it)
    return {
        "anonymous": None,
        "expert": people.expert,
        "corr_de": people.corr_de,
        "member_it": member_it,
        "corr_fr": people.corr_fr,
        "author": author,
        "office": people.office,
        "srsg": people.srsg,
    }


def published(users, group, title, *, sent, **fields):
    """France's contribution to the group, with an attachment, accepted by the Office."""
    page = contribute(
        users["author"],
        "FR",
        uploads=[upload(title.split()[0].lower() + ".txt")],
        title=title,
        dissemination=Dissemination.GROUP,
        thematic_group=group,
        **fields,
    )
    with sent(execute=True):
        review(page, users["office"], contributions.ACCEPT)
    page.refresh_from_db()
    assert page.live
    return page


@pytest.fixture
def practices(users, group, tree, sent):
    """{title: (page, its French version, its attachment, who reads it)}."""
    found = {}
    for title, marking, readers in (
        (TITLE, "network", READ_BY_GROUP),
        (OFFICE_ONLY_TITLE, "office", READ_BY_FRANCE),
    ):
        page = published(users, group, title, sent=sent, marking=marking)
        found[title] = (page, page.get_translation(tree.fr), page.attachments.get(), readers)
    return found


def log_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def answer(client, url, lang="en"):
    response = client.get(url)
    if response.status_code == 302 and response["Location"].startswith(f"/{lang}/login/"):
        return LOGIN
    return response.status_code


def listing_and_export(client, lang):
    """(status and HTML of the list, status and text of its CSV export) in `lang`."""
    index = practice_index(lang)
    listing = client.get(index.url)
    export = client.get(index.url + index.reverse_subpage("export"))
    return (
        (listing.status_code, unescape(listing.content.decode())),
        (export.status_code, export.content.decode("utf-8-sig")),
    )


def told(mark=0):
    """The e-mails sent since the first `mark` ones, as {(address, event)}, each one of the
    project's notifications and one per person and event."""
    found = set()
    for message in mail.outbox[mark:]:
        row = Notification.objects.get(to_email=message.to[0], subject=message.subject)
        found.add((message.to[0], row.event))
    assert len(found) == len(mail.outbox) - mark
    return found


def contribution_data(**fields):
    return {
        "title": "Mentors for young adults",
        "language": "en",
        "summary": "Former guardians mentor young adults leaving care.",
        "body": "",
        "themes": [theme("Children").pk],
        "member_states": [],
        "period_from": "",
        "period_to": "",
        "sources": "",
        "marking": "network",
        "dissemination": "group",
        "submit": "",
        **fields,
    }


# Who reads it


def test_each_practice_page_answers_each_role_as_its_audience_says(client, users, practices):
    """The page and its French version: 200 to the group's members, the author's state, the
    Office and the SRSG; 403 to another correspondent and an expert; the login to anonymous."""
    wrong = []
    for role in ROLES:
        log_in(client, users[role])
        for title, (page, french, _attachment, readers) in practices.items():
            for url, lang in ((page.url, "en"), (french.url, "fr")):
                got = answer(client, url, lang)
                if got != readers[role]:
                    wrong.append(f"{role:9} {title} ({url}): {got}, expected {readers[role]}")
    assert wrong == []


def test_the_list_and_the_export_hold_it_only_for_its_readers(client, users, practices):
    """In both languages, the list and its CSV export show the practice to its readers only (the
    list is for members: 403 to an expert, the login to anonymous)."""
    wrong = []
    for role in ROLES:
        log_in(client, users[role])
        for lang in ("en", "fr"):
            for what, (status, text) in zip(
                ("list", "export"), listing_and_export(client, lang), strict=True
            ):
                expected_status = {"anonymous": 302, "expert": 403}.get(role, 200)
                if status != expected_status:
                    wrong.append(f"{role:9} {what} in {lang}: {status}, expected {expected_status}")
                for title, (_page, _french, _attachment, readers) in practices.items():
                    if (title in text) != (readers[role] == 200):
                        wrong.append(f"{role:9} {what} in {lang}: {title} shown={title in text}")
    assert wrong == []


def test_its_attachment_is_fetched_only_by_its_readers(client, users, practices):
    fetch = {200: 200, 403: 404, LOGIN: LOGIN}
    wrong = []
    for role in ROLES:
        log_in(client, users[role])
        for title, (_page, _french, attachment, readers) in practices.items():
            got = answer(client, attachment.document.url)
            if got != fetch[readers[role]]:
                wrong.append(f"{role:9} {title}: {got}, expected {fetch[readers[role]]}")
    assert wrong == []


def test_can_view_and_viewable_agree_for_every_role(users, practices):
    wrong = []
    pages = list(BestPracticePage.objects.all())
    assert len(pages) == 4
    for role in ROLES:
        user = users[role] or AnonymousUser()
        seen = set(
            access.viewable(user, BestPracticePage.objects.all()).values_list("pk", flat=True)
        )
        for title, (page, french, _attachment, readers) in practices.items():
            for version in (page, french):
                one = access.can_view(user, version)
                if one != (version.pk in seen):
                    wrong.append(f"{role:9} {title} ({version.locale_id}): disagree")
                if one != (readers[role] == 200):
                    wrong.append(f"{role:9} {title} ({version.locale_id}): can_view={one}")
    assert wrong == []


def test_joining_the_group_opens_it_and_leaving_closes_it(client, users, group, practices):
    page, french, _attachment, _readers = practices[TITLE]
    log_in(client, users["corr_de"])
    assert client.get(page.url).status_code == 403
    client.post(group.url + "join/")
    assert client.get(page.url).status_code == 200
    assert client.get(french.url).status_code == 200
    log_in(client, users["member_it"])
    client.post(group.url + "leave/")
    assert client.get(page.url).status_code == 403
    (_status, html), (_status_export, text) = listing_and_export(client, "en")
    assert TITLE not in html and TITLE not in text


def test_the_members_of_another_group_do_not_read_it(client, users, people, practices):
    other = make_group("Return of rejected applicants", theme=theme("Return"))
    join(other, people.corr_de)
    log_in(client, people.corr_de)
    page, french, _attachment, _readers = practices[TITLE]
    assert client.get(page.url).status_code == 403
    assert client.get(french.url).status_code == 403


# Contributing to a group


def test_the_form_offers_one_thematic_group_only_to_a_member_and_only_their_groups(
    client, users, group
):
    other = make_group("Return of rejected applicants", theme=theme("Return"))
    url = practice_index().url + "contribute/"
    log_in(client, users["corr_de"])
    response = client.get(url)
    assert "thematic_group" not in response.context["form"].fields
    assert GROUP_CHOICE not in unescape(response.text)

    log_in(client, users["member_it"])
    response = client.get(url)
    form = response.context["form"]
    assert list(form.fields["thematic_group"].queryset) == [group]
    html = unescape(response.text)
    assert GROUP_CHOICE in html
    assert group.title in html and other.title not in html


def test_the_group_is_required_when_one_thematic_group_is_chosen(client, users, group, sent):
    """Without the group, or with a group the author is not in, the form is sent back; with their
    group, the contribution goes to the Office for that group."""
    other = make_group("Return of rejected applicants", theme=theme("Return"))
    url = practice_index().url + "contribute/"
    log_in(client, users["member_it"])
    response = client.post(url, contribution_data())
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "thematic_group": ["Choose the thematic group that reads it."]
    }
    response = client.post(url, contribution_data(thematic_group=other.pk))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["thematic_group"]
    assert not BestPracticePage.objects.exists()

    with sent(execute=True):
        response = client.post(url, contribution_data(thematic_group=group.pk))
    assert response.status_code == 302
    page = BestPracticePage.objects.get()
    assert (page.dissemination, page.thematic_group_id) == (Dissemination.GROUP, group.pk)
    assert page.contribution.status == contributions.Status.SUBMITTED


def test_a_correspondent_outside_any_group_cannot_choose_one(client, users, group):
    log_in(client, users["corr_de"])
    url = practice_index().url + "contribute/"
    response = client.post(url, contribution_data(thematic_group=group.pk))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["dissemination"]
    assert not BestPracticePage.objects.exists()


def test_a_practice_for_a_group_waits_for_the_office_even_with_publication_at_once(users, group):
    settings = PracticeSettings.load()
    settings.publish_at_once = True
    settings.save()
    page = contribute(
        users["author"], "FR", dissemination=Dissemination.GROUP, thematic_group=group
    )
    assert not page.live
    assert page.contribution.status == contributions.Status.SUBMITTED


def test_on_acceptance_the_groups_members_are_told_not_the_rest_of_the_network(users, group, sent):
    """The author's state hears it is accepted; the group's other member and the SRSG that it is
    published; no other correspondent hears anything (the Office decided it)."""
    page = contribute(
        users["author"], "FR", title=TITLE, dissemination=Dissemination.GROUP, thematic_group=group
    )
    mark = len(mail.outbox)
    with sent(execute=True):
        review(page, users["office"], contributions.ACCEPT)
    assert told(mark) == {
        (users["author"].email, "practice_accepted"),
        (users["corr_fr"].email, "practice_accepted"),
        (users["member_it"].email, "practice_published"),
        (users["srsg"].email, "practice_published"),
    }


def test_a_member_who_left_the_group_is_not_told(users, group, sent):
    membership.leave(group, users["member_it"])
    page = contribute(
        users["author"], "FR", title=TITLE, dissemination=Dissemination.GROUP, thematic_group=group
    )
    mark = len(mail.outbox)
    with sent(execute=True):
        review(page, users["office"], contributions.ACCEPT)
    assert (users["member_it"].email, "practice_published") not in told(mark)


# The state's other correspondents keep the group the draft is meant for, though not its members.
def test_another_correspondent_of_the_state_edits_a_draft_meant_for_a_group(client, users, group):
    page = contribute(
        users["author"],
        "FR",
        submit=False,
        dissemination=Dissemination.GROUP,
        thematic_group=group,
    )
    edit_url = f"{practice_index().url}mine/{page.pk}/edit/"
    log_in(client, users["corr_fr"])
    response = client.get(edit_url)
    assert response.status_code == 200
    revision = response.context["form"]["revision"].value()
    data = contribution_data(
        title="Guardians, revised", thematic_group=group.pk, revision=revision, save=""
    )
    del data["language"], data["submit"]
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    draft = contributions.latest(BestPracticePage.objects.get(pk=page.pk))
    assert (draft.title, draft.dissemination, draft.thematic_group_id) == (
        "Guardians, revised",
        Dissemination.GROUP,
        group.pk,
    )
