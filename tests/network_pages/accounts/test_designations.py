"""Designations and accounts: recorded by the Office, activated by e-mail, ended by date (R1b)."""

import datetime
import re
from html import unescape

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from network_pages.accounts.designations import activate, end_due_designations
from network_pages.accounts.models import Designation, MemberProfile, MemberState
from network_pages.core.roles import CORRESPONDENTS
from tests.factories.information_requests import make_request

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(frozen_clock):
    """Designations end by date, checked at login and by the daily run: the clock stands still."""


def designation_data(**overrides):
    data = {
        "first_name": "Ana",
        "last_name": "Horvat",
        "email": "ana.horvat@example.org",
        "language": "fr",
        "member_state": MemberState.objects.get(code="HR").pk,
        "institution": "Ministry of the Interior",
        "position": "Head of unit",
        "designated_on": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "designating_authority": "Permanent Representation of Croatia",
        "ends_on": "",
    }
    data.update(overrides)
    return data


def record(client, office, django_capture_on_commit_callbacks, **overrides):
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("designations:add"), designation_data(**overrides))
    return response


def activation_path(message):
    url = re.search(r"https?://\S+/activate/\S+/", message.body).group(0)
    return url.split("testserver", 1)[1]


def test_designation_sends_an_activation_email_and_the_account_then_works(
    client, people, tree, django_capture_on_commit_callbacks
):
    response = record(client, people.office, django_capture_on_commit_callbacks)
    assert response.status_code == 302, response.content[:3000]
    person = get_user_model().objects.get(email="ana.horvat@example.org")
    assert not person.has_usable_password()
    assert not person.groups.exists()
    assert person.profile.member_state.code == "HR"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana.horvat@example.org"]
    assert message.subject == "Activez votre compte sur l'intranet du réseau"
    assert "Croatie" in message.body
    path = activation_path(message)
    assert path.startswith("/fr/activate/")

    client.logout()
    form = client.get(path, follow=True)
    assert form.status_code == 200
    assert "Activez votre compte" in form.text
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-long-new-password-9", "new_password2": "a-long-new-password-9"},
    )
    assert done.status_code == 302
    assert done["Location"] == "/fr/intranet/"
    assert client.get("/fr/intranet/").status_code == 200
    person.refresh_from_db()
    assert set(person.groups.values_list("name", flat=True)) == {
        "Correspondents",
        "State: Croatia (HR)",
    }
    assert Designation.objects.get(user=person).activated_at is not None
    # the link works once only
    assert "plus valable" in client.get(path, follow=True).text


def test_the_designation_form_says_what_is_wrong(
    client, people, tree, django_capture_on_commit_callbacks, today
):
    response = record(
        client,
        people.office,
        django_capture_on_commit_callbacks,
        email="not-an-address",
        member_state="999999",
        ends_on=(today - datetime.timedelta(days=30)).isoformat(),
    )
    assert response.status_code == 200
    text = response.text
    assert "Enter a valid email address." in text or "Saisissez une adresse" in text
    assert "Select a valid choice" in text or "Sélectionnez un choix valide" in text
    assert 'value="Horvat"' in text
    assert mail.outbox == []


def test_correspondents_cannot_record_designations(client, people, tree):
    client.force_login(people.corr_fr)
    assert client.get(reverse("designations:add")).status_code == 302  # no admin access
    client.post(reverse("designations:add"), designation_data())
    assert not Designation.objects.exists()


def test_an_end_date_deactivates_the_account_by_cron_and_members_see_a_former_correspondent(
    client, people, tree, django_capture_on_commit_callbacks, today
):
    person, designation = recorded_and_activated(
        client, people.office, django_capture_on_commit_callbacks
    )
    designation.ends_on = today - datetime.timedelta(days=1)
    designation.save()
    call_command("end_designations")
    person.refresh_from_db()
    assert not person.is_active
    assert not client.login(username=person.username, password="pw-123456-long")
    client.force_login(people.corr_de)
    html = client.get("/en/intranet/directory/?state=HR").text
    assert "Ana Horvat" in html
    assert "former correspondent" in html
    # what is credited to the state stays with it
    assert person.profile.member_state.code == "HR"
    assert designation.member_state.code == "HR"


def test_login_closes_an_account_whose_designation_has_ended(
    client, people, tree, django_capture_on_commit_callbacks, today
):
    people.corr_fr.set_password("pw-123456-long")
    people.corr_fr.save()
    Designation.objects.create(
        user=people.corr_fr,
        member_state=MemberState.objects.get(code="FR"),
        institution="Ministère",
        designated_on=today - datetime.timedelta(days=400),
        designating_authority="RP",
        ends_on=today - datetime.timedelta(days=2),
    )
    response = client.post("/fr/login/", {"username": "corr-fr", "password": "pw-123456-long"})
    assert response.status_code == 200
    people.corr_fr.refresh_from_db()
    assert not people.corr_fr.is_active


class CountingHasher(MD5PasswordHasher):
    """The test settings' hasher, counting how often it runs."""

    runs = 0

    def encode(self, password, salt):
        CountingHasher.runs += 1
        return super().encode(password, salt)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_closed_account_learns_nothing_from_a_right_password(client, people, settings, lang):
    """Found: the right password of a closed account got "your designation ended", which
    confirmed it. Right, wrong or unknown: one message, one run of the hasher."""
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    people.corr_fr.set_password("pw-123456-long")
    people.corr_fr.is_active = False
    people.corr_fr.save()
    answers = {}
    for username, password in (
        ("corr-fr", "pw-123456-long"),
        ("corr-fr", "wrong-password"),
        ("nobody", "pw-123456-long"),
    ):
        CountingHasher.runs = 0
        response = client.post(f"/{lang}/login/", {"username": username, "password": password})
        assert CountingHasher.runs == 1, (username, password)
        assert response.status_code == 200
        errors = response.context["form"].errors.get_json_data()
        answers[(username, password)] = repr(errors)
    assert len(set(answers.values())) == 1, answers
    assert "invalid_login" in next(iter(answers.values()))
    assert "_auth_user_id" not in client.session


def test_a_current_designation_keeps_the_account_open(people, tree, today):
    Designation.objects.create(
        user=people.corr_de,
        member_state=MemberState.objects.get(code="DE"),
        institution="BMI",
        designated_on=today - datetime.timedelta(days=10),
        designating_authority="RP",
        ends_on=today + datetime.timedelta(days=10),
    )
    assert end_due_designations() == 0
    people.corr_de.refresh_from_db()
    assert people.corr_de.is_active
    assert MemberProfile.objects.filter(user=people.corr_de).count() == 0


def test_the_office_ends_a_designation_in_the_admin_and_the_account_closes_at_once(
    client, people, tree, django_capture_on_commit_callbacks, today
):
    person, designation = recorded_and_activated(
        client, people.office, django_capture_on_commit_callbacks
    )
    edit_url = reverse("designations:edit", args=[designation.pk])
    form = client.get(edit_url)
    assert form.status_code == 200
    assert "ana.horvat@example.org" in form.text
    data = designation_data(ends_on=(today - datetime.timedelta(days=1)).isoformat())
    response = client.post(edit_url, data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_active
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"network.designation.record", "network.designation.end"} <= actions


def test_a_second_designation_of_an_active_member_enrols_them_without_activation(
    client, people, tree, django_capture_on_commit_callbacks
):
    people.corr_de.email = "jonas@example.org"
    people.corr_de.save()
    record(
        client,
        people.office,
        django_capture_on_commit_callbacks,
        email="jonas@example.org",
        member_state=MemberState.objects.get(code="AT").pk,
    )
    assert mail.outbox == []
    assert people.corr_de.groups.filter(name="State: Austria (AT)").exists()
    assert get_user_model().objects.filter(email__iexact="jonas@example.org").count() == 1


def recorded_and_activated(client, office, capture, **overrides):
    """The designated person, recorded by the Office, with a password, activated in code."""
    record(client, office, capture, **overrides)
    person = get_user_model().objects.get(email="ana.horvat@example.org")
    person.set_password("pw-123456-long")
    person.save()
    activate(person)
    return person, Designation.objects.get(user=person)


def activated_person(client, office, capture):
    record(client, office, capture)
    person = get_user_model().objects.get(email="ana.horvat@example.org")
    path = activation_path(mail.outbox[-1])
    client.logout()
    form = client.get(path, follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-long-new-password-9", "new_password2": "a-long-new-password-9"},
    )
    client.logout()
    person.refresh_from_db()
    return person, path


def test_a_switched_off_account_cannot_come_back_through_an_old_link(
    client, people, tree, django_capture_on_commit_callbacks
):
    record(client, people.office, django_capture_on_commit_callbacks)
    person = get_user_model().objects.get(email="ana.horvat@example.org")
    path = activation_path(mail.outbox[-1])
    person.is_active = False  # the Office switches the account off before it is activated
    person.save()
    client.logout()
    assert "plus valable" in client.get(path, follow=True).text
    person.refresh_from_db()
    assert not person.is_active
    assert not person.groups.exists()


def test_moving_a_correspondent_to_another_state_leaves_the_old_states_group(
    client, people, tree, django_capture_on_commit_callbacks, today
):
    person, _path = activated_person(client, people.office, django_capture_on_commit_callbacks)
    old = Designation.objects.get(user=person)
    old.ends_on = today - datetime.timedelta(days=1)
    old.save()
    Designation.objects.create(
        user=person,
        member_state=MemberState.objects.get(code="AT"),
        institution="BMI",
        designated_on=today - datetime.timedelta(days=1),
        designating_authority="RP",
        activated_at=timezone.now(),
    )
    assert end_due_designations() == 0
    person.refresh_from_db()
    states = set(person.groups.filter(name__startswith="State:").values_list("name", flat=True))
    assert states == {"State: Austria (AT)"}


@pytest.mark.parametrize("route", ["admin", "front"])
def test_no_login_route_lets_an_ended_designation_in(
    client, people, tree, django_capture_on_commit_callbacks, route, today
):
    person, _path = activated_person(client, people.office, django_capture_on_commit_callbacks)
    Designation.objects.filter(user=person).update(ends_on=today - datetime.timedelta(days=1))
    url = "/admin/login/" if route == "admin" else "/en/login/"
    client.post(url, {"username": person.username, "password": "a-long-new-password-9"})
    assert client.get("/en/intranet/").status_code == 302
    person.refresh_from_db()
    assert not person.is_active


def test_a_designation_cannot_take_over_an_office_or_administrator_account(
    client, people, tree, django_capture_on_commit_callbacks
):
    response = record(
        client, people.office, django_capture_on_commit_callbacks, email="srsg@example.org"
    )
    assert response.status_code == 200
    assert "belongs to an SRSG, Office or administrator account" in response.text
    assert not Designation.objects.exists()


def test_an_edit_of_a_designation_does_not_undo_a_suspension_or_the_members_profile(
    client, people, tree, django_capture_on_commit_callbacks
):
    person, _path = activated_person(client, people.office, django_capture_on_commit_callbacks)
    MemberProfile.objects.filter(user=person).update(position="Written by the member")
    person.is_active = False
    person.save()
    designation = Designation.objects.get(user=person)
    client.force_login(people.office)
    data = designation_data(position="Typo fixed")
    response = client.post(reverse("designations:edit", args=[designation.pk]), data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_active
    assert person.profile.position == "Written by the member"


def test_a_correspondent_represents_one_state_at_a_time(
    client, people, tree, django_capture_on_commit_callbacks, today
):
    """R1: a second designation for another state is refused while the first runs; once the
    Office ends the first before the second starts, it is recorded."""
    person, first = recorded_and_activated(
        client, people.office, django_capture_on_commit_callbacks
    )
    austria = MemberState.objects.get(code="AT")
    response = record(
        client, people.office, django_capture_on_commit_callbacks, member_state=austria.pk
    )
    assert response.status_code == 200
    assert "a correspondent represents one state" in unescape(response.text)
    assert "Croatia" in response.text
    assert not Designation.objects.filter(user=person, member_state=austria).exists()
    first.ends_on = today
    first.save()
    starts = (today + datetime.timedelta(days=1)).isoformat()
    response = record(
        client,
        people.office,
        django_capture_on_commit_callbacks,
        member_state=austria.pk,
        designated_on=starts,
    )
    assert response.status_code == 302
    assert Designation.objects.filter(user=person, member_state=austria).exists()


def _states(person):
    person.refresh_from_db()
    return set(person.groups.filter(member_state__isnull=False).values_list("name", flat=True))


def test_a_designation_that_ended_yesterday_acts_no_more_mid_session(
    client, people, tree, django_capture_on_commit_callbacks, frozen_clock, today
):
    """Found: moved from Croatia to Austria, a correspondent still answered for Croatia until
    the daily command ran. Their next request follows their designations."""
    person, croatia = recorded_and_activated(
        client, people.office, django_capture_on_commit_callbacks
    )
    request = make_request("Returns", ("How many?",))
    client.force_login(person)
    assert client.get(request.url + "answer/HR/").status_code == 200
    croatia.ends_on = today
    croatia.save()
    Designation.objects.create(
        user=person,
        member_state=MemberState.objects.get(code="AT"),
        institution="BMI",
        designated_on=today + datetime.timedelta(days=1),
        designating_authority="RP",
        activated_at=timezone.now(),
    )
    assert _states(person) == {"State: Croatia (HR)"}
    frozen_clock.move_to(timezone.now() + datetime.timedelta(days=1), tick=False)
    assert client.get(request.url + "answer/HR/").status_code == 403  # no daily command ran
    assert client.get(request.url + "answer/AT/").status_code == 200
    assert _states(person) == {"State: Austria (AT)"}


def test_a_designation_dated_in_the_future_enrols_on_its_date(
    client, people, tree, django_capture_on_commit_callbacks, frozen_clock, today
):
    person, _designation = recorded_and_activated(
        client,
        people.office,
        django_capture_on_commit_callbacks,
        designated_on=today + datetime.timedelta(days=1),
    )
    assert person.is_active and _states(person) == set()
    assert not person.groups.filter(name=CORRESPONDENTS).exists()
    client.post("/en/login/", {"username": person.username, "password": "pw-123456-long"})
    # Not a correspondent yet: outside the network, sent to the login like any visitor.
    assert client.get("/en/intranet/requests/").status_code == 302
    frozen_clock.move_to(timezone.now() + datetime.timedelta(days=1), tick=False)
    assert client.get("/en/intranet/requests/").status_code == 200
    assert _states(person) == {"State: Croatia (HR)"}
    assert person.groups.filter(name=CORRESPONDENTS).exists()


def test_the_daily_command_brings_every_designated_persons_groups_up_to_date(
    client, people, tree, django_capture_on_commit_callbacks, frozen_clock, today
):
    """Those who do not log in get the e-mails of the state they now act for."""
    person, _designation = recorded_and_activated(
        client,
        people.office,
        django_capture_on_commit_callbacks,
        designated_on=today + datetime.timedelta(days=1),
    )
    frozen_clock.move_to(timezone.now() + datetime.timedelta(days=1), tick=False)
    end_due_designations()
    assert _states(person) == {"State: Croatia (HR)"}
