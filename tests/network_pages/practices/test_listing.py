"""The list of good practices and its CSV export: filters by theme, member state, language and
year, sorting, pagination, each practice once in the reader's language, and a cost that does not
grow with the number of practices."""

import csv
import io

import pytest
from bs4 import BeautifulSoup

from network_pages.practices.models import BestPracticePage
from tests.factories.core import translate
from tests.factories.practices import make_practice, practice_index, theme

pytestmark = pytest.mark.django_db


def _list(client, lang="en", query=""):
    index = practice_index(lang)
    response = client.get(index.url + query)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _titles(soup):
    """The titles listed, in order."""
    return [item.a.get_text() for item in soup.select("ul.card-list > li")]


def _export(client, lang="en", query=""):
    """The CSV export's rows, header first."""
    index = practice_index(lang)
    response = client.get(index.url + index.reverse_subpage("export") + query)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _exported_titles(client, lang="en", query=""):
    return [row[0] for row in _export(client, lang, query)[1:]]


def test_the_theme_filter_lists_the_practices_of_that_theme(client, people, tree):
    make_practice("Reception in small towns", themes=["Reception"])
    make_practice("Guardians for children", themes=["Children"])
    make_practice("Reception then return", themes=["Reception", "Return"])
    client.force_login(people.corr_de)
    query = f"?theme={theme('Reception').pk}"
    expected = ["Reception then return", "Reception in small towns"]
    assert _titles(_list(client, query=query)) == expected
    assert _exported_titles(client, query=query) == expected


def test_the_state_filter_matches_the_states_concerned_or_the_authors_state(client, people):
    """Germany's practices are those concerning Germany and those Germany contributed."""
    make_practice("Concerning Germany", states=["DE"])
    make_practice("Contributed by Germany", state="DE", states=["FR"])
    make_practice("French only", state="FR", states=["FR"])
    make_practice("Concerning nobody")
    client.force_login(people.corr_de)
    expected = ["Contributed by Germany", "Concerning Germany"]
    assert _titles(_list(client, query="?state=DE")) == expected
    assert _exported_titles(client, query="?state=DE") == expected


def test_the_language_filter_is_the_language_a_practice_was_written_in(client, people, tree):
    """A practice written in French (listed from its English version) is found under French,
    in the English list as in the French one; one written in English under English."""
    make_practice("Reception in small towns")
    french = make_practice("Accueil dans les petites villes", language="fr")
    assert french.get_translation_or_none(tree.en) is not None  # its English version is synced
    client.force_login(people.corr_de)
    for lang in ("en", "fr"):
        assert _titles(_list(client, lang, "?language=fr")) == ["Accueil dans les petites villes"]
        assert _titles(_list(client, lang, "?language=en")) == ["Reception in small towns"]
        assert _exported_titles(client, lang, "?language=fr") == ["Accueil dans les petites villes"]


def test_the_year_filter_keeps_the_practices_whose_period_holds_it(client, people):
    """A period with both ends, one still running, one with an end alone: each holds the years
    between its ends; an undated practice is never found by year."""
    make_practice("From 2015 to 2018", period=(2015, 2018))
    make_practice("Since 2019", period=(2019, None))
    make_practice("Until 2016", period=(None, 2016))
    make_practice("In 2020 alone", period=(2020, 2020))
    make_practice("Undated")
    client.force_login(people.corr_de)
    expected = {
        2010: ["Until 2016"],
        2016: ["Until 2016", "From 2015 to 2018"],
        2017: ["From 2015 to 2018"],
        2020: ["In 2020 alone", "Since 2019"],
        2030: ["Since 2019"],
        1990: ["Until 2016"],
    }
    for year, titles in expected.items():
        assert _titles(_list(client, query=f"?year={year}")) == titles, year
        assert _exported_titles(client, query=f"?year={year}") == titles, year


def test_filters_combine(client, people):
    make_practice(
        "Reception in Germany, 2020", themes=["Reception"], states=["DE"], period=(2020, 2020)
    )
    make_practice(
        "Reception in Germany, 2010", themes=["Reception"], states=["DE"], period=(2010, 2010)
    )
    make_practice("Return in Germany, 2020", themes=["Return"], states=["DE"], period=(2020, 2020))
    make_practice(
        "Reception in France, 2020", themes=["Reception"], states=["FR"], period=(2020, 2020)
    )
    client.force_login(people.corr_de)
    query = f"?theme={theme('Reception').pk}&state=DE&year=2020&language=en"
    assert _titles(_list(client, query=query)) == ["Reception in Germany, 2020"]
    assert _exported_titles(client, query=query) == ["Reception in Germany, 2020"]


@pytest.fixture
def translated(tree):
    """Three practices whose English and French titles sort differently, written in this order."""
    pairs = [
        ("Voluntary return counselling", "Aide au retour volontaire"),
        ("alternatives to detention", "Solutions alternatives à la rétention"),
        ("Reception centres", "centres d'accueil"),
    ]
    for english, french in pairs:
        translate(make_practice(english), tree.fr, french)
    return pairs


def test_newest_first_is_the_default_order(client, people, translated):
    client.force_login(people.corr_de)
    newest = [english for english, _french in reversed(translated)]
    assert _titles(_list(client)) == newest
    assert _titles(_list(client, query="?sort=newest")) == newest
    assert _exported_titles(client) == newest


def test_sorting_by_title_sorts_the_titles_the_reader_reads(client, people, translated):
    """English readers get the English titles in their order; French readers the French titles
    in theirs (whatever the case of their first letter)."""
    client.force_login(people.corr_de)
    assert _titles(_list(client, "en", "?sort=title")) == [
        "alternatives to detention",
        "Reception centres",
        "Voluntary return counselling",
    ]
    assert _exported_titles(client, "en", "?sort=title") == [
        "alternatives to detention",
        "Reception centres",
        "Voluntary return counselling",
    ]
    french = [
        "Aide au retour volontaire",
        "centres d'accueil",
        "Solutions alternatives à la rétention",
    ]
    assert _titles(_list(client, "fr", "?sort=title")) == french
    assert _exported_titles(client, "fr", "?sort=title") == french


def test_title_sort_uses_the_title_shown_when_a_version_is_not_translated(client, people, tree):
    """A version whose title is not translated yet shows, and sorts by, its original's title."""
    translate(make_practice("Zero tolerance of detention"), tree.fr, "Accueil sans rétention")
    make_practice("Middle of the list")
    make_practice("Border monitoring")
    client.force_login(people.corr_de)
    assert _titles(_list(client, "fr", "?sort=title")) == [
        "Accueil sans rétention",
        "Border monitoring",
        "Middle of the list",
    ]


def test_each_practice_appears_once_from_either_tree(client, people, tree):
    """Written in English, in French, or translated: each practice is one line of each list and
    one row of each export, in the reader's language when its version is translated."""
    make_practice("Reception in small towns")
    make_practice("Accueil dans les petites villes", language="fr")
    translate(make_practice("Voluntary return"), tree.fr, "Retour volontaire")
    assert BestPracticePage.objects.count() == 6
    client.force_login(people.corr_de)
    english = ["Voluntary return", "Accueil dans les petites villes", "Reception in small towns"]
    french = ["Retour volontaire", "Accueil dans les petites villes", "Reception in small towns"]
    for lang, titles in (("en", english), ("fr", french)):
        soup = _list(client, lang)
        assert _titles(soup) == titles, lang
        assert _exported_titles(client, lang) == titles, lang
    assert "3 practices" in _list(client, "en").get_text()


def test_a_french_practice_reads_in_french_on_the_english_list(client, people, tree):
    """Its English version not translated yet, a practice written in French is listed under its
    French title, marked as French (lang="fr" and an "in French" badge); written in English, the
    other practice has no badge. The export says which language each is written in."""
    make_practice("Accueil dans les petites villes", language="fr")
    make_practice("Reception in small towns")
    client.force_login(people.corr_de)
    items = _list(client).select("ul.card-list > li")
    english, french = items
    assert french.a.get_text() == "Accueil dans les petites villes"
    assert french.a["lang"] == "fr"
    assert french.select_one(".badge").get_text() == "in French"
    assert not english.a.has_attr("lang") and english.select_one(".badge") is None
    rows = {row[0]: row[1] for row in _export(client)[1:]}
    assert rows == {"Accueil dans les petites villes": "FR", "Reception in small towns": "EN"}


def test_a_practice_without_a_version_in_the_readers_language_is_listed_as_written(
    client, people, tree
):
    """A practice that exists in the French tree alone (its English version deleted) is on the
    English list once, as written, labelled in French and linked to its French page."""
    page = make_practice("Accueil dans les petites villes", language="fr")
    page.get_translation(tree.en).delete()
    assert not BestPracticePage.objects.filter(locale=tree.en).exists()
    client.force_login(people.corr_de)
    (item,) = _list(client).select("ul.card-list > li")
    assert item.a.get_text() == "Accueil dans les petites villes"
    assert item.a["href"] == page.url
    assert item.a["lang"] == "fr"
    assert item.select_one(".badge").get_text() == "in French"
    assert _export(client)[1][:2] == ["Accueil dans les petites villes", "FR"]
    assert client.get(page.url).status_code == 200


def test_an_invalid_year_shows_an_error_and_the_list_still_renders(client, people):
    """The invalid filter is shown with its error and ignored; the valid ones still apply."""
    make_practice("Reception in small towns", themes=["Reception"], period=(2020, 2020))
    make_practice("Guardians for children", themes=["Children"])
    client.force_login(people.corr_de)
    for year in ("abc", "1800"):
        soup = _list(client, query=f"?year={year}")
        assert soup.select_one(".field-error #id_year") is not None, year
        assert soup.select_one("#id_year_error").get_text(), year
        assert _titles(soup) == ["Guardians for children", "Reception in small towns"], year
        soup = _list(client, query=f"?year={year}&theme={theme('Reception').pk}")
        assert soup.select_one("#id_year_error") is not None
        assert _titles(soup) == ["Reception in small towns"]
        assert _exported_titles(client, query=f"?year={year}") == [
            "Guardians for children",
            "Reception in small towns",
        ]


def test_twenty_one_practices_make_two_pages(client, people):
    for number in range(1, 22):
        make_practice(f"Practice {number:02}")
    client.force_login(people.corr_de)
    first = _list(client)
    assert _titles(first) == [f"Practice {number:02}" for number in range(21, 1, -1)]
    assert "21 practices" in first.get_text() and "Page 1 of 2" in first.get_text()
    assert first.select_one('a[rel="next"]')["href"] == "?page=2"
    assert first.select_one('a[rel="prev"]') is None
    second = _list(client, query="?page=2")
    assert _titles(second) == ["Practice 01"]
    assert second.select_one('a[rel="prev"]')["href"] == "?page=1"
    assert second.select_one('a[rel="next"]') is None
    assert len(_exported_titles(client)) == 21  # the export is never cut into pages


def test_the_filters_stay_in_the_csv_link_and_the_pagination_links(client, people):
    """Filtered and sorted, the list's "Download as CSV" and its page links carry the same query
    (the page number once), and the export holds what the filters found."""
    for number in range(1, 22):
        make_practice(f"Reception {number:02}", themes=["Reception"])
    make_practice("Guardians for children", themes=["Children"])
    reception = theme("Reception").pk
    client.force_login(people.corr_de)
    query = f"theme={reception}&sort=title"
    first = _list(client, query=f"?{query}")
    assert _titles(first) == [f"Reception {number:02}" for number in range(1, 21)]
    csv_link = first.find("a", string="Download as CSV")["href"]
    assert csv_link == f"{practice_index().url}export/csv/?{query}"
    assert first.select_one('a[rel="next"]')["href"] == f"?{query}&page=2"
    second = _list(client, query=f"?{query}&page=2")
    assert _titles(second) == ["Reception 21"]
    assert second.select_one('a[rel="prev"]')["href"] == f"?{query}&page=1"
    assert second.find("a", string="Download as CSV")["href"] == csv_link
    exported = _exported_titles(client, query=csv_link.split("export/csv/")[1])
    assert exported == [f"Reception {number:02}" for number in range(1, 22)]


# The cost: the same number of queries with 10 practices as with 200 (themes, states, authors'
# states, both languages, some translated, some for the Office only, all cycled through).
THEMES = ["Reception", "Integration", "Return", "Children", "Alternatives to detention"]
STATES = ["DE", "FR", "IT", "ES"]


def _add_practices(tree, start, count):
    for number in range(start, start + count):
        language = "fr" if number % 3 == 0 else "en"
        page = make_practice(
            f"Practice {number:03}",
            language=language,
            state=[None, "DE", "FR"][number % 3],
            themes=[THEMES[number % 5]] + (["Reception"] if number % 2 else []),
            states=STATES[number % 4 : number % 4 + 2],
            period=(2015 + number % 6, None if number % 2 else 2025),
            dissemination="office" if number % 7 == 0 else "network",
            marking=["network", "national", "office"][number % 3 if number % 5 == 0 else 0],
        )
        if number % 30 in (1, 3):  # written in English, or in French
            other = tree.en if language == "fr" else tree.fr
            translate(page, other, f"Translated practice {number:03}")


def test_the_list_and_its_export_cost_the_same_with_10_and_200_practices(
    client, people, tree, query_costs
):
    """Page 1 of the list, with and without filters, and the CSV export read the same number of
    queries for a correspondent and for the Office, whether there are 10 practices or 200."""
    index = practice_index()
    export = index.url + index.reverse_subpage("export")
    filters = f"?theme={theme('Reception').pk}&state=DE&year=2022&sort=title"
    french = practice_index("fr").url
    urls = [index.url, index.url + filters, export, export + filters, french, french + filters]
    users = {"corr_de": people.corr_de, "office": people.office}
    _add_practices(tree, 1, 10)
    few = query_costs.measure(users, urls)
    _add_practices(tree, 11, 190)
    assert BestPracticePage.objects.filter(locale=tree.en).count() == 200
    many = query_costs.measure(users, urls)
    assert query_costs.grown(few, many) == []
    client.force_login(people.corr_de)
    assert len(_titles(_list(client, query=filters))) == 20  # a full page, with filters too
    assert max(len(queries) for queries in many.values()) <= 26  # measured: 16 to 24
