from django.db import migrations

# Literals frozen here: a later rename of a role must not rewrite history.
SRSG = "SRSG"
OFFICE = "SRSG Office"

# In the admin's "Agenda approvals": the SRSG approves, the Office records the adoption.
GRANTS = {SRSG: ("add", "view"), OFFICE: ("change", "view")}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="network_pages", model="agendaapproval"
    )
    for group_name, actions in GRANTS.items():
        group = Group.objects.get(name=group_name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_agendaapproval",
                defaults={"name": f"Can {action} agenda approval"},
            )
            group.permissions.add(permission)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, actions in GRANTS.items():
        Group.objects.get(name=group_name).permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="network_pages",
                codename__in=[f"{action}_agendaapproval" for action in actions],
            )
        )


class Migration(migrations.Migration):
    dependencies = [("network_pages", "0025_methods_one_revision_per_consultation")]

    operations = [migrations.RunPython(forwards, backwards)]
