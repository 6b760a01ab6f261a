# Written by hand (issue 16): the dates a convocation announced, and whether it was a notice of
# new dates.

from django.db import migrations, models


def announced_dates_from_session(apps, schema_editor):
    """Existing convocations announced the dates their session has now: nothing moved them yet."""
    Convocation = apps.get_model("network_pages", "Convocation")
    for convocation in Convocation.objects.select_related("session").iterator():
        convocation.starts_on = convocation.session.starts_on
        convocation.ends_on = convocation.session.ends_on
        convocation.save(update_fields=["starts_on", "ends_on"])


class Migration(migrations.Migration):
    dependencies = [
        ("network_pages", "0017_entry_versions"),
    ]

    operations = [
        migrations.AddField(
            model_name="convocation",
            name="starts_on",
            field=models.DateField(blank=True, null=True, verbose_name="first day announced"),
        ),
        migrations.AddField(
            model_name="convocation",
            name="ends_on",
            field=models.DateField(blank=True, null=True, verbose_name="last day announced"),
        ),
        migrations.AddField(
            model_name="convocation",
            name="changes_dates",
            field=models.BooleanField(default=False, verbose_name="notice of new dates"),
        ),
        migrations.AlterModelOptions(
            name="convocation",
            options={
                "ordering": ["-sent_at", "-pk"],
                "verbose_name": "convocation",
                "verbose_name_plural": "convocations",
            },
        ),
        migrations.RunPython(announced_dates_from_session, migrations.RunPython.noop),
    ]
