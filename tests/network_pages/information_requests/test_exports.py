"""Compilation files that hold whatever users type, and requests whose translations come later."""

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext

import docx
import openpyxl
import pytest

from network_pages.core.translations import original
from network_pages.information_requests.models import (
    AddressedState,
    InformationRequestPage,
    StateResponse,
)
from tests.factories.core import translate
from tests.factories.information_requests import make_request, respond

pytestmark = pytest.mark.django_db

# Germany asks, with a line of background, as in the compilation's tests.
GERMANY_ASKS = {"requester_state": "DE", "background": "<p>Arrivals rose this year.</p>"}


def test_characters_xml_cannot_hold_do_not_break_the_files(client, tree, network):
    page = make_request(questions=("How many?",), **GERMANY_ASKS)
    respond(page, "DE", [("before\ufffe\uffff\x0bafter", "network")])
    client.force_login(network.corr_it)
    content = client.get(page.url + "compilation/xlsx/").content
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    cells = [c.value for row in workbook.active.iter_rows() for c in row if c.value]
    assert "beforeafter\n[Network only]" in cells
    document = docx.Document(io.BytesIO(client.get(page.url + "compilation/docx/").content))
    assert "beforeafter" in [p.text for p in document.paragraphs]


def test_a_title_in_any_script_downloads_under_its_name(client, tree, network):
    page = make_request("Cœur de Łódź", ("How many?",), **GERMANY_ASKS)
    InformationRequestPage.objects.filter(pk=page.pk).update(title="'Cœur de Łódź'")
    page.refresh_from_db()
    client.force_login(network.office)
    response = client.get(page.url + "compilation/xlsx/")
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''c%C5%93ur-de-%C5%82%C3%B3d%C5%BA-compilation.xlsx"
    )
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Cœur de Łódź"]


def test_the_state_filter_lists_no_state_that_only_drafted(client, tree, network):
    page = make_request(questions=("How many?",), **GERMANY_ASKS)
    AddressedState.objects.filter(request=page, member_state__code="ES").delete()
    respond(page, "ES", [("DRAFTED", "network")], status="draft")
    client.force_login(network.corr_it)
    html = client.get(page.url + "compilation/").text
    assert 'value="ES"' not in html and 'value="IT"' in html


def test_an_invalid_answer_form_records_no_response(client, tree, network):
    page = make_request(questions=("How many?",), **GERMANY_ASKS)
    question = page.questions.get()
    client.force_login(network.corr_it)
    data = {"version": "0", "submit": "1", f"q{question.pk}_language": "en"}
    response = client.post(page.url + "answer/IT/", {**data, f"q{question.pk}_marking": "network"})
    assert response.status_code == 200  # "answer it, or tick no information"
    assert not StateResponse.objects.exists()


def test_answers_stay_with_the_request_as_first_written_when_a_translation_comes(
    client, tree, network
):
    page = make_request(questions=("How many?",), **GERMANY_ASKS)
    InformationRequestPage.objects.filter(pk=page.pk).update(request_language="fr")
    respond(page, "DE", [("DE-ANSWER", "network")])
    french = translate(page, tree.fr, "Capacité d'accueil")
    assert original(french).pk == page.pk
    client.force_login(network.office)
    html = client.get(french.url).text
    assert "DE-ANSWER" in html
    assert "1 des 4 États destinataires a soumis sa réponse." in html


def test_the_export_of_every_request_costs_fixed_queries(client, tree, network):
    def add(title):
        page = make_request(title, ("One?", "Two?"), **GERMANY_ASKS)
        respond(page, "DE", [("A", "network"), ("B", "office")])
        respond(page, "FR", [("C", "network"), None])
        return page

    add("First")
    index_url = tree.intranet_en.url + "requests/compilations/xlsx/"
    client.force_login(network.corr_it)
    client.get(index_url)
    counts = []
    for titles in ((), ("Second", "Third", "Fourth")):
        for title in titles:
            add(title)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(index_url)
        assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
    assert counts[1] <= 20  # measured: 18
    assert len(openpyxl.load_workbook(io.BytesIO(response.content)).sheetnames) == 4


def test_dates_in_the_xlsx_are_date_cells(client, tree, network, today):
    page = make_request(questions=("How many?",), **GERMANY_ASKS)
    respond(page, "DE", [("Some", "network")])
    respond(page, "FR", [("More", "network")], late=True)
    client.force_login(network.corr_it)
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get(page.url + "compilation/xlsx/").content)
    ).worksheets[0]
    cells = {row[0].value: row[1] for row in sheet.iter_rows(min_col=1, max_col=2) if row[0].value}
    assert cells["Deadline"].is_date and cells["Deadline"].value.date() == page.deadline
    assert cells["Opened"].is_date and cells["Opened"].value.date() == today
    for state, late in (("Germany", False), ("France", True)):
        assert cells[state].is_date and cells[state].value.date() == today
        assert ("(late)" in cells[state].number_format) is late


def _answer_cells(content, states):
    """{state: its answer to question 1} of the first sheet."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return {
        row[0].value: row[2].value
        for row in sheet.iter_rows(min_col=1, max_col=3)
        if row[0].value in states
    }


@pytest.mark.parametrize(
    ("lang", "states", "office_only", "network_only"),
    [
        ("en", ("Germany", "France"), "[SRSG Office only]", "[Network only]"),
        ("fr", ("Allemagne", "France"), "[Bureau du RSSG uniquement]", "[Réseau uniquement]"),
    ],
)
def test_every_answer_in_the_xlsx_carries_its_own_marking(
    client, tree, network, lang, states, office_only, network_only
):
    """The Office's sheet is marked "Office only" as a whole; each answer still says its own."""
    page = make_request(questions=("How many?",), **GERMANY_ASKS)
    respond(page, "DE", [("DE-OFFICE", "office")])
    respond(page, "FR", [("FR-NETWORK", "network")])
    version = page if lang == "en" else translate(page, tree.fr, "Combien")
    client.force_login(network.office)
    cells = _answer_cells(client.get(version.url + "compilation/xlsx/").content, states)
    assert cells[states[0]].splitlines() == ["DE-OFFICE", office_only]
    assert cells[states[1]].splitlines() == ["FR-NETWORK", network_only]


def test_long_titles_make_readable_unique_sheet_titles(client, tree, network):
    long = "Reception conditions for unaccompanied children arriving by sea"
    for n in range(2):
        make_request(long, ("How many?",), slug=f"long-{n}", **GERMANY_ASKS)
    client.force_login(network.office)
    content = client.get(tree.intranet_en.url + "requests/compilations/xlsx/").content
    titles = openpyxl.load_workbook(io.BytesIO(content)).sheetnames
    assert sorted(titles) == ["Reception conditions for…", "Reception conditions for… (2)"]
