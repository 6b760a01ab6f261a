from wagtail import hooks

from network_pages.accounts.admin import DesignationViewSet


@hooks.register("register_admin_viewset")
def register_designation_viewset():
    return DesignationViewSet("designations")
