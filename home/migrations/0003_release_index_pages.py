"""The list of released information under each public home (§3.3)."""

import uuid

from django.db import migrations

# Literals frozen here: later renames must not rewrite history.
TITLES = {
    "en": ("Released by the network", "released"),
    "fr": ("Publié par le réseau", "publications"),
}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("home.HomePage")
    ReleaseIndexPage = apps.get_model("home.ReleaseIndexPage")

    page_type, _ = ContentType.objects.get_or_create(app_label="home", model="releaseindexpage")
    key = uuid.uuid4()
    for home in HomePage.objects.select_related("locale"):
        code = home.locale.language_code
        if code not in TITLES or ReleaseIndexPage.objects.filter(path__startswith=home.path).exists():
            continue
        title, slug = TITLES[code]
        last = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        last = last.order_by("-path").values_list("path", flat=True).first()
        step = int(last[-4:], 36) + 1 if last else 1
        ReleaseIndexPage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=page_type,
            path=home.path + _base36(step),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}{slug}/",
            locale=home.locale,
            translation_key=key,
            live=True,
            show_in_menus=True,
        )
        numchild = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
        Page.objects.filter(pk=home.pk).update(numchild=numchild)


def _base36(number, width=4):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out.rjust(width, "0")


class Migration(migrations.Migration):
    dependencies = [("home", "0002_released_pages")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
