"""The member directory page under each intranet root, and the Office's right to record designations."""

import uuid

from django.db import migrations

# Literals frozen here: a later rename of a role must not rewrite history.
SRSG = "SRSG"
OFFICE = "SRSG Office"

TITLES = {"en": ("Member directory", "directory"), "fr": ("Annuaire des membres", "annuaire")}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    IntranetHomePage = apps.get_model("network_pages.IntranetHomePage")
    DirectoryPage = apps.get_model("network_pages.DirectoryPage")

    page_type, _ = ContentType.objects.get_or_create(
        app_label="network_pages", model="directorypage"
    )
    key = uuid.uuid4()
    for root in IntranetHomePage.objects.select_related("locale"):
        code = root.locale.language_code
        if code not in TITLES or DirectoryPage.objects.filter(path__startswith=root.path).exists():
            continue
        title, slug = TITLES[code]
        last = Page.objects.filter(path__startswith=root.path, depth=root.depth + 1)
        last = last.order_by("-path").values_list("path", flat=True).first()
        step = int(last[-4:], 36) + 1 if last else 1
        DirectoryPage.objects.create(
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
        Page.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)

    designation_type, _ = ContentType.objects.get_or_create(
        app_label="network_pages", model="designation"
    )
    for group_name, actions in ((OFFICE, ("add", "change", "view")), (SRSG, ("view",))):
        group = Group.objects.get(name=group_name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=designation_type,
                codename=f"{action}_designation",
                defaults={"name": f"Can {action} designation"},
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
    dependencies = [("network_pages", "0005_directory")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
