"""Rapporteurs (R16, §4.8): a correspondent volunteers, for a thematic group from its page or for
a theme without a group from the list of groups, and the Office is told; the Network designates,
and the Office records its decision in the admin ("Rapporteurs"), choosing a decision of the
Network that designates rapporteurs: the volunteer becomes designated and is told. Only
correspondents volunteer; only the Office records decisions and designations. Every member reads
who volunteered and who was designated, on the group's page and on the list."""

import re
from html import unescape

from django.core import mail
from django.urls import reverse
from django.utils.html import strip_tags

from wagtail.models import ModelLogEntry

import pytest

from network_pages.accounts.members import display_name
from network_pages.decisions.models import Decision
from network_pages.groups import membership
from network_pages.groups.models import Rapporteur
from network_pages.notifications.models import Notification
from tests.factories.decisions import make_decision
from tests.factories.groups import designate, group_index, make_group
from tests.factories.practices import theme

pytestmark = pytest.mark.django_db

Status = Rapporteur.Status

VOLUNTEERED = "volunteered, awaiting the Network's decision"
DESIGNATED = "designated by the Network on 20 March 2026"  # make_decision's date
ALREADY = "You have already volunteered as rapporteur on this theme."
THANKS = "Thank you: the SRSG's Office is told that you volunteer."
VOLUNTEER_BUTTON = "Volunteer as rapporteur"
NBSP = "\u00a0"
FOOTER_FR = "Ce message a été envoyé par l'intranet du réseau"


@pytest.fixture
def group(tree):
    return make_group()


@pytest.fixture
def index(tree):
    return group_index()


@pytest.fixture
def decisions(db):
    return {
        "rapporteur": make_decision("Rapporteurs designated", kind=Decision.Kind.RAPPORTEUR),
        "group": make_decision("Group on returns set up", kind=Decision.Kind.GROUP),
    }


def told(mark=0):
    """The e-mails sent since the first `mark` ones, by (address, event), each one of the
    project's notifications."""
    found = {}
    for message in mail.outbox[mark:]:
        row = Notification.objects.get(to_email=message.to[0], subject=message.subject)
        found[(message.to[0], row.event)] = (message, row)
    assert len(found) == len(mail.outbox) - mark
    return found


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return unescape(response.text)


def words(html):
    """What a reader reads of the HTML: its text, each run of spaces as one."""
    return re.sub(r"\s+", " ", unescape(strip_tags(html))).replace("\u00a0", " ")


def listed(html, name):
    """The text of each entry naming `name` in the page's list of rapporteurs (the first list
    after the heading "Rapporteurs…", in either language)."""
    section = re.split(r"<h2[^>]*>\s*Rapporteurs", html, maxsplit=1)[1]
    section = section[: section.index("</ul>")] if "</ul>" in section else ""
    entries = re.findall(r"<li[^>]*>(.*?)</li>", section, flags=re.DOTALL)
    return [words(entry).strip() for entry in entries if name in entry]


def rapporteur_log(rapporteur):
    entries = ModelLogEntry.objects.for_instance(rapporteur).filter(
        action__startswith="network.rapporteur."
    )
    return [(e.action, e.user.get_username(), e.data) for e in entries.order_by("timestamp", "pk")]


def admin_data(rapporteur=None, **fields):
    """The admin's rapporteur form as the Office fills it in (from a volunteer, if given)."""
    data = {"user": "", "theme": "", "group": "", "status": "volunteered", "decision": ""}
    if rapporteur is not None:
        data.update(
            user=rapporteur.user_id,
            theme=rapporteur.theme_id,
            group=rapporteur.group_id or "",
            status=rapporteur.status,
            decision=rapporteur.decision_id or "",
        )
    data.update(fields)
    return data


# Volunteering


def test_a_correspondent_volunteers_for_a_group_from_its_page_and_the_office_is_told(
    client, people, group, sent
):
    """From the group's page (a member or not): thanked, listed as a volunteer on the page (which
    no longer offers it to them), logged; the Office gets the link to record the designation."""
    client.force_login(people.corr_de)
    assert VOLUNTEER_BUTTON in page_text(client, group.url)
    with sent(execute=True):
        response = client.post(group.url + "volunteer/", follow=True)
    assert response.redirect_chain == [(group.url, 302)]
    html = unescape(response.text)
    assert THANKS in html
    (entry,) = listed(html, display_name(people.corr_de))  # among the rapporteurs, not members
    assert VOLUNTEERED in entry
    assert VOLUNTEER_BUTTON not in html

    rapporteur = Rapporteur.objects.get()
    assert (rapporteur.user, rapporteur.theme, rapporteur.group_id, rapporteur.status) == (
        people.corr_de,
        group.theme,
        group.pk,
        Status.VOLUNTEERED,
    )
    assert rapporteur_log(rapporteur) == [("network.rapporteur.volunteer", "corr-de", {})]
    sent_to = told()
    assert set(sent_to) == {(people.office.email, "rapporteur_volunteered")}
    message, row = sent_to[(people.office.email, "rapporteur_volunteered")]
    assert row.language == "fr"  # the Office reads French
    assert message.subject.replace(NBSP, " ") == "Volontaire comme rapporteur : Enfants"
    assert FOOTER_FR in message.body
    assert f"http://testserver/admin/rapporteurs/edit/{rapporteur.pk}/" in message.body


def test_a_correspondent_volunteers_on_a_theme_without_a_group_from_the_list(
    client, people, tree, sent
):
    """From the French list: the volunteer is recorded on the theme alone and listed under
    "rapporteurs on a theme" in both languages, each with the theme's name in its language."""
    index_fr = group_index("fr")
    returns = theme("Return")
    client.force_login(people.corr_fr)
    with sent(execute=True):
        response = client.post(index_fr.url + "volunteer/", {"theme": returns.pk})
    assert response.status_code == 302
    assert response["Location"] == index_fr.url
    rapporteur = Rapporteur.objects.get()
    assert (rapporteur.user, rapporteur.theme, rapporteur.group) == (people.corr_fr, returns, None)
    assert set(told()) == {(people.office.email, "rapporteur_volunteered")}

    client.force_login(people.corr_de)
    (entry,) = listed(page_text(client, index_fr.url), display_name(people.corr_fr))
    assert entry.startswith("Retour : ")
    (entry,) = listed(page_text(client, group_index().url), display_name(people.corr_fr))
    assert entry.startswith("Return: ") and VOLUNTEERED in entry


def test_volunteering_twice_on_a_theme_is_refused_with_a_message(client, people, group, index):
    """Twice from the group's page, or again from the list on the group's theme: refused with a
    message; one volunteer, one e-mail to the Office."""
    client.force_login(people.corr_de)
    client.post(group.url + "volunteer/")
    response = client.post(group.url + "volunteer/", follow=True)
    assert response.redirect_chain == [(group.url, 302)]
    assert ALREADY in unescape(response.text)
    response = client.post(index.url + "volunteer/", {"theme": group.theme_id}, follow=True)
    assert response.redirect_chain == [(index.url, 302)]
    assert ALREADY in unescape(response.text)
    assert Rapporteur.objects.count() == 1
    assert Notification.objects.filter(event="rapporteur_volunteered").count() == 1


def test_volunteering_from_the_list_without_a_theme_asks_for_one(client, people, index):
    client.force_login(people.corr_de)
    response = client.post(index.url + "volunteer/", {"theme": ""}, follow=True)
    assert "Choose the theme you volunteer for." in unescape(response.text)
    assert not Rapporteur.objects.exists()


def test_only_correspondents_volunteer(client, people, group, index):
    """The Office and the SRSG are not offered to volunteer and are refused; an invited expert is
    refused the group's pages themselves; an anonymous visitor is sent to the login."""
    for user in (people.office, people.srsg):
        client.force_login(user)
        assert VOLUNTEER_BUTTON not in page_text(client, group.url)
        assert 'action="' + index.url + 'volunteer/"' not in page_text(client, index.url)
    for user in (people.office, people.srsg, people.expert):
        client.force_login(user)
        assert client.post(group.url + "volunteer/").status_code == 403, user
        assert client.post(index.url + "volunteer/", {"theme": group.theme_id}).status_code == 403
    client.logout()
    response = client.post(group.url + "volunteer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/login/")
    assert not Rapporteur.objects.exists()
    assert mail.outbox == []


# Designation in the admin


def test_the_office_designates_a_volunteer_in_the_admin_with_a_decision_of_the_network(
    client, people, group, decisions, sent
):
    """The Office opens the volunteer in the admin and chooses the decision designating them:
    the rapporteur is designated, recorded by the Office, logged, and told in their language; the
    group's page says so."""
    rapporteur = membership.volunteer(people.corr_fr, None, group=group)
    mark = len(mail.outbox)
    url = reverse("rapporteurs:edit", args=[rapporteur.pk])
    client.force_login(people.office)
    assert client.get(url).status_code == 200
    data = admin_data(rapporteur, decision=decisions["rapporteur"].pk)
    with sent(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    rapporteur.refresh_from_db()
    assert rapporteur.status == Status.DESIGNATED
    assert rapporteur.decision == decisions["rapporteur"]
    assert rapporteur.designated_by == people.office
    assert rapporteur_log(rapporteur)[-1] == (
        "network.rapporteur.designate",
        "office",
        {"decision": decisions["rapporteur"].pk},
    )
    sent_to = told(mark)
    assert set(sent_to) == {(people.corr_fr.email, "rapporteur_designated")}
    message, row = sent_to[(people.corr_fr.email, "rapporteur_designated")]
    assert row.language == "fr"
    assert message.subject.replace(NBSP, " ") == "Vous êtes désigné·e rapporteur : Enfants"
    assert FOOTER_FR in message.body

    client.force_login(people.corr_de)
    rapporteurs = listed(page_text(client, group.url), display_name(people.corr_fr))
    assert [DESIGNATED in entry for entry in rapporteurs] == [True]

    # Saved again, the designation is neither recorded nor told twice.
    client.force_login(people.office)
    with sent(execute=True):
        response = client.post(url, admin_data(rapporteur))
    assert response.status_code == 302
    assert len(mail.outbox) == mark + 1
    assert [a for a, _who, _data in rapporteur_log(rapporteur)].count(
        "network.rapporteur.designate"
    ) == 1


def test_a_decision_of_another_kind_is_refused_with_the_forms_error(
    client, people, group, decisions, sent
):
    rapporteur = membership.volunteer(people.corr_fr, None, group=group)
    mark = len(mail.outbox)
    client.force_login(people.office)
    data = admin_data(rapporteur, decision=decisions["group"].pk)
    with sent(execute=True):
        response = client.post(reverse("rapporteurs:edit", args=[rapporteur.pk]), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["decision"]
    rapporteur.refresh_from_db()
    assert (rapporteur.status, rapporteur.decision, rapporteur.designated_by) == (
        Status.VOLUNTEERED,
        None,
        None,
    )
    assert len(mail.outbox) == mark


def test_designated_without_a_decision_is_refused(client, people, group, sent):
    rapporteur = membership.volunteer(people.corr_fr, None, group=group)
    client.force_login(people.office)
    data = admin_data(rapporteur, status="designated")
    response = client.post(reverse("rapporteurs:edit", args=[rapporteur.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["decision"] == [
        "A rapporteur is designated by a decision of the Network."
    ]
    rapporteur.refresh_from_db()
    assert rapporteur.status == Status.VOLUNTEERED


def test_the_office_records_a_rapporteur_on_a_theme_alone_and_the_list_shows_them(
    client, people, index, decisions, sent
):
    """Designated at once in the admin's "add" form: recorded as designated by the Office, told,
    and shown on the list of groups under the theme."""
    client.force_login(people.office)
    returns = theme("Return")
    data = admin_data(user=people.corr_de.pk, theme=returns.pk, decision=decisions["rapporteur"].pk)
    with sent(execute=True):
        response = client.post(reverse("rapporteurs:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    rapporteur = Rapporteur.objects.get()
    assert (rapporteur.user, rapporteur.theme, rapporteur.group) == (people.corr_de, returns, None)
    assert rapporteur.status == Status.DESIGNATED
    assert rapporteur.designated_by == people.office
    assert set(told()) == {(people.corr_de.email, "rapporteur_designated")}
    client.force_login(people.corr_fr)
    (entry,) = listed(page_text(client, index.url), display_name(people.corr_de))
    assert entry.startswith("Return: ") and DESIGNATED in entry


def test_a_groups_rapporteur_works_on_the_groups_theme(client, people, group, decisions):
    client.force_login(people.office)
    data = admin_data(
        user=people.corr_de.pk,
        theme=theme("Return").pk,
        group=group.pk,
        decision=decisions["rapporteur"].pk,
    )
    response = client.post(reverse("rapporteurs:add"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["theme"] == [
        "A group's rapporteur works on the group's theme."
    ]
    assert not Rapporteur.objects.exists()


def test_correspondents_and_the_srsg_cannot_designate_in_the_admin(
    client, people, group, decisions, sent
):
    """A correspondent has no admin at all; the SRSG reads the rapporteurs but records nothing:
    neither can designate a volunteer nor add a rapporteur, and nobody is told."""
    rapporteur = membership.volunteer(people.corr_fr, None, group=group)
    mark = len(mail.outbox)
    edit_url = reverse("rapporteurs:edit", args=[rapporteur.pk])
    data = admin_data(rapporteur, decision=decisions["rapporteur"].pk)
    added = admin_data(user=people.corr_de.pk, theme=theme("Return").pk)
    client.force_login(people.corr_de)
    for response in (client.get(edit_url), client.get(reverse("rapporteurs:index"))):
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("wagtailadmin_login"))
    client.post(edit_url, data)
    client.post(reverse("rapporteurs:add"), added)
    client.force_login(people.srsg)
    assert client.get(reverse("rapporteurs:index")).status_code == 200  # the SRSG reads them
    assert client.get(edit_url).status_code in (302, 403)
    with sent(execute=True):
        client.post(edit_url, data)
        client.post(reverse("rapporteurs:add"), added)
    rapporteur.refresh_from_db()
    assert (rapporteur.status, rapporteur.decision) == (Status.VOLUNTEERED, None)
    assert list(Rapporteur.objects.all()) == [rapporteur]
    assert len(mail.outbox) == mark


def test_only_the_office_records_the_networks_decisions(client, people):
    """The decision a designation needs is the Office's to record: a correspondent gets no form,
    and posting one creates nothing."""
    data = {
        "kind": "rapporteur",
        "subject": "Rapporteur on returns designated",
        "decided_on": "2026-06-05",
        "means": "written",
        "session": "",
        "consulted_from": "2026-05-20",
        "consulted_until": "2026-06-01",
        "how_asked": "E-mail to every correspondent.",
        "outcome": "Germany designated.",
        "language": "en",
    }
    client.force_login(people.corr_de)
    assert client.get(reverse("decisions:add")).status_code in (302, 403)
    assert client.post(reverse("decisions:add"), data).status_code in (302, 403)
    assert not Decision.objects.exists()
    client.force_login(people.office)
    response = client.post(reverse("decisions:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert Decision.objects.get().recorded_by == people.office


# Who reads them


def test_every_member_reads_the_rapporteurs_on_the_group_page_and_on_the_list(
    client, people, tree, group, index
):
    """A group's rapporteurs are on its page, in both languages (not among the themes' on the
    list); a theme's rapporteur is on the list, in both languages; one whose term ended is on
    neither."""
    designate(people.corr_fr, group, by=people.office)
    alone = designate(people.corr_de, theme=theme("Return"), by=people.office)
    ended = membership.volunteer(people.corr_de, theme("Statelessness"))
    ended.status = Status.ENDED
    ended.save()
    client.force_login(people.srsg)
    for url in (group.url, group.get_translation(tree.fr).url):
        html = page_text(client, url)
        assert display_name(people.corr_fr) in html
        assert display_name(people.corr_de) not in html
    for url in (index.url, group_index("fr").url):
        html = page_text(client, url)
        assert display_name(people.corr_de) in html
        assert display_name(people.corr_fr) not in html
        assert "Statelessness" not in html and "Apatridie" not in html
    (entry,) = listed(page_text(client, index.url), display_name(people.corr_de))
    assert entry.startswith("Return: ") and DESIGNATED in entry
    assert alone.group is None
