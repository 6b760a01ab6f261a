"""Demo people: users of every role, designated correspondents with their profiles, and France's
national network."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from network_pages.accounts.designations import record_designation
from network_pages.accounts.models import (
    Designation,
    MemberProfile,
    MemberState,
    NationalNetworkActor,
)
from network_pages.core.roles import CORRESPONDENTS, EXPERTS, OFFICE, SRSG

USERS = [
    # username, first name, last name, role, member state, language
    ("srsg", "Sofia", "Reyes", SRSG, None, "en"),
    ("office", "Olivier", "Faure", OFFICE, None, "fr"),
    ("corr-fr", "Claire", "Martin", CORRESPONDENTS, "FR", "fr"),
    ("corr-de", "Jonas", "Becker", CORRESPONDENTS, "DE", "en"),
    ("corr-it", "Giulia", "Rossi", CORRESPONDENTS, "IT", "en"),
    ("expert", "Erik", "Lund", EXPERTS, None, "en"),
    ("expert-iom", "Inês", "Duarte", EXPERTS, None, "fr"),
]


# username, first, last, state, institution, position, phone, working languages, designated, ends
CORRESPONDENTS_DEMO = [
    ("corr-fr", "Claire", "Martin", "FR", "Ministère de l'Intérieur", "Chargée de mission",
     "+33 1 49 27 49 27", ["fr", "en"], "2024-03-01", None),
    ("corr-de", "Jonas", "Becker", "DE", "Bundesministerium des Innern", "Referent",
     "+49 30 18681 0", ["de", "en"], "2023-09-15", None),
    ("corr-it", "Giulia", "Rossi", "IT", "Ministero dell'Interno", "Dirigente",
     "+39 06 4651", ["it", "en", "fr"], "2025-01-10", None),
    ("corr-es", "Lucía", "García", "ES", "Ministerio de Inclusión", "Consejera",
     "+34 91 363 00 00", ["es", "en"], "2024-05-02", None),
    ("corr-pt", "João", "Silva", "PT", "Agência para a Integração, Migrações e Asilo", "Director",
     "+351 21 810 6100", ["pt", "fr"], "2024-02-12", None),
    ("corr-nl", "Sanne", "de Vries", "NL", "Ministerie van Justitie en Veiligheid",
     "Beleidsadviseur", "+31 70 370 7911", ["nl", "en"], "2023-11-20", None),
    ("corr-pl", "Piotr", "Nowak", "PL", "Ministerstwo Spraw Wewnętrznych", "Naczelnik",
     "+48 22 601 44 27", ["pl", "en"], "2024-06-01", None),
    ("corr-gr", "Eleni", "Papadopoulou", "GR", "Ministry of Migration and Asylum", "Head of unit",
     "+30 213 2136 100", ["el", "en", "fr"], "2023-10-05", None),
    ("corr-se", "Anna", "Lindqvist", "SE", "Justitiedepartementet", "Ämnesråd",
     "+46 8 405 10 00", ["sv", "en"], "2024-09-09", None),
    ("corr-ua", "Olena", "Kovalenko", "UA", "State Migration Service", "Deputy head",
     "+380 44 278 1234", ["uk", "en"], "2025-02-01", None),
    ("corr-tr", "Mehmet", "Yılmaz", "TR", "Presidency of Migration Management", "Expert",
     "+90 312 422 0700", ["tr", "en"], "2024-04-15", None),
    ("corr-ch", "Laura", "Meier", "CH", "Secrétariat d'État aux migrations", "Collaboratrice",
     "+41 58 465 11 11", ["de", "fr", "it"], "2023-12-01", None),
    ("corr-be", "Thomas", "Peeters", "BE", "SPF Intérieur", "Attaché",
     "+32 2 488 21 11", ["nl", "fr", "en"], "2024-01-20", None),
    ("corr-fr-former", "Marc", "Dubois", "FR", "Ministère de l'Intérieur", "Chef de bureau",
     "+33 1 49 27 40 00", ["fr"], "2021-01-15", "2024-02-29"),
]  # fmt: skip

FRANCE_NETWORK = [
    ("Office français de l'immigration et de l'intégration", "governmental",
     "Direction de l'intégration", "integration@ofii.example"),
    ("France terre d'asile", "non_governmental", "Pôle plaidoyer", "plaidoyer@ftda.example"),
    ("Organisation internationale pour les migrations, bureau de Paris", "international",
     "Chef de bureau", "paris@iom.example"),
]  # fmt: skip


def seed_users(password):
    User = get_user_model()
    for username, first, last, role, state_code, language in USERS:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.language = first, last, language
        user.email = f"{username}@example.org"
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=role))
        if state_code:
            user.groups.add(MemberState.objects.get(code=state_code).group)


def seed_people(password):
    User = get_user_model()
    office = User.objects.get(username="office")
    for username, institution in (("srsg", "Council of Europe"), ("office", "SRSG Office")):
        profile, _ = MemberProfile.objects.get_or_create(user=User.objects.get(username=username))
        profile.institution, profile.phone = institution, "+33 3 88 41 20 00"
        profile.working_languages = ["en", "fr"]
        profile.save()
    for row in CORRESPONDENTS_DEMO:
        username, first, last, code, institution, position, phone, languages, start, end = row
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.first_name, user.last_name = first, last
            user.email = f"{username}@example.org"
            user.language = "fr" if code in ("FR", "BE", "CH") else "en"
            user.set_password(password)
            user.save()
        state = MemberState.objects.get(code=code)
        if not Designation.objects.filter(user=user, member_state=state).exists():
            record_designation(
                Designation(
                    user=user,
                    member_state=state,
                    institution=institution,
                    position=position,
                    designated_on=date.fromisoformat(start),
                    designating_authority=f"Permanent Representation of {state.name_en}",
                    ends_on=date.fromisoformat(end) if end else None,
                ),
                by=office,
            )
        MemberProfile.objects.filter(user=user).update(phone=phone, working_languages=languages)
    france = MemberState.objects.get(code="FR")
    for organisation, kind, contact, email in FRANCE_NETWORK:
        NationalNetworkActor.objects.get_or_create(
            member_state=france,
            organisation=organisation,
            defaults={"kind": kind, "contact": contact, "email": email},
        )
