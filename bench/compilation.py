"""Cost of a request's compilation, its page and its exports, at 46 states × 30 questions: prints
queries, milliseconds and file sizes (no pass/fail).

Run with `make bench`. Builds a throw-away test database (PostgreSQL by default, DATABASE_URL
otherwise), opens a request of BENCH_QUESTIONS questions, has every member state answer each one
with a paragraph, then fetches the compilation page and each export a few times as the Office and
as a correspondent.
"""

import datetime
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from pages import REPEAT, measure  # noqa: E402

QUESTIONS = int(os.environ.get("BENCH_QUESTIONS", "30"))
SUFFIXES = ("", "compilation/", "compilation/csv/", "compilation/xlsx/", "compilation/docx/")
ANSWER = (
    "The ministry of the interior runs the reception centres; regional offices assess needs and "
    "report each quarter. Places rose by a tenth since last year, chiefly in the larger cities. "
)


def build():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from network_pages.accounts.models import MemberState
    from network_pages.core.roles import CORRESPONDENTS, OFFICE, SRSG
    from network_pages.information_requests.models import (
        Answer,
        InformationRequestPage,
        RequestIndexPage,
        StateResponse,
    )

    User = get_user_model()
    states = list(MemberState.objects.all())
    correspondents = Group.objects.get(name=CORRESPONDENTS)
    users = {}
    for name, role in (("srsg", SRSG), ("office", OFFICE)):
        users[name] = User.objects.create_user(name, f"{name}@example.org", "pass")
        users[name].groups.add(Group.objects.get(name=role))
    for state in states:
        member = User.objects.create_user(f"corr-{state.code}", f"{state.code}@example.org", "x")
        member.groups.add(correspondents, state.group)
    users["corr"] = User.objects.get(username="corr-FR")
    index = RequestIndexPage.objects.get(locale__language_code="en")
    page = InformationRequestPage(
        title="Reception capacity",
        slug="reception-capacity",
        deadline=datetime.date.today() + datetime.timedelta(days=30),
    )
    for order in range(QUESTIONS):
        page.questions.add(page.questions.model(text=f"Question {order + 1}?", sort_order=order))
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    questions = list(page.questions.all())
    for number, state in enumerate(states):
        response = StateResponse.objects.create(
            request=page, member_state=state, status="submitted"
        )
        Answer.objects.bulk_create(
            Answer(
                response=response,
                question=question,
                text=ANSWER * 2,
                marking="office" if number % 9 == 0 else "network",
            )
            for question in questions
        )
    return users, page


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from network_pages.accounts.models import MemberState

        users, page = build()
        states = MemberState.objects.count()
        print(f"{states} states × {QUESTIONS} questions; median of {REPEAT} requests after one")
        print(f"{'url':52} {'user':8} {'queries':>8} {'ms':>8} {'KiB':>8}")
        for who in ("srsg", "office", "corr"):
            client = Client()
            client.force_login(users[who])
            answer = "answer/" if who == "corr" else "answer/FR/"
            for suffix in (
                "",
                answer,
                "compilation/",
                *(f"compilation/{f}/" for f in ("csv", "xlsx", "docx")),
            ):
                url = page.url + suffix
                queries, ms = measure(client, url)
                size = len(client.get(url).content) / 1024
                print(f"{url:52} {who:8} {queries:>8} {ms:>8.1f} {size:>8.0f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
