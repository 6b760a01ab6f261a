"""The information requests list under each intranet root."""

import uuid

from django.db import migrations

TITLES = {"en": ("Information requests", "requests"), "fr": ("Demandes d'information", "demandes")}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    IntranetHomePage = apps.get_model("network_pages.IntranetHomePage")
    RequestIndexPage = apps.get_model("network_pages.RequestIndexPage")

    page_type, _ = ContentType.objects.get_or_create(
        app_label="network_pages", model="requestindexpage"
    )
    key = uuid.uuid4()
    for root in IntranetHomePage.objects.select_related("locale"):
        code = root.locale.language_code
        if code not in TITLES:
            continue
        if RequestIndexPage.objects.filter(path__startswith=root.path).exists():
            continue
        title, slug = TITLES[code]
        last = Page.objects.filter(path__startswith=root.path, depth=root.depth + 1)
        last = last.order_by("-path").values_list("path", flat=True).first()
        step = int(last[-4:], 36) + 1 if last else 1
        RequestIndexPage.objects.create(
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


def _base36(number, width=4):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out.rjust(width, "0")


class Migration(migrations.Migration):
    dependencies = [("network_pages", "0008_information_requests")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
