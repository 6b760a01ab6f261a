"""Real browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

The tests are transactional (the live server runs in another thread, with its own connection), and
use serialized rollback so the data migrations' groups, member states, locales and page tree are
restored for each test rather than flushed away for good.
"""

import datetime
import os
from urllib.parse import urlsplit

from django.db import connections

from wagtail.models import Locale, Site

import pytest
from axe_playwright_python.sync_playwright import Axe
from openpyxl import load_workbook
from playwright.sync_api import sync_playwright

from home.models import HomePage
from network_pages.accounts.models import MemberState, NationalNetworkActor
from network_pages.core.roles import CORRESPONDENTS, OFFICE
from network_pages.directory.models import DirectoryPage
from network_pages.information_requests.models import ResponseReminder, StateResponse
from network_pages.sessions.models import Attendance, ThematicSessionPage
from tests.factories.accounts import UserFactory
from tests.factories.information_requests import make_request, respond
from tests.factories.sessions import (
    add_paper,
    invite_expert,
    make_plenary_with_thematic,
    make_session,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """One Chromium for the module.

    Playwright's sync API keeps an asyncio loop running in this thread. Django then refuses ORM
    calls unless async-unsafe calls are allowed (only for these tests), and, more subtly, its
    connection handler (an asgiref ``Local``) hands out *other* connection objects than those
    ``django_db_setup`` prepared before the loop ran: those new objects lack the serialized
    database contents, so serialized rollback would silently only flush, leaving an empty
    database to the next test. Carry the serialized contents over to them.
    """
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield chromium
            finally:
                chromium.close()
                connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site_url(live_server):
    """The live server's base URL, with Wagtail's default site pointed at it."""
    parts = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=parts.hostname, port=parts.port)
    return live_server.url


@pytest.fixture
def new_page(browser):
    """A fresh page in a fresh context (no cookies shared between tests)."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def correspondent():
    return UserFactory(username="corr-fr", roles=[CORRESPONDENTS], state="FR", language="fr")


def path_of(page):
    parts = urlsplit(page.url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def html_lang(page):
    return page.locator("html").get_attribute("lang")


def log_in(page, username, password="pass"):
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("form.stacked button[type=submit]")


def assert_no_axe_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, f"{path_of(page)}:\n{results.generate_report()}"


def test_anonymous_visitor_logs_in_from_the_french_intranet_and_lands_on_it(
    site_url, new_page, correspondent
):
    page = new_page
    page.goto(f"{site_url}/fr/intranet/")
    assert path_of(page) == "/fr/login/?next=/fr/intranet/"
    assert html_lang(page) == "fr"

    log_in(page, correspondent.username)

    assert path_of(page) == "/fr/intranet/"
    assert html_lang(page) == "fr"
    assert page.locator("main h1").inner_text() == "Intranet du réseau"


def test_language_switcher_on_the_english_home_leads_to_the_french_home(site_url, new_page):
    page = new_page
    page.goto(f"{site_url}/en/")
    assert html_lang(page) == "en"

    with page.expect_navigation():
        page.locator("nav.language-switcher a[hreflang=fr]").click()

    assert path_of(page) == "/fr/"
    assert html_lang(page) == "fr"


@pytest.mark.parametrize("path", ["/en/", "/fr/", "/en/login/"])
def test_public_pages_have_no_accessibility_violations(site_url, new_page, path):
    page = new_page
    page.goto(f"{site_url}{path}")
    assert_no_axe_violations(page)


def test_intranet_home_has_no_accessibility_violations(site_url, new_page, correspondent):
    page = new_page
    page.goto(f"{site_url}/en/login/?next=/en/intranet/")
    log_in(page, correspondent.username)
    assert path_of(page) == "/en/intranet/"
    assert_no_axe_violations(page)


def test_home_is_readable_without_javascript_and_skip_link_comes_first(site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/en/")
        brand = page.locator("header .brand-name")
        assert brand.is_visible()
        assert brand.inner_text() == "Network of Correspondents on Migration"
        heading = page.locator("main h1")
        assert heading.is_visible()
        assert heading.inner_text() == HomePage.objects.get(locale__language_code="en").title

        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => ({text: document.activeElement.textContent.trim(),"
            " href: document.activeElement.getAttribute('href')})"
        )
        assert focused == {"text": "Skip to main content", "href": "#main"}
        box = page.locator(".skip-link").bounding_box()
        assert box is not None and box["x"] >= 0, "the focused skip link should come on screen"
    finally:
        context.close()


def test_a_correspondent_answers_a_request_on_a_phone(site_url, browser, correspondent, today):
    make_request(
        "Reception places",
        ("How many places?", "Which authority?"),
        deadline=today + datetime.timedelta(days=10),
        opening="open",
    )

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/en/login/?next=/en/intranet/requests/reception-places/")
        log_in(page, correspondent.username)
        assert_no_axe_violations(page)
        with page.expect_navigation():
            page.get_by_role("link", name="Answer the questions").click()
        assert_no_axe_violations(page)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, "the answer form fits a phone screen"
        fields = page.locator("fieldset.answer textarea")
        fields.nth(0).fill("12,000 places")
        page.locator("fieldset.answer input[type=checkbox]").nth(1).check()
        with page.expect_navigation():
            page.get_by_role("button", name="Submit the response").click()
        summary = page.locator("main").inner_text()
        assert "12,000 places" in summary and "No information / not applicable" in summary
        assert_no_axe_violations(page)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        with page.expect_navigation():
            page.get_by_role("button", name="Confirm and submit").click()
        assert path_of(page) == "/en/intranet/requests/reception-places/"
        assert "12,000 places" in page.locator("main").inner_text()
    finally:
        context.close()
    response = StateResponse.objects.get()
    assert response.status == "submitted"
    assert response.member_state.code == "FR"


def test_the_office_follows_a_request_filters_its_compilation_and_downloads_it(
    site_url, new_page, correspondent, tmp_path, today
):
    UserFactory(username="corr-de", roles=[CORRESPONDENTS], state="DE")
    office = UserFactory(username="office", roles=[OFFICE])
    request_page = make_request(
        "Return statistics", ("How many?",), deadline=today + datetime.timedelta(days=10)
    )
    respond(request_page, "DE", [("4,200 decisions", "network")])

    page = new_page
    page.goto(f"{site_url}/en/login/?next={request_page.url}")
    log_in(page, office.username)
    follow_up = page.locator("#follow-up")
    assert "50% submitted" in follow_up.inner_text()
    assert_no_axe_violations(page)
    with page.expect_navigation():
        follow_up.get_by_role("link", name="Remind… France").click()
    assert_no_axe_violations(page)
    assert "France" in page.locator(".recipients").inner_text()
    assert not ResponseReminder.objects.exists(), "the confirmation sends nothing"
    with page.expect_navigation():
        page.get_by_role("button", name="Send the reminder").click()
    assert "A reminder was sent to 1 state." in page.locator(".messages").inner_text()
    assert ResponseReminder.objects.get().member_state.code == "FR"

    with page.expect_navigation():
        page.get_by_role("link", name="The answers question by question").click()
    assert_no_axe_violations(page)
    page.get_by_text("Filter the compilation by member state").click()
    page.get_by_label("Germany").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    assert "state=DE" in path_of(page)
    assert "4,200 decisions" in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="spreadsheet (XLSX)").click()
    assert download.value.suggested_filename == "return-statistics-compilation.xlsx"
    download.value.save_as(tmp_path / download.value.suggested_filename)
    sheet = load_workbook(tmp_path / download.value.suggested_filename).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert "Handling marking: Network only" in values
    assert "Germany" in values and "4,200 decisions\n[Network only]" in values


def test_an_invited_expert_finds_their_session_and_a_state_registers_on_a_phone(
    site_url, new_page, browser, correspondent, today
):
    office = UserFactory(username="office", roles=[OFFICE])
    title = "Integration of refugees"
    session = make_session(
        title,
        model=ThematicSessionPage,
        starts_on=today + datetime.timedelta(days=40),
        agenda=("Good practices",),
        place="Strasbourg",
        external_participants=True,
    )
    add_paper(session, "Background note")
    invitation = invite_expert(session, by=office, password="pass")

    page = new_page
    page.goto(f"{site_url}/en/login/?next=/en/intranet/")
    log_in(page, invitation.user.username)
    invited = page.locator("#panel-invitations")
    assert title in invited.inner_text()
    with page.expect_navigation():
        invited.get_by_role("link", name=title).click()
    assert_no_axe_violations(page)
    assert page.get_by_role("link", name="Background note").is_visible()
    assert page.goto(f"{site_url}/en/intranet/sessions/").status == 403

    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        phone = context.new_page()
        phone.goto(f"{site_url}/en/login/?next={session.url}")
        log_in(phone, correspondent.username)
        with phone.expect_navigation():
            phone.get_by_role("link", name="Register the participants of my state").click()
        assert_no_axe_violations(phone)
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
        phone.get_by_label("name").fill("Claire Martin")
        phone.get_by_label("e-mail").fill("claire@interieur.example")
        phone.get_by_label("online").check()
        with phone.expect_navigation():
            phone.get_by_role("button", name="Register").click()
        assert "Claire Martin" in phone.locator("main").inner_text()
    finally:
        context.close()
    registered = Attendance.objects.get()
    assert (registered.member_state.code, registered.mode) == ("FR", "online")


def test_in_french_a_correspondent_answers_an_english_request_and_the_office_reminds_a_state(
    site_url, browser, correspondent, today
):
    """Both languages for everyone (§4.6): the request the Office wrote in English is on the
    French intranet, found by clicking from the French home, answered and counted there."""
    UserFactory(username="corr-de", roles=[CORRESPONDENTS], state="DE")
    office = UserFactory(username="office", roles=[OFFICE], language="fr")
    make_request(
        "Reception places",
        ("How many places?", "Which authority?"),
        deadline=today + datetime.timedelta(days=10),
    )

    context = browser.new_context(locale="fr-FR")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/fr/login/")
        log_in(page, correspondent.username)
        assert path_of(page) == "/fr/intranet/"
        awaiting = page.locator("section", has_text="Demandes en attente de mon État")
        with page.expect_navigation():
            awaiting.get_by_role("link", name="Reception places").click()
        assert path_of(page) == "/fr/intranet/demandes/reception-places/"
        assert html_lang(page) == "fr"
        assert "Pas encore traduit\u00a0: original en anglais" in page.locator("main").inner_text()
        assert page.locator("h1").get_attribute("lang") == "en"
        assert_no_axe_violations(page)
        with page.expect_navigation():
            page.get_by_role("link", name="Répondre aux questions").click()
        page.locator("fieldset.answer textarea").nth(0).fill("12 000 places")
        page.locator("fieldset.answer input[type=checkbox]").nth(1).check()
        with page.expect_navigation():
            page.get_by_role("button", name="Soumettre la réponse").click()
        assert "12 000 places" in page.locator("main").inner_text()
        with page.expect_navigation():
            page.get_by_role("button", name="Confirmer et soumettre").click()
        assert path_of(page) == "/fr/intranet/demandes/reception-places/"
        main = page.locator("main").inner_text()
        assert "12 000 places" in main
        assert "1 des 2 États destinataires a soumis sa réponse." in main
        with page.expect_navigation():
            page.get_by_role("link", name="Toutes les demandes d'information").click()
        assert path_of(page) == "/fr/intranet/demandes/"
        assert page.get_by_role("link", name="Reception places").count() == 1

        page.context.clear_cookies()
        page.goto(f"{site_url}/fr/login/")
        log_in(page, office.username)
        assert path_of(page) == "/fr/intranet/"
        rates = page.locator("section", has_text="Taux de réponse")
        assert "1 sur 2 soumises" in rates.inner_text()
        with page.expect_navigation():
            rates.get_by_role("link", name="Reception places").click()
        with page.expect_navigation():
            page.locator("#follow-up").get_by_role("link", name="Relancer… Allemagne").click()
        assert "Relancer 1 État\u00a0?" in page.locator("h1").inner_text()
        with page.expect_navigation():
            page.get_by_role("button", name="Envoyer le rappel").click()
        assert "Un rappel a été envoyé à 1 État." in page.locator(".messages").inner_text()
    finally:
        context.close()
    response = StateResponse.objects.get()
    assert (response.member_state.code, response.status) == ("FR", "submitted")
    assert response.request.locale.language_code == "en"  # the answers hang on the original
    assert ResponseReminder.objects.get().member_state.code == "DE"


PHONE = {"width": 390, "height": 844}
# The innermost elements that reach past the right edge of the screen (for the failure message).
WIDEST = """() => {
    const past = e => e.getBoundingClientRect().right > window.innerWidth + 1;
    const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
    const inScrollBox = e => { for (let a = e.parentElement; a; a = a.parentElement) {
        if (scrolls(a)) return true; } return false; };
    return [...document.querySelectorAll('body *')]
        .filter(e => past(e) && !inScrollBox(e) && ![...e.children].some(past))
        .slice(0, 3)
        .map(e => `${e.tagName}.${e.className} "${e.textContent.trim().slice(0, 40)}"`)
        .join(', ');
}"""
HEADER_MAX_PX = 170  # a fifth of a 390 x 844 screen


def _office_pages(today):
    """Every page the Office works on, with data long enough to stretch them: a long title, a
    long unbroken link in an answer, a national network with long names."""
    UserFactory(username="corr-de", roles=[CORRESPONDENTS], state="DE")
    office = UserFactory(username="office", roles=[OFFICE])
    request_page = make_request(
        "Reception conditions for unaccompanied children arriving by sea",
        ("How many places?", "Which authority decides on age assessment procedures?"),
        deadline=today + datetime.timedelta(days=10),
    )
    link = "https://statistics.interior.example/asylum/reception/unaccompanied-minors-2026.pdf"
    respond(request_page, "DE", [(f"About 40,000 places; see {link}", "network"), None])
    NationalNetworkActor.objects.create(
        member_state=MemberState.objects.get(code="DE"),
        organisation="Bundesamt für Migration und Flüchtlinge, Referat Grundsatzfragen",
        kind="governmental",
        contact="grundsatzfragen-migration-und-integration@bamf.bund.example",
    )
    plenary, thematic = make_plenary_with_thematic(today, thematic_title="Integration of refugees")
    invite_expert(thematic, by=office)
    directory = DirectoryPage.objects.get(locale__language_code="en")
    paths = {
        "en": [
            "/en/",
            "/en/intranet/",
            request_page.get_parent().url,
            request_page.url,
            request_page.url + "close/",
            request_page.url + "remind/",
            request_page.url + "compilation/?state=DE",
            request_page.url + request_page.reverse_subpage("answer_state", args=["DE"]),
            request_page.url + request_page.reverse_subpage("history", args=["DE"]),
            directory.url,
            directory.url + directory.reverse_subpage("state", kwargs={"code": "DE"}),
            directory.url + directory.reverse_subpage("own_profile"),
            plenary.get_parent().url,
            plenary.url,
            plenary.url + "convene/",
            thematic.url + "invitations/",
            thematic.url + "participants/",
            "/en/search/?query=reception",
        ]
    }
    fr = Locale.objects.get(language_code="fr")
    pages = (request_page, request_page.get_parent(), directory, plenary.get_parent(), thematic)
    french = {english.url: english.get_translation(fr).url for english in pages}
    french[plenary.url] = plenary.get_translation(fr).url
    paths["fr"] = []
    for path in paths["en"]:
        for english_url, french_url in sorted(french.items(), key=lambda item: -len(item[0])):
            if path.startswith(english_url):
                path = french_url + path[len(english_url) :]
                break
        paths["fr"].append(path.replace("/en/", "/fr/", 1))
    return office, paths


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_page_scrolls_sideways_on_a_phone_and_the_header_stays_small(
    site_url, browser, correspondent, today, lang
):
    office, paths = _office_pages(today)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(TIMEOUT_MS)
    wrong = []
    try:
        page = context.new_page()
        page.goto(f"{site_url}/{lang}/login/")
        log_in(page, office.username)
        for path in paths[lang]:
            response = page.goto(site_url + path)
            assert response.status == 200, path
            width = page.evaluate("() => document.documentElement.scrollWidth")
            header = page.evaluate(
                "() => document.querySelector('.site-header').getBoundingClientRect().height"
            )
            if width > PHONE["width"]:
                wrong.append(f"{path}: {width} px wide, because of {page.evaluate(WIDEST)}")
            if header > HEADER_MAX_PX:
                wrong.append(f"{path}: header {header:.0f} px high")
            if path.endswith(("close/", "remind/", "convene/", "compilation/?state=DE")):
                assert_no_axe_violations(page)
    finally:
        context.close()
    assert wrong == []
