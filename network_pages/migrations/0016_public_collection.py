"""The public collection (issue 15): the one place a file is declared public. Nothing else moves:
existing files are judged by the file rule at request time."""

from django.db import migrations

# Frozen here: a later rename of the setting must not rewrite history.
PUBLIC_COLLECTION = "Public"


def _base36(number, width=4):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out.rjust(width, "0")


def forwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    if Collection.objects.filter(name=PUBLIC_COLLECTION, depth=2).exists():
        return
    root = Collection.objects.get(depth=1)
    last = Collection.objects.filter(depth=2).order_by("-path").first()
    step = int(last.path[-4:], 36) + 1 if last else 1
    Collection.objects.create(
        name=PUBLIC_COLLECTION, path=root.path + _base36(step), depth=2, numchild=0
    )
    root.numchild = Collection.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("network_pages", "0015_translatable_keys_required"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
