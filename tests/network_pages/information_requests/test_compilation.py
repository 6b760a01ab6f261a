"""The compilation of a request (issue 6): answers question by question, on the page and in CSV,
XLSX and DOCX files, each holding only what its user may see."""

import csv
import datetime
import io
import zipfile

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

import docx
import openpyxl
import pytest
from bs4 import BeautifulSoup

from network_pages.accounts.models import MemberState
from network_pages.information_requests.lifecycle import close_request
from network_pages.information_requests.models import RequestIndexPage, StateResponse
from tests.factories.core import translate
from tests.factories.information_requests import make_request, respond

pytestmark = pytest.mark.django_db

FORMATS = ["csv", "xlsx", "docx"]
SECRET = "SECRET-OFFICE-ANSWER"
DRAFT = "DRAFT-ANSWER-TEXT"
# Germany asks, with a line of background: the page and the files show both.
GERMANY_ASKS = {"requester_state": "DE", "background": "<p>Arrivals rose this year.</p>"}


@pytest.fixture
def answered(network):
    """France and Germany submitted (France marked one answer Office only), Spain only has a
    draft, Italy said nothing."""
    page = make_request(**GERMANY_ASKS)
    respond(page, "FR", [("FR-NETWORK-ANSWER", "network"), (SECRET, "office")])
    respond(page, "DE", [("DE-NETWORK-ANSWER", "network"), ("DE-NATIONAL-ANSWER", "national")])
    respond(page, "ES", [(DRAFT, "network"), None], status="draft")
    return page


def export_url(page, fmt, query=""):
    return f"{page.url}compilation/{fmt}/{query}"


def read_export(content, fmt):
    """(the marking printed as the file's header, every text the file shows)."""
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        return rows[0][0], [cell for row in rows for cell in row]
    if fmt == "xlsx":
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        texts = [
            str(cell.value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        ]
        return workbook.worksheets[0].oddHeader.center.text, texts
    document = docx.Document(io.BytesIO(content))
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    return header, [header] + [p.text for p in document.paragraphs]


def raw_text(content, fmt):
    """Every byte of the file as text: the CSV itself, or every part of the zipped XML."""
    if fmt == "csv":
        return content.decode("utf-8-sig")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def shows(texts, needle):
    return any(needle in text for text in texts)


def compiled_answers(html):
    """{question heading: [(state, marking badge, answer text)]} as the page shows them."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        section.h2.get_text(" ", strip=True): [
            (
                article.h3.get_text(strip=True),
                article.select_one(".badge").get_text(strip=True),
                article.select_one("[lang]").get_text(" ", strip=True)
                if article.select_one("[lang]")
                else article.get_text(" ", strip=True),
            )
            for article in section.select("article.compiled-answer")
        ]
        for section in soup.select("section.compiled-question")
    }


def facts(html):
    soup = BeautifulSoup(html, "html.parser")
    dl = soup.select_one("dl.facts")
    return {
        dt.get_text(strip=True): dd.get_text(" ", strip=True)
        for dt, dd in zip(dl.find_all("dt"), dl.find_all("dd"), strict=True)
    }


def test_the_page_shows_every_submitted_answer_question_by_question(client, network, answered):
    client.force_login(network.office)
    response = client.get(answered.url + "compilation/")
    assert response.status_code == 200
    assert compiled_answers(response.text) == {
        "1. How many places?": [
            ("France", "Network only", "FR-NETWORK-ANSWER"),
            ("Germany", "Network only", "DE-NETWORK-ANSWER"),
        ],
        "2. Which rules?": [
            ("France", "SRSG Office only", SECRET),
            ("Germany", "May be shared within national administrations", "DE-NATIONAL-ANSWER"),
        ],
    }
    with translation.override("en"):
        opened = date_format(timezone.localtime(answered.opened_at).date(), "DATE_FORMAT")
        deadline = date_format(answered.deadline, "DATE_FORMAT")
    assert facts(response.text) == {
        "Requested by": "Germany",
        "Opened": opened,
        "Deadline": deadline,
        "States that answered": "2: France, Germany",
        # Spain's draft is not an answer; Italy was addressed and said nothing.
        "States that did not answer": "2: Italy, Spain",
    }
    assert "Handling marking: SRSG Office only" in response.text
    assert "not official positions of the member states" in response.text
    assert DRAFT not in response.text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "viewer, sees_office_answer, marking",
    [
        ("corr_it", False, "Network only"),
        ("corr_es", False, "Network only"),  # its own draft stays out too
        ("office", True, "SRSG Office only"),
        ("corr_fr", True, "SRSG Office only"),  # France gave the Office-only answer
    ],
)
def test_a_download_holds_what_its_user_may_see_under_the_narrowest_marking(
    client, network, answered, fmt, viewer, sees_office_answer, marking
):
    client.force_login(getattr(network, viewer))
    response = client.get(export_url(answered, fmt))
    assert response.status_code == 200
    assert f"{answered.slug}-compilation.{fmt}" in response["Content-Disposition"]
    header, texts = read_export(response.content, fmt)
    assert header == f"Handling marking: {marking}"
    assert shows(texts, "FR-NETWORK-ANSWER") and shows(texts, "DE-NATIONAL-ANSWER")
    assert shows(texts, SECRET) is sees_office_answer
    assert not shows(texts, DRAFT)
    raw = raw_text(response.content, fmt)
    assert DRAFT not in raw
    assert (SECRET in raw) is sees_office_answer


def test_the_xlsx_has_a_row_per_state_and_a_column_per_question(client, network, answered):
    client.force_login(network.corr_it)
    content = client.get(export_url(answered, "xlsx")).content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Handling marking: Network only"
    header = rows.index(["Member state", "Submitted", "1. How many places?", "2. Which rules?"])
    by_state = {row[0]: row[2:] for row in rows[header + 1 :]}
    # Every answer carries its own marking, the sheet's own as well as a wider one.
    assert by_state == {
        "France": ["FR-NETWORK-ANSWER\n[Network only]", None],
        "Germany": [
            "DE-NETWORK-ANSWER\n[Network only]",
            "DE-NATIONAL-ANSWER\n[May be shared within national administrations]",
        ],
    }


def test_the_docx_lists_the_questions_then_the_answers_by_question(client, network, answered):
    client.force_login(network.office)
    content = client.get(export_url(answered, "docx")).content
    paragraphs = [p.text for p in docx.Document(io.BytesIO(content)).paragraphs]
    assert paragraphs[:2] == ["Handling marking: SRSG Office only", "Reception capacity"]
    assert "Requested by: Germany" in paragraphs
    assert "States that did not answer: 2: Italy, Spain" in paragraphs
    assert shows(paragraphs, "not official positions of the member states")
    assert "Arrivals rose this year." in paragraphs
    answers = paragraphs[paragraphs.index("Answers by question") :]
    assert answers[1:4] == ["1. How many places?", "France · Network only", "FR-NETWORK-ANSWER"]
    assert answers[answers.index("2. Which rules?") + 1 :][:2] == [
        "France · SRSG Office only",
        SECRET,
    ]


def all_urls(page):
    index = RequestIndexPage.objects.get(locale=page.locale)
    return (
        [page.url + "compilation/"]
        + [export_url(page, fmt) for fmt in FORMATS]
        + [index.url + "compilations/xlsx/"]
    )


def test_invited_experts_are_refused_and_visitors_sent_to_login(client, network, answered):
    client.force_login(network.expert)
    for url in all_urls(answered):
        assert client.get(url).status_code == 403, url
    client.logout()
    for url in all_urls(answered):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/en/login/?next=/en/"), response.url


def test_the_state_filter_limits_the_page_and_every_export(client, network, answered):
    client.force_login(network.office)
    html = client.get(answered.url + "compilation/?state=DE").text
    assert [state for entries in compiled_answers(html).values() for state, *_ in entries] == [
        "Germany",
        "Germany",
    ]
    assert facts(html)["States that answered"] == "1: Germany"
    assert facts(html)["States that did not answer"] == "0"
    # The download links carry the filter.
    assert f'href="{export_url(answered, "xlsx", "?state=DE")}"' in html
    for fmt in FORMATS:
        germany = client.get(export_url(answered, fmt, "?state=DE")).content
        _header, texts = read_export(germany, fmt)
        assert shows(texts, "DE-NETWORK-ANSWER"), fmt
        assert not shows(texts, "FR-NETWORK-ANSWER") and not shows(texts, SECRET), fmt
        both = client.get(export_url(answered, fmt, "?state=FR&state=DE")).content
        _header, texts = read_export(both, fmt)
        assert shows(texts, "DE-NETWORK-ANSWER") and shows(texts, "FR-NETWORK-ANSWER"), fmt


def test_an_unknown_state_in_the_filter_is_refused_in_the_users_language(
    client, tree, network, answered
):
    client.force_login(network.office)
    for fmt in FORMATS:
        response = client.get(export_url(answered, fmt, "?state=FR&state=ZZ"))
        assert response.status_code == 400, fmt
        assert "Unknown member state" in response.text
    response = client.get(answered.url + "compilation/?state=ZZ")
    assert response.status_code == 200
    assert "Select a valid choice. ZZ is not one of the available choices." in response.text
    french = translate(answered, tree.fr, "Capacité d’accueil")
    response = client.get(french.url + "compilation/?state=ZZ")
    assert response.status_code == 200
    assert "Sélectionnez un choix valide. ZZ n’en fait pas partie." in response.text
    assert client.get(export_url(french, "csv", "?state=ZZ")).status_code == 400


def test_formula_like_and_control_characters_stay_harmless_text(client, tree, network):
    formula = '=HYPERLINK("http://evil.example","click")'
    page = make_request(**GERMANY_ASKS)
    respond(page, "FR", [(formula, "network"), ("Line one\x0bline two", "network")])
    client.force_login(network.corr_de)

    rows = list(
        csv.reader(io.StringIO(client.get(export_url(page, "csv")).content.decode("utf-8-sig")))
    )
    assert "'" + formula in rows[2]

    content = client.get(export_url(page, "xlsx")).content
    cells = [
        cell
        for row in openpyxl.load_workbook(io.BytesIO(content)).worksheets[0].iter_rows()
        for cell in row
        if cell.value is not None
    ]
    (cell,) = [cell for cell in cells if cell.value == f"{formula}\n[Network only]"]
    assert cell.data_type == "s"
    assert shows([str(c.value) for c in cells], "line two")
    assert not shows([str(c.value) for c in cells], "\x0b")

    response = client.get(export_url(page, "docx"))
    assert response.status_code == 200
    paragraphs = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
    assert formula in paragraphs
    assert shows(paragraphs, "line two") and not shows(paragraphs, "\x0b")


def test_the_french_translation_compiles_the_same_answers(client, tree, network, answered):
    french = translate(answered, tree.fr, "Capacité d’accueil")
    assert french.url.startswith("/fr/")
    client.force_login(network.corr_it)
    response = client.get(french.url + "compilation/")
    assert response.status_code == 200
    entries = [entry for items in compiled_answers(response.text).values() for entry in items]
    assert ("Allemagne", "DE-NETWORK-ANSWER") in [(state, text) for state, _m, text in entries]
    assert SECRET not in response.text
    for fmt in FORMATS:
        response = client.get(export_url(french, fmt))
        assert response.status_code == 200, fmt
        header, texts = read_export(response.content, fmt)
        assert header == "Marquage de diffusion\u00a0: Réseau uniquement", fmt
        assert shows(texts, "FR-NETWORK-ANSWER") and shows(texts, "DE-NATIONAL-ANSWER"), fmt
        assert not shows(texts, SECRET) and not shows(texts, DRAFT), fmt


def test_a_compilation_of_46_states_and_20_questions_costs_fixed_queries(client, tree, network):
    questions = [f"Question {n}?" for n in range(1, 21)]
    small = make_request("Small", questions, **GERMANY_ASKS)
    large = make_request("Large", questions, **GERMANY_ASKS)
    for number, state in enumerate(MemberState.objects.all()):
        pages = [large, small] if number == 0 else [large]
        for page in pages:
            marking = "office" if number % 9 == 1 else "network"
            respond(page, state.code, [(f"Answer {state.code}", marking)] * 20)
    assert StateResponse.objects.filter(request=large).count() == 46
    client.force_login(network.corr_de)
    # Measured: 22 queries for the page, 20 for the XLSX (a few spare for middleware changes).
    bounds = {"compilation/": 24, "compilation/xlsx/": 22}
    for suffix, bound in bounds.items():
        client.get(small.url + suffix)  # warm up: caches, sessions
        counts = []
        for page in (small, large):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(page.url + suffix).status_code == 200
            counts.append(len(captured))
        assert counts[0] == counts[1], (suffix, counts)

        assert counts[1] <= bound, (suffix, counts)


def test_the_index_export_has_a_sheet_per_opened_request(client, tree, network, answered, today):
    closed = make_request("Detention", ["Any alternatives?"], **GERMANY_ASKS)
    respond(closed, "DE", [("DE-DETENTION-ANSWER", "network")])
    close_request(closed)
    index = RequestIndexPage.objects.get(locale=tree.en)
    proposal = make_request(
        "Proposed topic",
        ["Should we?"],
        deadline=today + datetime.timedelta(days=30),
        opening=None,
        live=False,
        proposed_by=network.corr_fr,
        requester_state="FR",
    )
    proposal.save_revision(log_action=False)

    for viewer, sees_office_answer in [(network.office, True), (network.corr_it, False)]:
        client.force_login(viewer)
        response = client.get(index.url + "compilations/xlsx/")
        assert response.status_code == 200
        assert 'filename="information-requests.xlsx"' in response["Content-Disposition"]
        workbook = openpyxl.load_workbook(io.BytesIO(response.content))
        assert sorted(workbook.sheetnames) == ["Detention", "Reception capacity"]
        _header, texts = read_export(response.content, "xlsx")
        assert shows(texts, "DE-DETENTION-ANSWER") and shows(texts, "FR-NETWORK-ANSWER")
        assert not shows(texts, "Proposed topic") and not shows(texts, "Should we?")
        assert shows(texts, SECRET) is sees_office_answer
        assert not shows(texts, DRAFT)
