"""Revisions of the working methods and the objectives (issue 17; R5, R17; §2.2, §4.10): only the
SRSG publishes one, a revision of the objectives follows a recorded consultation of the Network
(used once), and every earlier version stays readable in both languages."""

from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageLogEntry

import pytest

from network_pages.accounts.models import MemberState
from network_pages.core.publish_lock import PublishLocked
from network_pages.core.translations import original
from network_pages.decisions.models import Decision
from network_pages.intranet.versions import translate_strings
from network_pages.methods.models import MethodsSuggestion, ObjectivesPage, TextRevision
from network_pages.methods.revisions import RevisionRefused, publish_revision
from tests.factories import draft, make_decision

pytestmark = pytest.mark.django_db

NEW_RULE = "The network meets twice a year in closed-door plenary session."
NEW_RULE_FR = "Le Réseau se réunit deux fois par an en session plénière à huis clos."
OLD_RULE = "The network meets at least once a year in closed-door plenary session."
OLD_RULE_FR = "Le Réseau se réunit au moins une fois par an en session plénière à huis clos."
NEW_OBJECTIVE = "To exchange good practices on migration."


def _consultation(subject="Written consultation on the objectives", **fields):
    return make_decision(subject, kind=Decision.Kind.OBJECTIVES, **fields)


def _publish_form(client, page, **data):
    """The SRSG's revision form, posted on `page` (either language) for the draft waiting."""
    revision = original(page).get_latest_revision()
    return client.post(page.url + "publish/", {"revision_id": revision.pk, **data}, follow=True)


def test_the_srsg_publishes_a_revision_from_the_intranet(client, people, texts, tree):
    prepared = draft(texts.methods, NEW_RULE, by=people.office)
    client.force_login(people.srsg)
    page = client.get(texts.methods.url).text
    assert "Publish a new revision…" in page
    form = client.get(texts.methods.url + "publish/").text
    assert NEW_RULE in form  # the draft the SRSG is about to publish
    response = _publish_form(
        client,
        texts.methods,
        summary="The network now meets twice a year.",
        basis=TextRevision.Basis.ACTIVITY,
        details="Two plenaries were held in each of the last three years.",
    )
    assert response.status_code == 200
    assert "Revision 2 is published." in response.text
    record = TextRevision.objects.get(page=texts.methods, number=2)
    assert record.revision == prepared and record.published_by == people.srsg
    assert record.basis == TextRevision.Basis.ACTIVITY
    texts.methods.refresh_from_db()
    assert texts.methods.live_revision == prepared
    # The French version was brought up to date in the same publication, and belongs to it.
    french = texts.methods.get_translation(tree.fr)
    assert set(record.versions.all()) == {french.live_revision}
    assert PageLogEntry.objects.filter(
        page=texts.methods, action="network.methods.revise", user=people.srsg
    ).exists()
    html = client.get(texts.methods.url).text
    assert NEW_RULE in html and "The network now meets twice a year." in html
    assert "The network's activity" in unescape(html)  # what prompted it


@pytest.mark.parametrize("role", ["office", "corr_de"])
def test_only_the_srsg_publishes_a_revision(client, people, texts, role):
    prepared = draft(texts.methods, NEW_RULE, by=people.office)
    user = getattr(people, role)
    client.force_login(user)
    assert "Publish a new revision" not in client.get(texts.methods.url).text
    assert client.get(texts.methods.url + "publish/").status_code == 403
    response = client.post(
        texts.methods.url + "publish/",
        {"revision_id": prepared.pk, "summary": "Twice a year.", "basis": "activity"},
    )
    assert response.status_code == 403
    with pytest.raises(RevisionRefused):
        publish_revision(texts.methods, {"summary": "Twice a year.", "basis": "activity"}, by=user)
    # Nor from the admin, nor in code: the publish lock answers for the page itself.
    with pytest.raises(PublishLocked):
        prepared.publish(user=user)
    texts.methods.refresh_from_db()
    assert texts.methods.live_revision != prepared
    assert not TextRevision.objects.filter(page=texts.methods, number=2).exists()


def test_an_objectives_revision_without_a_recorded_consultation_is_refused(client, people, texts):
    prepared = draft(texts.objectives, NEW_OBJECTIVE, by=people.office)
    client.force_login(people.srsg)
    form = client.get(texts.objectives.url + "publish/").text
    assert "the Office must record the consultation first" in unescape(form)
    response = _publish_form(client, texts.objectives, summary="Good practices added.")
    assert response.status_code == 200
    assert "follows a consultation of the Network (§2.2)" in unescape(response.text)
    # Published directly (the admin, code), the objectives' page refuses it just the same.
    with pytest.raises(PublishLocked, match="consultation of the Network"):
        prepared.publish(user=people.srsg)
    with pytest.raises(RevisionRefused, match="consultation of the Network"):
        publish_revision(texts.objectives, {"summary": "Good practices added."}, by=people.srsg)
    texts.objectives.refresh_from_db()
    assert texts.objectives.live_revision != prepared
    assert TextRevision.objects.filter(page=texts.objectives).count() == 1


def test_an_objectives_revision_follows_a_recorded_consultation(client, people, texts):
    consultation = _consultation(how_asked="E-mail from the Office to every correspondent.")
    prepared = draft(texts.objectives, NEW_OBJECTIVE, by=people.office)
    client.force_login(people.srsg)
    form = client.get(texts.objectives.url + "publish/").text
    assert "Written consultation on the objectives" in form
    assert "E-mail from the Office to every correspondent." in form
    response = _publish_form(
        client, texts.objectives, summary="Good practices added.", consultation=consultation.pk
    )
    assert "Revision 2 is published." in response.text
    record = TextRevision.objects.get(page=texts.objectives, number=2)
    assert record.revision == prepared and record.consultation == consultation
    assert record.basis == TextRevision.Basis.CONSULTATION
    client.force_login(people.corr_de)
    html = unescape(client.get(texts.objectives.url).text)
    assert NEW_OBJECTIVE in html
    assert "Written consultation on the objectives" in html
    assert "E-mail from the Office to every correspondent." in html  # how the members were asked
    assert "Adopted without objection." in html  # the outcome
    assert "written consultation from 6 March 2026 to 19 March 2026" in html


def test_a_consultation_backs_one_revision_only(client, people, texts):
    consultation = _consultation()
    draft(texts.objectives, NEW_OBJECTIVE, by=people.office)
    publish_revision(
        texts.objectives, {"summary": "Added.", "consultation": consultation}, by=people.srsg
    )
    prepared = draft(texts.objectives, "To exchange good practices.", by=people.office)
    client.force_login(people.srsg)
    response = _publish_form(
        client, texts.objectives, summary="Shorter.", consultation=consultation.pk
    )
    assert "Select a valid choice" in response.text
    with pytest.raises(RevisionRefused, match="used by an earlier revision"):
        publish_revision(
            texts.objectives, {"summary": "Shorter.", "consultation": consultation}, by=people.srsg
        )
    # Recorded in code with another kind of decision: the objectives' page refuses it.
    TextRevision.objects.create(
        page=texts.objectives,
        revision=prepared,
        number=3,
        consultation=make_decision("Thematic group created"),
    )
    with pytest.raises(PublishLocked, match="consultation"):
        prepared.publish(user=people.srsg)


def test_the_working_methods_say_which_suggestions_prompted_a_revision(client, people, texts):
    italy = MemberState.objects.get(code="IT")
    taken = MethodsSuggestion.objects.create(
        page=texts.methods, member_state=italy, text="Meet twice a year.", language="en"
    )
    waiting = MethodsSuggestion.objects.create(
        page=texts.methods, member_state=italy, text="Publish the agenda earlier.", language="fr"
    )
    draft(texts.methods, NEW_RULE, by=people.office)
    client.force_login(people.srsg)
    response = _publish_form(client, texts.methods, summary="Twice a year.", basis="suggestions")
    assert "Tick the suggestions considered" in response.text
    response = _publish_form(
        client, texts.methods, summary="Twice a year.", basis="activity", suggestions=[taken.pk]
    )
    assert "Suggestions are ticked" in response.text
    response = _publish_form(
        client, texts.methods, summary="Twice a year.", basis="suggestions", suggestions=[taken.pk]
    )
    assert "Revision 2 is published." in response.text
    record = TextRevision.objects.get(page=texts.methods, number=2)
    assert list(record.suggestions.all()) == [taken]
    taken.refresh_from_db()
    waiting.refresh_from_db()
    assert taken.status == MethodsSuggestion.Status.TAKEN
    assert taken.status_changed_by == people.srsg
    assert waiting.status == MethodsSuggestion.Status.RECEIVED
    # Every member reads what was considered, with its state.
    client.force_login(people.corr_de)
    html = client.get(texts.methods.url).text
    assert "Meet twice a year." in html and "Italy" in html
    assert "Publish the agenda earlier." not in html


def test_a_revision_published_from_the_admin_is_recorded_for_the_office_to_complete(
    client, people, texts
):
    prepared = draft(texts.methods, NEW_RULE, by=people.office)
    prepared.publish(user=people.srsg)
    record = TextRevision.objects.get(page=texts.methods, number=2)
    assert record.revision == prepared and record.summary == ""
    client.force_login(people.corr_fr)
    assert "Published from the admin, no summary given." in client.get(texts.methods.url).text
    client.force_login(people.office)
    edit = f"/admin/text-revisions/edit/{record.pk}/"
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"summary": "Twice a year.", "basis": "activity", "details": ""})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.summary == "Twice a year."


def test_earlier_versions_stay_readable_in_both_languages(client, people, texts, tree):
    draft(texts.methods, NEW_RULE, by=people.office)
    publish_revision(texts.methods, {"summary": "Twice.", "basis": "activity"}, by=people.srsg)
    texts.methods.refresh_from_db()  # the Office translates the text as now published
    translate_strings(texts.methods, tree.fr, {NEW_RULE: NEW_RULE_FR})
    french = texts.methods.get_translation(tree.fr)
    client.force_login(people.corr_fr)
    for page, number, shown, hidden in (
        (texts.methods, 1, OLD_RULE, NEW_RULE),
        (texts.methods, 2, NEW_RULE, OLD_RULE),
        (french, 1, OLD_RULE_FR, NEW_RULE_FR),
        (french, 2, NEW_RULE_FR, OLD_RULE_FR),
    ):
        response = client.get(page.url + f"revisions/{number}/")
        assert response.status_code == 200, (page.url, number)
        html = unescape(response.text)
        assert shown in html and hidden not in html, (page.url, number)
    assert client.get(texts.methods.url + "revisions/3/").status_code in (403, 404)


def test_a_revision_without_a_version_in_the_pages_language_says_so(client, people, texts, tree):
    TextRevision.objects.get(page=texts.methods, number=1).versions.clear()
    client.force_login(people.corr_fr)
    french = texts.methods.get_translation(tree.fr)
    html = client.get(french.url + "revisions/1/").text
    assert "Ce texte n’avait pas de version dans cette langue lors de cette révision." in html
    assert f'href="{texts.methods.url}revisions/1/"' in html


def test_the_text_page_costs_the_same_queries_with_2_or_8_revisions(client, people, texts):
    states = list(MemberState.objects.order_by("code")[:3])

    def revise(times):
        for n in range(times):
            draft(texts.methods, f"Rule {n}.", by=people.office)
            suggestions = [
                MethodsSuggestion.objects.create(
                    page=texts.methods, member_state=state, text=f"Change {n}.", language="en"
                )
                for state in states
            ]
            publish_revision(
                texts.methods,
                {"summary": f"Rule {n}.", "basis": "both", "suggestions": suggestions},
                by=people.srsg,
            )
        consultation = _consultation(f"Consultation {times}")
        draft(texts.objectives, f"Objective {times}.", by=people.office)
        publish_revision(
            texts.objectives, {"summary": "New.", "consultation": consultation}, by=people.srsg
        )

    client.force_login(people.srsg)

    def count(page):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    def counts():
        count(texts.methods)  # the policy's caches, which a publication empties, filled again
        return count(texts.methods), count(texts.objectives)

    revise(1)
    few = counts()
    revise(6)
    assert TextRevision.objects.filter(page=texts.methods).count() == 8
    assert counts() == few


def test_the_french_interface_renders_every_page(client, people, texts, tree):
    consultation = _consultation()
    draft(texts.objectives, NEW_OBJECTIVE, by=people.office)
    french = ObjectivesPage.objects.get(
        translation_key=texts.objectives.translation_key, locale=tree.fr
    )
    client.force_login(people.srsg)
    for route in ("", "revisions/1/", "publish/", "suggestions/"):
        response = client.get(french.url + route)
        assert response.status_code == 200, route
        assert '<html lang="fr">' in response.text, route
    response = _publish_form(client, french, summary="Ajout.", consultation=consultation.pk)
    assert response.status_code == 200
    assert TextRevision.objects.get(page=texts.objectives, number=2).consultation == consultation
    client.force_login(people.corr_fr)
    assert client.get(french.url + "suggest/").status_code == 200


def test_invited_experts_and_visitors_never_see_the_texts(client, people, texts):
    client.force_login(people.expert)
    for url in (texts.methods.url, texts.objectives.url, texts.methods.url + "revisions/1/"):
        assert client.get(url).status_code == 403, url
    client.logout()
    assert client.get(texts.methods.url).status_code == 302


def test_both_texts_are_sections_of_the_intranet_in_each_language(client, people, texts, tree):
    client.force_login(people.corr_de)
    english = client.get(tree.intranet_en.url).text
    assert f'href="{texts.methods.url}">Working methods</a>' in english
    assert f'href="{texts.objectives.url}">Objectives</a>' in english
    french = client.get(tree.intranet_fr.url).text
    assert f'href="{texts.methods_fr.url}"' in french
    assert f'href="{texts.objectives_fr.url}"' in french
    client.force_login(people.expert)
    assert texts.methods.url not in client.get(tree.intranet_en.url).text
