"""Good practices: a first list of themes, the practices list under each intranet root, the
"Contributions" workflow with its review task (assigned to those lists), and the Office's rights
on themes and on the practices' setting."""

import uuid

from django.db import migrations

# Literals frozen here: later renames must not rewrite history.
SRSG = "SRSG"
OFFICE = "SRSG Office"
THEMES = [
    ("Reception", "Accueil"),
    ("Integration", "Intégration"),
    ("Return", "Retour"),
    ("Children", "Enfants"),
    ("Alternatives to detention", "Alternatives à la rétention"),
    ("Statelessness", "Apatridie"),
]
TITLES = {"en": ("Good practices", "practices"), "fr": ("Bonnes pratiques", "bonnes-pratiques")}
WORKFLOW = "Contributions"
TASK = "Review by the SRSG Office"
GRANTS = {
    "theme": ("add", "change", "delete", "view"),
    "practicesettings": ("change",),
}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    IntranetHomePage = apps.get_model("network_pages.IntranetHomePage")
    PracticeIndexPage = apps.get_model("network_pages.PracticeIndexPage")
    ReviewTask = apps.get_model("network_pages.ContributionReviewTask")
    Theme = apps.get_model("network_pages.Theme")

    for name_en, name_fr in THEMES:
        Theme.objects.get_or_create(name_en=name_en, defaults={"name_fr": name_fr})

    task_type, _ = ContentType.objects.get_or_create(
        app_label="network_pages", model="contributionreviewtask"
    )
    task = ReviewTask.objects.filter(name=TASK).first() or ReviewTask.objects.create(
        name=TASK, content_type=task_type, active=True
    )
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    page_type, _ = ContentType.objects.get_or_create(
        app_label="network_pages", model="practiceindexpage"
    )
    key = uuid.uuid4()
    for root in IntranetHomePage.objects.select_related("locale"):
        code = root.locale.language_code
        if code not in TITLES:
            continue
        index = PracticeIndexPage.objects.filter(path__startswith=root.path).first()
        if index is None:
            title, slug = TITLES[code]
            last = Page.objects.filter(path__startswith=root.path, depth=root.depth + 1)
            last = last.order_by("-path").values_list("path", flat=True).first()
            step = int(last[-4:], 36) + 1 if last else 1
            index = PracticeIndexPage.objects.create(
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
            numchild = Page.objects.filter(
                path__startswith=root.path, depth=root.depth + 1
            ).count()
            Page.objects.filter(pk=root.pk).update(numchild=numchild)
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})

    for model, actions in GRANTS.items():
        content_type, _ = ContentType.objects.get_or_create(
            app_label="network_pages", model=model
        )
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            for group in Group.objects.filter(name__in=(SRSG, OFFICE)):
                group.permissions.add(permission)


def _base36(number, width=4):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out.rjust(width, "0")


class Migration(migrations.Migration):
    dependencies = [("network_pages", "0027_practices")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
