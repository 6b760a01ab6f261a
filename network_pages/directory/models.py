"""The member directory page (R7)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page


class DirectoryPage(RoutablePageMixin, Page):
    """The member directory (R7), one per intranet root: members only, never invited experts."""

    members_only = True

    parent_page_types = ["network_pages.IntranetHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("member directory")
        verbose_name_plural = _("member directories")

    @path("")
    def index(self, request):
        from network_pages.directory import views as directory

        return directory.index(request, self)

    @path("csv/")
    def csv_export(self, request):
        from network_pages.directory import views as directory

        return directory.csv_export(request, self)

    @path("people/<int:user_id>/vcard/")
    def vcard(self, request, user_id):
        from network_pages.directory import views as directory

        return directory.vcard(request, self, user_id)

    @path("profile/")
    def own_profile(self, request):
        from network_pages.directory import views as directory

        return directory.edit_profile(request, self, request.user.pk)

    @path("people/<int:user_id>/edit/")
    def edit_profile(self, request, user_id):
        from network_pages.directory import views as directory

        return directory.edit_profile(request, self, user_id)

    @path("states/<str:code>/")
    def state(self, request, code):
        from network_pages.directory import views as directory

        return directory.state(request, self, code)

    @path("states/<str:code>/actors/add/")
    def add_actor(self, request, code):
        from network_pages.directory import views as directory

        return directory.edit_actor(request, self, code, None)

    @path("states/<str:code>/actors/<int:actor_id>/edit/")
    def edit_actor(self, request, code, actor_id):
        from network_pages.directory import views as directory

        return directory.edit_actor(request, self, code, actor_id)

    @path("states/<str:code>/actors/<int:actor_id>/delete/")
    def delete_actor(self, request, code, actor_id):
        from network_pages.directory import views as directory

        return directory.delete_actor(request, self, code, actor_id)
