"""Cost of the main pages per role on a large tree: prints queries and milliseconds (no pass/fail).

Run with `make bench`. Builds a throw-away test database (PostgreSQL by default, DATABASE_URL
otherwise), fills it with intranet pages, closed zones and grants, then requests each page a
few times.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

PAGES = int(os.environ.get("BENCH_PAGES", "600"))
MEMBERS = int(os.environ.get("BENCH_MEMBERS", "200"))
PAPERS = 12  # agenda items and papers of each session
PRACTICES = int(os.environ.get("BENCH_PRACTICES", "200"))
GROUPS = int(os.environ.get("BENCH_GROUPS", "20"))  # thematic groups
ITEMS = int(os.environ.get("BENCH_ITEMS", "100"))  # items in the first group's workspace
REPEAT = 5


def build():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from network_pages import access
    from network_pages.core.roles import CORRESPONDENTS, EXPERTS, OFFICE, SRSG
    from network_pages.intranet.models import IntranetHomePage, IntranetPage

    root = IntranetHomePage.objects.get(locale__language_code="en")
    sections = []
    for s in range(PAGES // 20):
        section = root.add_child(
            instance=IntranetPage(title=f"Section {s}", slug=f"section-{s}", closed=s % 5 == 0)
        )
        sections.append(section)
        for p in range(19):
            section.add_child(
                instance=IntranetPage(
                    title=f"Page {s}-{p} on migration", slug=f"page-{p}", summary="Migration"
                )
            )
    User = get_user_model()
    users = {}
    roles = (("srsg", SRSG), ("office", OFFICE), ("corr", CORRESPONDENTS), ("expert", EXPERTS))
    for name, role in roles:
        user = User.objects.create_user(name, f"{name}@example.org", "pass")
        user.groups.add(Group.objects.get(name=role))
        users[name] = user
    for section in sections[:10]:
        access.grant(users["expert"], section)
    from network_pages.accounts.models import MemberProfile, MemberState

    correspondents = Group.objects.get(name=CORRESPONDENTS)
    states = list(MemberState.objects.all())
    for index in range(MEMBERS):
        state = states[index % len(states)]
        member = User.objects.create_user(f"member{index}", f"m{index}@example.org", "pass")
        member.groups.add(correspondents, state.group)
        MemberProfile.objects.create(user=member, member_state=state, institution="Ministry")
    thematic = build_sessions()
    build_practices(states)
    build_groups(users["corr"])
    access.grant(users["expert"], thematic)
    # French versions (synced translations, as publishing writes them) of the pages measured in
    # French; the rest of the tree needs none for the figures.
    from network_pages.intranet.versions import sync_versions

    for page in (sections[1], sections[1].get_children().get(slug="page-3"), thematic):
        for node in [*page.get_ancestors(inclusive=True).filter(depth__gt=root.depth)]:
            sync_versions(node.specific)
    return users


def build_sessions():
    """A plenary session with a thematic session under it, each with its agenda and papers; returns
    the thematic session (the invited expert is granted it)."""
    import datetime

    from django.core.files.base import ContentFile

    from wagtail.models import Collection

    from network_pages.core.roles import INTRANET_COLLECTION
    from network_pages.files.models import NetworkDocument
    from network_pages.sessions.models import (
        AgendaItem,
        PlenarySessionPage,
        SessionIndexPage,
        SessionPaper,
        ThematicSessionPage,
    )

    collection = Collection.objects.get(name=INTRANET_COLLECTION, depth=2)
    parent = SessionIndexPage.objects.get(locale__language_code="en")
    opening = datetime.date.today() + datetime.timedelta(days=120)
    for model, slug, extra in (
        (PlenarySessionPage, "plenary", {}),
        (ThematicSessionPage, "thematic", {"participants": "both"}),
    ):
        session = model(title=slug.title(), slug=slug, starts_on=opening, place="Agora", **extra)
        for order in range(PAPERS):
            session.agenda_items.add(AgendaItem(title=f"Item {order}", sort_order=order))
        parent = parent.add_child(instance=session)
        for order in range(PAPERS):
            document = NetworkDocument(title=f"Paper {order}", collection=collection)
            document.file.save(f"paper-{order}.txt", ContentFile(b"paper"), save=False)
            document.save()
            SessionPaper.objects.create(page=parent, document=document, sort_order=order)
    return parent


def build_practices(states):
    """Published good practices of every state, with themes and states concerned (and their
    versions in French, as publishing writes them)."""
    from network_pages.practices.models import BestPracticePage, PracticeIndexPage, Theme

    index = PracticeIndexPage.objects.get(locale__language_code="en")
    themes = list(Theme.objects.all())
    for number in range(PRACTICES):
        state = states[number % len(states)]
        page = BestPracticePage(
            title=f"Practice {number} on reception",
            summary="A practice on the reception of asylum seekers.",
            author_state=state,
            period_from=2015 + number % 10,
            marking=("network", "national", "office")[number % 3],
        )
        page.themes = themes[number % len(themes) :][:2]
        page.member_states = [state]
        index.add_child(instance=page)
        page.save_revision().publish()


def build_groups(member):
    """Thematic groups, each with its workspace (set up when published); `member` joins the
    first, whose workspace holds ITEMS items."""
    from network_pages.decisions.models import Decision
    from network_pages.groups import membership
    from network_pages.groups.models import GroupIndexPage, ThematicGroupPage, WorkspaceItemPage
    from network_pages.practices.models import Theme

    index = GroupIndexPage.objects.get(locale__language_code="en")
    themes = list(Theme.objects.all())
    decision = Decision.objects.create(
        kind=Decision.Kind.GROUP,
        subject="Groups set up",
        outcome="Agreed.",
        decided_on="2026-06-16",
        means=Decision.Means.WRITTEN,
    )
    for number in range(GROUPS):
        group = ThematicGroupPage(
            title=f"Group {number}",
            slug=f"group-{number}",
            theme=themes[number % len(themes)],
            decision=decision,
            mandate="<p>Compare the practices of the member states.</p>",
        )
        index.add_child(instance=group)
        group.save_revision().publish()
        if number == 0:
            member.groups.add(ThematicGroupPage.objects.get(pk=group.pk).group)
            space = membership.workspace_of(group)
            for item in range(ITEMS):
                space.add_child(
                    instance=WorkspaceItemPage(
                        title=f"Note {item}", body="<p>Notes.</p>", author=member
                    )
                )


def measure(client, url):
    """(most queries, median ms) of REPEAT requests, after one that fills the process's caches."""
    client.get(url)
    queries, times = [], []
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        queries.append(len(captured))
    return max(queries), statistics.median(times)


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        users = build()
        print(
            f"{PAGES} intranet pages, {MEMBERS} members, {PRACTICES} good practices, "
            f"{GROUPS} thematic groups ({ITEMS} items in one workspace); "
            f"median of {REPEAT} requests after one"
        )
        print(f"{'page':40} {'user':10} {'queries':>8} {'ms':>8}")
        urls = [
            "/en/",
            "/en/intranet/",
            "/en/intranet/section-1/",
            "/en/intranet/section-1/page-3/",
            "/en/search/?query=migration",
            "/en/intranet/directory/",
            "/en/intranet/directory/csv/",
            "/en/intranet/sessions/",
            "/en/intranet/sessions/plenary/",
            "/en/intranet/sessions/plenary/thematic/",
            "/fr/intranet/section-1/page-3/",
            "/fr/intranet/sessions/plenary/thematic/",
            "/en/intranet/practices/",
            "/en/intranet/practices/?theme=1&sort=title",
            "/fr/intranet/bonnes-pratiques/?page=2",
            "/en/intranet/practices/export/csv/",
            "/en/intranet/groups/",
            "/en/intranet/groups/group-0/",
            "/en/intranet/groups/group-0/workspace/",
            "/fr/intranet/groupes/group-0/workspace/?page=2",
        ]
        for who in ("anonymous", "srsg", "office", "corr", "expert"):
            client = Client()
            if who != "anonymous":
                client.force_login(users[who])
            for url in urls:
                if who in ("anonymous", "expert") and "section-1" in url:
                    continue
                members_only = ("directory", "practices", "pratiques", "groups", "groupes")
                if who in ("anonymous", "expert") and any(part in url for part in members_only):
                    continue
                if who == "expert" and "sessions" in url and "thematic" not in url:
                    continue
                if who == "anonymous" and "intranet" in url:
                    continue
                queries, ms = measure(client, url)
                print(f"{url:40} {who:10} {queries:>8} {ms:>8.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
