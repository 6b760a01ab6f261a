"""A thematic group's workspace (R16, §4.8, docs/access-policy.md "Closed zones"): its members,
the external experts the Office invited there (until the end date, unless withdrawn) and the
Office see it and what is in it, in both languages, wherever it shows: its pages, its listing, the
way in from the group's page, its files, the site search. Nobody else does, not even another
correspondent. Whoever sees it writes in it, and the others there are told; the Office invites
external experts (never a member of the network) and withdraws them; a designated rapporteur of
the group proposes a report to the whole network as a contribution."""

import datetime
import re
from html import unescape
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser, Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from wagtail.models import Page, PageLogEntry

import pytest

from network_pages import access
from network_pages.accounts.models import MemberState
from network_pages.core.roles import CORRESPONDENTS, EXPERTS
from network_pages.files.models import NetworkDocument
from network_pages.groups import membership, workspace
from network_pages.groups.models import (
    GroupIndexPage,
    ThematicGroupPage,
    WorkspaceInvitation,
    WorkspaceItemPage,
    WorkspacePage,
)
from network_pages.notifications.models import Notification
from network_pages.practices import contributions
from network_pages.practices.models import BestPracticePage, Contribution
from tests.factories.accounts import UserFactory
from tests.factories.groups import (
    designate,
    group_index,
    invite_into,
    join,
    make_group,
    pdf,
    workspace_of,
    write_item,
)
from tests.factories.practices import review

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")

LOGIN = "login"  # a 302 to the login page of the URL's language
ITEM_TITLE = "Findings on guardianship"
PROPOSE = "Propose to the network"
ONLY_RAPPORTEURS = "Only a designated rapporteur of the group proposes its reports, once."

ROLES = (
    "anonymous",
    "expert",  # an invited expert of the network, not invited into this workspace
    "invited",  # invited into the workspace, until a date still to come
    "lapsed",  # invited until a date that has passed
    "withdrawn",  # invited, then withdrawn by the Office
    "outsider_corr",  # a correspondent who is not a member of the group
    "member",  # the item's author
    "colleague",  # another member
    "office",
    "srsg",
)
INSIDE = {"invited", "member", "colleague", "office", "srsg"}
# Who reads the group's page (members only: never an invited expert).
READS_GROUP = {"outsider_corr", "member", "colleague", "office", "srsg"}


@pytest.fixture(autouse=True)
def _frozen(frozen_clock):
    """Invitations end on a date: the clock stands still before anything is built."""


def expected(role, inside):
    if role == "anonymous":
        return LOGIN
    return 200 if role in inside else 403


@pytest.fixture
def group(tree):
    return make_group()


@pytest.fixture
def cast(people, tree, group, frozen_clock, sent, today):
    """The group with two members, one of whom wrote a note with a PDF; three experts invited
    into its workspace: one still, one until yesterday (two days have passed since), one
    withdrawn; and everyone else of conftest's people."""
    colleague = UserFactory(username="corr-it", roles=[CORRESPONDENTS], state="IT")
    join(group, people.corr_fr, colleague)
    invited = invite_into(group, by=people.office, email="invited@expert.example").user
    lapsed = invite_into(
        group,
        by=people.office,
        email="lapsed@expert.example",
        ends_on=today + datetime.timedelta(days=1),
    ).user
    withdrawn_invitation = invite_into(group, by=people.office, email="withdrawn@expert.example")
    workspace.withdraw(withdrawn_invitation, by=people.office)
    with sent(execute=True):
        item = write_item(group, people.corr_fr, ITEM_TITLE, upload=pdf())
    frozen_clock.move_to(timezone.now() + datetime.timedelta(days=2), tick=False)
    mail.outbox.clear()
    users = {
        "anonymous": None,
        "expert": people.expert,
        "invited": invited,
        "lapsed": lapsed,
        "withdrawn": withdrawn_invitation.user,
        "outsider_corr": people.corr_de,
        "member": people.corr_fr,
        "colleague": colleague,
        "office": people.office,
        "srsg": people.srsg,
    }
    space = workspace_of(group)
    return {
        "users": users,
        "group": group,
        "group_fr": group.get_translation(tree.fr),
        "space": space,
        "space_fr": space.get_translation(tree.fr),
        "item": item,
        "item_fr": item.get_translation(tree.fr),
    }


def log_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def answer(client, url, lang="en"):
    response = client.get(url)
    if response.status_code == 302 and response["Location"].startswith(f"/{lang}/login/"):
        return LOGIN
    return response.status_code


def told(mark=0):
    """The e-mails sent since the first `mark` ones, by (address, event), each one of the
    project's notifications."""
    found = {}
    for message in mail.outbox[mark:]:
        row = Notification.objects.get(to_email=message.to[0], subject=message.subject)
        found[(message.to[0], row.event)] = message
    assert len(found) == len(mail.outbox) - mark
    return found


def item_form(**fields):
    return {
        "title": "Draft questionnaire",
        "kind": "note",
        "language": "en",
        "body": "Three questions for each state.\n\nAnswers by September.",
        **fields,
    }


# Who sees it, wherever it shows


def test_the_workspace_and_its_item_answer_each_role_in_both_languages(client, cast):
    """The workspace's page and its item's, in English and in French: 200 to those inside, 403 to
    everyone else (another correspondent, an expert not or no longer invited), the login to an
    anonymous visitor. All differences at once."""
    wrong = []
    for role in ROLES:
        log_in(client, cast["users"][role])
        for name in ("space", "space_fr", "item", "item_fr"):
            lang = "fr" if name.endswith("_fr") else "en"
            got = answer(client, cast[name].url, lang)
            if got != expected(role, INSIDE):
                wrong.append(f"{role:13} {name}: {got}, expected {expected(role, INSIDE)}")
    assert wrong == []


def test_the_workspace_lists_its_item_to_those_inside(client, cast):
    """Inside, in both languages, the listing shows the item (in the reader's tree) with its
    author."""
    wrong = []
    for role in INSIDE:
        log_in(client, cast["users"][role])
        for space, item in (("space", "item"), ("space_fr", "item_fr")):
            html = unescape(client.get(cast[space].url).text)
            if f'href="{cast[item].url}"' not in html or ITEM_TITLE not in html:
                wrong.append(f"{role}: {item} not listed in {space}")
            if cast["users"]["member"].get_full_name() not in html:
                wrong.append(f"{role}: the author is not named in {space}")
    assert wrong == []


def test_the_group_page_opens_the_way_into_the_workspace_only_for_those_who_may_enter(client, cast):
    """Every member reads the group's page; only its members, the Office and the SRSG find the
    way into the workspace there. Invited experts never read the group's page."""
    wrong = []
    for role in ROLES:
        log_in(client, cast["users"][role])
        for page, space in (("group", "space"), ("group_fr", "space_fr")):
            lang = "fr" if page.endswith("_fr") else "en"
            got = answer(client, cast[page].url, lang)
            if got != expected(role, READS_GROUP):
                wrong.append(f"{role:13} {page}: {got}, expected {expected(role, READS_GROUP)}")
            if got != 200:
                continue
            html = client.get(cast[page].url).text
            shown = f'href="{cast[space].url}"' in html
            if shown != (role in INSIDE):
                wrong.append(f"{role:13} {page}: the way into the workspace shown={shown}")
    assert wrong == []


def test_the_items_document_is_fetched_only_by_those_inside(client, cast):
    """The PDF is linked on the item's page and fetched (document and media URL) by those inside;
    anyone else finds it missing (404), an anonymous visitor is sent to the login."""
    document = cast["item"].document
    assert document.owner == cast["item"]
    fetch = {200: 200, 403: 404, LOGIN: LOGIN}
    wrong = []
    for role in ROLES:
        log_in(client, cast["users"][role])
        want = fetch[expected(role, INSIDE)]
        for url in (document.url, document.file.url):
            got = answer(client, url)
            if got != want:
                wrong.append(f"{role:13} {url}: {got}, expected {want}")
        if role in INSIDE:
            for item in ("item", "item_fr"):
                if f'href="{document.url}"' not in client.get(cast[item].url).text:
                    wrong.append(f"{role:13} {item}: the document is not linked")
    assert wrong == []


def test_site_search_finds_the_item_only_for_those_inside(client, cast):
    """Searching for the item's title, in the English and the French search: those inside find
    the item (in the language searched), nobody else does."""
    wrong = []
    for role in ROLES:
        log_in(client, cast["users"][role])
        for lang, item in (("en", "item"), ("fr", "item_fr")):
            response = client.get(f"/{lang}/search/", {"query": "guardianship"})
            assert response.status_code == 200
            found = [result.pk for result in response.context["search_results"]]
            want = [cast[item].pk] if role in INSIDE else []
            if found != want:
                wrong.append(f"{role:13} /{lang}/search/: {found}, expected {want}")
            if role not in INSIDE and ITEM_TITLE in response.text:
                wrong.append(f"{role:13} /{lang}/search/ shows the title")
    assert wrong == []


def test_the_intranet_home_leads_into_the_workspace_only_those_inside(client, tree, cast):
    """The home's new contributions show the item to members, the Office and the SRSG, not to
    another correspondent; the invited expert finds the workspace among what they were invited
    to, an expert whose invitation lapsed or was withdrawn does not."""
    item, space = cast["item"], cast["space"]
    wrong = []
    for role in ROLES[1:]:
        log_in(client, cast["users"][role])
        html = client.get(tree.intranet_en.url).text
        shows_item = f'href="{item.url}"' in html
        if shows_item != (role in INSIDE - {"invited"}):
            wrong.append(f"{role:13} the item shown={shows_item}")
        shows_space = f'href="{space.url}"' in html
        if role not in INSIDE and shows_space or role == "invited" and not shows_space:
            wrong.append(f"{role:13} the workspace shown={shows_space}")
    assert wrong == []


def test_can_view_and_viewable_agree_on_every_page_of_the_groups_for_every_role(cast):
    """For the list, the group, its workspace and its item, in both languages: the check for one
    page and the condition on querysets say the same, and what they say is the expected answer."""
    pages = list(
        Page.objects.type(GroupIndexPage, ThematicGroupPage, WorkspacePage, WorkspaceItemPage)
    )
    assert len(pages) == 8
    inside = {
        WorkspacePage: INSIDE,
        WorkspaceItemPage: INSIDE,
        ThematicGroupPage: READS_GROUP,
        GroupIndexPage: READS_GROUP,
    }
    wrong = []
    for role in ROLES:
        user = cast["users"][role] or AnonymousUser()
        seen = set(access.viewable(user, Page.objects.all()).values_list("pk", flat=True))
        for page in pages:
            one = access.can_view(user, page)
            if one != (page.pk in seen):
                wrong.append(f"{role:13} {page.title} ({page.locale_id}): disagree")
            if one != (role in inside[page.specific_class]):
                wrong.append(f"{role:13} {page.title} ({page.locale_id}): can_view={one}")
    assert wrong == []


# Writing


def test_a_member_writes_a_note_with_a_pdf_and_those_working_there_are_told(client, cast, sent):
    """Written through the form, the note is published at once with its file, logged, and the
    others working there are told: the other members, the Office and the expert invited now; not
    its author, not a correspondent outside the group, nor an expert whose invitation lapsed or
    was withdrawn."""
    users = cast["users"]
    client.force_login(users["colleague"])
    html = client.get(cast["space"].url).text
    assert f'href="{cast["space"].url}write/"' in html
    assert client.get(cast["space"].url + "write/").context["form"]["language"].value() == "en"
    with sent(execute=True):
        response = client.post(
            cast["space"].url + "write/", item_form(document=pdf("questionnaire.pdf"))
        )
    assert response.status_code == 302
    item = WorkspaceItemPage.objects.get(title="Draft questionnaire", locale__language_code="en")
    assert response["Location"] == item.url
    assert item.live
    assert (item.kind, item.author) == ("note", users["colleague"])
    assert item.document.owner == item
    html = unescape(client.get(item.url).text)
    assert "Three questions for each state." in html
    assert f'href="{item.document.url}"' in html
    assert PageLogEntry.objects.filter(
        page=item, action="network.workspace.write", user=users["colleague"]
    ).exists()
    assert set(told()) == {
        (users[role].email, "workspace_item_added") for role in ("member", "office", "invited")
    }
    for role in ROLES:
        log_in(client, users[role])
        assert (
            answer(client, item.document.url)
            == {200: 200, 403: 404, LOGIN: LOGIN}[expected(role, INSIDE)]
        ), role


def test_a_member_writes_in_french_from_the_french_workspace(client, cast, sent):
    """The French form proposes French; written in French, the item is in the French tree, and
    the English workspace lists it too."""
    client.force_login(cast["users"]["member"])
    form = client.get(cast["space_fr"].url + "write/").context["form"]
    assert form["language"].value() == "fr"
    with sent(execute=True):
        response = client.post(
            cast["space_fr"].url + "write/",
            item_form(title="Questionnaire", language="fr", body="Trois questions."),
        )
    assert response.status_code == 302
    item = WorkspaceItemPage.objects.get(title="Questionnaire", locale__language_code="fr")
    assert response["Location"] == item.url
    assert item.url.startswith(cast["space_fr"].url)
    client.force_login(cast["users"]["colleague"])
    assert "Questionnaire" in client.get(cast["space"].url).text


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("setup.exe", b"MZ\x90\x00\x03\x00", "“setup.exe” is not an accepted file type."),
        (
            "notes.txt",
            b"<html><script>alert(1)</script></html>",
            "The content of “notes.txt” does not match its extension.",
        ),
    ],
    ids=["program", "html-renamed-txt"],
)
def test_a_refused_file_keeps_the_text_and_writes_nothing(client, cast, sent, name, content, error):
    """A file the upload policy refuses sends the form back with its error and the text typed
    kept (the file must be chosen again); no item, no document, no e-mail."""
    documents = NetworkDocument.objects.count()
    items = WorkspaceItemPage.objects.count()
    client.force_login(cast["users"]["member"])
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    with sent(execute=True):
        response = client.post(cast["space"].url + "write/", item_form(document=upload))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["document", "__all__"]
    html = unescape(response.text)
    assert error in html
    assert "Your text is kept, but files cannot be: choose the document again." in html
    assert form["title"].value() == "Draft questionnaire"
    assert "Three questions for each state." in html
    assert WorkspaceItemPage.objects.count() == items
    assert NetworkDocument.objects.count() == documents
    assert mail.outbox == []


def test_a_text_or_a_document_is_needed(client, cast, sent):
    client.force_login(cast["users"]["member"])
    with sent(execute=True):
        response = client.post(cast["space"].url + "write/", item_form(body="   "))
    assert response.status_code == 200
    assert response.context["form"].errors == {"body": ["Write a text or attach a document."]}
    assert not WorkspaceItemPage.objects.filter(title="Draft questionnaire").exists()
    assert mail.outbox == []


def test_nobody_outside_writes_in_the_workspace(client, cast):
    for role in ("expert", "lapsed", "withdrawn", "outsider_corr"):
        log_in(client, cast["users"][role])
        assert client.get(cast["space"].url + "write/").status_code == 403, role
        assert client.post(cast["space"].url + "write/", item_form()).status_code == 403, role
    assert not WorkspaceItemPage.objects.filter(title="Draft questionnaire").exists()


# Invited experts


def test_an_invited_expert_works_in_the_workspace_without_seeing_the_group_or_the_list(
    client, cast, sent
):
    """The invited expert reads the workspace (without a link to the group's page), but neither
    the group's page nor the list of groups, in either language; they write there, and the
    members and the Office are told."""
    users = cast["users"]
    client.force_login(users["invited"])
    html = client.get(cast["space"].url).text
    assert f'href="{cast["group"].url}"' not in html
    for url in (cast["group"].url, cast["group_fr"].url, group_index().url, group_index("fr").url):
        assert client.get(url).status_code == 403, url
    with sent(execute=True):
        response = client.post(cast["space"].url + "write/", item_form(title="Expert's remarks"))
    assert response.status_code == 302
    item = WorkspaceItemPage.objects.get(title="Expert's remarks", locale__language_code="en")
    assert item.author == users["invited"]
    assert set(told()) == {
        (users[role].email, "workspace_item_added") for role in ("member", "colleague", "office")
    }
    assert client.get(item.url).status_code == 200


def test_the_office_invites_an_external_expert_who_is_told_with_a_way_to_open_their_account(
    client, people, tree, group, sent, today
):
    """Invited by an address the network does not know, the expert gets an account they open
    themselves, and an e-mail in their language with the way to open it and the workspace's
    address in that language; the workspace opens to them."""
    space = workspace_of(group)
    client.force_login(people.office)
    assert client.get(space.url + "invite/").status_code == 200
    data = {
        "first_name": "Ana",
        "last_name": "Novak",
        "email": "ana.novak@university.example",
        "language": "fr",
        "ends_on": (today + datetime.timedelta(days=60)).isoformat(),
    }
    with sent(execute=True):
        response = client.post(space.url + "invite/", data)
    assert response.status_code == 302
    assert response["Location"] == space.url
    invitation = WorkspaceInvitation.objects.get()
    expert = invitation.user
    assert (expert.email, expert.language) == ("ana.novak@university.example", "fr")
    assert list(expert.groups.values_list("name", flat=True)) == [EXPERTS]
    assert not expert.has_usable_password()
    assert (invitation.invited_by, invitation.ends_on) == (
        people.office,
        today + datetime.timedelta(days=60),
    )
    sent_to = told()
    assert set(sent_to) == {(expert.email, "workspace_invitation")}
    message = sent_to[(expert.email, "workspace_invitation")]
    assert message.subject.replace("\u00a0", " ") == (
        "Invitation à l’espace de travail du groupe « Integration of migrant children »"
    )
    body = message.body
    assert re.search(r"http://testserver/fr/activate/[^/\s]+/[^/\s]+/", body)
    assert f"http://testserver{space.get_translation(tree.fr).url}" in body
    assert PageLogEntry.objects.filter(
        page=space, action="network.workspace.invite", user=people.office
    ).exists()
    client.force_login(expert)
    assert client.get(space.url).status_code == 200


def test_an_end_date_already_past_is_refused(client, people, group, today):
    client.force_login(people.office)
    data = {
        "first_name": "Ana",
        "last_name": "Novak",
        "email": "ana.novak@university.example",
        "language": "en",
        "ends_on": (today - datetime.timedelta(days=1)).isoformat(),
    }
    response = client.post(workspace_of(group).url + "invite/", data)
    assert response.status_code == 200
    assert response.context["form"].errors == {"ends_on": ["The end date has passed."]}
    assert not WorkspaceInvitation.objects.exists()


@pytest.mark.parametrize("who", ["corr_de", "srsg"])
def test_inviting_a_member_of_the_network_is_refused(client, people, group, sent, today, who):
    """A correspondent (or the SRSG) is never invited into a workspace: the form says to invite
    external experts only, and nothing changes for them."""
    person = getattr(people, who)
    client.force_login(people.office)
    data = {
        "first_name": "Someone",
        "last_name": "Known",
        "email": person.email,
        "language": "en",
        "ends_on": (today + datetime.timedelta(days=10)).isoformat(),
    }
    with sent(execute=True):
        response = client.post(workspace_of(group).url + "invite/", data)
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "email": ["This person is a member of the network: invite external experts only."]
    }
    assert not WorkspaceInvitation.objects.exists()
    assert not person.groups.filter(name=EXPERTS).exists()
    assert mail.outbox == []


def test_the_office_withdraws_an_invitation_and_the_workspace_closes_at_once(client, cast):
    """The expert, logged in, is refused at their next request: the workspace, the item and its
    file; the Office's list of invited experts says it was withdrawn."""
    users, space = cast["users"], cast["space"]
    expert_client = Client()
    expert_client.force_login(users["invited"])
    assert expert_client.get(space.url).status_code == 200
    invitation = WorkspaceInvitation.objects.get(user=users["invited"])

    client.force_login(users["office"])
    assert f"invitations/{invitation.pk}/withdraw/" in client.get(space.url).text
    response = client.post(space.url + f"invitations/{invitation.pk}/withdraw/")
    assert response.status_code == 302
    assert response["Location"] == space.url
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None

    assert expert_client.get(space.url).status_code == 403
    assert expert_client.get(cast["space_fr"].url).status_code == 403
    assert expert_client.get(cast["item"].url).status_code == 403
    assert expert_client.get(cast["item"].document.url).status_code == 404
    response = expert_client.get("/en/search/", {"query": "guardianship"})
    assert list(response.context["search_results"]) == []
    assert "withdrawn on" in client.get(space.url).text
    assert PageLogEntry.objects.filter(
        page=space, action="network.workspace.withdraw", user=users["office"]
    ).exists()


def test_an_invitation_lets_in_until_its_end_date_and_not_the_day_after(
    client, people, group, frozen_clock, today, sent
):
    """Days are Strasbourg's: the expert still works there late on the end date, and is refused
    half an hour after midnight in Strasbourg, while it is still the end date in UTC."""
    ends_on = today + datetime.timedelta(days=3)
    expert = invite_into(group, by=people.office, ends_on=ends_on).user
    space = workspace_of(group)
    with sent(execute=True):
        item = write_item(group, people.office, "Agenda of the next call")
    client.force_login(expert)
    assert client.get(space.url).status_code == 200
    frozen_clock.move_to(datetime.datetime.combine(ends_on, datetime.time(23, 30), PARIS))
    assert client.get(space.url).status_code == 200
    frozen_clock.move_to(
        datetime.datetime.combine(ends_on + datetime.timedelta(days=1), datetime.time(0, 30), PARIS)
    )
    assert datetime.datetime.now(datetime.UTC).date() == ends_on
    assert client.get(space.url).status_code == 403
    assert client.get(item.url).status_code == 403
    assert not access.can_view(expert, space)


# A lapsed invitation closes the workspace to the person's own grant, never to the group's.
def test_a_former_invited_expert_who_becomes_a_correspondent_and_joins_works_there(
    client, people, group
):
    space = workspace_of(group)
    invitation = invite_into(group, by=people.office, email="mira.roth@ministry.example")
    workspace.withdraw(invitation, by=people.office)
    person = invitation.user
    person.groups.set(
        [Group.objects.get(name=CORRESPONDENTS), MemberState.objects.get(code="AT").group]
    )
    access.forget(person)
    client.force_login(person)
    assert client.post(group.url + "join/").status_code == 302
    assert membership.members(group) == [person]
    assert client.get(space.url).status_code == 200


def test_only_the_office_invites_and_withdraws(client, cast, today):
    """Neither a member nor an invited expert invites anyone or withdraws an invitation."""
    space = cast["space"]
    invitation = WorkspaceInvitation.objects.get(user=cast["users"]["invited"])
    data = {
        "first_name": "Ana",
        "last_name": "Novak",
        "email": "ana.novak@university.example",
        "language": "en",
        "ends_on": (today + datetime.timedelta(days=10)).isoformat(),
    }
    for role in ("member", "invited"):
        log_in(client, cast["users"][role])
        assert client.get(space.url + "invite/").status_code == 403, role
        assert client.post(space.url + "invite/", data).status_code == 403, role
        assert client.post(space.url + f"invitations/{invitation.pk}/withdraw/").status_code == 403
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None
    assert WorkspaceInvitation.objects.count() == 3


# Proposing a report to the network


@pytest.fixture
def report(people, group, sent):
    """A group whose members are corr_fr (its designated rapporteur) and corr_de, with a report
    written by corr_de, with a PDF, and a note."""
    join(group, people.corr_fr, people.corr_de)
    designate(people.corr_fr, group, by=people.office)
    with sent(execute=True):
        found = write_item(
            group,
            people.corr_de,
            "Report on guardianship",
            kind="report",
            body="Every state names a guardian.\n\nMost within a week.",
            upload=pdf("report.pdf"),
        )
        write_item(group, people.corr_de, "Meeting notes", kind="note")
    mail.outbox.clear()
    return found


def test_a_designated_rapporteur_proposes_a_report_to_the_network(client, people, report, sent):
    """The rapporteur is offered to propose the report; proposing it makes a contribution of
    their state on the group's theme, with its text and its file, sent to the Office's review
    (the Office is told); the item records it and is not offered again; once the Office accepts
    it, the item links to the published practice."""
    client.force_login(people.corr_fr)
    assert PROPOSE in client.get(report.url).text
    with sent(execute=True):
        response = client.post(report.url + "propose/", follow=True)
    assert response.redirect_chain == [(report.url, 302)]
    assert "The report is proposed to the network" in unescape(response.text)

    practice = BestPracticePage.objects.get()
    assert practice.title == "Report on guardianship"
    assert (practice.author, practice.author_state.code) == (people.corr_fr, "FR")
    assert not practice.live
    assert practice.contribution.status == Contribution.Status.SUBMITTED
    assert contributions.review_task_state(practice) is not None
    latest = contributions.latest(practice)
    assert list(latest.themes.all()) == [report.get_parent().get_parent().specific.theme]
    assert "Every state names a guardian." in latest.summary
    (attachment,) = latest.attachments.all()
    assert attachment.document.file.read() == b"%PDF-1.4 workspace file"
    for version in WorkspaceItemPage.objects.filter(translation_key=report.translation_key):
        assert version.proposed_as_id == practice.pk
    assert set(told()) == {(people.office.email, "practice_submitted")}
    assert PageLogEntry.objects.filter(
        page=report, action="network.workspace.propose", user=people.corr_fr
    ).exists()
    assert PROPOSE not in client.get(report.url).text

    review(practice, people.office, contributions.ACCEPT)
    practice.refresh_from_db()
    assert practice.live
    html = unescape(client.get(report.url).text)
    assert "Proposed to the whole network as a contribution:" in html
    assert f'href="{practice.url}"' in html


def test_a_report_is_proposed_only_once(client, people, report):
    client.force_login(people.corr_fr)
    client.post(report.url + "propose/")
    response = client.post(report.url + "propose/", follow=True)
    assert ONLY_RAPPORTEURS in unescape(response.text)
    assert BestPracticePage.objects.count() == 1


def test_only_a_designated_rapporteur_of_the_group_proposes_and_only_a_report(
    client, people, group, report, tree
):
    """Refused with a message, and without the offer on the page: another member (even the
    report's author), a volunteer the Network has not designated yet, the Office; and a note,
    even for the rapporteur."""
    note = WorkspaceItemPage.objects.get(title="Meeting notes", locale__language_code="en")
    volunteer = UserFactory(username="corr-it", roles=[CORRESPONDENTS], state="IT")
    join(group, volunteer)
    membership.volunteer(volunteer, None, group=group)
    for user, item in (
        (people.corr_de, report),
        (volunteer, report),
        (people.office, report),
        (people.corr_fr, note),
    ):
        client.force_login(user)
        assert PROPOSE not in client.get(item.url).text
        response = client.post(item.url + "propose/", follow=True)
        assert ONLY_RAPPORTEURS in unescape(response.text), user
    assert not BestPracticePage.objects.exists()
    report.refresh_from_db()
    assert report.proposed_as is None
