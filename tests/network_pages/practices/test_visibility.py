"""Who reads a good practice, wherever it shows: its page in both languages, the list, the CSV
export and the files attached to it (R15, docs/access-policy.md, "Page-type rules" and "Files").

The Office and the SRSG read every practice; the author's state reads its own; other members read
a practice disseminated to all members unless it is marked "SRSG Office only"; invited experts
never read one, whatever they are granted; anonymous visitors are sent to the login.
"""

from django.contrib.auth.models import AnonymousUser

import pytest

from network_pages import access
from network_pages.core.roles import CORRESPONDENTS
from network_pages.practices import contributions
from network_pages.practices.models import BestPracticePage
from tests.factories.accounts import UserFactory
from tests.factories.practices import contribute, make_practice, practice_index, review, upload

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "expert", "corr_fr", "corr_de", "office", "srsg")
LOGIN = "login"  # a 302 to the login page of the URL's language

# Who reads a practice contributed by France (its author is another French correspondent).
READ_BY_MEMBERS = {"anonymous": LOGIN, "expert": 403, **dict.fromkeys(ROLES[2:], 200)}
READ_BY_FRANCE = {**READ_BY_MEMBERS, "corr_de": 403}  # the author's state and the Office
READ_BY_OFFICE = {**READ_BY_FRANCE, "corr_fr": 403}  # written by the Office: no author's state

# France's contributions, one per audience: (title, what is proposed, who reads it).
CONTRIBUTED = {
    "all members": (
        "Reception in small towns",
        {"dissemination": "network", "marking": "network"},
        READ_BY_MEMBERS,
    ),
    "disseminated to the Office only": (
        "Guardians appointed within a day",
        {"dissemination": "office", "marking": "network"},
        READ_BY_FRANCE,
    ),
    "marked Office only, disseminated to all members": (
        "Screening at the border crossing",
        {"dissemination": "network", "marking": "office"},
        READ_BY_FRANCE,
    ),
    "marked national, disseminated to all members": (
        "Voluntary return counselling",
        {"dissemination": "network", "marking": "national"},
        READ_BY_MEMBERS,
    ),
}
OFFICE_ONLY_TITLE = "Alternatives to detention reviewed"

# A file nobody else may fetch answers like a missing one.
FETCH = {200: 200, 403: 404, LOGIN: LOGIN}


@pytest.fixture
def author(db):
    """France's author: not `corr_fr`, who reads France's practices as its state's correspondent."""
    return UserFactory(username="corr-fr-author", roles=[CORRESPONDENTS], state="FR")


@pytest.fixture
def users(people):
    return {
        "anonymous": None,
        "expert": people.expert,
        "corr_fr": people.corr_fr,
        "corr_de": people.corr_de,
        "office": people.office,
        "srsg": people.srsg,
    }


@pytest.fixture
def practices(people, tree, author):
    """{audience: (published contribution of France, its French version, its attachment, who
    reads it)}, plus a practice the Office wrote for itself (without attachment)."""
    found = {}
    for audience, (title, fields, readers) in CONTRIBUTED.items():
        name = title.split()[0].lower() + ".txt"
        page = contribute(author, "FR", uploads=[upload(name)], title=title, **fields)
        review(page, people.office, contributions.ACCEPT)
        page.refresh_from_db()
        assert page.live
        french = page.get_translation(tree.fr)
        assert french.live
        found[audience] = (page, french, page.attachments.get(), readers)
    own = make_practice(OFFICE_ONLY_TITLE, dissemination="office")
    found["written by the Office for itself"] = (
        own,
        own.get_translation(tree.fr),
        None,
        READ_BY_OFFICE,
    )
    return found


@pytest.fixture
def unpublished(people, author):
    """A draft France keeps to itself and a contribution the Office published then hid, both
    meant for all members, each with an attachment."""
    draft = contribute(
        author, "FR", uploads=[upload("draft.txt")], submit=False, title="Shelter capacity draft"
    )
    hidden = contribute(
        author, "FR", uploads=[upload("hidden.txt")], title="Interpreters at interviews"
    )
    review(hidden, people.office, contributions.ACCEPT)
    contributions.hide(hidden, by=people.office, reason="Names a person.")
    hidden.refresh_from_db()
    assert not draft.live and not hidden.live
    return {"draft": draft, "hidden": hidden}


def _log_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def _answer(client, url, lang="en"):
    response = client.get(url)
    if response.status_code == 302 and response["Location"].startswith(f"/{lang}/login/"):
        return LOGIN
    return response.status_code


def _listing_and_export(client, lang="en"):
    """(status and HTML of the list, status and text of its CSV export) in `lang`."""
    index = practice_index(lang)
    listing = client.get(index.url)
    export = client.get(index.url + index.reverse_subpage("export"))
    return (
        (listing.status_code, listing.content.decode()),
        (export.status_code, export.content.decode("utf-8-sig")),
    )


def test_each_practice_page_answers_each_role_as_its_audience_says(client, users, practices):
    """The practice's page and its French version answer alike: 200 to its readers, 403 to other
    members and invited experts, the login to anonymous visitors; all differences at once."""
    wrong = []
    for role in ROLES:
        _log_in(client, users[role])
        for audience, (page, french, _attachment, readers) in practices.items():
            for url, lang in ((page.url, "en"), (french.url, "fr")):
                got = _answer(client, url, lang)
                if got != readers[role]:
                    wrong.append(f"{role:9} {audience} ({url}): {got}, expected {readers[role]}")
    assert wrong == []


def test_the_list_shows_each_role_the_practices_it_reads(client, users, practices):
    """In both languages' lists: a title is there for the practice's readers, absent for the
    others; the list itself is for members only."""
    wrong = []
    for role in ROLES:
        _log_in(client, users[role])
        for lang in ("en", "fr"):
            (status, html), _export = _listing_and_export(client, lang)
            expected_status = {"anonymous": 302, "expert": 403}.get(role, 200)
            if status != expected_status:
                wrong.append(f"{role:9} list in {lang}: {status}, expected {expected_status}")
            for audience, (page, _french, _attachment, readers) in practices.items():
                shown = page.title in html
                if shown != (readers[role] == 200):
                    wrong.append(f"{role:9} list in {lang}: {audience} shown={shown}")
    assert wrong == []


def test_the_export_holds_only_what_each_role_reads(client, users, practices):
    """The CSV export in both languages: a practice's row for its readers only; the export is for
    members only (the login for anonymous visitors, 403 for invited experts)."""
    wrong = []
    for role in ROLES:
        _log_in(client, users[role])
        for lang in ("en", "fr"):
            _listing, (status, text) = _listing_and_export(client, lang)
            expected_status = {"anonymous": 302, "expert": 403}.get(role, 200)
            if status != expected_status:
                wrong.append(f"{role:9} export in {lang}: {status}, expected {expected_status}")
            for audience, (page, _french, _attachment, readers) in practices.items():
                exported = page.title in text
                if exported != (readers[role] == 200):
                    wrong.append(f"{role:9} export in {lang}: {audience} exported={exported}")
    assert wrong == []


def test_an_attachment_is_fetched_by_whoever_reads_its_practice(client, users, practices):
    """A file contributed with a practice is owned by it: its readers fetch it (by its document
    URL and its media URL); anyone else finds it missing (404), anonymous visitors the login."""
    for _page, _french, attachment, _readers in practices.values():
        if attachment is not None:  # owned by the practice as first written
            assert attachment.document.owner == attachment.page
    wrong = []
    for role in ROLES:
        _log_in(client, users[role])
        for audience, (_page, _french, attachment, readers) in practices.items():
            if attachment is None:
                continue
            for url in (attachment.document.url, attachment.document.file.url):
                got = _answer(client, url)
                if got != FETCH[readers[role]]:
                    wrong.append(
                        f"{role:9} {audience} ({url}): {got}, expected {FETCH[readers[role]]}"
                    )
    assert wrong == []


def test_a_draft_or_hidden_contribution_is_listed_and_exported_for_nobody(
    client, users, author, practices, unpublished
):
    """Meant for all members, a draft and a hidden contribution are still in no list and no
    export, not even their author's, their state's or the Office's (they read them on "My
    contributions")."""
    for role, user in {**users, "author": author}.items():
        if role in ("anonymous", "expert"):
            continue  # the list is not theirs at all (see above)
        _log_in(client, user)
        for lang in ("en", "fr"):
            (status, html), (export_status, text) = _listing_and_export(client, lang)
            assert status == export_status == 200
            assert "Reception in small towns" in html and "Reception in small towns" in text
            for page in unpublished.values():
                assert page.title not in html, (role, lang, page.title)
                assert page.title not in text, (role, lang, page.title)


def test_a_draft_or_hidden_contributions_attachment_is_fetched_by_its_state_and_the_office(
    client, users, author, unpublished
):
    """Before publication and once hidden, a contribution's file is its state's (the author and
    the state's correspondents) and the Office's: other members find it missing, as do invited
    experts; anonymous visitors get the login."""
    users = {**users, "author": author}
    expected = {
        "anonymous": LOGIN,
        "expert": 404,
        "author": 200,
        "corr_fr": 200,
        "corr_de": 404,
        "office": 200,
        "srsg": 200,
    }
    wrong = []
    for role, user in users.items():
        _log_in(client, user)
        for name, page in unpublished.items():
            document = page.attachments.get().document
            for url in (document.url, document.file.url):
                got = _answer(client, url)
                if got != expected[role]:
                    wrong.append(f"{role:9} {name} ({url}): {got}, expected {expected[role]}")
    assert wrong == []


def test_can_view_and_viewable_agree_on_every_practice_for_every_role(
    users, author, practices, unpublished
):
    """The page rule's check for one page and its condition on querysets say the same, for every
    practice (originals, French versions, a draft, a hidden one) and every role."""
    pages = list(BestPracticePage.objects.all())
    assert len(pages) == 2 * len(practices) + 3  # the draft has no French version yet
    disagree = []
    for role, user in {**users, "author": author}.items():
        user = user or AnonymousUser()
        seen = set(
            access.viewable(user, BestPracticePage.objects.all()).values_list("pk", flat=True)
        )
        for page in pages:
            if access.can_view(user, page) != (page.pk in seen):
                disagree.append(f"{role:9} {page.title} ({page.locale.language_code})")
    assert disagree == []


def test_the_rule_reads_the_practice_for_each_role_as_the_policy_says(users, practices):
    """`access.can_view` on each original and its French version gives the audience's answers
    (readers: True; everyone else, anonymous visitors included: False)."""
    wrong = []
    for role, user in users.items():
        user = user or AnonymousUser()
        for audience, (page, french, _attachment, readers) in practices.items():
            for version in (page, french):
                if access.can_view(user, version) != (readers[role] == 200):
                    wrong.append(f"{role:9} {audience} ({version.locale.language_code})")
    assert wrong == []


def test_an_expert_granted_the_whole_intranet_reads_no_practice(
    client, people, tree, pages, practices
):
    """Granted the intranet with its subtree, an invited expert reads its pages, yet no practice:
    not the list, not the export, not a practice's page in either language, not its files."""
    client.force_login(people.expert)
    assert client.get(pages.meeting.url).status_code == 403
    access.grant(people.expert, tree.intranet_en, tell=False)
    assert client.get(pages.meeting.url).status_code == 200  # the grant opens the intranet
    (status, html), (export_status, text) = _listing_and_export(client)
    assert status == export_status == 403
    for _audience, (page, french, attachment, _readers) in practices.items():
        assert client.get(page.url).status_code == 403
        assert client.get(french.url).status_code == 403
        assert page.title not in html and page.title not in text
        if attachment is not None:
            assert client.get(attachment.document.url).status_code == 404
            assert client.get(attachment.document.file.url).status_code == 404
        assert not access.can_view(people.expert, page)
    assert not access.viewable(people.expert, BestPracticePage.objects.all()).exists()


def test_the_author_reads_their_practice_after_leaving_their_states_correspondents(
    client, author, practices
):
    """The author is always among its readers, even once no longer a correspondent of the state
    they wrote for."""
    author.groups.remove(author.groups.get(member_state__code="FR"))
    page, french, attachment, _readers = practices["disseminated to the Office only"]
    client.force_login(author)
    assert client.get(page.url).status_code == 200
    assert client.get(french.url).status_code == 200
    assert client.get(attachment.document.url).status_code == 200
    (_status, html), (_export_status, text) = _listing_and_export(client)
    assert page.title in html and page.title in text
    other, *_rest = practices["marked Office only, disseminated to all members"]
    assert other.title in html  # written by the same author
