"""Thematic groups: their list under each intranet root, and the Office's rights on the
rapporteurs (the SRSG reads them)."""

import uuid

from django.db import migrations

# Literals frozen here: later renames must not rewrite history.
SRSG = "SRSG"
OFFICE = "SRSG Office"
TITLES = {
    "en": ("Thematic groups", "groups"),
    "fr": ("Groupes thématiques", "groupes"),
}
GRANTS = {OFFICE: ("add", "change", "view"), SRSG: ("view",)}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    IntranetHomePage = apps.get_model("network_pages.IntranetHomePage")
    GroupIndexPage = apps.get_model("network_pages.GroupIndexPage")

    page_type, _ = ContentType.objects.get_or_create(
        app_label="network_pages", model="groupindexpage"
    )
    key = uuid.uuid4()
    for root in IntranetHomePage.objects.select_related("locale"):
        code = root.locale.language_code
        if code not in TITLES or GroupIndexPage.objects.filter(path__startswith=root.path).exists():
            continue
        title, slug = TITLES[code]
        last = Page.objects.filter(path__startswith=root.path, depth=root.depth + 1)
        last = last.order_by("-path").values_list("path", flat=True).first()
        step = int(last[-4:], 36) + 1 if last else 1
        GroupIndexPage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=page_type,
            path=root.path + _base36(step),
            depth=root.depth + 1,
            numchild=0,
            url_path=f"{root.url_path}{slug}/",
            locale=root.locale,
            translation_key=key,
            live=True,
        )
        numchild = Page.objects.filter(path__startswith=root.path, depth=root.depth + 1).count()
        Page.objects.filter(pk=root.pk).update(numchild=numchild)

    content_type, _ = ContentType.objects.get_or_create(
        app_label="network_pages", model="rapporteur"
    )
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_rapporteur",
                defaults={"name": f"Can {action} rapporteur"},
            )
            group.permissions.add(permission)


def _base36(number, width=4):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out.rjust(width, "0")


class Migration(migrations.Migration):
    dependencies = [("network_pages", "0031_groups")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
