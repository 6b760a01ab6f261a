"""The e-mailed file of a response is `email_file`: `original` already means the page as first
written. A rename: the files stay attached to their responses."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("network_pages", "0012_sessions"),
    ]

    operations = [
        migrations.RenameField(
            model_name="stateresponse",
            old_name="original",
            new_name="email_file",
        ),
    ]
