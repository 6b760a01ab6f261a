"""Questions and agenda items become translatable (issue 13): each row takes its page's locale,
and the rows at one place (sort order) of a page's translations share one translation key."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def key_rows_by_order(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    for model_name in ("RequestQuestion", "AgendaItem"):
        model = apps.get_model("network_pages", model_name)
        pages = dict(
            Page.objects.filter(
                pk__in=model.objects.values("page_id")
            ).values_list("pk", "translation_key")
        )
        locales = dict(
            Page.objects.filter(pk__in=pages).values_list("pk", "locale_id")
        )
        keys = {}
        for row in model.objects.order_by("page_id", "sort_order", "pk"):
            place = (pages[row.page_id], row.sort_order)
            row.translation_key = keys.setdefault(place, uuid.uuid4())
            row.locale_id = locales[row.page_id]
            row.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("network_pages", "0013_rename_response_original_to_email_file"),
    ]

    operations = [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        )
        for model_name in ("requestquestion", "agendaitem")
    ] + [
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        )
        for model_name in ("requestquestion", "agendaitem")
    ] + [migrations.RunPython(key_rows_by_order, migrations.RunPython.noop)]
