"""Decisions of the Network (issue 17): one kind of record says what was decided, when, where (a
session, or a written consultation with its dates) and the outcome. The Office records them in the
admin; the Network's members read them, in their language, on one list."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import ModelLogEntry

import pytest

from network_pages import access
from network_pages.decisions import rules
from network_pages.decisions.forms import DecisionForm
from network_pages.decisions.models import Decision
from tests.factories import make_decision, make_plenary_with_thematic, make_session, translate

pytestmark = [pytest.mark.django_db]

DAY = datetime.date


@pytest.fixture
def sessions(plenary_with_thematic):
    return plenary_with_thematic


def _errors(decision):
    with pytest.raises(ValidationError) as caught:
        decision.full_clean()
    return caught.value.message_dict


# The record


def test_a_decision_at_a_session_names_the_session(people):
    decision = Decision(
        kind=Decision.Kind.RAPPORTEUR,
        subject="Rapporteur on returns designated",
        outcome="Ms Weber designated.",
        decided_on=DAY(2026, 3, 20),
        means=Decision.Means.SESSION,
    )
    assert set(_errors(decision)) == {"session"}


def test_a_written_consultation_has_its_dates_and_how_the_members_were_asked(people):
    decision = Decision(
        kind=Decision.Kind.OBJECTIVES,
        subject="Objectives for 2027",
        outcome="Adopted.",
        decided_on=DAY(2026, 3, 20),
        means=Decision.Means.WRITTEN,
    )
    assert set(_errors(decision)) == {"consulted_from", "consulted_until", "how_asked"}
    decision.consulted_from, decision.consulted_until = DAY(2026, 3, 10), DAY(2026, 3, 9)
    decision.how_asked = "By e-mail to the correspondents."
    assert _errors(decision) == {
        "consulted_until": ["The consultation cannot close before it opened."]
    }
    decision.consulted_until = DAY(2026, 3, 19)
    decision.full_clean()


# Who sees them, who records them


def test_the_network_s_members_see_decisions_and_nobody_else(people):
    decision = make_decision()
    assert not access.can_view(AnonymousUser(), decision)
    assert not access.can_view(people.outsider, decision)
    assert not access.can_view(people.expert, decision)
    for member in (people.corr_de, people.office, people.srsg):
        assert access.can_view(member, decision)


def test_a_decision_taken_at_a_thematic_session_is_for_members_not_its_experts(people, sessions):
    decision = make_decision(session=sessions["thematic"])
    assert access.can_view(people.corr_fr, decision)
    assert not access.can_view(people.expert, decision)


def test_the_office_records_decisions_and_the_srsg_reads_them(people):
    assert rules.can_record(people.office)
    assert not rules.can_record(people.srsg)
    assert not rules.can_record(people.corr_de)
    assert not rules.can_record(people.expert)


# The members' list


def test_members_read_the_decisions_the_most_recent_first(client, people, sessions):
    make_decision("Older decision", decided_on=DAY(2026, 1, 5))
    make_decision(
        "Thematic group on returns created",
        session=sessions["plenary"],
        decided_on=DAY(2026, 4, 2),
        outcome="Created, with Germany as rapporteur.",
    )
    client.force_login(people.corr_de)
    response = client.get("/en/decisions/")
    assert response.status_code == 200
    text = response.text
    assert text.index("Thematic group on returns created") < text.index("Older decision")
    assert "Created, with Germany as rapporteur." in text
    assert f'<a href="{sessions["plenary"].url}">Plenary</a>' in text
    # The written consultation: its dates and how the members were asked.
    assert "E-mail to every correspondent, with the draft attached." in text
    assert "Written in" not in text


def test_a_french_reader_meets_the_session_under_its_french_title(client, people, sessions):
    make_decision(session=sessions["plenary"])
    client.force_login(people.corr_fr)
    response = client.get("/fr/decisions/")
    assert response.status_code == 200
    assert f'<a href="{sessions["plenary_fr"].url}">Plénière</a>' in response.text
    assert sessions["plenary"].url not in response.text


def test_a_session_is_linked_in_the_reader_s_tree_before_its_title_is_translated(
    client, people, sessions
):
    make_decision(session=sessions["thematic"])
    client.force_login(people.corr_fr)
    text = client.get("/fr/decisions/").text
    assert '<a href="/fr/intranet/sessions/plenary/integration/">Integration</a>' in text


def test_a_decision_written_in_french_says_so_to_an_english_reader(client, people):
    make_decision("Groupe thématique sur l’intégration créé", language="fr")
    client.force_login(people.corr_de)
    text = client.get("/en/decisions/").text
    assert '<h2 lang="fr">Groupe thématique sur l’intégration créé</h2>' in text
    assert "Written in French" in text


def test_a_session_the_reader_may_not_see_is_named_without_a_link(client, people, tree, today):
    draft = make_session("Extraordinary plenary", starts_on=today, publish=False)
    make_decision(session=draft)
    client.force_login(people.corr_de)
    text = client.get("/en/decisions/").text
    assert "<span>Extraordinary plenary</span>" in text
    assert draft.url_path not in text


def test_only_members_reach_the_list(client, people):
    make_decision("A decision for members")
    response = client.get("/fr/decisions/")
    assert response.status_code == 302 and response.url.startswith("/fr/login/")
    for someone in (people.expert, people.outsider):
        client.force_login(someone)
        assert client.get("/en/decisions/").status_code == 403
    client.force_login(people.srsg)
    response = client.get("/en/decisions/")
    assert "A decision for members" in response.text
    assert "no-store" in response["Cache-Control"]


def test_the_office_is_offered_to_record_and_correct_and_others_are_not(client, people):
    decision = make_decision()
    client.force_login(people.office)
    text = client.get("/en/decisions/").text
    assert 'href="/admin/decisions/new/"' in text
    assert f'href="/admin/decisions/edit/{decision.pk}/"' in text
    for reader in (people.srsg, people.corr_de):
        client.force_login(reader)
        assert "/admin/decisions/" not in client.get("/en/decisions/").text


def test_the_intranet_home_links_the_decisions_for_members_only(client, people, tree):
    client.force_login(people.corr_de)
    assert 'href="/en/decisions/"' in client.get(tree.intranet_en.url).text
    client.force_login(people.expert)
    assert 'href="/en/decisions/"' not in client.get(tree.intranet_en.url).text


def test_the_list_costs_the_same_queries_however_many_decisions(
    client, people, sessions, tree, today, django_assert_max_num_queries
):
    make_decision("First", session=sessions["plenary"])
    make_decision("Second")
    client.force_login(people.corr_fr)
    client.get("/fr/decisions/")  # the site's root paths cached, as on a running site
    with CaptureQueriesContext(connection) as two:
        assert client.get("/fr/decisions/").status_code == 200
    with_two = len(two)  # read now: the connection keeps only its last queries
    for offset in range(3):
        plenary, thematic = make_plenary_with_thematic(
            today + datetime.timedelta(days=10 * offset + 1),
            title=f"Plenary {offset}",
            thematic_title=f"Thematic {offset}",
        )
        translate(plenary, tree.fr, f"Plénière {offset}")
        make_decision(f"At plenary {offset}", session=plenary)
        make_decision(f"At thematic {offset}", session=thematic, language="fr")
    for offset in range(2):
        make_decision(f"Written {offset}", kind=Decision.Kind.OBJECTIVES)
    assert Decision.objects.count() == 10
    client.get("/fr/decisions/")  # the footer's cache, emptied by the pages published above
    with django_assert_max_num_queries(with_two):
        response = client.get("/fr/decisions/")
    assert response.text.count('<li id="decision-') == 10
    assert "Plénière 2" in response.text


# The admin


def _form_data(session, **changes):
    return {
        "kind": "release",
        "subject": "Release of the compilation on reception",
        "decided_on": "2026-06-05",
        "means": "session",
        "session": str(session.pk),
        "consulted_from": "",
        "consulted_until": "",
        "how_asked": "",
        "outcome": "Released after the Office's processing.",
        "language": "en",
        **changes,
    }


def test_the_office_records_a_decision_and_is_named_in_the_record_and_the_log(
    client, people, sessions
):
    client.force_login(people.office)
    assert client.get("/admin/decisions/").status_code == 200
    assert client.get("/admin/decisions/new/").status_code == 200
    response = client.post("/admin/decisions/new/", _form_data(sessions["plenary"]))
    assert response.status_code == 302, response.context["form"].errors
    decision = Decision.objects.get()
    assert decision.recorded_by == people.office
    assert decision.session.pk == sessions["plenary"].pk
    logged = ModelLogEntry.objects.for_instance(decision)
    assert [(entry.action, entry.user_id) for entry in logged] == [
        ("network.decision.record", people.office.pk)
    ]

    data = _form_data(sessions["plenary"], outcome="Released, with two redactions.")
    response = client.post(f"/admin/decisions/edit/{decision.pk}/", data)
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.outcome == "Released, with two redactions."
    assert decision.recorded_by == people.office
    actions = set(ModelLogEntry.objects.for_instance(decision).values_list("action", flat=True))
    assert actions == {"network.decision.record", "network.decision.edit"}
    history = client.get(f"/admin/decisions/history/{decision.pk}/").text
    assert "Decision of the Network recorded" in history
    assert "Decision of the Network corrected" in history


def test_the_admin_form_refuses_what_the_record_refuses(client, people, sessions):
    client.force_login(people.office)
    data = {**_form_data(sessions["plenary"]), "means": "written", "session": ""}
    data.update(consulted_from="2026-06-01", consulted_until="2026-05-30", how_asked="By e-mail")
    response = client.post("/admin/decisions/new/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["consulted_until"] == [
        "The consultation cannot close before it opened."
    ]
    assert not Decision.objects.exists()


def test_the_session_is_chosen_among_sessions_as_first_written(sessions):
    choices = DecisionForm().fields["session"].queryset
    assert set(choices.values_list("pk", flat=True)) == {
        sessions["plenary"].pk,
        sessions["thematic"].pk,
    }
    assert list(choices)[0].pk == sessions["thematic"].pk  # the most recent first


def test_only_the_office_records_decisions_in_the_admin(client, people, sessions):
    decision = make_decision()
    client.force_login(people.srsg)
    assert client.get("/admin/decisions/").status_code == 200  # the SRSG reads them
    assert client.get(f"/admin/decisions/inspect/{decision.pk}/").status_code == 200
    client.post("/admin/decisions/new/", _form_data(sessions["plenary"]))
    assert list(Decision.objects.all()) == [decision]
    client.force_login(people.corr_de)
    assert client.get("/admin/decisions/").status_code in (302, 403)  # no admin access
    response = client.post("/admin/decisions/new/", _form_data(sessions["plenary"]))
    assert response.status_code in (302, 403)
    assert list(Decision.objects.all()) == [decision]
