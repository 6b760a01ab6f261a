"""A correspondent's good practice from the intranet to the network (R15, §4.7), through the views
its author and the Office use: contribute, "My contributions", the Office's review in the admin
(the "Contributions" workflow), the author's edit and resubmission, the Office's immediate
publication setting and its hiding of a contribution; in both languages, with the e-mails each
person receives in their own language and the audit log of every step."""

from html import unescape

from django.core import mail
from django.urls import reverse

from wagtail.models import PageLogEntry, WorkflowState

import pytest

from network_pages import access
from network_pages.accounts.models import MemberState
from network_pages.core.roles import CORRESPONDENTS
from network_pages.files.models import NetworkDocument
from network_pages.notifications.models import Notification
from network_pages.practices import contributions
from network_pages.practices.models import BestPracticePage, Contribution, PracticeSettings
from tests.factories.accounts import UserFactory
from tests.factories.practices import contribute, theme, upload

pytestmark = pytest.mark.django_db

Status = Contribution.Status

INDEX = {"en": "/en/intranet/practices/", "fr": "/fr/intranet/bonnes-pratiques/"}
NBSP = "\u00a0"

# The footer of every e-mail of the project, already translated: the language a message is in.
FOOTER = {
    "en": "This message was sent by the network's intranet; please do not reply to it.",
    "fr": "Ce message a été envoyé par l'intranet du réseau",
}
STATUS_TEXT = {
    "en": {
        Status.DRAFT: "Draft",
        Status.SUBMITTED: "Awaiting the SRSG Office",
        Status.CHANGES: "Changes requested",
        Status.PUBLISHED: "Published",
        Status.DECLINED: "Declined",
        Status.HIDDEN: "Hidden by the SRSG Office",
    },
    # French: needs locale/fr
    "fr": {
        Status.DRAFT: "Brouillon",
        Status.SUBMITTED: "En attente du Bureau du RSSG",
        Status.CHANGES: "Modifications demandées",
        Status.PUBLISHED: "Publiée",
        Status.DECLINED: "Refusée",
        Status.HIDDEN: "Masquée par le Bureau du RSSG",
    },
}
# The Office reads French (conftest): the subject of "practice_submitted" for each author's state.
OFFICE_SUBJECT = {
    "DE": "Pratique proposée par l'Allemagne" + NBSP + ": {title}",  # French: needs locale/fr
    "FR": "Pratique proposée par la France" + NBSP + ": {title}",  # French: needs locale/fr
}
CHANGES_SUBJECT = {
    "en": "Changes asked for on your contribution: {title}",
    # French: needs locale/fr
    "fr": "Modifications demandées sur votre contribution" + NBSP + ": {title}",
}
PUBLISHED_SUBJECT_EN = "New good practice: {title}"
REFUSED_PERIOD = {
    "en": "The period cannot end before the year it starts.",
    # French: needs locale/fr
    "fr": "La période ne peut pas s’achever avant l’année où elle commence.",
}
# French: needs locale/fr
FILES_NOT_KEPT = "Votre texte est conservé, mais les fichiers ne peuvent pas l’être"
CONFLICT = "Someone else saved this contribution while you were editing it."

# What each pass writes, in the language of its tree.
TEXTS = {
    "en": {
        "title": "Guardians for unaccompanied children",
        "summary": "Every unaccompanied child gets a guardian within 24 hours.",
        "body": "A guardian is named by the court.\n\nThe guardian meets the child every week.",
        "sources": "Ministry report 2023",
        "revised": "Guardians for unaccompanied children, with figures",
        "revised_body": "A guardian is named by the court.\n\nIn 2023: 1,200 children.",
    },
    "fr": {
        "title": "Tuteurs pour les enfants non accompagnés",
        "summary": "Chaque enfant non accompagné reçoit un tuteur en 24 heures.",
        "body": "Le juge nomme le tuteur.\n\nLe tuteur voit l’enfant chaque semaine.",
        "sources": "Rapport du ministère 2023",
        "revised": "Tuteurs pour les enfants non accompagnés, avec des chiffres",
        "revised_body": "Le juge nomme le tuteur.\n\nEn 2023 : 1 200 enfants.",
    },
}

PASSES = [
    pytest.param("en", "corr_de", "DE", id="from-en-as-corr-de"),
    pytest.param("fr", "corr_fr", "FR", id="from-fr-as-corr-fr"),
]


@pytest.fixture
def network(people, tree):
    """Beyond conftest's people: a colleague of each author's state who speaks the other
    language, a correspondent of a third state (Italy), an expert invited to the intranet, and a
    superuser (who would receive Wagtail's own workflow e-mails)."""
    people.colleague_de = UserFactory(
        username="colleague-de", roles=[CORRESPONDENTS], state="DE", language="fr"
    )
    people.colleague_fr = UserFactory(
        username="colleague-fr", roles=[CORRESPONDENTS], state="FR", language="en"
    )
    people.corr_it = UserFactory(username="corr-it", roles=[CORRESPONDENTS], state="IT")
    people.root = UserFactory(username="root", is_superuser=True)
    access.grant(people.expert, tree.intranet_en, tell=False)
    return people


def form_data(lang, **fields):
    """The contribution form as a correspondent fills it in (the language field is added by the
    callers that have it)."""
    texts = TEXTS[lang]
    data = {
        "title": texts["title"],
        "summary": texts["summary"],
        "body": texts["body"],
        "themes": [theme("Children").pk],
        "member_states": [MemberState.objects.get(code="IT").pk],
        "period_from": "2019",
        "period_to": "",
        "sources": texts["sources"],
        "marking": "network",
        "dissemination": "network",
    }
    data.update(fields)
    return data


def admin_action(client, page, action, comment="", *, modal=False):
    """The Office's workflow action in the page editor: posted by its modal (an XMLHttpRequest,
    answered with the form and its errors) or as a plain form."""
    task_state = contributions.review_task_state(page)
    assert task_state is not None, "the contribution is not waiting for the Office"
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    headers = {"X-Requested-With": "XMLHttpRequest"} if modal else {}
    return client.post(url, {"comment": comment}, headers=headers)


def status_shown(html, status, lang, missing):
    """Is the contribution shown with `status` (its badge), in the page's language? The wording
    is noted in `missing` rather than raised: the French texts wait for locale/fr, and a missing
    translation must not hide the steps after it (each test checks `missing` last)."""
    assert f'class="badge contribution-{status}"' in html
    expected = STATUS_TEXT[lang][status]
    if expected not in html:
        missing.append(expected)


def subject_is(message, expected, missing):
    if message.subject != expected:
        missing.append(f"{message.to[0]}: {expected!r} (sent: {message.subject!r})")


def told_since(mark=0):
    """The e-mails sent since the first `mark` ones, by (address, event): each one of the
    project's notifications, so none is one of Wagtail's own workflow e-mails (those are sent
    directly, with no outbox row), and one per person and event."""
    told = {}
    for message in mail.outbox[mark:]:
        row = Notification.objects.filter(
            to_email=message.to[0], subject=message.subject, body=message.body
        ).first()
        assert row is not None, f"not the project's e-mail: {message.subject!r} to {message.to}"
        told[(message.to[0], row.event)] = message
    assert len(told) == len(mail.outbox) - mark
    return told


def the_version(page, lang):
    return BestPracticePage.objects.get(
        translation_key=page.translation_key, locale__language_code=lang
    )


def practice_log(page):
    entries = PageLogEntry.objects.filter(page=page, action__startswith="network.practice.")
    return list(entries.order_by("timestamp", "pk").values_list("action", "user__username"))


@pytest.mark.parametrize(("lang", "who", "code"), PASSES)
def test_a_contribution_goes_to_the_office_comes_back_for_changes_and_is_published(
    client, network, sent, lang, who, code
):
    """A correspondent contributes a practice with an attachment from the intranet of their
    language; the Office (told in French) asks for changes in the admin; the author's state is
    told in each person's language, edits it (the form gives back what they wrote, and keeps what
    they typed when it is wrong) and resubmits it, the same workflow resuming; the Office accepts
    it: it is published in both trees, its state and the network are told, a correspondent of a
    third state reads it. Wagtail's own workflow e-mails never go out, and every step is logged."""
    people = network
    author = getattr(people, who)
    colleague = getattr(people, f"colleague_{code.lower()}")
    # The correspondents of the other state, in the pass's two languages.
    others = (
        (people.corr_fr, people.colleague_fr)
        if code == "DE"
        else (people.corr_de, people.colleague_de)
    )
    texts = TEXTS[lang]
    index = INDEX[lang]
    missing = []

    # 1. The author contributes, with an attachment, and submits it to the Office.
    client.force_login(author)
    form = client.get(index + "contribute/")
    assert form.status_code == 200
    assert 'name="save"' in form.text and 'name="submit"' in form.text
    with sent(execute=True):
        response = client.post(
            index + "contribute/",
            {**form_data(lang, language=lang), "attachments": [upload()], "submit": ""},
        )
    assert response.status_code == 302
    assert response["Location"] == index + "mine/"
    page = BestPracticePage.objects.get(title=texts["title"])
    assert page.locale.language_code == lang  # in the tree of its language
    assert not page.live
    assert page.author == author and page.author_state.code == code
    draft = contributions.latest(page)
    assert [a.document.title for a in draft.attachments.all()] == ["note.txt"]
    workflow_state = WorkflowState.objects.get(object_id=str(page.pk))
    assert workflow_state.workflow.name == "Contributions"
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    mine = unescape(client.get(index + "mine/").text)
    assert texts["title"] in mine
    status_shown(mine, Status.SUBMITTED, lang, missing)
    html = unescape(client.get(f"{index}mine/{page.pk}/").text)
    assert texts["summary"] in html and "note.txt" in html
    client.force_login(people.corr_it)  # nobody else reads it, nor its file, yet
    assert client.get(f"{index}mine/{page.pk}/").status_code == 403
    assert client.get(draft.attachments.get().document.url).status_code == 404
    client.force_login(author)

    # The Office alone is told, in French, with the link to the admin's editor.
    told = told_since()
    assert set(told) == {(people.office.email, "practice_submitted")}
    to_office = told[(people.office.email, "practice_submitted")]
    assert FOOTER["fr"] in to_office.body
    assert f"/admin/pages/{page.pk}/edit/" in to_office.body
    assert [m for m in mail.outbox if "/admin/pages/" in m.body] == [to_office]
    subject_is(to_office, OFFICE_SUBJECT[code].format(title=texts["title"]), missing)

    # 2. The Office asks for changes from the admin.
    client.force_login(people.office)
    sent_before = len(mail.outbox)
    with sent(execute=True):
        response = admin_action(client, page, "reject", "Add the figures for 2023.")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    page.contribution.refresh_from_db()
    assert page.contribution.status == Status.CHANGES
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    told = told_since(sent_before)
    assert set(told) == {
        (author.email, "practice_changes_requested"),
        (colleague.email, "practice_changes_requested"),
    }
    for person in (author, colleague):
        message = told[(person.email, "practice_changes_requested")]
        assert "Add the figures for 2023." in message.body
        assert FOOTER[person.language] in message.body
        assert "/admin/" not in message.body
        assert f"{INDEX[person.language]}mine/" in message.body  # in their language
        subject_is(message, CHANGES_SUBJECT[person.language].format(title=texts["title"]), missing)

    client.force_login(author)
    mine = unescape(client.get(index + "mine/").text)
    status_shown(mine, Status.CHANGES, lang, missing)
    assert "Add the figures for 2023." in mine
    assert f'href="{index}mine/{page.pk}/edit/"' in mine

    # 3. The edit form gives back what the author wrote.
    edit_url = f"{index}mine/{page.pk}/edit/"
    response = client.get(edit_url)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["title"].value() == texts["title"]
    assert form["summary"].value() == texts["summary"]
    assert form["body"].value() == texts["body"]  # its paragraphs, one empty line between
    assert [int(pk) for pk in form["themes"].value()] == [theme("Children").pk]
    assert form["period_from"].value() == 2019 and form["period_to"].value() is None
    assert form["sources"].value() == texts["sources"]
    assert int(form["revision"].value()) == page.latest_revision_id
    html = unescape(response.text)
    assert f'value="{texts["title"]}"' in html
    assert "Add the figures for 2023." in html  # the Office's comment, above the form
    note = draft.attachments.get().document

    # A mistake: what they typed is kept, nothing is saved.
    revision_seen = page.latest_revision_id
    typed = form_data(
        lang,
        title=texts["revised"],
        summary=texts["summary"] + " (2023)",
        body=texts["revised_body"],
        sources=texts["sources"] + "\nhttps://example.org/figures",
        themes=[theme("Children").pk, theme("Reception").pk],
        period_from="2019",
        period_to="2015",
        revision=str(revision_seen),
        submit="",
    )
    response = client.post(edit_url, typed)
    assert response.status_code == 200
    html = unescape(response.text)
    kept = response.context["form"]
    assert list(kept.errors) == ["period_to"]
    if REFUSED_PERIOD[lang] not in html:
        missing.append(REFUSED_PERIOD[lang])
    assert kept["title"].value() == texts["revised"]
    assert kept["body"].value() == texts["revised_body"]
    assert kept["summary"].value() == texts["summary"] + " (2023)"
    assert kept["sources"].value() == texts["sources"] + "\nhttps://example.org/figures"
    assert sorted(int(pk) for pk in kept["themes"].value()) == sorted(
        [theme("Children").pk, theme("Reception").pk]
    )
    assert kept["period_from"].value() == "2019" and kept["period_to"].value() == "2015"
    assert f'value="{texts["revised"]}"' in html
    page.refresh_from_db()
    assert page.latest_revision_id == revision_seen
    assert page.contribution.status == Status.CHANGES

    # 4. The corrected edit, with a new file instead of the first, is submitted again: the same
    # workflow resumes.
    sent_before = len(mail.outbox)
    figures = upload("figures.csv", b"year,children\n2023,1200\n")
    with sent(execute=True):
        response = client.post(
            edit_url,
            {**typed, "period_to": "2024", "remove": [note.pk], "attachments": [figures]},
        )
    assert response.status_code == 302
    assert response["Location"] == index + "mine/"
    workflow_state.refresh_from_db()
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert page.contribution.status == Status.SUBMITTED
    assert page.contribution.comment == ""
    draft = contributions.latest(page)
    assert draft.title == texts["revised"] and draft.period_to == 2024
    assert [a.document.title for a in draft.attachments.all()] == ["figures.csv"]
    told = told_since(sent_before)
    assert set(told) == {(people.office.email, "practice_submitted")}
    subject_is(
        told[(people.office.email, "practice_submitted")],
        OFFICE_SUBJECT[code].format(title=texts["revised"]),
        missing,
    )
    status_shown(unescape(client.get(index + "mine/").text), Status.SUBMITTED, lang, missing)
    assert client.get(edit_url).status_code == 403  # not while the Office reviews it

    # 5. The Office accepts it: published in both trees, for all members.
    client.force_login(people.office)
    sent_before = len(mail.outbox)
    with sent(execute=True):
        response = admin_action(client, page, "approve")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.title == texts["revised"]
    assert page.contribution.status == Status.PUBLISHED
    assert page.contribution.decided_by == people.office
    other = "fr" if lang == "en" else "en"
    version = the_version(page, other)
    assert version.live
    assert version.url.startswith(INDEX[other])
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED

    told = told_since(sent_before)
    assert set(told) == {
        (author.email, "practice_accepted"),
        (colleague.email, "practice_accepted"),
        (people.srsg.email, "practice_published"),
        (people.corr_it.email, "practice_published"),
        *((person.email, "practice_published") for person in others),
    }  # neither the expert, nor the Office who accepted it, nor the superuser
    for person in (author, colleague):
        assert FOOTER[person.language] in told[(person.email, "practice_accepted")].body
    to_italy = told[(people.corr_it.email, "practice_published")]
    assert to_italy.subject == PUBLISHED_SUBJECT_EN.format(title=texts["revised"])
    assert FOOTER["en"] in to_italy.body
    assert the_version(page, "en").url in to_italy.body  # the version of the reader's tree
    for person in others:
        message = told[(person.email, "practice_published")]
        assert FOOTER[person.language] in message.body
        assert the_version(page, person.language).url in message.body

    # A correspondent of a third state reads it in the list of either tree, with its file.
    client.force_login(people.corr_it)
    for tree_lang in ("en", "fr"):
        assert texts["revised"] in unescape(client.get(INDEX[tree_lang]).text)
    html = unescape(client.get(page.url).text)
    assert texts["summary"] in html
    assert "figures.csv" in html and "note.txt" not in html
    document = page.attachments.get().document
    assert client.get(document.url).status_code == 200
    client.force_login(author)
    status_shown(unescape(client.get(index + "mine/").text), Status.PUBLISHED, lang, missing)

    # 6. Every step is in the audit log.
    assert practice_log(page) == [
        ("network.practice.write", author.username),
        ("network.practice.submit", author.username),
        ("network.practice.ask_changes", people.office.username),
        ("network.practice.edit", author.username),
        ("network.practice.resubmit", author.username),
        ("network.practice.accept", people.office.username),
    ]
    asked = PageLogEntry.objects.get(page=page, action="network.practice.ask_changes")
    assert asked.data == {"comment": "Add the figures for 2023."}

    assert missing == []  # French: needs locale/fr (the wordings listed are not shown yet)


def test_the_edit_form_gives_back_the_body_as_the_author_typed_it(client, people):
    """An author opening their contribution again finds its description as they typed it:
    paragraphs separated by one empty line (not two), a line break kept inside a paragraph,
    characters HTML escapes given back as typed."""
    typed = 'First paragraph,\nwith a second line.\n\nSecond & <last> "paragraph".'
    page = contribute(people.corr_fr, body=typed, submit=False)
    client.force_login(people.corr_fr)
    response = client.get(f"{INDEX['en']}mine/{page.pk}/edit/")
    assert response.context["form"]["body"].value() == typed


def test_the_office_declines_a_contribution_with_a_reason(client, network, sent):
    """The Office declines a contribution in the admin: without a comment it is refused with
    the form's error (and nothing changes); with one, the workflow ends, the author's state is
    told why in each person's language, and "My contributions" shows it declined, to edit and
    submit again."""
    people = network
    page = contribute(people.corr_fr, uploads=[upload()])
    workflow_state = WorkflowState.objects.get(object_id=str(page.pk))
    client.force_login(people.office)

    sent_before = len(mail.outbox)
    response = admin_action(client, page, "decline", "", modal=True)
    assert response.status_code == 200
    assert "This field is required." in response.json()["html"]
    response = admin_action(client, page, "decline", "   ")  # the page editor's plain POST
    assert response.status_code == 302
    page.contribution.refresh_from_db()
    assert page.contribution.status == Status.SUBMITTED
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert len(mail.outbox) == sent_before

    with sent(execute=True):
        response = admin_action(client, page, "decline", "Outside the network's remit.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.contribution.status == Status.DECLINED
    assert page.contribution.comment == "Outside the network's remit."
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_CANCELLED
    told = told_since(sent_before)
    assert set(told) == {
        (people.corr_fr.email, "practice_declined"),
        (people.colleague_fr.email, "practice_declined"),
    }
    for person in (people.corr_fr, people.colleague_fr):
        message = told[(person.email, "practice_declined")]
        assert "Outside the network's remit." in message.body
        assert FOOTER[person.language] in message.body
    assert PageLogEntry.objects.filter(
        page=page,
        action="network.practice.decline",
        user=people.office,
        data={"comment": "Outside the network's remit."},
    ).exists()

    missing = []
    client.force_login(people.colleague_fr)
    mine = unescape(client.get(INDEX["en"] + "mine/").text)
    status_shown(mine, Status.DECLINED, "en", missing)
    assert "Outside the network's remit." in mine
    edit_url = f"{INDEX['en']}mine/{page.pk}/edit/"
    assert f'href="{edit_url}"' in mine
    client.force_login(people.corr_it)
    assert page.title not in unescape(client.get(INDEX["en"]).text)

    # Its state tries again: a new review starts.
    client.force_login(people.colleague_fr)
    revision = client.get(edit_url).context["form"]["revision"].value()
    again = form_data("en", summary="Now within the remit.", revision=revision, submit="")
    assert client.post(edit_url, again).status_code == 302
    page.refresh_from_db()
    assert page.contribution.status == Status.SUBMITTED
    running = WorkflowState.objects.active().get(object_id=str(page.pk))
    assert running.pk != workflow_state.pk
    assert running.status == WorkflowState.STATUS_IN_PROGRESS
    assert [action for action, _user in practice_log(page)][-2:] == [
        "network.practice.edit",
        "network.practice.submit",
    ]
    assert missing == []


def test_a_saved_draft_stays_with_its_state_until_it_is_submitted(client, network, sent):
    """A contribution saved as a draft stays with its state: no workflow, no e-mail, read by the
    state's correspondents only; submitted later from the edit form, it goes to the Office."""
    people = network
    missing = []
    client.force_login(people.corr_fr)
    data = {**form_data("fr", language="fr"), "save": ""}
    with sent(execute=True):
        response = client.post(INDEX["fr"] + "contribute/", data)
    assert response.status_code == 302
    page = BestPracticePage.objects.get(title=TEXTS["fr"]["title"])
    assert not page.live
    assert page.contribution.status == Status.DRAFT
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    assert mail.outbox == []
    status_shown(unescape(client.get(INDEX["fr"] + "mine/").text), Status.DRAFT, "fr", missing)

    client.force_login(people.colleague_fr)  # their state's other correspondent reads it
    assert TEXTS["fr"]["title"] in unescape(client.get(INDEX["en"] + "mine/").text)
    client.force_login(people.corr_de)  # another state's does not
    assert TEXTS["fr"]["title"] not in unescape(client.get(INDEX["en"] + "mine/").text)
    assert client.get(f"{INDEX['en']}mine/{page.pk}/").status_code == 403
    assert client.get(f"{INDEX['en']}mine/{page.pk}/edit/").status_code == 403

    client.force_login(people.corr_fr)
    edit_url = f"{INDEX['fr']}mine/{page.pk}/edit/"
    revision = client.get(edit_url).context["form"]["revision"].value()
    with sent(execute=True):
        response = client.post(edit_url, {**form_data("fr", revision=revision), "submit": ""})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.contribution.status == Status.SUBMITTED
    assert contributions.review_task_state(page) is not None
    assert set(told_since()) == {(people.office.email, "practice_submitted")}
    assert practice_log(page) == [
        ("network.practice.write", people.corr_fr.username),
        ("network.practice.edit", people.corr_fr.username),
        ("network.practice.submit", people.corr_fr.username),
    ]
    assert missing == []  # French: needs locale/fr


def test_two_correspondents_of_a_state_edit_at_once_and_the_second_is_told(client, network):
    """Two correspondents of one state open the same draft; the first saves; the second's save,
    made from the version they opened, is refused with a message, and their text is kept in the
    form to compare and save again."""
    people = network
    page = contribute(people.corr_fr, submit=False)
    edit_url = f"{INDEX['en']}mine/{page.pk}/edit/"
    client.force_login(people.corr_fr)
    opened = client.get(edit_url).context["form"]["revision"].value()
    client.force_login(people.colleague_fr)
    assert client.get(edit_url).context["form"]["revision"].value() == opened

    client.force_login(people.corr_fr)
    first = form_data("en", title="Guardians: the first correction", revision=opened, save="")
    assert client.post(edit_url, first).status_code == 302
    page.refresh_from_db()
    saved = page.latest_revision_id
    assert saved != int(opened)

    client.force_login(people.colleague_fr)
    second = form_data(
        "en",
        title="Guardians: the second correction",
        summary="A summary the colleague rewrote.",
        revision=opened,
        save="",
    )
    response = client.post(edit_url, second)
    assert response.status_code == 200
    html = unescape(response.text)
    assert CONFLICT in html
    assert 'value="Guardians: the second correction"' in html
    assert "A summary the colleague rewrote." in html
    page.refresh_from_db()
    assert page.latest_revision_id == saved
    assert contributions.latest(page).title == "Guardians: the first correction"
    assert practice_log(page) == [
        ("network.practice.write", people.corr_fr.username),
        ("network.practice.edit", people.corr_fr.username),
    ]
    # Saved again from the latest version, it goes through.
    second["revision"] = str(saved)
    assert client.post(edit_url, second).status_code == 302
    page.refresh_from_db()
    assert contributions.latest(page).title == "Guardians: the second correction"


def test_with_publication_at_once_a_contribution_to_all_members_is_live_until_the_office_hides_it(
    client, network, sent
):
    """When the Office's setting says so, a contribution meant for all members is published as
    soon as it is submitted (one marked "SRSG Office only" still waits for the Office); the
    Office hides the published one with a reason, required: it is unpublished in both trees, its
    state is told why, and can edit it and submit it again."""
    people = network
    settings = PracticeSettings.load()
    settings.publish_at_once = True
    settings.save()
    index = INDEX["en"]
    missing = []

    client.force_login(people.corr_de)
    data = {**form_data("en", language="en"), "attachments": [upload()], "submit": ""}
    with sent(execute=True):
        response = client.post(index + "contribute/", data)
    assert response.status_code == 302
    page = BestPracticePage.objects.get(title=TEXTS["en"]["title"], locale__language_code="en")
    assert page.live and the_version(page, "fr").live
    document = page.attachments.get().document
    assert page.contribution.status == Status.PUBLISHED
    assert not WorkflowState.objects.active().filter(object_id=str(page.pk)).exists()
    status_shown(unescape(client.get(index + "mine/").text), Status.PUBLISHED, "en", missing)
    # The network is told (the Office too: it did not publish it), nobody is asked to review.
    events = set(told_since())
    assert (people.corr_it.email, "practice_published") in events
    assert (people.office.email, "practice_published") in events
    assert (people.office.email, "practice_submitted") not in events
    client.force_login(people.corr_it)
    assert client.get(page.url).status_code == 200
    assert client.get(document.url).status_code == 200

    client.force_login(people.corr_de)
    office_only = form_data(
        "en", language="en", title="Screening at the border", marking="office", submit=""
    )
    assert client.post(index + "contribute/", office_only).status_code == 302
    waiting = BestPracticePage.objects.get(title="Screening at the border")
    assert not waiting.live
    assert waiting.contribution.status == Status.SUBMITTED
    assert contributions.review_task_state(waiting) is not None
    assert [a for a, _user in practice_log(page)] == [
        "network.practice.write",
        "network.practice.publish_at_once",
    ]
    assert [a for a, _user in practice_log(waiting)] == [
        "network.practice.write",
        "network.practice.submit",
    ]

    # Only the Office hides it (not its author), from either tree, and gives the reason.
    version = the_version(page, "fr")
    assert client.get(version.url + "hide/").status_code == 403
    assert client.post(version.url + "hide/", {"reason": "Mine."}).status_code == 403
    client.force_login(people.office)
    assert f'href="{version.url}hide/"' in client.get(version.url).text
    response = client.post(version.url + "hide/", {"reason": "  "})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["reason"]
    # French: needs locale/fr (the Office stands in the French tree)
    assert "Indiquez le motif" in unescape(response.text)
    page.refresh_from_db()
    assert page.live
    sent_before = len(mail.outbox)
    with sent(execute=True):
        response = client.post(version.url + "hide/", {"reason": "It names a child."})
    assert response.status_code == 302
    assert response["Location"] == INDEX["fr"]
    page.refresh_from_db()
    assert not page.live and not the_version(page, "fr").live
    assert page.contribution.status == Status.HIDDEN
    told = told_since(sent_before)
    assert set(told) == {
        (people.corr_de.email, "practice_hidden"),
        (people.colleague_de.email, "practice_hidden"),
    }
    for person in (people.corr_de, people.colleague_de):
        message = told[(person.email, "practice_hidden")]
        assert "It names a child." in message.body
        assert FOOTER[person.language] in message.body
    assert PageLogEntry.objects.filter(
        page=page, action="network.practice.hide", data={"reason": "It names a child."}
    ).exists()
    client.force_login(people.corr_it)
    assert TEXTS["en"]["title"] not in unescape(client.get(index).text)
    assert client.get(page.url).status_code == 403
    assert client.get(document.url).status_code == 404

    # Its state reads why, edits it and submits it again.
    client.force_login(people.corr_de)
    mine = unescape(client.get(index + "mine/").text)
    status_shown(mine, Status.HIDDEN, "en", missing)
    assert "It names a child." in mine
    edit_url = f"{index}mine/{page.pk}/edit/"
    revision = client.get(edit_url).context["form"]["revision"].value()
    edited = form_data("en", summary="Without any name.", revision=revision, submit="")
    assert client.post(edit_url, edited).status_code == 302
    page.refresh_from_db()
    assert page.contribution.comment == ""
    # The Office hid it: even with the setting on, it comes back only through the Office's review.
    assert page.contribution.status == Status.SUBMITTED
    assert not page.live
    assert WorkflowState.objects.active().filter(object_id=str(page.pk)).exists()
    assert [a for a, _user in practice_log(page)][2:] == [
        "network.practice.hide",
        "network.practice.edit",
        "network.practice.submit",
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("setup.exe", b"MZ\x90\x00\x03\x00", "n'est pas un type de fichier accepté"),
        (
            "notes.txt",
            b"<html><script>alert(1)</script></html>",
            "ne correspond pas à son extension",
        ),
    ],
    ids=["program", "html-renamed-txt"],
)
def test_a_refused_file_keeps_the_text_and_creates_nothing(
    client, people, sent, name, content, error
):
    """A file the upload policy refuses sends the form back with its error, in the author's
    language, and the text they typed kept (the files must be chosen again); no practice,
    contribution, document or e-mail is made."""
    documents = NetworkDocument.objects.count()
    client.force_login(people.corr_fr)
    data = form_data("fr", language="fr", attachments=[upload(name, content)], submit="")
    with sent(execute=True):
        response = client.post(INDEX["fr"] + "contribute/", data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["attachments", "__all__"]
    html = unescape(response.text)
    assert error in html and name in html
    assert form["title"].value() == TEXTS["fr"]["title"]
    assert form["summary"].value() == TEXTS["fr"]["summary"]
    assert form["body"].value() == TEXTS["fr"]["body"]
    assert [int(pk) for pk in form["themes"].value()] == [theme("Children").pk]
    assert f'value="{TEXTS["fr"]["title"]}"' in html
    assert TEXTS["fr"]["body"] in html
    assert not BestPracticePage.objects.filter(title=TEXTS["fr"]["title"]).exists()
    assert not Contribution.objects.exists()
    assert NetworkDocument.objects.count() == documents
    assert mail.outbox == []
    assert FILES_NOT_KEPT in html  # French: needs locale/fr
