"""The Office's people in the admin: user forms with the preferred language, designations."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from network_pages.accounts.forms import DesignationForm
from network_pages.accounts.models import Designation


class NetworkUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"language"}


class NetworkUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"language"}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return NetworkUserEditForm if for_update else NetworkUserCreationForm


class DesignationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "member_state")


class DesignationViewSet(ModelViewSet):
    model = Designation
    index_view_class = DesignationIndexView
    icon = "user"
    menu_label = _("Designations")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "user",
        "member_state",
        "institution",
        "designated_on",
        "ends_on",
        "activated_at",
    ]
    list_filter = ["member_state"]
    search_fields = ["user__first_name", "user__last_name", "user__email", "institution"]
    search_backend_name = None  # plain database lookups across the related user
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return DesignationForm
