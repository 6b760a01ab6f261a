from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("network_pages", "0024_governance_permissions")]

    operations = [
        migrations.AddConstraint(
            model_name="textrevision",
            constraint=models.UniqueConstraint(
                fields=("consultation",), name="one_revision_per_consultation"
            ),
        ),
    ]
