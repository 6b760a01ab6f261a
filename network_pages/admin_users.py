"""The admin's user forms carry the network's own user fields (the preferred language)."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class NetworkUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"language"}


class NetworkUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"language"}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return NetworkUserEditForm if for_update else NetworkUserCreationForm
