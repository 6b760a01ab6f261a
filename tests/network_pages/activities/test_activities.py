"""Council of Europe activities (R5, §2.1b): news of the Council of Europe's work on migration and
of its intergovernmental committees, for the network's members only (never invited experts, even
granted the whole intranet); the list shows each activity once, in the reader's language when it
can, newest first, by committee, 20 a page, at a cost that does not grow with their number; the
intranet home shows the newest; the Office keeps the committees (a bilingual snippet)."""

import datetime

from django.contrib.auth.models import AnonymousUser

import pytest
from bs4 import BeautifulSoup

from network_pages import access
from network_pages.activities.models import ActivityIndexPage, ActivityUpdatePage, Committee
from tests.factories.activities import activity_index, committee, make_activity
from tests.factories.core import translate
from tests.factories.intranet import IntranetPageFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "expert", "corr_fr", "corr_de", "office", "srsg")
LOGIN = "login"  # a 302 to the login page of the URL's language
READS = {"anonymous": LOGIN, "expert": 403, **dict.fromkeys(ROLES[2:], 200)}

COMMITTEE_ADD = "/admin/snippets/network_pages/committee/add/"


def day(number):
    return datetime.date(2026, 3, number)


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
def cdmm(db):
    return committee(
        "CDMM", "Steering Committee on Migration", "Comité directeur sur les migrations"
    )


@pytest.fixture
def pace(db):
    return committee(
        "PACE-MIG",
        "Committee on Migration, Refugees and Displaced Persons",
        "Commission des migrations, des réfugiés et des personnes déplacées",
    )


@pytest.fixture
def activity(tree, cdmm):
    """An activity written in English, with its synced French version."""
    page = make_activity("CDMM plenary meeting", committee=cdmm, held_on=day(5))
    return page, page.get_translation(tree.fr)


def _log_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def _answer(client, url, lang="en"):
    response = client.get(url)
    if response.status_code == 302 and response["Location"].startswith(f"/{lang}/login/"):
        return LOGIN
    return response.status_code


def _list(client, lang="en", query=""):
    response = client.get(activity_index(lang).url + query)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _items(soup):
    return soup.select("ul.card-list > li")


def _titles(soup):
    """The titles listed, in order."""
    return [item.a.get_text() for item in _items(soup)]


def _panel(client, lang="en"):
    """The intranet home's panel of activities, or None."""
    response = client.get(f"/{lang}/intranet/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("#panel-activities")


# Who reads what.


def test_the_lists_are_made_under_each_intranet_root(tree):
    english, french = activity_index("en"), activity_index("fr")
    assert english.url == "/en/intranet/activities/"
    assert french.url == "/fr/intranet/activites/"
    assert english.get_parent().specific == tree.intranet_en
    assert french.get_parent().specific == tree.intranet_fr
    assert english.translation_key == french.translation_key


def test_an_activity_is_published_with_its_version_in_the_other_language(tree, activity):
    page, french = activity
    assert page.live and french.live
    assert french.get_parent().specific == activity_index("fr")
    assert french.title == page.title  # not translated yet
    assert french.committee == page.committee and french.held_on == page.held_on


def test_the_list_and_an_activity_answer_each_role_as_members_only(client, users, activity):
    """In both languages: 200 to correspondents, the Office and the SRSG, 403 to invited experts,
    the login of the URL's language to anonymous visitors; all differences at once."""
    page, french = activity
    urls = [
        (activity_index("en").url, "en"),
        (activity_index("fr").url, "fr"),
        (page.url, "en"),
        (french.url, "fr"),
    ]
    wrong = []
    for role in ROLES:
        _log_in(client, users[role])
        for url, lang in urls:
            got = _answer(client, url, lang)
            if got != READS[role]:
                wrong.append(f"{role:9} {url}: {got}, expected {READS[role]}")
    assert wrong == []


def test_an_expert_granted_the_whole_intranet_still_reads_no_activity(
    client, people, tree, activity
):
    """The grant opens the intranet's pages to the expert, not the activities: neither list nor
    page, in either language, and no panel on the intranet home."""
    page, french = activity
    meeting = IntranetPageFactory(parent=tree.intranet_en, title="Plenary meeting papers")
    client.force_login(people.expert)
    assert client.get(meeting.url).status_code == 403
    access.grant(people.expert, tree.intranet_en, tell=False)
    assert client.get(meeting.url).status_code == 200  # the grant opens the intranet
    for url in (activity_index("en").url, activity_index("fr").url, page.url, french.url):
        assert client.get(url).status_code == 403, url
    for version in (page, french, activity_index("en"), activity_index("fr")):
        assert not access.can_view(people.expert, version), version.url
    assert not access.viewable(people.expert, ActivityUpdatePage.objects.all()).exists()
    assert not access.viewable(people.expert, ActivityIndexPage.objects.all()).exists()
    assert _panel(client) is None
    assert _panel(client, "fr") is None


@pytest.mark.parametrize("granted", [False, True], ids=["as invited", "granted the intranet"])
def test_can_view_and_viewable_agree_on_both_page_types_for_every_role(
    people, tree, users, activity, granted
):
    """The page rule's check for one page and its condition on querysets say the same, for the
    lists and the activities (published ones, their versions, a draft) and every role."""
    make_activity("Draft of the next meeting", language="fr", live=False)
    if granted:
        access.grant(people.expert, tree.intranet_en, tell=False)
    users = {**users, "outsider": people.outsider}
    disagree = []
    readers = set()
    for model in (ActivityIndexPage, ActivityUpdatePage):
        pages = list(model.objects.all())
        assert len(pages) == (2 if model is ActivityIndexPage else 3)
        for role, user in users.items():
            user = user or AnonymousUser()
            seen = set(access.viewable(user, model.objects.all()).values_list("pk", flat=True))
            for page in pages:
                allowed = access.can_view(user, page)
                if allowed != (page.pk in seen):
                    disagree.append(f"{role:9} {page.title} ({page.locale.language_code})")
                if allowed:
                    readers.add(role)
    assert disagree == []
    assert readers == {"corr_fr", "corr_de", "office", "srsg"}


def test_a_draft_activity_is_listed_for_nobody(client, people, activity):
    make_activity("Draft of the next meeting", live=False)
    client.force_login(people.office)
    for lang in ("en", "fr"):
        assert _titles(_list(client, lang)) == ["CDMM plenary meeting"], lang


# The list.


def test_the_list_is_newest_first_by_the_date_held(client, people):
    """By the date the activity was held, not the order written; one without a date comes last."""
    make_activity("Undated note")
    make_activity("Held on the 2nd", held_on=day(2))
    make_activity("Held on the 20th", held_on=day(20))
    make_activity("Held on the 11th", held_on=day(11), language="fr")
    client.force_login(people.corr_de)
    expected = ["Held on the 20th", "Held on the 11th", "Held on the 2nd", "Undated note"]
    assert _titles(_list(client)) == expected
    assert _titles(_list(client, "fr")) == expected


def test_the_committee_filter_lists_that_committees_activities(client, people, cdmm, pace):
    make_activity("CDMM plenary", committee=cdmm, held_on=day(3))
    make_activity("PACE hearing", committee=pace, held_on=day(4))
    make_activity("CDMM bureau", committee=cdmm, held_on=day(5), language="fr")
    make_activity("Council of Europe as a whole", held_on=day(6))
    client.force_login(people.corr_de)
    assert _titles(_list(client)) == [
        "Council of Europe as a whole",
        "CDMM bureau",
        "PACE hearing",
        "CDMM plenary",
    ]
    for lang in ("en", "fr"):
        soup = _list(client, lang, f"?committee={cdmm.pk}")
        assert _titles(soup) == ["CDMM bureau", "CDMM plenary"], lang
        assert soup.select_one(f'#activities-committee option[value="{cdmm.pk}"]').has_attr(
            "selected"
        )
        assert _titles(_list(client, lang, f"?committee={pace.pk}")) == ["PACE hearing"], lang
    # An unknown or malformed committee lists everything.
    for query in ("?committee=999999", "?committee=abc", "?committee="):
        assert len(_titles(_list(client, query=query))) == 4, query


def test_changing_an_activitys_committee_moves_it_in_both_lists(
    client, people, tree, activity, cdmm, pace
):
    """The Office changes the committee of a published activity: its version follows, and both
    lists file it under the new committee only."""
    page, _french = activity
    page.committee = pace
    page.save_revision().publish()
    assert page.get_translation(tree.fr).committee == pace
    client.force_login(people.corr_de)
    for lang in ("en", "fr"):
        assert _titles(_list(client, lang, f"?committee={cdmm.pk}")) == [], lang
        soup = _list(client, lang, f"?committee={pace.pk}")
        assert _titles(soup) == ["CDMM plenary meeting"], lang
        (item,) = _items(soup)
        assert item.select_one("p.muted a")["href"] == f"?committee={pace.pk}", lang


def test_a_committee_without_activity_says_so(client, people, cdmm, pace):
    make_activity("CDMM plenary", committee=cdmm, held_on=day(3))
    client.force_login(people.corr_de)
    soup = _list(client, query=f"?committee={pace.pk}")
    assert _titles(soup) == []
    assert "No activity of this committee has been reported yet." in soup.get_text()


def test_the_committee_is_named_in_the_readers_language(client, people, tree, activity, cdmm):
    """Its English name on the English list and page, its French name on the French ones."""
    page, french = activity
    client.force_login(people.corr_de)
    english_list = _list(client).get_text()
    assert "Steering Committee on Migration (CDMM)" in english_list
    assert "Comité directeur sur les migrations" not in english_list
    french_list = _list(client, "fr").get_text()
    assert "Comité directeur sur les migrations (CDMM)" in french_list
    assert "Steering Committee on Migration" not in french_list
    english_page = client.get(page.url).text
    assert "Steering Committee on Migration (CDMM)" in english_page
    assert "Comité directeur sur les migrations" not in english_page
    french_page = client.get(french.url).text
    assert "Comité directeur sur les migrations (CDMM)" in french_page
    assert "Steering Committee on Migration" not in french_page
    # The committee's link on the page filters the list of the page's language.
    link = BeautifulSoup(french_page, "html.parser").find(
        "a", string="Comité directeur sur les migrations (CDMM)"
    )
    assert link["href"] == f"{activity_index('fr').url}?committee={cdmm.pk}"


def test_an_activity_page_shows_its_facts_in_the_language_of_its_text(client, people, tree, cdmm):
    """The page: its committee, date, summary and source, and a way back to its list; a version
    not translated yet marks its text with the original's language."""
    page = make_activity(
        "Réunion du comité directeur",
        language="fr",
        committee=cdmm,
        held_on=day(12),
        summary="Le comité a adopté ses recommandations.",
    )
    page.source_url = "https://www.coe.int/fr/web/migration"
    page.save_revision().publish()
    english = page.get_translation(tree.en)
    client.force_login(people.corr_de)
    for url, back in (
        (page.url, "/fr/intranet/activites/"),
        (english.url, "/en/intranet/activities/"),
    ):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        assert soup.h1.get_text() == "Réunion du comité directeur"
        assert soup.h1["lang"] == "fr", url  # written in French, not translated yet
        assert "Le comité a adopté ses recommandations." in soup.select_one(".lead").get_text()
        assert soup.find("a", href=back) is not None, url
        assert soup.find("a", href="https://www.coe.int/fr/web/migration") is not None, url
        assert soup.find("a", href=f"{back}?committee={cdmm.pk}") is not None, url
        assert "2026" in soup.select_one("dl.facts").get_text(), url
    assert "12 mars 2026" in client.get(page.url).text  # Django's French DATE_FORMAT


def test_the_site_search_finds_an_activity_for_members_only(client, people, tree, activity):
    access.grant(people.expert, tree.intranet_en, tell=False)
    client.force_login(people.corr_de)
    assert "CDMM plenary meeting" in client.get("/en/search/", {"query": "CDMM"}).text
    client.force_login(people.expert)
    assert "CDMM plenary meeting" not in client.get("/en/search/", {"query": "CDMM"}).text


def test_each_activity_appears_once_from_either_tree(client, people, tree):
    """Written in English, in French, or translated: each activity is one line of each list, in
    the reader's language when its version is translated."""
    make_activity("Ministers' session on migration", held_on=day(1))
    make_activity("Réunion du comité directeur", language="fr", held_on=day(2))
    translate(
        make_activity("Hearing on returns", held_on=day(3)), tree.fr, "Audition sur les retours"
    )
    assert ActivityUpdatePage.objects.count() == 6
    client.force_login(people.corr_de)
    assert _titles(_list(client)) == [
        "Hearing on returns",
        "Réunion du comité directeur",
        "Ministers' session on migration",
    ]
    assert _titles(_list(client, "fr")) == [
        "Audition sur les retours",
        "Réunion du comité directeur",
        "Ministers' session on migration",
    ]


def test_an_activity_in_the_other_language_is_labelled_with_it(client, people, tree):
    """A version not translated yet shows its original's title, marked with its language (lang=
    and a badge) and linked to the version in the reader's tree; one in the reader's language, or
    translated into it, has no mark."""
    english = make_activity("Ministers' session on migration", held_on=day(1))
    french = make_activity("Réunion du comité directeur", language="fr", held_on=day(2))
    translate(
        make_activity("Hearing on returns", held_on=day(3)), tree.fr, "Audition sur les retours"
    )
    client.force_login(people.corr_de)

    translated, in_french, in_english = _items(_list(client))
    assert in_french.a.get_text() == "Réunion du comité directeur"
    assert in_french.a["lang"] == "fr"
    assert in_french.a["href"] == french.get_translation(tree.en).url  # its English version
    assert in_french.select_one(".badge").get_text() == "in French"
    assert in_french.select("p[lang=fr]")  # its summary too
    for plain in (translated, in_english):
        assert not plain.a.has_attr("lang") and plain.select_one(".badge") is None

    translated, in_french, in_english = _items(_list(client, "fr"))
    assert in_english.a.get_text() == "Ministers' session on migration"
    assert in_english.a["lang"] == "en"
    assert in_english.a["href"] == english.get_translation(tree.fr).url
    assert in_english.select_one(".badge").get_text() == "en anglais"  # French: needs locale/fr
    assert translated.a.get_text() == "Audition sur les retours"
    for plain in (translated, in_french):
        assert not plain.a.has_attr("lang") and plain.select_one(".badge") is None


def test_an_activity_without_a_version_in_the_readers_language_is_listed_as_written(
    client, people, tree
):
    """An activity in the French tree alone (its English version deleted) is on the English list
    once, as written, labelled in French and linked to its French page."""
    page = make_activity("Réunion du comité directeur", language="fr", held_on=day(2))
    page.get_translation(tree.en).delete()
    client.force_login(people.corr_de)
    (item,) = _items(_list(client))
    assert item.a.get_text() == "Réunion du comité directeur"
    assert item.a["href"] == page.url
    assert item.a["lang"] == "fr"
    assert item.select_one(".badge").get_text() == "in French"


def test_twenty_one_activities_make_two_pages_and_the_filter_stays(client, people, cdmm):
    for number in range(1, 22):
        make_activity(f"Activity {number:02}", committee=cdmm, held_on=day(number))
    make_activity("Another committee's", held_on=day(25))
    client.force_login(people.corr_de)
    first = _list(client)
    assert len(_titles(first)) == 20
    assert "Page 1 of 2" in first.get_text()
    assert first.select_one('a[rel="next"]')["href"] == "?page=2"
    query = f"committee={cdmm.pk}"
    first = _list(client, query=f"?{query}")
    assert _titles(first) == [f"Activity {number:02}" for number in range(21, 1, -1)]
    assert first.select_one('a[rel="next"]')["href"] == f"?{query}&page=2"
    assert first.select_one('a[rel="prev"]') is None
    second = _list(client, query=f"?{query}&page=2")
    assert _titles(second) == ["Activity 01"]
    assert second.select_one('a[rel="prev"]')["href"] == f"?{query}&page=1"
    assert second.select_one('a[rel="next"]') is None


# The intranet home.


def _six_activities(tree, cdmm):
    """Six activities, the oldest first; the newest written in French, one translated."""
    make_activity("Oldest activity", held_on=day(1))
    for number in range(2, 5):
        make_activity(f"Activity {number}", committee=cdmm, held_on=day(number))
    translate(make_activity("Hearing on returns", held_on=day(5)), tree.fr, "Audition")
    make_activity("Réunion du comité directeur", language="fr", held_on=day(6), committee=cdmm)


@pytest.mark.parametrize("role", ["corr_de", "office", "srsg"])
def test_the_intranet_home_shows_the_five_newest_then_all_of_them(client, users, tree, cdmm, role):
    _six_activities(tree, cdmm)
    client.force_login(users[role])
    panel = _panel(client)
    assert panel is not None
    assert panel.h2.get_text() == "Council of Europe activities"
    links = [(a.get_text(), a["href"], a.get("lang")) for a in panel.select("li > a")]
    french = ActivityUpdatePage.objects.get(locale=tree.en, title="Réunion du comité directeur")
    assert links[0] == ("Réunion du comité directeur", french.url, "fr")
    assert [title for title, _url, _lang in links[1:5]] == [
        "Hearing on returns",
        "Activity 4",
        "Activity 3",
        "Activity 2",
    ]
    assert all(lang is None for _title, _url, lang in links[1:])
    assert links[5] == ("All Council of Europe activities", "/en/intranet/activities/", None)
    assert len(links) == 6  # not the oldest
    assert "Steering Committee on Migration" in panel.get_text()


def test_the_french_intranet_home_shows_them_in_french(client, people, tree, cdmm):
    _six_activities(tree, cdmm)
    client.force_login(people.corr_de)
    panel = _panel(client, "fr")
    assert panel.h2.get_text() == "Activités du Conseil de l'Europe"  # French: needs locale/fr
    links = [(a.get_text(), a["href"], a.get("lang")) for a in panel.select("li > a")]
    assert links[0][0] == "Réunion du comité directeur" and links[0][2] is None
    assert links[1][0] == "Audition" and links[1][2] is None
    assert links[2] == (
        "Activity 4",
        ActivityUpdatePage.objects.get(locale=tree.fr, title="Activity 4").url,
        "en",
    )
    assert links[5] == (
        "Toutes les activités du Conseil de l'Europe",  # French: needs locale/fr
        "/fr/intranet/activites/",
        None,
    )
    assert "Comité directeur sur les migrations" in panel.get_text()
    assert "Steering Committee on Migration" not in panel.get_text()


def test_the_intranet_home_says_when_there_is_no_activity(client, people):
    client.force_login(people.corr_de)
    panel = _panel(client)
    assert panel.select("li") == []
    assert "No Council of Europe activity has been reported yet." in panel.get_text()


def test_the_intranet_home_shows_no_activity_to_an_invited_expert(client, people, tree, cdmm):
    _six_activities(tree, cdmm)
    client.force_login(people.expert)
    assert _panel(client) is None
    html = client.get("/en/intranet/").text
    assert "Council of Europe activities" not in html
    assert "Réunion du comité directeur" not in html


# The committees in the admin.


def test_the_office_adds_a_committee_in_the_admin(client, people):
    client.force_login(people.office)
    assert client.get("/admin/snippets/network_pages/committee/").status_code == 200
    assert client.get(COMMITTEE_ADD).status_code == 200
    response = client.post(
        COMMITTEE_ADD,
        {
            "acronym": "GRETA",
            "name_en": "Group of Experts on Action against Trafficking in Human Beings",
            "name_fr": "Groupe d'experts sur la lutte contre la traite des êtres humains",
            "url": "https://www.coe.int/en/web/anti-human-trafficking/greta",
        },
    )
    assert response.status_code == 302
    added = Committee.objects.get(acronym="GRETA")
    assert added.name_fr == "Groupe d'experts sur la lutte contre la traite des êtres humains"
    assert added.url == "https://www.coe.int/en/web/anti-human-trafficking/greta"
    listing = client.get("/admin/snippets/network_pages/committee/").text
    assert "Group of Experts on Action against Trafficking in Human Beings" in listing


def test_the_srsg_may_keep_the_committees_too(client, people):
    client.force_login(people.srsg)
    assert client.get(COMMITTEE_ADD).status_code == 200


def test_the_committees_are_in_the_admins_settings_menu(client, people):
    client.force_login(people.office)
    html = client.get("/admin/").text
    assert "/admin/snippets/network_pages/committee/" in html


def test_a_committee_in_use_cannot_be_deleted(client, people, activity, cdmm):
    """An activity holds on to its committee: the Office's delete is refused, not an error."""
    client.force_login(people.office)
    delete = f"/admin/snippets/network_pages/committee/delete/{cdmm.pk}/"
    assert client.get(delete).status_code == 200
    response = client.post(delete)
    assert response.status_code in (200, 302)
    assert Committee.objects.filter(pk=cdmm.pk).exists()


def test_a_correspondent_cannot_reach_the_committees_in_the_admin(client, people, cdmm):
    client.force_login(people.corr_de)
    assert client.get("/admin/").status_code in (302, 403)
    assert client.get("/admin/snippets/network_pages/committee/").status_code in (302, 403)
    response = client.post(
        COMMITTEE_ADD, {"acronym": "X", "name_en": "Intruder", "name_fr": "Intrus", "url": ""}
    )
    assert response.status_code in (302, 403)
    edit = f"/admin/snippets/network_pages/committee/edit/{cdmm.pk}/"
    response = client.post(
        edit, {"acronym": "X", "name_en": "Renamed", "name_fr": "Renommé", "url": ""}
    )
    assert response.status_code in (302, 403)
    assert list(Committee.objects.values_list("name_en", flat=True)) == [
        "Steering Committee on Migration"
    ]


# The cost: the same number of queries with 5 activities as with 60 (both languages, some
# translated, several committees, some without one, all cycled through).


def _add_activities(tree, committees, start, count):
    for number in range(start, start + count):
        language = "fr" if number % 3 == 0 else "en"
        page = make_activity(
            f"Activity {number:03}",
            language=language,
            committee=committees[number % len(committees)],
            held_on=None
            if number % 7 == 0
            else datetime.date(2020 + number % 6, 1 + number % 12, 1),
        )
        if number % 10 in (1, 3):  # written in English, or in French
            other = tree.en if language == "fr" else tree.fr
            translate(page, other, f"Translated activity {number:03}")


def test_the_list_costs_the_same_with_5_and_60_activities(
    client, people, tree, cdmm, pace, query_costs
):
    """Page 1 of the list, in both languages, with and without the committee filter, and the
    intranet home read the same number of queries for a correspondent and for the Office."""
    committees = [cdmm, pace, None]
    english, french = activity_index("en").url, activity_index("fr").url
    filtered = f"?committee={cdmm.pk}"
    urls = [english, english + filtered, french, french + filtered, "/en/intranet/"]
    users = {"corr_de": people.corr_de, "office": people.office}
    _add_activities(tree, committees, 1, 5)
    few = query_costs.measure(users, urls)
    _add_activities(tree, committees, 6, 55)
    assert ActivityUpdatePage.objects.filter(locale=tree.en).count() == 60
    many = query_costs.measure(users, urls)
    assert query_costs.grown(few, many) == []
    client.force_login(people.corr_de)
    assert len(_titles(_list(client))) == 20  # a full page
    assert len(_titles(_list(client, query=filtered))) == 20  # filtered too


def test_the_list_costs_the_same_when_activities_exist_in_one_tree_only(
    client, people, tree, cdmm, pace, query_costs
):
    """Activities whose version in the other language was deleted are listed as written (their
    original, from the other tree): 5 or 60 of them cost the lists the same."""
    # Such an activity is its original, whose committee is read with it (`listing.context`), not
    # once per activity shown.
    committees = [cdmm, pace, None]

    def add(start, count):
        for number in range(start, start + count):
            language = "fr" if number % 2 else "en"
            page = make_activity(
                f"Activity {number:03}",
                language=language,
                committee=committees[number % 3],
                held_on=day(1 + number % 28),
            )
            page.get_translation(tree.en if language == "fr" else tree.fr).delete()

    english, french = activity_index("en").url, activity_index("fr").url
    urls = [english, french, "/en/intranet/", "/fr/intranet/"]
    users = {"corr_de": people.corr_de, "office": people.office}
    add(1, 5)
    few = query_costs.measure(users, urls)
    add(6, 55)
    assert ActivityUpdatePage.objects.count() == 60
    many = query_costs.measure(users, urls)
    assert query_costs.grown(few, many) == []
