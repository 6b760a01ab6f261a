"""The member directory (R7), its exports, profiles (R1) and national networks (R9)."""

import csv
import datetime
import io
import threading
from html import unescape

from django.contrib.auth.models import Group
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest
import vobject

from network_pages import access
from network_pages.accounts.models import (
    Designation,
    MemberProfile,
    MemberState,
    NationalNetworkActor,
)
from network_pages.core.roles import CORRESPONDENTS
from network_pages.directory.models import DirectoryPage
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

DIRECTORY = {"en": "/en/intranet/directory/", "fr": "/fr/intranet/annuaire/"}


@pytest.fixture
def members(people):
    for user, code, institution, phone in (
        (people.corr_fr, "FR", "Ministère de l'Intérieur", "+33 1 49 27 49 27"),
        (people.corr_de, "DE", '=HYPERLINK("http://evil")', "+49 30 18681 0"),
    ):
        MemberProfile.objects.create(
            user=user,
            member_state=MemberState.objects.get(code=code),
            institution=institution,
            position="Correspondent",
            phone=phone,
            working_languages=["fr", "en"],
        )
    return people


def csv_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_correspondent_and_the_office_read_the_directory(client, members, lang):
    for user in (members.corr_fr, members.office):
        client.force_login(user)
        response = client.get(DIRECTORY[lang])
        assert response.status_code == 200
        assert "Ministère de l&#x27;Intérieur" in response.text
        assert "corr-de@example.org" in response.text
        assert ("Allemagne" if lang == "fr" else "Germany") in response.text


@pytest.mark.sqlite
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("suffix", ["", "csv/", "people/1/vcard/", "states/FR/", "profile/"])
def test_anonymous_visitors_are_sent_to_login_from_the_directory(client, members, lang, suffix):
    url = DIRECTORY[lang] + suffix
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/login/?next={url}"


@pytest.mark.sqlite
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("suffix", ["", "csv/", "states/FR/", "profile/"])
def test_invited_experts_are_refused_the_directory_and_its_exports(client, members, lang, suffix):
    client.force_login(members.expert)
    assert client.get(DIRECTORY[lang] + suffix).status_code == 403


def test_even_a_grant_does_not_open_contact_details_to_an_expert(client, members):
    access.grant(members.expert, DirectoryPage.objects.get(locale__language_code="en"))
    client.force_login(members.expert)
    assert client.get(DIRECTORY["en"]).status_code == 403
    assert client.get(DIRECTORY["en"] + "csv/").status_code == 403
    vcard_url = f"{DIRECTORY['en']}people/{members.corr_fr.pk}/vcard/"
    assert client.get(vcard_url).status_code == 403


def test_the_directory_filters_by_state_and_searches_names_and_institutions(client, members):
    client.force_login(members.corr_fr)
    by_state = client.get(DIRECTORY["en"], {"state": "DE"}).text
    assert "corr-de@example.org" in by_state
    assert "corr-fr@example.org" not in by_state
    by_institution = client.get(DIRECTORY["en"], {"q": "Intérieur"}).text
    assert "corr-fr@example.org" in by_institution
    assert "corr-de@example.org" not in by_institution
    by_name = client.get(DIRECTORY["en"], {"q": members.corr_de.last_name}).text
    assert "corr-de@example.org" in by_name


def test_experts_and_people_outside_the_network_are_not_listed(client, members):
    MemberProfile.objects.create(user=members.expert, institution="Outside University")
    client.force_login(members.corr_fr)
    assert "Outside University" not in client.get(DIRECTORY["en"]).text


def test_the_csv_export_neutralises_formulas(client, members):
    client.force_login(members.corr_fr)
    response = client.get(DIRECTORY["en"] + "csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert rows[0][:3] == ["Member state", "Name", "Status"]
    institutions = [row[3] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in institutions
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert any(row[6] == "'+33 1 49 27 49 27" for row in rows)


def test_the_csv_export_is_in_the_users_language_and_follows_the_filters(client, members):
    client.force_login(members.corr_fr)
    rows = csv_rows(client.get(DIRECTORY["fr"] + "csv/", {"state": "FR"}))
    assert rows[0][0] == "État membre"
    assert [row[0] for row in rows[1:]] == ["France"]


def test_a_vcard_per_person(client, members):
    client.force_login(members.corr_de)
    response = client.get(f"{DIRECTORY['en']}people/{members.corr_fr.pk}/vcard/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vcard")
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == members.corr_fr.get_full_name()
    assert card.email.value == "corr-fr@example.org"
    assert card.tel.value == "+33 1 49 27 49 27"
    assert card.org.value == ["Ministère de l'Intérieur"]
    # someone outside the directory answers like a missing page (no 404: nothing to probe)
    assert client.get(f"{DIRECTORY['en']}people/{members.expert.pk}/vcard/").status_code == 403


def test_a_member_edits_their_own_profile(client, members):
    client.force_login(members.corr_fr)
    response = client.post(
        DIRECTORY["fr"] + "profile/",
        {
            "first_name": "Claire",
            "last_name": "Martin",
            "email": "claire.martin@example.org",
            "language": "fr",
            "institution": "Ministère de l'Intérieur",
            "position": "Cheffe de bureau",
            "phone": "+33 1 00 00 00 00",
            "working_languages": ["fr", "de"],
        },
    )
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=members.corr_fr)
    assert profile.position == "Cheffe de bureau"
    assert profile.working_languages == ["fr", "de"]
    assert profile.member_state.code == "FR", "a correspondent cannot change their state"
    members.corr_fr.refresh_from_db()
    assert members.corr_fr.email == "corr-fr@example.org", "only the Office changes an address"


def test_a_member_cannot_edit_another_members_profile(client, members):
    client.force_login(members.corr_fr)
    url = f"{DIRECTORY['en']}people/{members.corr_de.pk}/edit/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"first_name": "X"}).status_code == 403
    assert client.get(f"{DIRECTORY['en']}people/999999/edit/").status_code == 403


def test_the_office_edits_any_profile_including_the_state(client, members):
    client.force_login(members.office)
    url = f"{DIRECTORY['en']}people/{members.corr_de.pk}/edit/"
    form = client.get(url)
    assert 'name="member_state"' in form.text
    response = client.post(
        url,
        {
            "first_name": "Jonas",
            "last_name": "Becker",
            "email": "corr-de@example.org",
            "language": "en",
            "member_state": MemberState.objects.get(code="AT").pk,
            "institution": "BMI",
            "phone": "",
        },
    )
    assert response.status_code == 302
    assert MemberProfile.objects.get(user=members.corr_de).member_state.code == "AT"


@pytest.mark.parametrize(
    ("lang", "email_error", "phone_error"),
    [
        ("en", "Enter a valid email address.", "Enter a phone number"),
        ("fr", "Saisissez une adresse de courriel valide.", "Saisissez un numéro de téléphone"),
    ],
)
def test_invalid_profile_input_gets_clear_errors_and_keeps_what_was_typed(
    client, members, lang, email_error, phone_error
):
    client.force_login(members.office)
    response = client.post(
        f"{DIRECTORY[lang]}people/{members.corr_fr.pk}/edit/",
        {
            "first_name": "Claire",
            "last_name": "Martin",
            "email": "not an address",
            "language": "fr",
            "institution": "Une institution très précise",
            "phone": "call me maybe",
        },
    )
    assert response.status_code == 200
    assert email_error in response.text
    assert phone_error in response.text
    assert "Une institution très précise" in response.text
    assert 'value="call me maybe"' in response.text


def test_the_office_gets_an_error_for_an_unknown_state(client, members):
    client.force_login(members.office)
    response = client.post(
        f"{DIRECTORY['en']}people/{members.corr_de.pk}/edit/",
        {
            "first_name": "Jonas",
            "last_name": "Becker",
            "email": "corr-de@example.org",
            "language": "en",
            "member_state": "424242",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.text


def test_an_email_used_by_another_member_is_refused(client, members):
    client.force_login(members.office)
    response = client.post(
        f"{DIRECTORY['en']}people/{members.corr_fr.pk}/edit/",
        {
            "first_name": "C",
            "last_name": "M",
            "email": "CORR-DE@example.org",
            "language": "en",
        },
    )
    assert response.status_code == 200
    assert "already used by another member" in response.text
    members.corr_fr.refresh_from_db()
    assert members.corr_fr.email == "corr-fr@example.org"


def test_the_office_cannot_edit_an_administrators_or_another_editors_profile(client, members):
    admin = UserFactory(username="root", is_superuser=True)
    client.force_login(members.office)
    for person in (admin, members.srsg):
        url = f"{DIRECTORY['en']}people/{person.pk}/edit/"
        assert client.get(url).status_code == 403
        assert client.post(url, {"email": "office@example.org"}).status_code == 403


def test_members_without_a_profile_yet_are_listed(client, members):
    client.force_login(members.corr_fr)
    html = client.get(DIRECTORY["en"]).text
    assert "office@example.org" in html and "srsg@example.org" in html


def test_former_correspondents_contact_details_are_in_no_export(client, members):
    Designation.objects.create(
        user=members.corr_de,
        member_state=MemberState.objects.get(code="DE"),
        institution="BMI",
        designated_on=datetime.date(2020, 1, 1),
        designating_authority="RP",
        ends_on=datetime.date(2021, 1, 1),
    )
    members.corr_de.is_active = False
    members.corr_de.save()
    client.force_login(members.corr_fr)
    assert "corr-de@example.org" not in client.get(DIRECTORY["en"]).text
    rows = csv_rows(client.get(DIRECTORY["en"] + "csv/"))
    assert not any("corr-de@example.org" in cell for row in rows for cell in row)
    card = client.get(f"{DIRECTORY['en']}people/{members.corr_de.pk}/vcard/").content.decode()
    assert "corr-de@example.org" not in card


def test_correspondents_record_their_national_network_and_members_see_it(client, members):
    client.force_login(members.corr_fr)
    response = client.post(
        DIRECTORY["fr"] + "states/FR/actors/add/",
        {
            "organisation": "Cimade",
            "kind": "non_governmental",
            "contact": "Pôle juridique",
            "email": "juridique@cimade.example",
            "phone": "",
        },
    )
    assert response.status_code == 302
    actor = NationalNetworkActor.objects.get(organisation="Cimade")
    assert actor.member_state.code == "FR"
    client.force_login(members.corr_de)
    page = client.get(DIRECTORY["en"] + "states/FR/").text
    assert "Cimade" in page
    assert "Pôle juridique" in page
    # another state's correspondent may not change it
    assert client.get(DIRECTORY["en"] + "states/FR/actors/add/").status_code == 403
    edit = f"{DIRECTORY['en']}states/FR/actors/{actor.pk}/edit/"
    assert client.post(edit, {"organisation": "X"}).status_code == 403
    delete = f"{DIRECTORY['en']}states/FR/actors/{actor.pk}/delete/"
    assert client.post(delete).status_code == 403
    client.force_login(members.corr_fr)
    assert client.post(delete).status_code == 302
    assert not NationalNetworkActor.objects.exists()


def test_an_actor_is_only_reached_through_its_own_state(client, members):
    actor = NationalNetworkActor.objects.create(
        member_state=MemberState.objects.get(code="DE"),
        organisation="BAMF",
        kind="governmental",
        contact="Referat",
    )
    client.force_login(members.corr_fr)
    url = f"{DIRECTORY['en']}states/FR/actors/{actor.pk}/edit/"
    assert client.get(url).status_code == 403
    assert NationalNetworkActor.objects.get(pk=actor.pk).member_state.code == "DE"


def add_members(count, start=0):
    correspondents = Group.objects.get(name=CORRESPONDENTS)
    states = list(MemberState.objects.all())
    for index in range(start, start + count):
        state = states[index % len(states)]
        user = UserFactory(username=f"member{index}")
        user.groups.add(correspondents, state.group)
        MemberProfile.objects.create(
            user=user, member_state=state, institution="Ministry", working_languages=["en"]
        )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("viewer", ["corr_fr", "office"])
def test_the_directory_costs_a_fixed_number_of_queries(client, members, viewer):
    client.force_login(getattr(members, viewer))
    add_members(46)
    client.get(DIRECTORY["en"])
    small = {url: count_queries(client, DIRECTORY["en"] + url) for url in ("", "csv/")}
    add_members(200, start=46)
    large = {url: count_queries(client, DIRECTORY["en"] + url) for url in ("", "csv/")}
    assert large == small, "the cost does not grow with the number of members"
    assert large[""] <= 20  # measured: 17 (correspondent), 18 (Office)
    assert large["csv/"] <= 16  # measured: 14
    html = client.get(DIRECTORY["en"]).text
    assert html.count('class="directory-state"') == 47, "46 states and the SRSG and Office"


def _profile_data(position, version):
    return {
        "first_name": "Claire",
        "last_name": "Martin",
        "email": "corr-fr@example.org",
        "language": "fr",
        "institution": "Ministère de l'Intérieur",
        "position": position,
        "phone": "",
        "version": str(version),
    }


@pytest.mark.parametrize(
    ("lang", "notice"),
    [
        ("en", "Someone else saved this entry while you were editing it"),
        ("fr", "Quelqu'un d'autre a enregistré cette fiche pendant que vous la modifiiez"),
    ],
)
def test_two_people_saving_one_profile_lose_nothing(client, members, lang, notice):
    """The second save gets the conflict screen with their text kept and the other's shown;
    saving again keeps theirs on top."""
    client.force_login(members.corr_fr)
    url = DIRECTORY[lang] + "profile/"
    assert client.post(url, _profile_data("First change", 0)).status_code == 302
    response = client.post(url, _profile_data("Second change", 0))  # opened before the first
    assert response.status_code == 200
    html = unescape(response.text)
    assert notice in html
    assert 'value="Second change"' in html, "what they typed is kept"
    assert "<dd>First change</dd>" in html, "what was saved meanwhile is shown"
    assert MemberProfile.objects.get(user=members.corr_fr).position == "First change"
    assert client.post(url, _profile_data("Second change", 1)).status_code == 302
    assert MemberProfile.objects.get(user=members.corr_fr).position == "Second change"


def test_two_people_saving_one_actor_lose_nothing(client, members):
    actor = NationalNetworkActor.objects.create(
        member_state=MemberState.objects.get(code="FR"), organisation="OFII", kind="governmental"
    )
    client.force_login(members.corr_fr)
    url = f"{DIRECTORY['en']}states/FR/actors/{actor.pk}/edit/"
    data = {"organisation": "OFII (1)", "kind": "governmental", "contact": "Unit 1", "email": ""}
    assert client.post(url, {**data, "phone": "", "version": "0"}).status_code == 302
    response = client.post(url, {**data, "organisation": "OFII (2)", "phone": "", "version": "0"})
    assert response.status_code == 200
    assert "Someone else saved this entry" in unescape(response.text)
    actor.refresh_from_db()
    assert (actor.organisation, actor.version) == ("OFII (1)", 1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_saves_at_the_same_moment_from_two_threads_keep_one_and_refuse_the_other(members, tree):
    """On PostgreSQL the row is locked while a save checks its version: of two saves made at
    once on the same version, one passes and the other gets the conflict screen."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's (SQLite writes one at a time)")
    MemberProfile.objects.update_or_create(user=members.corr_fr, defaults={"position": "Before"})
    url = DIRECTORY["en"] + "profile/"
    barrier = threading.Barrier(2)
    statuses = []

    def save(position):
        try:
            client = Client()
            client.force_login(members.corr_fr)
            barrier.wait()
            statuses.append(client.post(url, _profile_data(position, 0)).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(p,)) for p in ("From A", "From B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 302]
    profile = MemberProfile.objects.get(user=members.corr_fr)
    assert profile.position in ("From A", "From B") and profile.version == 1
