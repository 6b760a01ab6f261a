# Written by hand (issue 16): experts at every meeting of the network (§1.2). The joint-meeting and
# external-participant fields move from thematic sessions to every session; an invitation keeps the
# person as named (no account before the Office confirms a nomination), the agenda items their views
# are sought on and the papers they receive; the page-only grant joins the grant permission.

from django.conf import settings
from django.db import migrations, models

import django.db.models.deletion

# Literals frozen here, as in 0003.
VIEW_RESTRICTED_PAGE_ONLY = "view_restricted_page_only"


def move_session_fields(apps, schema_editor):
    ThematicSessionPage = apps.get_model("network_pages", "ThematicSessionPage")
    SessionPage = apps.get_model("network_pages", "SessionPage")
    for thematic in ThematicSessionPage.objects.all():
        SessionPage.objects.filter(pk=thematic.pk).update(
            external_participants=thematic.external_participants_old,
            held_jointly_with=thematic.held_jointly_with_old,
        )


def put_back_session_fields(apps, schema_editor):
    ThematicSessionPage = apps.get_model("network_pages", "ThematicSessionPage")
    SessionPage = apps.get_model("network_pages", "SessionPage")
    for session in SessionPage.objects.filter(pk__in=ThematicSessionPage.objects.values("pk")):
        ThematicSessionPage.objects.filter(pk=session.pk).update(
            external_participants_old=session.external_participants,
            held_jointly_with_old=session.held_jointly_with,
        )


def name_invited_people(apps, schema_editor):
    """Every invitation so far had an account: its names and address are the account's."""
    Invitation = apps.get_model("network_pages", "Invitation")
    for invitation in Invitation.objects.select_related("user").iterator():
        user = invitation.user
        Invitation.objects.filter(pk=invitation.pk).update(
            email=user.email,
            first_name=user.first_name,
            last_name=user.last_name,
            language=getattr(user, "language", "en") or "en",
        )


def add_page_only_grant(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    Permission.objects.get_or_create(
        content_type=page_type,
        codename=VIEW_RESTRICTED_PAGE_ONLY,
        defaults={"name": "Can view a page alone (not its subtree) in a deny-by-default zone"},
    )


def remove_page_only_grant(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Permission.objects.filter(codename=VIEW_RESTRICTED_PAGE_ONLY).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network_pages", "0018_convocation_dates"),
    ]

    operations = [
        migrations.RenameField(
            model_name="thematicsessionpage",
            old_name="external_participants",
            new_name="external_participants_old",
        ),
        migrations.RenameField(
            model_name="thematicsessionpage",
            old_name="held_jointly_with",
            new_name="held_jointly_with_old",
        ),
        migrations.AddField(
            model_name="sessionpage",
            name="external_participants",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Experts or organisations from outside the network take part: the Office may "
                    "invite them to the session."
                ),
                verbose_name="with external participants",
            ),
        ),
        migrations.AddField(
            model_name="sessionpage",
            name="held_jointly_with",
            field=models.CharField(
                blank=True,
                help_text="Another network or organisation, if the session is held jointly.",
                max_length=255,
                verbose_name="held jointly with",
            ),
        ),
        migrations.RunPython(move_session_fields, put_back_session_fields),
        migrations.RemoveField(model_name="thematicsessionpage", name="external_participants_old"),
        migrations.RemoveField(model_name="thematicsessionpage", name="held_jointly_with_old"),
        migrations.AlterField(
            model_name="invitation",
            name="user",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty while a nomination waits for the Office.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="invitations",
                to=settings.AUTH_USER_MODEL,
                verbose_name="person",
            ),
        ),
        migrations.AddField(
            model_name="invitation",
            name="email",
            field=models.EmailField(default="", max_length=254, verbose_name="e-mail address"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="invitation",
            name="first_name",
            field=models.CharField(default="", max_length=150, verbose_name="first name"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="invitation",
            name="last_name",
            field=models.CharField(default="", max_length=150, verbose_name="last name"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="invitation",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("fr", "French")],
                default="en",
                max_length=2,
                verbose_name="preferred language",
            ),
        ),
        migrations.RunPython(name_invited_people, migrations.RunPython.noop),
        migrations.AddField(
            model_name="invitation",
            name="agenda_items",
            field=models.ManyToManyField(
                blank=True,
                help_text="The agenda items (of the session as first written) the person speaks to.",
                related_name="invitations",
                to="network_pages.agendaitem",
                verbose_name="views sought on",
            ),
        ),
        migrations.AddField(
            model_name="invitation",
            name="papers",
            field=models.ManyToManyField(
                blank=True,
                help_text="For a plenary: the papers the person receives, among the session's.",
                related_name="invitations",
                to="network_pages.sessionpaper",
                verbose_name="papers received",
            ),
        ),
        migrations.AlterModelOptions(
            name="invitation",
            options={
                "ordering": ["session", "last_name", "first_name"],
                "verbose_name": "invitation",
                "verbose_name_plural": "invitations",
            },
        ),
        migrations.RunPython(add_page_only_grant, remove_page_only_grant),
    ]
