"""Roles, member states and their groups, the grant permission, the French locale and the intranet
collection: data every environment needs, not only the demo."""

from django.db import migrations

# Literals frozen here: a later rename of a role, a state or the collection must not rewrite history.
NETWORK_GROUPS = ("SRSG", "SRSG Office", "Correspondents", "Invited experts")
VIEW_RESTRICTED_PAGE = "view_restricted_page"
INTRANET_COLLECTION = "Intranet"

MEMBER_STATES = [
    ("AL", "Albania", "Albanie"),
    ("AD", "Andorra", "Andorre"),
    ("AM", "Armenia", "Arménie"),
    ("AT", "Austria", "Autriche"),
    ("AZ", "Azerbaijan", "Azerbaïdjan"),
    ("BE", "Belgium", "Belgique"),
    ("BA", "Bosnia and Herzegovina", "Bosnie-Herzégovine"),
    ("BG", "Bulgaria", "Bulgarie"),
    ("HR", "Croatia", "Croatie"),
    ("CY", "Cyprus", "Chypre"),
    ("CZ", "Czech Republic", "République tchèque"),
    ("DK", "Denmark", "Danemark"),
    ("EE", "Estonia", "Estonie"),
    ("FI", "Finland", "Finlande"),
    ("FR", "France", "France"),
    ("GE", "Georgia", "Géorgie"),
    ("DE", "Germany", "Allemagne"),
    ("GR", "Greece", "Grèce"),
    ("HU", "Hungary", "Hongrie"),
    ("IS", "Iceland", "Islande"),
    ("IE", "Ireland", "Irlande"),
    ("IT", "Italy", "Italie"),
    ("LV", "Latvia", "Lettonie"),
    ("LI", "Liechtenstein", "Liechtenstein"),
    ("LT", "Lithuania", "Lituanie"),
    ("LU", "Luxembourg", "Luxembourg"),
    ("MT", "Malta", "Malte"),
    ("MD", "Republic of Moldova", "République de Moldova"),
    ("MC", "Monaco", "Monaco"),
    ("ME", "Montenegro", "Monténégro"),
    ("NL", "Netherlands", "Pays-Bas"),
    ("MK", "North Macedonia", "Macédoine du Nord"),
    ("NO", "Norway", "Norvège"),
    ("PL", "Poland", "Pologne"),
    ("PT", "Portugal", "Portugal"),
    ("RO", "Romania", "Roumanie"),
    ("SM", "San Marino", "Saint-Marin"),
    ("RS", "Serbia", "Serbie"),
    ("SK", "Slovak Republic", "République slovaque"),
    ("SI", "Slovenia", "Slovénie"),
    ("ES", "Spain", "Espagne"),
    ("SE", "Sweden", "Suède"),
    ("CH", "Switzerland", "Suisse"),
    ("TR", "Türkiye", "Türkiye"),
    ("UA", "Ukraine", "Ukraine"),
    ("GB", "United Kingdom", "Royaume-Uni"),
]


def state_group_name(code, name_en):
    return f"State: {name_en} ({code})"


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    MemberState = apps.get_model("network_pages.MemberState")
    Locale = apps.get_model("wagtailcore.Locale")
    Collection = apps.get_model("wagtailcore.Collection")

    # Wagtail's sample groups hold page rights on the root, including the future released pages.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    for name in NETWORK_GROUPS:
        Group.objects.get_or_create(name=name)
    for code, name_en, name_fr in MEMBER_STATES:
        group, _ = Group.objects.get_or_create(name=state_group_name(code, name_en))
        MemberState.objects.update_or_create(
            code=code, defaults={"name_en": name_en, "name_fr": name_fr, "group": group}
        )

    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    Permission.objects.get_or_create(
        content_type=page_type,
        codename=VIEW_RESTRICTED_PAGE,
        defaults={"name": "Can view a page in a deny-by-default zone"},
    )

    Locale.objects.get_or_create(language_code="en")
    Locale.objects.get_or_create(language_code="fr")

    root = Collection.objects.get(depth=1)
    if not Collection.objects.filter(name=INTRANET_COLLECTION, depth=2).exists():
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        step = int(last.path[-4:], 36) + 1 if last else 1
        Collection.objects.create(
            name=INTRANET_COLLECTION,
            path=root.path + _base36(step),
            depth=2,
            numchild=0,
        )
        root.numchild = Collection.objects.filter(depth=2).count()
        root.save(update_fields=["numchild"])


def _base36(number, width=4):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out.rjust(width, "0")


class Migration(migrations.Migration):
    dependencies = [
        ("network_pages", "0002_pages_files_outbox_grants"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0003_admin_managed"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
