"""One permission matrix for every URL: each URL pattern of the project outside the admin, and each
page model's page and routable sub-URLs, with what it answers to every role, in both languages.

A URL pattern, a page model or a sub-route missing from the matrix fails the completeness tests:
every new view is added here, with the answer each role gets.
"""

from django.urls import URLPattern, URLResolver, get_resolver

from wagtail.models import Collection, Page, get_page_models

import pytest

from home.models import StandardPage
from network_pages.accounts.models import MemberState, NationalNetworkActor
from network_pages.activities.models import ActivityIndexPage
from network_pages.core.roles import PUBLIC_COLLECTION
from network_pages.directory.models import DirectoryPage
from network_pages.information_requests.models import RequestIndexPage, StateResponse
from network_pages.intranet.models import IntranetHomePage, IntranetPage
from network_pages.sessions.agenda import open_consultation, suggest
from network_pages.sessions.calendar import feed_of
from network_pages.sessions.invitations import nominate
from network_pages.sessions.models import (
    Attendance,
    Invitation,
    SessionIndexPage,
    SessionPaper,
)
from tests.factories import (
    contribute,
    intranet_collection,
    invite_expert,
    make_document,
    make_governing_texts,
    make_plenary_with_thematic,
    make_request,
    practice_index,
    respond,
    translate,
)
from tests.factories.accounts import UserFactory
from tests.factories.activities import committee, make_activity
from tests.factories.groups import group_index, join, make_group, workspace_of, write_item
from tests.factories.practices import review
from tests.factories.release import make_released, release_index

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

# "expert" is invited to the thematic session; "guest" to the plenary above it (a page-only grant)
ROLES = ("anonymous", "expert", "guest", "corr", "other", "office", "srsg")
LOGIN = "login"  # a 302 to the login page of the URL's language

EVERYONE = dict.fromkeys(ROLES, 200)
MEMBERS = {**EVERYONE, "anonymous": LOGIN, "expert": 403, "guest": 403}  # never invited experts
INTRANET = {**EVERYONE, "anonymous": LOGIN}  # members and invited experts
OFFICE = {**MEMBERS, "corr": 403, "other": 403}  # the SRSG and the Office
POST_ONLY = {**MEMBERS, "corr": 405, "other": 405, "office": 405, "srsg": 405}
OWN_STATE = {**MEMBERS, "other": 403}  # DE's correspondent and the Office, for Germany
CORRESPONDENTS = {**MEMBERS, "office": 403, "srsg": 403}  # for their own state, without naming it
SRSG_ONLY = {**OFFICE, "office": 403}  # the SRSG's own acts (proposing the agenda)


def _with(base, **changes):
    return {**base, **changes}


# Thematic session (the expert is invited to it): the expert reaches its views, which then decide;
# the plenary's guest never reaches it.
THEMATIC = {
    "index_route": _with(INTRANET, guest=403),
    "ical": _with(INTRANET, guest=403),
    "convene": OFFICE,
    "invitations": OFFICE,
    "confirm_invitation": OFFICE,  # a nomination, confirmed on its own page
    "withdraw_invitation": _with(POST_ONLY, expert=405),
    "attendance": CORRESPONDENTS,
    "attendance_of_state": OWN_STATE,
    "unregister": _with(POST_ONLY, expert=405),
    "participants": OFFICE,
    "participants_export": OFFICE,
    "nominate": CORRESPONDENTS,
    "agenda_consultation": OFFICE,
    "suggest_items": CORRESPONDENTS,  # for their own state, while the consultation is open
    "decide_suggestion": SRSG_ONLY,
    "approve_agenda": SRSG_ONLY,
    "record_adoption": OFFICE,
}
# A plenary is closed-door: the thematic session's expert never reaches it, its guest reaches its
# page (the views then decide, as for the thematic session's expert); nobody is nominated to it, so
# the Office finds no nomination to confirm (a missing intranet URL answers 403, like a forbidden
# one).
PLENARY = {
    **{
        name: _with(answers, expert=403, guest=answers["expert"])
        for name, answers in THEMATIC.items()
    },
    "confirm_invitation": _with(OFFICE, office=403, srsg=403),
    "nominate": _with(CORRESPONDENTS, corr=302, other=302),
}

# The working methods and the objectives: members read them and their revisions; correspondents
# suggest changes; the Office and the SRSG follow the suggestions; the SRSG publishes a revision.
GOVERNING_TEXT = {
    "index_route": MEMBERS,
    "revision": MEMBERS,
    "suggest": CORRESPONDENTS,
    "suggestions": OFFICE,
    "suggestion_status": POST_ONLY,
    "publish_revision": SRSG_ONLY,
}

# Good practices: members read the list and a practice for all members; correspondents contribute;
# Germany's correspondents (and the Office) read Germany's draft, its correspondents alone edit it
# (the Office edits in the admin); the Office hides a published contribution.
PRACTICE_INDEX = {
    "index": MEMBERS,
    "index_route": MEMBERS,
    "contribute": CORRESPONDENTS,
    "mine": MEMBERS,
    "draft": OWN_STATE,
    "edit": _with(OWN_STATE, office=403, srsg=403),
    "export": MEMBERS,
}
# Germany's practice: Germany's correspondents and the Office propose it for public release.
PRACTICE = {"index": MEMBERS, "index_route": MEMBERS, "hide": OFFICE, "release": OWN_STATE}

# Thematic groups: members read the list and the groups; correspondents join, leave and volunteer
# (POST only); the Office removes a member. The workspace is Germany's correspondent's (a member of
# the group), the Office's and the SRSG's: France's correspondent, who is not in the group, and the
# experts never reach it.
GROUP_INDEX = {"index": MEMBERS, "index_route": MEMBERS, "volunteer": POST_ONLY}
THEMATIC_GROUP = {
    "index": MEMBERS,
    "index_route": MEMBERS,
    "join": POST_ONLY,
    "leave": POST_ONLY,
    "volunteer": POST_ONLY,
    "remove_member": OFFICE,
}
IN_GROUP = {**MEMBERS, "other": 403}
WORKSPACE = {
    "index": IN_GROUP,
    "index_route": IN_GROUP,
    "write": IN_GROUP,
    "invite": _with(IN_GROUP, corr=403),
    "withdraw": _with(IN_GROUP, corr=405, office=405, srsg=405),
}
WORKSPACE_ITEM = {
    "index": IN_GROUP,
    "index_route": IN_GROUP,
    "propose": _with(IN_GROUP, corr=405, office=405, srsg=405),
}

# (page model, route name or None for a page without routes) -> answers by role
PAGES = {
    ("home.HomePage", None): EVERYONE,
    ("home.StandardPage", None): EVERYONE,
    ("home.ReleaseIndexPage", None): EVERYONE,
    ("home.ReleasedPage", None): EVERYONE,
    ("network_pages.IntranetHomePage", None): INTRANET,
    ("network_pages.IntranetPage", None): MEMBERS,
    ("network_pages.DirectoryPage", "index"): MEMBERS,
    ("network_pages.DirectoryPage", "index_route"): MEMBERS,
    ("network_pages.DirectoryPage", "csv_export"): MEMBERS,
    ("network_pages.DirectoryPage", "vcard"): MEMBERS,
    ("network_pages.DirectoryPage", "own_profile"): MEMBERS,
    ("network_pages.DirectoryPage", "edit_profile"): OWN_STATE,
    ("network_pages.DirectoryPage", "state"): MEMBERS,
    ("network_pages.DirectoryPage", "add_actor"): OWN_STATE,
    ("network_pages.DirectoryPage", "edit_actor"): OWN_STATE,
    ("network_pages.DirectoryPage", "delete_actor"): OWN_STATE,
    ("network_pages.RequestIndexPage", "index_route"): MEMBERS,
    ("network_pages.RequestIndexPage", "propose"): CORRESPONDENTS,
    ("network_pages.RequestIndexPage", "compilations"): MEMBERS,
    ("network_pages.InformationRequestPage", "index_route"): MEMBERS,
    ("network_pages.InformationRequestPage", "close"): OFFICE,
    ("network_pages.InformationRequestPage", "remind"): OFFICE,
    ("network_pages.InformationRequestPage", "compilation"): MEMBERS,
    ("network_pages.InformationRequestPage", "compilation_export"): MEMBERS,
    ("network_pages.InformationRequestPage", "answer"): CORRESPONDENTS,
    ("network_pages.InformationRequestPage", "answer_state"): OWN_STATE,
    ("network_pages.InformationRequestPage", "reopen"): POST_ONLY,
    ("network_pages.InformationRequestPage", "history"): OWN_STATE,
    ("network_pages.SessionIndexPage", None): MEMBERS,
    **{("network_pages.ThematicSessionPage", name): a for name, a in THEMATIC.items()},
    **{("network_pages.PlenarySessionPage", name): a for name, a in PLENARY.items()},
    **{("network_pages.WorkingMethodsPage", name): a for name, a in GOVERNING_TEXT.items()},
    **{("network_pages.ObjectivesPage", name): a for name, a in GOVERNING_TEXT.items()},
    ("network_pages.ActivityIndexPage", "index"): MEMBERS,
    ("network_pages.ActivityIndexPage", "index_route"): MEMBERS,
    ("network_pages.ActivityUpdatePage", None): MEMBERS,
    **{("network_pages.PracticeIndexPage", name): a for name, a in PRACTICE_INDEX.items()},
    **{("network_pages.BestPracticePage", name): a for name, a in PRACTICE.items()},
    **{("network_pages.GroupIndexPage", name): a for name, a in GROUP_INDEX.items()},
    **{("network_pages.ThematicGroupPage", name): a for name, a in THEMATIC_GROUP.items()},
    **{("network_pages.WorkspacePage", name): a for name, a in WORKSPACE.items()},
    **{("network_pages.WorkspaceItemPage", name): a for name, a in WORKSPACE_ITEM.items()},
}
# Page models never created on their own.
NOT_CREATED = {"wagtailcore.Page", "network_pages.SessionPage"}

# URL patterns outside the page tree: (name or route) -> (language-prefixed?, answers by role)
URLS = {
    # The document linked on an open intranet page (FILES below has every kind of file).
    "serve_file": (False, {**MEMBERS, "expert": 404, "guest": 404}),
    "wagtaildocs_serve": (False, {**MEMBERS, "expert": 404, "guest": 404}),
    "robots.txt": (False, EVERYONE),
    "favicon.ico": (False, dict.fromkeys(ROLES, 301)),
    "login": (True, EVERYONE),
    "logout": (True, dict.fromkeys(ROLES, 405)),
    "password_reset": (True, EVERYONE),
    "password_reset_done": (True, EVERYONE),
    "password_reset_confirm": (True, EVERYONE),
    "password_reset_complete": (True, EVERYONE),
    "activate_account": (True, EVERYONE),
    "search": (True, EVERYONE),
    # Germany's correspondent's feed: the secret decides, whoever's cookie comes with it.
    "calendar_feed": (False, EVERYONE),
    "calendar": (True, INTRANET),
    "decisions": (True, MEMBERS),
}
# The page tree itself, answered per page model above.
SERVED_BY_PAGES = {"wagtail_serve"}


def _url_patterns(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith("admin/"):
                continue
            yield from _url_patterns(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            yield pattern.name or str(pattern.pattern)


def _routable_models():
    return [model for model in get_page_models() if hasattr(model, "get_subpage_urls")]


def test_every_url_pattern_is_in_the_matrix():
    names = set(_url_patterns(get_resolver().url_patterns))
    assert names == set(URLS) | SERVED_BY_PAGES


def test_every_page_model_and_sub_route_is_in_the_matrix():
    expected = set()
    for model in get_page_models():
        if model._meta.label in NOT_CREATED:
            continue
        if hasattr(model, "get_subpage_urls"):
            expected |= {(model._meta.label, route.name) for route in model.get_subpage_urls()}
        else:
            expected.add((model._meta.label, None))
    assert set(PAGES) == expected


@pytest.fixture
def world(tree, people, pages, today, sent):
    """One of every page, in English and French, and the records their routes need."""
    standard = tree.home_en.add_child(instance=StandardPage(title="About", slug="about"))
    released = make_released(french="Alternatives à la rétention")
    with sent(execute=True):
        request = make_request("Reception capacity", ("How many places?",), slug="reception")
    respond(request, "DE", [("About 40,000 places.", "network")])
    index = RequestIndexPage.objects.get(locale=tree.en)
    sessions = SessionIndexPage.objects.get(locale=tree.en)
    plenary, thematic = make_plenary_with_thematic(today)
    guest = UserFactory(username="guest", email="guest@x.example")
    with sent(execute=True):
        invitation = invite_expert(
            thematic, by=people.office, user=people.expert, ends_on=thematic.last_day
        )
        invite_expert(
            plenary, by=people.office, user=guest, agenda_items=plenary.agenda_items.all()[:1]
        )
        nomination = nominate(
            thematic,
            {"first_name": "Luc", "last_name": "Moreau", "email": "luc@x.example"},
            member_state=MemberState.objects.get(code="DE"),
            by=people.corr_de,
        )
    suggestions = {}
    for label, session in (("Plenary", plenary), ("Thematic", thematic)):
        consultation = open_consultation(session, closes_on=today, by=people.office)
        suggestions[f"network_pages.{label}SessionPage"] = suggest(
            consultation,
            {"title": "Returns", "rationale": "A new law."},
            member_state=MemberState.objects.get(code="DE"),
            by=people.corr_de,
        )
    germany = MemberState.objects.get(code="DE")
    attendance = Attendance.objects.create(
        session=plenary, member_state=germany, name="Jonas", email="jonas@de.example", mode="online"
    )
    actor = NationalNetworkActor.objects.create(
        member_state=germany, organisation="BAMF", kind="governmental", contact="Unit 1"
    )
    texts = make_governing_texts(people.srsg)
    with sent(execute=True):
        practice = contribute(people.corr_de, "DE", title="Language courses")
        review(practice, people.office, "approve")
        changes = contribute(people.corr_de, "DE", title="Local mentors")
        review(changes, people.office, "reject", comment="Add the figures.")
    practice.refresh_from_db()
    cddh = committee("CDDH", "Steering Committee for Human Rights", "Comité directeur (CDDH)")
    activity = make_activity("CDDH plenary", committee=cddh)
    group = join(make_group("Children on the move"), people.corr_de)
    with sent(execute=True):
        item = write_item(group, people.corr_de, "First notes")
    space = workspace_of(group)
    document = make_document("Members' note")
    pages.meeting.body = [("document", document)]
    pages.meeting.save()  # its live row: the reference index now lists the use
    english = {
        "home.HomePage": tree.home_en,
        "home.StandardPage": standard,
        "home.ReleaseIndexPage": release_index("en"),
        "home.ReleasedPage": released,
        "network_pages.IntranetHomePage": tree.intranet_en,
        "network_pages.IntranetPage": pages.meeting,
        "network_pages.DirectoryPage": DirectoryPage.objects.get(locale=tree.en),
        "network_pages.RequestIndexPage": index,
        "network_pages.InformationRequestPage": request,
        "network_pages.SessionIndexPage": sessions,
        "network_pages.PlenarySessionPage": plenary,
        "network_pages.ThematicSessionPage": thematic,
        "network_pages.WorkingMethodsPage": texts.methods,
        "network_pages.ObjectivesPage": texts.objectives,
        "network_pages.PracticeIndexPage": practice_index("en"),
        "network_pages.BestPracticePage": practice,
        "network_pages.ActivityIndexPage": ActivityIndexPage.objects.get(locale=tree.en),
        "network_pages.ActivityUpdatePage": activity,
        "network_pages.GroupIndexPage": group_index("en"),
        "network_pages.ThematicGroupPage": group,
        "network_pages.WorkspacePage": space,
        "network_pages.WorkspaceItemPage": item,
    }
    french = {
        "home.HomePage": tree.home_fr,
        "home.StandardPage": translate(standard, tree.fr, "À propos"),
        "home.ReleaseIndexPage": release_index("fr"),
        "home.ReleasedPage": released.get_translation(tree.fr),
        "network_pages.IntranetHomePage": tree.intranet_fr,
        "network_pages.IntranetPage": pages.meeting_fr,
        "network_pages.DirectoryPage": DirectoryPage.objects.get(locale=tree.fr),
        "network_pages.RequestIndexPage": RequestIndexPage.objects.get(locale=tree.fr),
        "network_pages.InformationRequestPage": translate(request, tree.fr, "Capacité"),
        "network_pages.SessionIndexPage": SessionIndexPage.objects.get(locale=tree.fr),
        "network_pages.PlenarySessionPage": translate(plenary, tree.fr, "Plénière"),
    }
    french["network_pages.ThematicSessionPage"] = translate(thematic, tree.fr, "Intégration")
    french["network_pages.WorkingMethodsPage"] = texts.methods_fr
    french["network_pages.ObjectivesPage"] = texts.objectives_fr
    french["network_pages.PracticeIndexPage"] = practice_index("fr")
    french["network_pages.BestPracticePage"] = practice.get_translation(tree.fr)
    french["network_pages.ActivityIndexPage"] = ActivityIndexPage.objects.get(locale=tree.fr)
    french["network_pages.ActivityUpdatePage"] = activity.get_translation(tree.fr)
    french["network_pages.GroupIndexPage"] = group_index("fr")
    french["network_pages.ThematicGroupPage"] = group.get_translation(tree.fr)
    french["network_pages.WorkspacePage"] = space.get_translation(tree.fr)
    french["network_pages.WorkspaceItemPage"] = item.get_translation(tree.fr)
    route_kwargs = {
        "vcard": {"user_id": people.corr_de.pk},
        "edit_profile": {"user_id": people.corr_de.pk},
        "state": {"code": "DE"},
        "add_actor": {"code": "DE"},
        "edit_actor": {"code": "DE", "actor_id": actor.pk},
        "delete_actor": {"code": "DE", "actor_id": actor.pk},
        "compilation_export": {"export": "csv"},
        "answer_state": {"code": "DE"},
        "reopen": {"code": "DE"},
        "history": {"code": "DE"},
        "confirm_invitation": {"pk": nomination.pk},
        "withdraw_invitation": {"pk": invitation.pk},
        "attendance_of_state": {"code": "DE"},
        "unregister": {"pk": attendance.pk},
        "participants_export": {"export": "csv"},
        "revision": {"number": 1},
        "suggestion_status": {"pk": 1},  # POST only: the method is refused before the pk is read
        ("network_pages.PracticeIndexPage", "draft"): {"pk": changes.pk},
        ("network_pages.PracticeIndexPage", "edit"): {"pk": changes.pk},
        ("network_pages.ThematicGroupPage", "remove_member"): {"user_id": people.corr_de.pk},
        ("network_pages.WorkspacePage", "withdraw"): {"pk": 1},  # POST only, refused first
        **{
            (label, "decide_suggestion"): {"pk": suggestion.pk}
            for label, suggestion in suggestions.items()
        },
    }
    plain = {
        "serve_file": "/files/" + document.file.name,
        "wagtaildocs_serve": document.url,
        "robots.txt": "/robots.txt",
        "favicon.ico": "/favicon.ico",
        "login": "/{lang}/login/",
        "logout": "/{lang}/logout/",
        "password_reset": "/{lang}/password-reset/",
        "password_reset_done": "/{lang}/password-reset/sent/",
        "password_reset_confirm": "/{lang}/password-reset/MQ/bad-token/",
        "password_reset_complete": "/{lang}/password-reset/complete/",
        "activate_account": "/{lang}/activate/MQ/bad-token/",
        "search": "/{lang}/search/?query=reception",
        "calendar_feed": f"/calendar/{feed_of(people.corr_de).token}.ics",
        "calendar": "/{lang}/calendar/",
        "decisions": "/{lang}/decisions/",
    }
    users = {
        "anonymous": None,
        "expert": people.expert,
        "guest": guest,
        "corr": people.corr_de,
        "other": people.corr_fr,
        "office": people.office,
        "srsg": people.srsg,
    }
    return {
        "pages": {"en": english, "fr": french},
        "route_kwargs": route_kwargs,
        "plain": plain,
        "users": users,
    }


def _page_url(page, route, route_kwargs):
    """The URL of `route` on `page`, with its arguments: the page model's own (keyed by its
    label and the route) or the route's."""
    page = page.specific
    if route is None:
        return page.url
    kwargs = route_kwargs.get((page.specific_class._meta.label, route), route_kwargs.get(route))
    return page.url + page.reverse_subpage(route, kwargs=kwargs)


def _answer(client, url, lang):
    response = client.get(url)
    status = response.status_code
    if status == 302 and response["Location"].startswith(f"/{lang}/login/"):
        return LOGIN
    return status


def test_every_url_answers_each_role_as_the_matrix_says(client, world):
    """Every row, every role, both languages; all the differences are listed at once."""
    wrong = []
    for role in ROLES:
        user = world["users"][role]
        client.logout()
        if user is not None:
            client.force_login(user)
        for lang in ("en", "fr"):
            for (label, route), answers in PAGES.items():
                url = _page_url(world["pages"][lang][label], route, world["route_kwargs"])
                got = _answer(client, url, lang)
                if got != answers[role]:
                    wrong.append(f"{role:9} {url}: {got}, expected {answers[role]}")
            for name, (localised, answers) in URLS.items():
                if not localised and lang == "fr":
                    continue
                url = world["plain"][name].format(lang=lang)
                got = _answer(client, url, "en" if not localised else lang)
                if got != answers[role]:
                    wrong.append(f"{role:9} {url}: {got}, expected {answers[role]}")
    assert wrong == []


def test_the_matrix_reaches_pages_that_exist(world):
    """The sample pages are the live pages of their model, in both trees (no 404 by mistake)."""
    for lang, by_model in world["pages"].items():
        for label, page in by_model.items():
            assert page.live, (lang, label)
            assert page.specific_class._meta.label == label
            assert page.locale.language_code == lang
    assert Page.objects.filter(pk=world["pages"]["fr"]["network_pages.IntranetPage"].pk).exists()
    assert IntranetPage.objects.filter(closed=True).exists()
    assert IntranetHomePage.objects.count() == 2


# Files (issue 15): who fetches each kind of file, by its owner or its use. A file nobody may see
# answers like a missing one: the login to anonymous visitors, 404 to anyone else.
FOR_OFFICE = {**dict.fromkeys(ROLES, 404), "anonymous": LOGIN, "office": 200, "srsg": 200}
FOR_MEMBERS = {**MEMBERS, "expert": 404, "guest": 404}
FOR_SESSION = {**FOR_MEMBERS, "expert": 200}  # the thematic session: members and its expert
FILES = {
    "in the public collection, used by nothing": EVERYONE,
    "in Root (the admin's default), used by nothing": FOR_OFFICE,
    "in the Intranet collection, used by nothing": FOR_OFFICE,
    "in Root, linked on an open intranet page": FOR_MEMBERS,
    "in the Intranet collection, linked only on a closed page": FOR_OFFICE,
    "in the Intranet collection, linked on a public page": FOR_OFFICE,
    "owned by an open intranet page": FOR_MEMBERS,
    "in the public collection, owned by a closed page": FOR_OFFICE,
    "a paper of the thematic session, in Root": FOR_SESSION,
    "a paper of the thematic session, in the public collection": FOR_SESSION,
    "a paper of the plenary, linked on the thematic session": FOR_MEMBERS,
    "a paper of the plenary, listed on its guest's invitation": {**FOR_MEMBERS, "guest": 200},
    "the e-mailed original of Germany's response": {**FOR_OFFICE, "corr": 200},
}


@pytest.fixture
def files(world, tree, pages, today):
    """One document of each kind in FILES (and an image for the first rows)."""
    request = RequestIndexPage.objects.get(locale=tree.en).get_children().get().specific
    plenary, thematic = (
        SessionIndexPage.objects.get(locale=tree.en).get_descendants().specific().order_by("depth")
    )
    root, intranet = Collection.get_first_root_node(), intranet_collection()
    public = Collection.objects.get(name=PUBLIC_COLLECTION, depth=2)

    def document(name, collection, **kwargs):
        return make_document(name, collection, **kwargs)

    found = {
        "in the public collection, used by nothing": document("public", public),
        "in Root (the admin's default), used by nothing": document("root", root),
        "in the Intranet collection, used by nothing": document("intranet", intranet),
        "owned by an open intranet page": document("owned-open", root, owner=pages.meeting),
        "in the public collection, owned by a closed page": document(
            "owned-closed", public, owner=pages.closed
        ),
        "the e-mailed original of Germany's response": document(
            "original", intranet, owner=StateResponse.objects.get(request=request)
        ),
    }
    linked_open = document("linked-open", root)
    linked_closed = document("linked-closed", intranet)
    pages.meeting.body.append(("document", linked_open))
    pages.meeting.save()
    pages.closed.body = [("document", linked_closed)]
    pages.closed.save()
    on_public = document("on-public", intranet)
    tree.home_en.add_child(
        instance=StandardPage(title="Public", slug="public", body=[("document", on_public)])
    )
    found["in Root, linked on an open intranet page"] = linked_open
    found["in the Intranet collection, linked only on a closed page"] = linked_closed
    found["in the Intranet collection, linked on a public page"] = on_public
    for key, collection in (("in Root", root), ("in the public collection", public)):
        paper = document(f"paper-{collection.pk}", collection)
        SessionPaper.objects.create(page=thematic, document=paper)
        found[f"a paper of the thematic session, {key}"] = paper
    plenary_paper = document("plenary-paper", root)
    SessionPaper.objects.create(page=plenary, document=plenary_paper)
    thematic.conclusions = f'<p><a linktype="document" id="{plenary_paper.pk}">Paper</a></p>'
    thematic.save()  # the thematic session's expert sees a page that links the plenary's paper
    found["a paper of the plenary, linked on the thematic session"] = plenary_paper
    listed = document("plenary-listed", root)
    paper = SessionPaper.objects.create(page=plenary, document=listed)
    Invitation.objects.get(session=plenary).papers.add(paper)
    found["a paper of the plenary, listed on its guest's invitation"] = listed
    assert set(found) == set(FILES)
    return found


def test_every_kind_of_file_answers_each_role_as_the_matrix_says(client, world, files):
    wrong = []
    for role in ROLES:
        client.logout()
        if world["users"][role] is not None:
            client.force_login(world["users"][role])
        for kind, answers in FILES.items():
            for url in (files[kind].url, files[kind].file.url):
                got = _answer(client, url, "en")
                if got != answers[role]:
                    wrong.append(f"{role:9} {kind} ({url}): {got}, expected {answers[role]}")
    assert wrong == []
