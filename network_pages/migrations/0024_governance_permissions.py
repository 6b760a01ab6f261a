from django.db import migrations

# Literals frozen here: a later rename of a role must not rewrite history.
SRSG = "SRSG"
OFFICE = "SRSG Office"

# (model, {group: actions}) for the admin's lists of the governance records.
GRANTS = (
    ("decision", "decision of the Network", {OFFICE: ("add", "change", "view"), SRSG: ("view",)}),
    (
        "methodssuggestion",
        "suggestion on the working methods",
        {OFFICE: ("change", "view"), SRSG: ("change", "view")},
    ),
    (
        "textrevision",
        "revision of a governing text",
        {OFFICE: ("change", "view"), SRSG: ("change", "view")},
    ),
    ("agendasuggestion", "agenda suggestion", {OFFICE: ("view",), SRSG: ("change", "view")}),
)


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for model, label, by_group in GRANTS:
        content_type, _ = ContentType.objects.get_or_create(app_label="network_pages", model=model)
        for group_name, actions in by_group.items():
            group = Group.objects.get(name=group_name)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {label}"},
                )
                group.permissions.add(permission)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for model, _label, by_group in GRANTS:
        for group_name, actions in by_group.items():
            group = Group.objects.get(name=group_name)
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="network_pages",
                    codename__in=[f"{action}_{model}" for action in actions],
                )
            )


class Migration(migrations.Migration):
    dependencies = [("network_pages", "0023_governance")]

    operations = [migrations.RunPython(forwards, backwards)]
