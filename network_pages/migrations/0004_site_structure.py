"""The page tree production needs: public homes and restricted intranet roots in English and French,
the site, and the editors' permissions. Built with historical models (paths computed by hand, as
Wagtail's own initial migration does) so later model changes cannot break it."""

import uuid

from django.db import migrations

# Literals frozen here: a later rename of a role or a state must not rewrite history.
SRSG = "SRSG"
OFFICE = "SRSG Office"
CORRESPONDENTS = "Correspondents"
EXPERTS = "Invited experts"
INTRANET_SLUG = "intranet"

HOMES = {
    "en": ("Special Representative on Migration and Refugees", "home"),
    "fr": ("Représentant spécial sur les migrations et les réfugiés", "home-fr"),
}
INTRANETS = {"en": "Network intranet", "fr": "Intranet du réseau"}

OFFICE_PAGE_PERMS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
SRSG_PAGE_PERMS = ["add_page", "change_page"]
OFFICE_FILE_PERMS = ["add", "change", "choose"]
SRSG_FILE_PERMS = ["add", "choose"]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    Collection = apps.get_model("wagtailcore.Collection")
    PageViewRestriction = apps.get_model("wagtailcore.PageViewRestriction")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    HomePage = apps.get_model("home.HomePage")
    IntranetHomePage = apps.get_model("network_pages.IntranetHomePage")

    if HomePage.objects.exists():
        return
    root = Page.objects.get(depth=1)
    # Wagtail's placeholder welcome page and its site.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore").delete()

    home_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    intranet_type, _ = ContentType.objects.get_or_create(
        app_label="network_pages", model="intranethomepage"
    )
    home_key, intranet_key = uuid.uuid4(), uuid.uuid4()
    existing = Page.objects.filter(depth=2).count()
    homes = {}
    for index, (code, (title, slug)) in enumerate(HOMES.items(), start=existing + 1):
        locale = Locale.objects.get(language_code=code)
        path = root.path + f"{index:04d}"
        home = HomePage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=home_type,
            path=path,
            depth=2,
            numchild=1,
            url_path=f"/{slug}/",
            locale=locale,
            translation_key=home_key,
            live=True,
        )
        intranet = IntranetHomePage.objects.create(
            title=INTRANETS[code],
            draft_title=INTRANETS[code],
            slug=INTRANET_SLUG,
            content_type=intranet_type,
            path=path + "0001",
            depth=3,
            numchild=0,
            url_path=f"/{slug}/{INTRANET_SLUG}/",
            locale=locale,
            translation_key=intranet_key,
            live=True,
        )
        restriction = PageViewRestriction.objects.create(page=intranet, restriction_type="groups")
        restriction.groups.set(
            Group.objects.filter(name__in=[SRSG, OFFICE, CORRESPONDENTS, EXPERTS])
        )
        homes[code] = home
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])

    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=homes["en"],
        is_default_site=True,
        site_name="Network of Correspondents on Migration",
    )

    def perm(app_label, model, codename):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename}
        )
        return permission

    office = Group.objects.get(name=OFFICE)
    srsg = Group.objects.get(name=SRSG)
    admin_access = perm("wagtailadmin", "admin", "access_admin")
    submit_translation = perm("wagtail_localize", "translation", "submit_translation")
    for group, page_perms, file_perms in (
        (office, OFFICE_PAGE_PERMS, OFFICE_FILE_PERMS),
        (srsg, SRSG_PAGE_PERMS, SRSG_FILE_PERMS),
    ):
        group.permissions.add(admin_access, submit_translation)
        for home in homes.values():
            for codename in page_perms:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=perm("wagtailcore", "page", codename)
                )
        root_collection = Collection.objects.get(depth=1)
        for action in file_perms:
            for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=perm(app_label, model, f"{action}_{model}"),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("network_pages", "0003_roles_member_states"),
        ("home", "0001_initial"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
